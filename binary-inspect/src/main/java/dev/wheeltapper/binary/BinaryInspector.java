package dev.wheeltapper.binary;

import dev.wheeltapper.elf.DynamicEntry;
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
import dev.wheeltapper.toolchain.ElfToolchain;
import dev.wheeltapper.toolchain.MemorySafety;
import dev.wheeltapper.toolchain.StringScan;
import dev.wheeltapper.toolchain.Toolchain;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inspects one native binary: hardening checks, toolchain and language, needed libraries and symbol versions, as one
 * {@link BinaryInspection}. ELF today; PE and Mach-O fill the same result later.
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
    return new BinaryInspection(path, NativeFormat.ELF, OptionalInt.of(facts.bits()),
        Optional.of(facts.littleEndian() ? "little" : "big"), facts.machineLabel(), elf.type().label(), hardening,
        toolchain, facts.needed(), facts.versionHighest(), hardening.findings(path));
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
    StringScan.Scanner scanner = StringScan.scanner();
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
    long budget = MAX_SCAN_BYTES;
    byte[] separator = {0};
    for (long[] r : ranges) {
      scanner.feed(separator, 0, 1); // a string never runs from one section into the next
      long off = r[0];
      long left = Math.min(r[1], Math.max(0, elf.size() - off));
      while (left > 0 && budget > 0) {
        int n = (int) Math.min(Math.min(left, SCAN_CHUNK), budget);
        try {
          scanner.feed(elf.bytes(off, n));
        } catch (ElfFormatException e) {
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
}
