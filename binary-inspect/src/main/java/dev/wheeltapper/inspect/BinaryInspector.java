package dev.wheeltapper.inspect;

import dev.wheeltapper.bytes.NativeFormat;
import dev.wheeltapper.bytes.ByteSources;
import dev.wheeltapper.bytes.ByteSource;
import dev.wheeltapper.elf.ElfDefect;
import dev.wheeltapper.elf.ElfFile;
import dev.wheeltapper.elf.ElfFormatException;
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
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Inspects one native binary: hardening checks, toolchain and language, needed libraries and symbol versions, as one
 * {@link BinaryInspection}. ELF, PE ({@link #inspect(PeFile, String)}) and Mach-O ({@link #inspect(MachOFile, String)},
 * one result per architecture slice) fill the same result; {@link #inspectWheelEntry(InputStream, long, String)} and
 * {@link #inspectFile(Path, String)} pick the reader by magic number. The ELF snapshot the checks read is
 * {@link ElfSnapshot}'s, the read-only data scan {@link ReadOnlyData}'s.
 *
 * <pre>{@code
 * try (ElfFile elf = ElfFile.open(path)) {
 *   BinaryInspection i = BinaryInspector.inspectWheelEntry(elf, "pkg/_x.abi3.so");
 *   i.hardening().result(HardeningCheck.RELRO).value();   // "full"
 *   i.findings();                                         // hardening.* warnings
 * }
 * }</pre>
 *
 * <p>Stateless and thread-safe (an {@link ElfFile} itself is used by one thread at a time).
 */
public final class BinaryInspector {
  private BinaryInspector() {}

  /**
   * Inspects a bare binary (outside a wheel: {@code $ORIGIN} entries are judged relative to the binary only).
   *
   * @param elf the binary
   * @param path the path to report
   * @return the inspection
   * @throws ElfFormatException when a structure the checks need (program headers, section headers, dynamic table,
   *     {@code .dynsym}, notes) cannot be read; damaged optional evidence ({@code .symtab}, {@code .comment}, annobin
   *     notes, version requirements, read-only data) is skipped
   */
  public static BinaryInspection inspect(ElfFile elf, String path) throws ElfFormatException {
    return inspect(elf, path, Optional.empty());
  }

  /**
   * Inspects a binary inside a wheel.
   *
   * @param elf the binary
   * @param entryPath its entry path inside the wheel ({@code pkg/_x.abi3.so}), reported and used to decide whether
   *     {@code $ORIGIN} entries stay inside the wheel
   * @return the inspection
   * @throws ElfFormatException when a structure the checks need cannot be read
   */
  public static BinaryInspection inspectWheelEntry(ElfFile elf, String entryPath) throws ElfFormatException {
    return inspect(elf, entryPath, Optional.of(entryPath));
  }

  private static BinaryInspection inspect(ElfFile elf, String path, Optional<String> pathInWheel)
      throws ElfFormatException {
    ElfFacts facts = ElfSnapshot.of(elf);
    Toolchain toolchain = ElfToolchain.detect(facts, ReadOnlyData.scanStrings(elf));
    CheckContext ctx = context(pathInWheel, toolchain);
    Hardening hardening = ElfHardening.check(facts, ctx);
    List<Finding> findings = new ArrayList<>(hardening.findings(path));
    List<String> defects = new ArrayList<>();
    for (ElfDefect d : elf.defects()) {
      defects.add(d.part() + (d.offset() >= 0 ? " at 0x" + Long.toHexString(d.offset()) : "") + ": " + d.reason());
    }
    malformed(path, "ELF file", defects).ifPresent(findings::add);
    return new BinaryInspection(path, NativeFormat.ELF, OptionalInt.of(facts.bits()),
        Optional.of(facts.littleEndian() ? "little" : "big"), facts.machineLabel(), elf.type().label(), hardening,
        toolchain, facts.needed(), facts.versionHighest(), findings);
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

  /**
   * Inspects a bare PE image ({@code .dll}, {@code .pyd}, {@code .exe}).
   *
   * @param pe the image
   * @param path the path to report
   * @return the inspection (machine {@code x86_64}, {@code i686}, {@code aarch64}; type {@code dll} or {@code exe})
   */
  public static BinaryInspection inspect(PeFile pe, String path) {
    return inspectPe(pe, path, Optional.empty());
  }

  /**
   * Inspects a PE image inside a wheel.
   *
   * @param pe the image
   * @param entryPath its entry path inside the wheel
   * @return the inspection
   */
  public static BinaryInspection inspectWheelEntry(PeFile pe, String entryPath) {
    return inspectPe(pe, entryPath, Optional.of(entryPath));
  }

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

  /**
   * Inspects a bare Mach-O file: one result per slice (one for a thin file), each with its own machine, hardening and
   * toolchain. Findings of a fat file's slices name the architecture in their message. {@code symbolVersions} holds
   * the deployment target ({@code macos -> 11.0}), the OS version the slice requires; for PE it holds the minimum
   * Windows version of the optional header ({@code windows -> 6.0}).
   *
   * @param macho the file
   * @param path the path to report
   * @return the inspections in slice order
   */
  public static List<BinaryInspection> inspect(MachOFile macho, String path) {
    return inspectMachO(macho, path, Optional.empty());
  }

  /**
   * Inspects a Mach-O file inside a wheel ({@code @loader_path} LC_RPATH entries are judged against the wheel).
   *
   * @param macho the file
   * @param entryPath its entry path inside the wheel
   * @return the inspections in slice order
   */
  public static List<BinaryInspection> inspectWheelEntry(MachOFile macho, String entryPath) {
    return inspectMachO(macho, entryPath, Optional.of(entryPath));
  }

  private static List<BinaryInspection> inspectMachO(MachOFile macho, String path, Optional<String> pathInWheel) {
    List<BinaryInspection> out = new ArrayList<>();
    for (MachOSlice s : macho.slices()) {
      Toolchain toolchain = MachOToolchain.detect(s, ReadOnlyData.scanStrings(macho, s));
      CheckContext ctx = context(pathInWheel, toolchain);
      Hardening hardening = MachOHardening.check(s, ctx);
      List<Finding> findings = new ArrayList<>();
      for (Finding f : hardening.findings(path)) {
        findings.add(macho.fat()
            ? new Finding(f.code(), f.severity(), f.path(), "(" + s.machineLabel() + " slice) " + f.message())
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

  /**
   * Inspects a native binary of any supported format from a source the caller keeps open, picking the reader by
   * magic number: ELF and PE give one result, Mach-O one per slice, anything else none.
   *
   * @param src the bytes
   * @param path the path to report
   * @param pathInWheel the entry path inside the wheel, when the binary comes from one
   * @return the inspections, empty when no supported magic number matches
   * @throws ElfFormatException when the bytes start like ELF but cannot be read
   * @throws dev.wheeltapper.pe.PeFormatException when they start like PE but cannot be read
   * @throws dev.wheeltapper.macho.MachOFormatException when they start like Mach-O but cannot be read
   * @throws IOException when the source cannot be read
   */
  public static List<BinaryInspection> inspect(ByteSource src, String path, Optional<String> pathInWheel)
      throws IOException {
    int n = (int) Math.min(NativeFormat.PROBE_LENGTH, src.size());
    byte[] head = new byte[n];
    src.read(0, head, 0, n);
    NativeFormat format = NativeFormat.detect(head, n);
    switch (format) {
      case ELF: {
        ElfFile elf = ElfFile.of(src, dev.wheeltapper.elf.ElfLimits.defaults());
        return List.of(inspect(elf, path, pathInWheel));
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

  /**
   * Inspects a wheel entry of any supported format: reads exactly {@code size} bytes of the stream (in memory up to
   * 64 MiB, spilled to a temporary file above) and picks the reader by magic number.
   *
   * @param in the entry's stream, read and not closed
   * @param size the entry's size
   * @param entryPath the entry path inside the wheel
   * @return the inspections, empty when no supported magic number matches
   * @throws ElfFormatException when the entry starts like ELF but cannot be read
   * @throws dev.wheeltapper.pe.PeFormatException when it starts like PE but cannot be read
   * @throws dev.wheeltapper.macho.MachOFormatException when it starts like Mach-O but cannot be read
   * @throws IOException when the stream cannot be read or holds another size
   */
  public static List<BinaryInspection> inspectWheelEntry(InputStream in, long size, String entryPath)
      throws IOException {
    try (ByteSource src = ByteSources.fromStream(in, size, ByteSources.DEFAULT_MEMORY_THRESHOLD)) {
      return inspect(src, entryPath, Optional.of(entryPath));
    }
  }

  /**
   * Inspects a bare file of any supported format, mapped read-only.
   *
   * @param file the file
   * @param display the path to report
   * @return the inspections, empty when no supported magic number matches
   * @throws ElfFormatException when the file starts like ELF but cannot be read
   * @throws dev.wheeltapper.pe.PeFormatException when it starts like PE but cannot be read
   * @throws dev.wheeltapper.macho.MachOFormatException when it starts like Mach-O but cannot be read
   * @throws IOException when the file cannot be read
   */
  public static List<BinaryInspection> inspectFile(Path file, String display) throws IOException {
    if (Files.size(file) == 0) {
      return List.of();
    }
    try (ByteSource src = ByteSources.map(file)) {
      return inspect(src, display, Optional.empty());
    }
  }
}
