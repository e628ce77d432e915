package dev.wheeltapper.dwarf;

import static dev.wheeltapper.dwarf.DwarfBytes.abbrev;
import static dev.wheeltapper.dwarf.DwarfBytes.section;
import static dev.wheeltapper.dwarf.DwarfBytes.sections;
import static dev.wheeltapper.dwarf.DwarfBytes.unit4;
import static dev.wheeltapper.dwarf.DwarfBytes.unit5;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The DWARF reader on sections built byte by byte: each version and width read, each kind of damage reported as an
 * unreadable unit or a truncated walk with its reason, never a crash, a hang, or a unit silently skipped.
 */
class DwarfReaderTest {
  private static final int DW_FORM_STRING = 0x08;
  private static final byte[] STR = section().string("unused").string("evidence.c").toBytes(); // name at 7

  private static byte[] die(String producer) {
    return section().uleb(1).string(producer).u8(0x1d).u32(7).toBytes();
  }

  private static CompilationUnits read(byte[] info, byte[] abbrev) {
    return DwarfReader.read(sections(info, abbrev, STR), DwarfLimits.defaults());
  }

  @Test
  void readsDwarf4And5Units() {
    byte[] info = section().bytes(unit4(4, die("GNU C17 12.2.0 -O2"))).bytes(unit5(die("clang 16"))).toBytes();
    CompilationUnits cus = read(info, abbrev(DW_FORM_STRING));
    assertThat(cus.complete()).isTrue();
    assertThat(cus.units()).extracting(CompilationUnit::version).containsExactly(4, 5);
    CompilationUnit first = cus.units().get(0);
    assertThat(first.producer()).contains("GNU C17 12.2.0 -O2");
    assertThat(first.language()).isEqualTo(OptionalInt.of(0x1d));
    assertThat(first.languageName()).contains("C11");
    assertThat(first.name()).contains("evidence.c");
    assertThat(first.tag()).isEqualTo(CompilationUnit.DW_TAG_COMPILE_UNIT);
    assertThat(cus.units().get(1).offset()).isEqualTo(unit4(4, die("GNU C17 12.2.0 -O2")).length);
    assertThat(cus.producerCounts()).containsExactly(
        java.util.Map.entry("GNU C17 12.2.0 -O2", 1), java.util.Map.entry("clang 16", 1));
  }

  @Test
  void readsSixtyFourBitDwarf() {
    byte[] die = section().uleb(1).string("64-bit producer").u8(0x1d).u64(7).toBytes(); // 8-byte strp
    byte[] body = section().u16(5).u8(1, 8).u64(0).bytes(die).toBytes();
    byte[] info = section().u32(0xffffffffL).u64(body.length).bytes(body).toBytes();
    CompilationUnits cus = read(info, abbrev(DW_FORM_STRING));
    assertThat(cus.complete()).isTrue();
    assertThat(cus.units()).singleElement().satisfies(u -> assertThat(u.producer()).contains("64-bit producer"));
  }

  @Test
  void aLengthPastTheSectionEndsTheWalkAndSaysSo() {
    byte[] good = unit4(4, die("first"));
    byte[] info = section().bytes(good).u32(1000).u16(4).toBytes();
    CompilationUnits cus = read(info, abbrev(DW_FORM_STRING));
    assertThat(cus.units()).hasSize(1);
    assertThat(cus.unreadable()).singleElement().satisfies(u -> {
      assertThat(u.offset()).isEqualTo(good.length);
      assertThat(u.reason()).contains("runs past the end");
    });
    assertThat(cus.truncated()).isTrue();
    assertThat(cus.stopReason()).hasValueSatisfying(r -> assertThat(r).contains("the rest was not read"));
    assertThat(cus.complete()).isFalse();
  }

  @Test
  void reservedLengthsAndCutHeadersAreReported() {
    CompilationUnits reserved = read(section().u32(0xfffffff0L).u32(0).toBytes(), abbrev(DW_FORM_STRING));
    assertThat(reserved.unreadable()).singleElement().satisfies(u -> assertThat(u.reason()).contains("reserved"));
    assertThat(reserved.truncated()).isTrue();
    CompilationUnits cut = read(section().u8(7, 0).toBytes(), abbrev(DW_FORM_STRING));
    assertThat(cut.unreadable()).hasSize(1);
    assertThat(cut.truncated()).isTrue();
  }

  @Test
  void aBadUnitIsReportedAndTheNextOneStillRead() {
    byte[] unknownVersion = unit4(4, die("x"));
    unknownVersion[4] = 9; // version 9
    byte[] info = section().bytes(unknownVersion).bytes(unit4(3, die("after"))).toBytes();
    CompilationUnits cus = read(info, abbrev(DW_FORM_STRING));
    assertThat(cus.unreadable()).singleElement().satisfies(u -> assertThat(u.reason()).contains("version 9"));
    assertThat(cus.units()).singleElement().satisfies(u -> assertThat(u.producer()).contains("after"));
    assertThat(cus.truncated()).isFalse();
  }

  @Test
  void unknownFormsAndNestedIndirectFormsMakeTheUnitUnreadable() {
    byte[] unknown = section().uleb(1).uleb(0x11).u8(0).uleb(0x3e).uleb(0x7f).uleb(0x25).uleb(8).u8(0, 0, 0)
        .toBytes();
    assertThat(read(unit4(4, section().uleb(1).u8(1).string("p").toBytes()), unknown).unreadable())
        .singleElement().satisfies(u -> assertThat(u.reason()).contains("unknown form"));
    byte[] indirect = section().uleb(1).uleb(0x11).u8(0).uleb(0x25).uleb(0x16).u8(0, 0, 0).toBytes();
    byte[] die = section().uleb(1).uleb(0x16).uleb(0x16).toBytes(); // DW_FORM_indirect naming indirect
    assertThat(read(unit4(4, die), indirect).unreadable())
        .singleElement().satisfies(u -> assertThat(u.reason()).contains("DW_FORM_indirect"));
    byte[] once = section().uleb(1).uleb(DW_FORM_STRING).string("via indirect").toBytes();
    assertThat(read(unit4(4, once), indirect).units())
        .singleElement().satisfies(u -> assertThat(u.producer()).contains("via indirect"));
  }

  @Test
  void anAbbreviationThatNeverComesEndsAtTheTableOrTheLimit() {
    // the DIE names code 5; the table holds code 1 only and ends
    byte[] die = section().uleb(5).toBytes();
    assertThat(read(unit4(4, die), abbrev(DW_FORM_STRING)).unreadable())
        .singleElement().satisfies(u -> assertThat(u.reason()).contains("abbreviation 5 not found"));
    // a table of 10 000 declarations without its terminating 0, scanned with a limit of 100
    DwarfBytes table = section();
    for (int i = 0; i < 10_000; i++) {
      table.uleb(i + 10).uleb(0x11).u8(0).u8(0, 0);
    }
    CompilationUnits cus = DwarfReader.read(sections(unit4(4, section().uleb(1).toBytes()), table.toBytes(), STR),
        new DwarfLimits(10, 100, 10, 100));
    assertThat(cus.unreadable()).singleElement().satisfies(u -> assertThat(u.reason()).contains("within 100"));
    // an abbreviation table offset outside .debug_abbrev
    byte[] body = section().u16(4).u32(0x7fff_0000L).u8(8).uleb(1).toBytes();
    assertThat(read(section().u32(body.length).bytes(body).toBytes(), abbrev(DW_FORM_STRING)).unreadable())
        .singleElement().satisfies(u -> assertThat(u.reason()).contains("outside"));
  }

  @Test
  void tooManyAttributesInOneAbbreviationAreRefused() {
    DwarfBytes table = section().uleb(1).uleb(0x11).u8(0);
    for (int i = 0; i < 50; i++) {
      table.uleb(0x3e).uleb(0x0b);
    }
    table.u8(0, 0, 0);
    CompilationUnits cus = DwarfReader.read(sections(unit4(4, section().uleb(1).toBytes()), table.toBytes(), STR),
        new DwarfLimits(10, 100, 20, 100));
    assertThat(cus.unreadable()).singleElement().satisfies(u -> assertThat(u.reason()).contains("more than 20"));
  }

  @Test
  void stringsOutsideTheirSectionsAreRefused() {
    byte[] strpAbbrev = abbrev(0x0e); // producer as DW_FORM_strp
    byte[] far = section().uleb(1).u32(1 << 20).u8(2).u32(7).toBytes();
    assertThat(read(unit4(4, far), strpAbbrev).unreadable())
        .singleElement().satisfies(u -> assertThat(u.reason()).contains(".debug_str"));
    byte[] noNul = section().uleb(1).u8('a', 'b', 'c').toBytes(); // DW_FORM_string cut by the unit's end
    assertThat(read(unit4(4, noNul), abbrev(DW_FORM_STRING)).unreadable())
        .singleElement().satisfies(u -> assertThat(u.reason()).contains("without its NUL"));
    byte[] strx = section().uleb(1).uleb(1_000_000).u8(2).u32(7).toBytes(); // DW_FORM_strx, no offsets section
    assertThat(read(unit5(strx), abbrev(0x1a)).unreadable())
        .singleElement().satisfies(u -> assertThat(u.reason()).contains(".debug_str_offsets"));
    byte[] alt = section().uleb(1).u32(0).u8(2).u32(7).toBytes(); // DW_FORM_GNU_strp_alt: another file's
    assertThat(read(unit4(4, alt), abbrev(0x1f21)).unreadable())
        .singleElement().satisfies(u -> assertThat(u.reason()).contains("supplementary file"));
  }

  @Test
  void strxResolvesThroughTheStringOffsets() {
    byte[] str = section().string("clang version 16").string("a.c").toBytes();
    byte[] offsets = section().u32(12).u16(5).u16(0).u32(0).u32(17).toBytes(); // header, then offsets 0 and 17
    byte[] abbrevTable = section().uleb(1).uleb(0x11).u8(0).uleb(0x25).uleb(0x25).uleb(0x03).uleb(0x25)
        .uleb(0x72).uleb(0x17).u8(0, 0, 0).toBytes(); // producer strx1, name strx1, str_offsets_base sec_offset
    byte[] die = section().uleb(1).u8(0).u8(1).u32(8).toBytes();
    CompilationUnits cus = DwarfReader.read(new DwarfSections(ByteBuffer.wrap(unit5(die)),
        ByteBuffer.wrap(abbrevTable), ByteBuffer.wrap(str), ByteBuffer.allocate(0), ByteBuffer.wrap(offsets),
        ByteOrder.LITTLE_ENDIAN), DwarfLimits.defaults());
    assertThat(cus.units()).singleElement().satisfies(u -> {
      assertThat(u.producer()).contains("clang version 16");
      assertThat(u.name()).contains("a.c");
    });
  }

  @Test
  void overlongLeb128IsRefused() {
    byte[] die = section().u8(0x81, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01).toBytes();
    assertThat(read(unit4(4, die), abbrev(DW_FORM_STRING)).unreadable())
        .singleElement().satisfies(u -> assertThat(u.reason()).contains("LEB128"));
  }

  @Test
  void theUnitCapStopsTheWalkAndSaysSo() {
    DwarfBytes info = section();
    for (int i = 0; i < 50; i++) {
      info.bytes(unit4(4, die("p" + i)));
    }
    CompilationUnits cus = DwarfReader.read(sections(info.toBytes(), abbrev(DW_FORM_STRING), STR),
        DwarfLimits.defaults().withMaxUnits(7));
    assertThat(cus.units()).hasSize(7);
    assertThat(cus.truncated()).isTrue();
    assertThat(cus.stopReason()).hasValueSatisfying(r -> assertThat(r).contains("more than 7 units"));
  }

  @Test
  void longStringsAreCut() {
    String longProducer = "x".repeat(5000);
    CompilationUnits cus = DwarfReader.read(sections(unit4(4, die(longProducer)), abbrev(DW_FORM_STRING), STR),
        new DwarfLimits(10, 100, 100, 1000));
    assertThat(cus.units()).singleElement().satisfies(u -> assertThat(u.producer()).contains("x".repeat(1000)));
  }

  @Test
  void noDwarfIsNoneAndNotAProblem() {
    CompilationUnits cus = DwarfReader.read(DwarfSections.none(), DwarfLimits.defaults());
    assertThat(cus.isEmpty()).isTrue();
    assertThat(cus.complete()).isTrue();
  }
}
