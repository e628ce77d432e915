package dev.wheeltapper.inspect;

import dev.wheeltapper.bytes.NativeFormat;
import dev.wheeltapper.bytes.ByteSources;
import dev.wheeltapper.bytes.ByteSource;
import dev.wheeltapper.elf.ElfDefect;
import dev.wheeltapper.elf.ElfFile;
import dev.wheeltapper.elf.ElfFormatException;
import dev.wheeltapper.guide.GuideInputs;
import dev.wheeltapper.guide.GuidePlatform;
import dev.wheeltapper.guide.GuideProfile;
import dev.wheeltapper.hardening.CheckContext;
import dev.wheeltapper.hardening.ElfFacts;
import dev.wheeltapper.hardening.ElfHardening;
import dev.wheeltapper.hardening.Hardening;
import dev.wheeltapper.hardening.MachOHardening;
import dev.wheeltapper.hardening.PeHardening;
import dev.wheeltapper.macho.MachOFile;
import dev.wheeltapper.macho.MachORecords;
import dev.wheeltapper.macho.MachOSlice;
import dev.wheeltapper.pe.PeFile;
import dev.wheeltapper.pe.PeRecords;
import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Untrusted;
import dev.wheeltapper.toolchain.MachOToolchain;
import dev.wheeltapper.toolchain.PeToolchain;
import dev.wheeltapper.toolchain.ElfToolchain;
import dev.wheeltapper.toolchain.MemorySafety;
import dev.wheeltapper.toolchain.Toolchain;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Inspects one native binary: hardening checks, toolchain and language, needed libraries and symbol versions, as one
 * {@link BinaryInspection}. One verb, {@code inspect}, for each way a binary arrives: an open {@link ElfFile},
 * {@link PeFile} or {@link MachOFile} (one result per architecture slice), or bytes whose reader is picked by magic
 * number (a {@link ByteSource}, a {@link Path}, a wheel entry's {@link InputStream}). {@link #forPath} names the path
 * to report; {@link #inWheel} says that path is a wheel entry, against which {@code $ORIGIN} and {@code @loader_path}
 * entries are judged. The ELF snapshot the checks read is {@link ElfSnapshot}'s, the read-only data scan
 * {@link ReadOnlyData}'s.
 *
 * <pre>{@code
 * try (ElfFile elf = ElfFile.open(path)) {
 *   BinaryInspection i = BinaryInspector.forPath("pkg/_x.abi3.so").inWheel().inspect(elf);
 *   i.hardening().result(HardeningCheck.RELRO).value();   // Relro.Level.FULL
 *   i.findings();                                         // hardening.* warnings
 * }
 * List<BinaryInspection> any = BinaryInspector.forPath("lib/x.dylib").inspect(Path.of("lib/x.dylib"));
 * }</pre>
 *
 * <p>Immutable and thread-safe (an {@link ElfFile} itself is used by one thread at a time).
 */
public final class BinaryInspector {
  private final String path;
  private final Optional<String> pathInWheel;
  private final GuidePlatform platform;

  private BinaryInspector(String path, Optional<String> pathInWheel, GuidePlatform platform) {
    this.path = Objects.requireNonNull(path, "path");
    this.pathInWheel = pathInWheel;
    this.platform = platform;
  }

  /**
   * An inspector reporting the given path, for a bare binary (outside a wheel: {@code $ORIGIN} entries are judged
   * relative to the binary only).
   *
   * @param path the path to report
   * @return the inspector
   */
  public static BinaryInspector forPath(String path) {
    return new BinaryInspector(path, Optional.empty(), GuidePlatform.unknown());
  }

  /**
   * The same inspector for a wheel entry: the path is the binary's entry path inside its wheel
   * ({@code pkg/_x.abi3.so}), used to decide whether {@code $ORIGIN} and {@code @loader_path} entries stay inside the
   * wheel.
   *
   * @return a new inspector
   */
  public BinaryInspector inWheel() {
    return new BinaryInspector(path, Optional.of(path), platform);
  }

  /**
   * The same inspector for a binary of a wheel with these platform tags, which bound what its build could use
   * (FORTIFY level 3 needs glibc 2.34 headers; musl has no FORTIFY): read by the OpenSSF guide profile.
   *
   * @param platformTags the platform parts of the wheel's tags ({@code manylinux_2_28_x86_64})
   * @return a new inspector
   */
  public BinaryInspector onPlatforms(java.util.Collection<String> platformTags) {
    return new BinaryInspector(path, pathInWheel, GuidePlatform.of(platformTags));
  }

  /**
   * Inspects an ELF file.
   *
   * @param elf the binary
   * @return the inspection
   * @throws ElfFormatException when a structure the checks need (program headers, section headers, dynamic table,
   *     {@code .dynsym}, notes) cannot be read; damaged optional evidence ({@code .symtab}, {@code .comment},
   *     version requirements, read-only data) is skipped
   */
  public BinaryInspection inspect(ElfFile elf) throws ElfFormatException {
    return inspectElf(elf, path, pathInWheel, platform);
  }

  /**
   * Inspects a PE image ({@code .dll}, {@code .pyd}, {@code .exe}).
   *
   * @param pe the image
   * @return the inspection (machine {@code x86_64}, {@code i686}, {@code aarch64}; type {@code dll} or {@code exe};
   *     {@code symbolVersions} holds the minimum Windows version of the optional header, {@code windows -> 6.0})
   */
  public BinaryInspection inspect(PeFile pe) {
    return inspectPe(pe, path, pathInWheel);
  }

  /**
   * Inspects a Mach-O file: one result per slice (one for a thin file), each with its own machine, hardening and
   * toolchain. Findings of a fat file's slices name the architecture in their message. {@code symbolVersions} holds
   * the deployment target ({@code macos -> 11.0}), the OS version the slice requires.
   *
   * @param macho the file
   * @return the inspections in slice order
   */
  public List<BinaryInspection> inspect(MachOFile macho) {
    return inspectMachO(macho, path, pathInWheel);
  }

  /**
   * Inspects the bytes of a binary of any supported format from a source the caller keeps open, picking the reader
   * by magic number: ELF and PE give one result, Mach-O one per slice, anything else none.
   *
   * @param src the bytes
   * @return the inspections, empty when no supported magic number matches
   * @throws ElfFormatException when the bytes start like ELF but cannot be read
   * @throws dev.wheeltapper.pe.PeFormatException when they start like PE but cannot be read
   * @throws dev.wheeltapper.macho.MachOFormatException when they start like Mach-O but cannot be read
   * @throws IOException when the source cannot be read
   */
  public List<BinaryInspection> inspect(ByteSource src) throws IOException {
    return inspectAny(src, path, pathInWheel, platform);
  }

  /**
   * Inspects a file of any supported format, mapped read-only.
   *
   * @param file the file
   * @return the inspections, empty when no supported magic number matches (or the file is empty)
   * @throws ElfFormatException when the file starts like ELF but cannot be read
   * @throws dev.wheeltapper.pe.PeFormatException when it starts like PE but cannot be read
   * @throws dev.wheeltapper.macho.MachOFormatException when it starts like Mach-O but cannot be read
   * @throws IOException when the file cannot be read
   */
  public List<BinaryInspection> inspect(Path file) throws IOException {
    if (Files.size(file) == 0) {
      return List.of();
    }
    try (ByteSource src = ByteSources.map(file)) {
      return inspect(src);
    }
  }

  /**
   * Inspects a stream of any supported format (a wheel entry's): reads exactly {@code size} bytes (in memory up to
   * 64 MiB, spilled to a temporary file above) and picks the reader by magic number.
   *
   * @param in the stream, read and not closed
   * @param size its size
   * @return the inspections, empty when no supported magic number matches
   * @throws ElfFormatException when the bytes start like ELF but cannot be read
   * @throws dev.wheeltapper.pe.PeFormatException when they start like PE but cannot be read
   * @throws dev.wheeltapper.macho.MachOFormatException when they start like Mach-O but cannot be read
   * @throws IOException when the stream cannot be read or holds another size
   */
  public List<BinaryInspection> inspect(InputStream in, long size) throws IOException {
    try (ByteSource src = ByteSources.fromStream(in, size, ByteSources.DEFAULT_MEMORY_THRESHOLD)) {
      return inspect(src);
    }
  }

  private static BinaryInspection inspectElf(ElfFile elf, String path, Optional<String> pathInWheel,
      GuidePlatform platform) throws ElfFormatException {
    ElfFacts facts = ElfSnapshot.of(elf);
    Toolchain toolchain = ElfToolchain.detect(facts, ReadOnlyData.scanStrings(elf));
    CheckContext ctx = context(pathInWheel, toolchain);
    ElfHardening hardening = ElfHardening.check(facts, ctx);
    List<Finding> findings = new ArrayList<>(hardening.findings(path));
    GuideProfile guide = GuideProfile.of(GuideInputs.of(facts, hardening, toolchain), platform);
    findings.addAll(guide.findings(path));
    List<String> defects = new ArrayList<>();
    for (ElfDefect d : elf.defects()) {
      defects.add(d.part() + (d.offset() >= 0 ? " at 0x" + Long.toHexString(d.offset()) : "") + ": " + d.reason());
    }
    malformed(path, "ELF file", defects).ifPresent(findings::add);
    return new BinaryInspection(path, NativeFormat.ELF, OptionalInt.of(facts.bits()),
        Optional.of(facts.littleEndian() ? "little" : "big"), facts.machineLabel(), elf.type().label(), hardening,
        toolchain, facts.needed(), facts.versionHighest(), findings, Optional.of(guide));
  }

  /** Where the binary sits, and whether its own code is memory-safe (then canary and FORTIFY do not apply). */
  private static CheckContext context(Optional<String> pathInWheel, Toolchain toolchain) {
    CheckContext ctx = new CheckContext(pathInWheel, Optional.empty());
    return toolchain.memorySafe() == MemorySafety.YES ? ctx.withMemorySafeCode(toolchain.memorySafetyEvidence()) : ctx;
  }

  /** How many defects a {@code binary.malformed} message quotes; the rest are counted. */
  private static final int QUOTED_DEFECTS = 3;

  /**
   * One {@code binary.malformed} warning summarising a reader's defects, or empty for a clean file. A defect may quote
   * names from the file, so the message goes through {@link Untrusted#printable}.
   */
  static Optional<Finding> malformed(String path, String what, List<String> defects) {
    if (defects.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder m = new StringBuilder("The ").append(what).append(" has ").append(defects.size())
        .append(defects.size() == 1 ? " structural defect" : " structural defects")
        .append("; the analysis used what could be read: ");
    for (int i = 0; i < Math.min(QUOTED_DEFECTS, defects.size()); i++) {
      String d = defects.get(i);
      // a defect may quote names from the file (up to the string limit): printable, and short
      m.append(i == 0 ? "" : "; ").append(Untrusted.printable(d.length() > 200 ? d.substring(0, 200) + "..." : d));
    }
    if (defects.size() > QUOTED_DEFECTS) {
      m.append("; and ").append(defects.size() - QUOTED_DEFECTS).append(" more");
    }
    return Optional.of(Finding.warning(Codes.BINARY_MALFORMED, path, m.append('.').toString()));
  }

  // ---------------------------------------------------------------- PE

  private static BinaryInspection inspectPe(PeFile pe, String path, Optional<String> pathInWheel) {
    Toolchain toolchain = PeToolchain.detect(pe, ReadOnlyData.scanStrings(pe));
    CheckContext ctx = context(pathInWheel, toolchain);
    Hardening hardening = PeHardening.check(pe, ctx);
    PeRecords.Header h = pe.header();
    List<Finding> findings = new ArrayList<>(hardening.findings(path));
    malformed(path, "PE image", pe.defects()).ifPresent(findings::add);
    return new BinaryInspection(path, NativeFormat.PE, OptionalInt.of(h.pe32Plus() ? 64 : 32),
        Optional.of("little"), h.machineLabel(), h.isDll() ? "dll" : "exe", hardening, toolchain, pe.needed(),
        Map.of("windows", h.majorSubsystemVersion() + "." + h.minorSubsystemVersion()), findings);
  }

  // ---------------------------------------------------------------- Mach-O

  private static List<BinaryInspection> inspectMachO(MachOFile macho, String path, Optional<String> pathInWheel) {
    List<BinaryInspection> out = new ArrayList<>();
    for (MachOSlice s : macho.slices()) {
      Toolchain toolchain = MachOToolchain.detect(s, ReadOnlyData.scanStrings(macho, s));
      CheckContext ctx = context(pathInWheel, toolchain);
      Hardening hardening = MachOHardening.check(s, ctx);
      List<Finding> findings = new ArrayList<>();
      for (Finding f : hardening.findings(path)) {
        findings.add(macho.fat()
            ? f.withMessage("(" + s.machineLabel() + " slice) " + f.message())
            : f);
      }
      // the fat header's own defects are reported once, with the first slice
      List<String> defects = new ArrayList<>(s == macho.slices().get(0) ? macho.defects() : List.of());
      defects.addAll(s.defects());
      malformed(path, macho.fat() ? "Mach-O " + s.machineLabel() + " slice" : "Mach-O file", defects)
          .ifPresent(findings::add);
      List<String> needed = new ArrayList<>();
      for (MachORecords.Dylib d : s.dylibs()) {
        needed.add(d.name());
      }
      out.add(new BinaryInspection(path, NativeFormat.MACHO, OptionalInt.of(s.bits()),
          Optional.of(s.littleEndian() ? "little" : "big"), s.machineLabel(), s.typeLabel(), hardening, toolchain,
          needed, s.buildVersion().map(v -> Map.of(platform(v.platform()), v.minosText())).orElse(Map.of()),
          findings));
    }
    return List.copyOf(out);
  }

  /** The LC_BUILD_VERSION platform name, as {@code llvm-objdump} prints it. */
  private static String platform(long p) {
    switch ((int) p) {
      case 1:
        return "macos";
      case 2:
        return "ios";
      case 3:
        return "tvos";
      case 4:
        return "watchos";
      case 5:
        return "bridgeos";
      case 6:
        return "maccatalyst";
      case 7:
        return "iossimulator";
      default:
        return "platform-" + p;
    }
  }

  // ---------------------------------------------------------------- any format, by magic number

  /** Picks the reader by magic number. */
  private static List<BinaryInspection> inspectAny(ByteSource src, String path, Optional<String> pathInWheel,
      GuidePlatform platform) throws IOException {
    int n = (int) Math.min(NativeFormat.PROBE_LENGTH, src.size());
    byte[] head = new byte[n];
    src.read(0, head, 0, n);
    NativeFormat format = NativeFormat.detect(head, n);
    switch (format) {
      case ELF: {
        ElfFile elf = ElfFile.of(src, dev.wheeltapper.elf.ElfLimits.defaults());
        return List.of(inspectElf(elf, path, pathInWheel, platform));
      }
      case PE: {
        PeFile pe = PeFile.read(src);
        return List.of(inspectPe(pe, path, pathInWheel));
      }
      case MACHO:
        return inspectMachO(MachOFile.read(src), path, pathInWheel);
      default:
        return List.of();
    }
  }
}
