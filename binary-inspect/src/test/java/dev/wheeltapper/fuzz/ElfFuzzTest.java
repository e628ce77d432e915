package dev.wheeltapper.fuzz;

import dev.wheeltapper.testsupport.Accessors;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wheeltapper.inspect.BinaryInspection;
import dev.wheeltapper.inspect.BinaryInspector;
import dev.wheeltapper.inspect.ReadOnlyData;
import dev.wheeltapper.dwarf.DwarfLimits;
import dev.wheeltapper.dwarf.DwarfReader;
import dev.wheeltapper.dwarf.DwarfSections;
import dev.wheeltapper.elf.BuildEvidence;
import dev.wheeltapper.elf.ElfFile;
import dev.wheeltapper.elf.ElfFormatException;
import dev.wheeltapper.elf.Section;
import dev.wheeltapper.elf.Segment;
import dev.wheeltapper.elf.Symbol;
import dev.wheeltapper.elf.Symbols;
import dev.wheeltapper.hardening.AnnobinNotes;
import java.util.List;

/**
 * Fuzz targets for the ELF reader and the inspection on top of it. The reader target opens arbitrary bytes and calls
 * every accessor, as Go's {@code debug/elf} FuzzReader does; the inspection target runs {@link BinaryInspector} (facts,
 * strings, toolchain, hardening, findings) and prints the result.
 *
 * <p>Documented outcomes: a value, or {@link ElfFormatException}. The reader turns an unexpected runtime exception
 * inside a lazily parsed part into an {@code ElfFormatException} whose cause is that runtime exception (defence in
 * depth); here such a cause is itself a finding, since it means a reader bug was caught rather than avoided.
 */
class ElfFuzzTest {

  @FuzzTest
  void reader(byte[] bytes) throws Exception {
    ElfFile elf;
    try {
      elf = ElfFile.of(bytes);
    } catch (ElfFormatException e) {
      expected(e);
      return;
    }
    try (elf) {
      List<Object> parts = Accessors.touch(elf, ElfFormatException.class);
      for (Object part : parts) {
        if (part != null && part.getClass().getPackageName().equals("dev.wheeltapper.elf")) {
          Accessors.touch(part, ElfFormatException.class);
        }
      }
      accessors(elf);
      assertThat(elf.defects()).isNotNull();
    }
  }

  @FuzzTest
  void inspect(byte[] bytes) throws Exception {
    try (ElfFile elf = ElfFile.of(bytes)) {
      try {
        AnnobinNotes.of(elf.notes(), 1_000);
      } catch (ElfFormatException e) {
        // a typed refusal of the notes is fine; the inspection below must still not crash
      }
      BinaryInspection i = BinaryInspector.forPath("fuzz/_x.so").inspect(elf);
      i.toString();
      BinaryInspection w = BinaryInspector.forPath("fuzz/_x.so").inWheel().inspect(elf);
      assertThat(w.path()).isEqualTo("fuzz/_x.so");
      ReadOnlyData.scanStrings(elf);
    } catch (ElfFormatException e) {
      expected(e);
    }
  }

  /**
   * The DWARF reader alone: the input split in three at its first two bytes' offsets into {@code .debug_info},
   * {@code .debug_abbrev} and {@code .debug_str}, read in both byte orders; it must never throw.
   */
  @FuzzTest
  void dwarf(byte[] bytes) {
    if (bytes.length < 2) {
      return;
    }
    int a = 2 + (bytes[0] & 0xff) * (bytes.length - 2) / 256;
    int b = a + (bytes[1] & 0xff) * (bytes.length - a) / 256;
    for (java.nio.ByteOrder order : new java.nio.ByteOrder[] {java.nio.ByteOrder.LITTLE_ENDIAN,
        java.nio.ByteOrder.BIG_ENDIAN}) {
      java.nio.ByteBuffer all = java.nio.ByteBuffer.wrap(bytes);
      DwarfSections s = new DwarfSections(all.slice(2, a - 2), all.slice(a, b - a), all.slice(b, bytes.length - b),
          all.slice(b, bytes.length - b), all.slice(2, a - 2), order);
      assertThat(DwarfReader.read(s, new DwarfLimits(1_000, 1_000, 100, 4_096)).toString()).isNotNull();
    }
  }

  /** What every accessor must survive; collects nothing, throws only ElfFormatException. */
  private static void accessors(ElfFile elf) throws Exception {
    try {
      for (Section s : elf.sections()) {
        Accessors.touch(s);
        if (s.size() < 1 << 20) {
          try {
            elf.contents(s);
          } catch (ElfFormatException e) {
            expected(e);
          }
        }
        elf.section(s.name());
      }
    } catch (ElfFormatException e) {
      expected(e);
    }
    try {
      for (Segment s : elf.segments()) {
        Accessors.touch(s);
        elf.segments().loadContaining(s.virtualAddress());
      }
    } catch (ElfFormatException e) {
      expected(e);
    }
    for (boolean dyn : new boolean[] {true, false}) {
      try {
        Symbols syms = dyn ? elf.dynamicSymbols() : elf.symbolTable();
        for (Symbol s : syms) {
          Accessors.touch(s);
        }
        syms.undefined().named("__stack_chk_fail").exists();
        syms.functions().nameStartsWith("_ZN").size();
      } catch (ElfFormatException e) {
        expected(e);
      }
    }
    try {
      elf.dynamic().entries().forEach(e -> e.toString());
      elf.dynamic().needed();
      elf.dynamic().rpath();
      elf.dynamic().runpath();
      elf.dynamic().soname();
    } catch (ElfFormatException e) {
      expected(e);
    }
    try {
      elf.versionRequirements().highestByNamespace();
      elf.versionRequirements().highest("GLIBC");
      elf.versionDefinitions().forEach(Object::toString);
    } catch (ElfFormatException e) {
      expected(e);
    }
    try {
      Accessors.touch(elf.notes().gnuProperties());
      elf.notes().buildId();
      elf.notes().abiTag();
      elf.notes().packageMetadata();
      elf.segmentNotes().gnuProperties().ibt();
    } catch (ElfFormatException e) {
      expected(e);
    }
    try {
      // the evidence channels: compressed sections (a small cap: a fuzzer's bomb must not fill the heap), DWARF,
      // string sections, function entries
      for (Section s : elf.sections()) {
        elf.compressionHeader(s);
        if (s.name().startsWith(".debug") || s.name().startsWith(".zdebug") || s.hasFlags(Section.SHF_COMPRESSED)) {
          elf.uncompressedContents(s, 1 << 20);
        }
      }
    } catch (ElfFormatException e) {
      expected(e);
    }
    try {
      Accessors.touch(elf.compilationUnits(), ElfFormatException.class);
      Accessors.touch(elf.functionEntries(), ElfFormatException.class);
      elf.recordedCommandLines().forEach(String::length);
      elf.annobinStringNotes().forEach(Object::toString);
    } catch (ElfFormatException e) {
      expected(e);
    }
    BuildEvidence.of(elf).toString();
    try {
      elf.bytes(0, (int) Math.min(64, elf.size()));
      elf.bytes(Math.max(0, elf.size() - 1), 1);
    } catch (ElfFormatException e) {
      expected(e);
    }
  }

  /** The documented exception, and not a reader bug the memo caught. */
  static void expected(ElfFormatException e) {
    assertThat(e.reason()).isNotBlank();
    if (e.getCause() instanceof RuntimeException bug) {
      throw new AssertionError("reader bug behind " + e.getMessage(), bug);
    }
  }
}
