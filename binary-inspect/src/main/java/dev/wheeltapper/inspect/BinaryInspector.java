package dev.wheeltapper.inspect;

import dev.wheeltapper.bytes.NativeFormat;
import dev.wheeltapper.bytes.ByteSources;
import dev.wheeltapper.bytes.ByteSource;
import dev.wheeltapper.elf.DynamicEntry;
import dev.wheeltapper.elf.ElfDefect;
import dev.wheeltapper.elf.ElfFile;
import dev.wheeltapper.elf.ElfFormatException;
import dev.wheeltapper.elf.GnuProperty;
import dev.wheeltapper.elf.Note;
import dev.wheeltapper.elf.Section;
import dev.wheeltapper.elf.SectionType;
import dev.wheeltapper.elf.Segment;
import dev.wheeltapper.elf.Symbol;
import dev.wheeltapper.elf.SymbolVersion;
import dev.wheeltapper.hardening.AnnobinNotes;
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
import dev.wheeltapper.toolchain.StringScan;
import dev.wheeltapper.toolchain.Toolchain;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inspects one native binary: hardening checks, toolchain and language, needed libraries and symbol versions, as one
 * {@link BinaryInspection}. ELF, PE ({@link #inspect(PeFile, String)}) and Mach-O ({@link #inspect(MachOFile, String)},
 * one result per architecture slice) fill the same result; {@link #inspectWheelEntry(InputStream, long, String)} and
 * {@link #inspectFile(Path, String)} pick the reader by magic number.
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

  private static final Logger LOG = LoggerFactory.getLogger(BinaryInspector.class);

  /** Read-only data is scanned in pieces of this size. */
  private static final int SCAN_CHUNK = 1 << 20;
  /** At most this many bytes of read-only data are scanned per binary. */
  private static final long MAX_SCAN_BYTES = 512L << 20;
  /** At most this many annobin notes are read. */
  private static final int MAX_ANNOBIN_NOTES = 100_000;

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
    ElfFacts facts = facts(elf);
    Toolchain toolchain = ElfToolchain.detect(facts, scanStrings(elf));
    CheckContext ctx = new CheckContext(pathInWheel, Optional.empty());
    if (toolchain.memorySafe() == MemorySafety.YES) {
      ctx = ctx.withMemorySafeCode(toolchain.memorySafetyEvidence());
    }
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

  /**
   * Takes the snapshot the checks read.
   *
   * @param elf the binary
   * @return its facts
   * @throws ElfFormatException when a structure cannot be read
   */
  public static ElfFacts facts(ElfFile elf) throws ElfFormatException {
    var h = elf.header();
    ElfFacts.Builder b = ElfFacts.builder(h.bits(), h.littleEndian(), h.rawType(), h.rawMachine(), h.machineLabel());
    for (Segment s : elf.segments()) {
      b.segment(s.rawType(), s.flags(), s.memorySize());
    }
    var dyn = elf.dynamic();
    b.hasDynamic(dyn.exists());
    for (DynamicEntry e : dyn.entries()) {
      if (e.rawTag() != 0) {
        b.dynamic(e.rawTag(), e.value());
      }
    }
    dyn.needed().forEach(b::needed);
    dyn.rpath().forEach(b::rpath);
    dyn.runpath().forEach(b::runpath);
    dyn.soname().ifPresent(b::soname);
    for (Symbol s : elf.dynamicSymbols()) {
      b.dynamicSymbol(s.name(), s.isDefined(), s.rawType());
    }
    List<Section> sections = elf.sections().list();
    boolean symtab = false;
    for (Section s : sections) {
      b.section(s.name());
      symtab |= s.rawType() == SectionType.SYMTAB.value();
    }
    if (symtab) {
      // optional evidence below: a damaged part is skipped (the reader records it as a defect), never fatal
      try {
        for (Symbol s : elf.symbolTable()) {
          b.staticSymbol(s.name(), s.isDefined(), s.rawType());
        }
      } catch (ElfFormatException e) {
        LOG.debug("skipping .symtab: {}", e.getMessage());
      }
    }
    b.hasSymtab(symtab);
    try {
      elf.comments().forEach(b::comment);
    } catch (ElfFormatException e) {
      LOG.debug("skipping .comment: {}", e.getMessage());
    }
    for (Note n : elf.notes()) {
      if (n.isGnu(Note.NT_GNU_PROPERTY_TYPE_0)) {
        b.propertyNote();
      } else if (!n.owner().startsWith("GA")) {
        b.note(n.owner(), n.type());
      }
    }
    for (GnuProperty p : elf.notes().gnuProperties().list()) {
      b.property(p.type(), p.value());
    }
    for (Section s : sections) {
      if (s.name().equals(".gnu.build.attributes") && s.hasFileBytes()) {
        try {
          ByteBuffer bb = elf.contents(s);
          byte[] bytes = new byte[bb.remaining()];
          bb.duplicate().get(bytes);
          AnnobinNotes.parse(bytes, h.littleEndian(), MAX_ANNOBIN_NOTES).forEach(b::annobin);
        } catch (ElfFormatException e) {
          LOG.debug("skipping annobin notes: {}", e.getMessage());
        }
      }
    }
    try {
      for (Map.Entry<String, SymbolVersion> e : elf.versionRequirements().highestByNamespace().entrySet()) {
        b.versionHighest(e.getKey(), e.getValue().number());
      }
    } catch (ElfFormatException e) {
      LOG.debug("skipping version requirements: {}", e.getMessage());
    }
    return b.build();
  }

  /**
   * Scans the read-only data for language and binding markers: the {@code .rodata*} sections, or without section
   * headers the loadable segments that are not writable. Best effort: unreadable ranges are skipped.
   *
   * @param elf the binary
   * @return the markers found
   */
  public static StringScan scanStrings(ElfFile elf) {
    List<long[]> ranges = new ArrayList<>();
    try {
      for (Section s : elf.sections()) {
        if ((s.name().startsWith(".rodata") || s.name().equals(".go.buildinfo")) && s.hasFileBytes()) {
          ranges.add(new long[] {s.offset(), s.size()});
        }
      }
      if (ranges.isEmpty()) {
        for (Segment s : elf.segments()) {
          if (s.rawType() == 1 && !s.isWritable()) {
            ranges.add(new long[] {s.offset(), s.fileSize()});
          }
        }
      }
    } catch (ElfFormatException e) {
      LOG.debug("no read-only data to scan: {}", e.getMessage());
    }
    return scanRanges(elf.size(), elf::bytes, ranges);
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
    Toolchain toolchain = PeToolchain.detect(pe, scanStrings(pe));
    CheckContext ctx = new CheckContext(pathInWheel, Optional.empty());
    if (toolchain.memorySafe() == MemorySafety.YES) {
      ctx = ctx.withMemorySafeCode(toolchain.memorySafetyEvidence());
    }
    Hardening hardening = PeHardening.check(pe, ctx);
    PeRecords.Header h = pe.header();
    List<Finding> findings = new ArrayList<>(hardening.findings(path));
    malformed(path, "PE image", pe.defects()).ifPresent(findings::add);
    return new BinaryInspection(path, NativeFormat.PE, OptionalInt.of(h.pe32Plus() ? 64 : 32),
        Optional.of("little"), h.machineLabel(), h.isDll() ? "dll" : "exe", hardening, toolchain, pe.needed(),
        Map.of("windows", h.majorSubsystemVersion() + "." + h.minorSubsystemVersion()), findings);
  }

  /**
   * Scans a PE image's read-only data (initialised, neither writable nor executable sections such as
   * {@code .rdata}) for language and binding markers. Best effort: unreadable ranges are skipped.
   *
   * @param pe the image
   * @return the markers found
   */
  public static StringScan scanStrings(PeFile pe) {
    List<long[]> ranges = new ArrayList<>();
    for (PeRecords.Section s : pe.sections()) {
      long c = s.characteristics();
      boolean data = (c & 0x40L) != 0;
      boolean exec = (c & 0x20000000L) != 0;
      boolean write = (c & 0x80000000L) != 0;
      if (data && !exec && !write && s.sizeOfRawData() > 0) {
        ranges.add(new long[] {s.pointerToRawData(), Math.min(s.sizeOfRawData(), Math.max(s.virtualSize(), 1))});
      }
    }
    return scanRanges(pe.source(), ranges);
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
      Toolchain toolchain = MachOToolchain.detect(s, scanStrings(macho, s));
      CheckContext ctx = new CheckContext(pathInWheel, Optional.empty());
      if (toolchain.memorySafe() == MemorySafety.YES) {
        ctx = ctx.withMemorySafeCode(toolchain.memorySafetyEvidence());
      }
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

  /**
   * Scans a Mach-O slice's read-only data (the {@code __TEXT} sections other than code, and {@code __DATA_CONST}
   * {@code __const}) for language and binding markers.
   *
   * @param macho the file
   * @param slice one of its slices
   * @return the markers found
   */
  public static StringScan scanStrings(MachOFile macho, MachOSlice slice) {
    List<long[]> ranges = new ArrayList<>();
    for (MachORecords.Segment g : slice.segments()) {
      for (MachORecords.Section s : g.sections()) {
        boolean text = g.name().equals("__TEXT") && !List.of("__text", "__stubs", "__stub_helper", "__unwind_info",
            "__eh_frame", "__gcc_except_tab").contains(s.name());
        boolean constData = g.name().equals("__DATA_CONST") && s.name().equals("__const");
        int type = (int) (s.flags() & 0xff);
        // S_ZEROFILL (1), S_GB_ZEROFILL (12), S_THREAD_LOCAL_ZEROFILL (18) have no file bytes
        if ((text || constData) && type != 1 && type != 12 && type != 18 && s.offset() > 0 && s.size() > 0
            && s.offset() < slice.size()) {
          ranges.add(new long[] {slice.offset() + s.offset(), Math.min(s.size(), slice.size() - s.offset())});
        }
      }
    }
    return scanRanges(macho.source(), ranges);
  }

  private static StringScan scanRanges(ByteSource src, List<long[]> ranges) {
    return scanRanges(src.size(), src::slice, ranges);
  }

  /** Reads {@code length} bytes at {@code offset}: an ELF file's or a byte source's bounded view. */
  private interface RangeReader {
    ByteBuffer read(long offset, int length) throws IOException;
  }

  /**
   * Feeds the ranges to the string scanner in chunks, at most {@link #MAX_SCAN_BYTES} in all; a range that cannot be
   * read ends early.
   */
  private static StringScan scanRanges(long size, RangeReader reader, List<long[]> ranges) {
    StringScan.Scanner scanner = StringScan.scanner();
    long budget = MAX_SCAN_BYTES;
    byte[] separator = {0};
    for (long[] r : ranges) {
      scanner.feed(separator, 0, 1); // a string never runs from one section into the next
      long off = r[0];
      long left = Math.min(r[1], Math.max(0, size - off));
      while (left > 0 && budget > 0) {
        int n = (int) Math.min(Math.min(left, SCAN_CHUNK), budget);
        try {
          scanner.feed(reader.read(off, n));
        } catch (IOException e) {
          LOG.debug("skipping unreadable range at 0x{}: {}", Long.toHexString(off), e.getMessage());
          break;
        }
        off += n;
        left -= n;
        budget -= n;
      }
    }
    return scanner.finish();
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
