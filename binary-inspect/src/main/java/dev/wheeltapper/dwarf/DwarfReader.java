package dev.wheeltapper.dwarf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Walks the unit headers of {@code .debug_info} (DWARF 2 to 5, 32- and 64-bit, DWARF 7.5.1) and reads the first DIE of
 * each unit: the attributes that say how it was built are kept, every other attribute is skipped by its form
 * (DWARF 5 section 7.5.6, with the GNU extensions {@code DW_FORM_GNU_addr_index}, {@code _str_index}, {@code _ref_alt},
 * {@code _strp_alt}). Children are never read. A unit that cannot be read (unknown form, string outside its section,
 * abbreviation not found, unsupported version) is reported with its reason and the walk goes on to the next unit,
 * whose offset the header's {@code unit_length} gives; a length that cannot be followed ends the walk, reported as
 * truncated.
 *
 * <pre>{@code
 * CompilationUnits cus = DwarfReader.read(sections, DwarfLimits.defaults());
 * }</pre>
 *
 * <p>Stateless and thread-safe; never throws on hostile bytes.
 */
public final class DwarfReader {
  private DwarfReader() {}

  static final int DW_AT_NAME = 0x03;
  static final int DW_AT_LANGUAGE = 0x13;
  static final int DW_AT_COMP_DIR = 0x1b;
  static final int DW_AT_PRODUCER = 0x25;
  static final int DW_AT_STR_OFFSETS_BASE = 0x72;

  /**
   * Reads every unit's first DIE.
   *
   * @param s the sections
   * @param limits the caps
   * @return the units, those that could not be read, and whether the walk stopped early
   */
  public static CompilationUnits read(DwarfSections s, DwarfLimits limits) {
    List<CompilationUnit> units = new ArrayList<>();
    List<UnreadableUnit> bad = new ArrayList<>();
    ByteBuffer info = s.info();
    long size = info.limit();
    long off = 0;
    int walked = 0;
    Optional<String> stop = Optional.empty();
    while (off < size) {
      if (walked++ >= limits.maxUnits()) {
        stop = Optional.of("more than " + limits.maxUnits() + " units: the rest was not read");
        break;
      }
      long length;
      int header;
      boolean dwarf64;
      try {
        DwarfCursor c = new DwarfCursor(info, s.order(), ".debug_info", off, size);
        length = c.u32("unit_length");
        dwarf64 = length == 0xffffffffL;
        if (dwarf64) {
          length = c.u64("64-bit unit_length");
        } else if (length >= 0xfffffff0L) {
          throw c.failure("reserved unit_length 0x" + Long.toHexString(length));
        }
        header = c.position() - (int) off;
      } catch (DwarfFormatException e) {
        bad.add(new UnreadableUnit(off, e.getMessage()));
        stop = Optional.of("unit header at 0x" + Long.toHexString(off) + " unreadable: the rest was not read");
        break;
      }
      if (length < 0 || length > size - off - header) {
        bad.add(new UnreadableUnit(off, ".debug_info: unit_length 0x" + Long.toHexString(length) + " at 0x"
            + Long.toHexString(off) + " runs past the end of the " + size + "-byte section"));
        stop = Optional.of("unit at 0x" + Long.toHexString(off) + " runs past the section: the rest was not read");
        break;
      }
      long end = off + header + length;
      try {
        units.add(readUnit(s, limits, off, off + header, end, dwarf64));
      } catch (DwarfFormatException e) {
        bad.add(new UnreadableUnit(off, e.getMessage()));
      }
      off = end;
    }
    return new CompilationUnits(units, bad, stop.isPresent(), stop);
  }

  private static CompilationUnit readUnit(
      DwarfSections s, DwarfLimits limits, long unit, long start, long end, boolean dwarf64)
      throws DwarfFormatException {
    DwarfCursor c = new DwarfCursor(s.info(), s.order(), ".debug_info", start, end);
    int version = c.u16("version");
    if (version < 2 || version > 5) {
      throw c.failure("unsupported DWARF version " + version);
    }
    int unitType = 1;
    int addressSize;
    long abbrevOffset;
    if (version == 5) {
      unitType = c.u8("unit_type");
      addressSize = c.u8("address_size");
      abbrevOffset = c.offset(dwarf64, "debug_abbrev_offset");
      switch (unitType) {
        case 1, 3 -> { } // DW_UT_compile, DW_UT_partial
        case 4, 5 -> c.skip(8, "dwo_id"); // DW_UT_skeleton, DW_UT_split_compile
        case 2, 6 -> c.skip(8 + (dwarf64 ? 8 : 4), "type_signature and type_offset"); // DW_UT_type, split_type
        default -> throw c.failure("unknown unit_type 0x" + Integer.toHexString(unitType));
      }
    } else {
      abbrevOffset = c.offset(dwarf64, "debug_abbrev_offset");
      addressSize = c.u8("address_size");
    }
    if (addressSize != 1 && addressSize != 2 && addressSize != 4 && addressSize != 8) {
      throw c.failure("address_size " + addressSize);
    }
    long code = c.uleb("abbreviation code");
    if (code == 0) {
      throw c.failure("the unit's first DIE is a null entry");
    }
    Abbreviation a = Abbreviation.find(s.abbrev(), s.order(), abbrevOffset, code, limits);
    Forms forms = new Forms(s, c, limits, version, addressSize, dwarf64);
    for (Abbreviation.Spec spec : a.specs()) {
      forms.read(spec);
    }
    return new CompilationUnit(unit, version, unitType, a.tag(), forms.string(DW_AT_PRODUCER),
        forms.language(), forms.string(DW_AT_NAME), forms.string(DW_AT_COMP_DIR));
  }

  /** The attribute values of one DIE: kept for the attributes wanted, skipped by form for the rest. */
  private static final class Forms {
    private final DwarfSections s;
    private final DwarfCursor c;
    private final DwarfLimits limits;
    private final int version;
    private final int addressSize;
    private final boolean dwarf64;
    private final String[] strings = new String[3];
    private final long[] strx = {-1, -1, -1};
    private long strOffsetsBase = -1;
    private OptionalInt language = OptionalInt.empty();

    Forms(DwarfSections s, DwarfCursor c, DwarfLimits limits, int version, int addressSize, boolean dwarf64) {
      this.s = s;
      this.c = c;
      this.limits = limits;
      this.version = version;
      this.addressSize = addressSize;
      this.dwarf64 = dwarf64;
    }

    private static int slot(int attribute) {
      return switch (attribute) {
        case DW_AT_PRODUCER -> 0;
        case DW_AT_NAME -> 1;
        case DW_AT_COMP_DIR -> 2;
        default -> -1;
      };
    }

    void read(Abbreviation.Spec spec) throws DwarfFormatException {
      int form = spec.form();
      for (int depth = 0; form == 0x16; depth++) { // DW_FORM_indirect: the form is in the DIE
        if (depth > 0) {
          throw c.failure("DW_FORM_indirect naming DW_FORM_indirect");
        }
        form = (int) Math.min(c.uleb("indirect form"), Integer.MAX_VALUE);
      }
      int at = spec.attribute();
      int slot = slot(at);
      String what = "attribute 0x" + Integer.toHexString(at) + " form 0x" + Integer.toHexString(form);
      if (slot >= 0 && isString(form)) {
        readString(slot, form, what);
      } else if (at == DW_AT_LANGUAGE && isConstant(form)) {
        long v = form == Abbreviation.DW_FORM_IMPLICIT_CONST ? spec.implicitConst() : constant(form, what);
        language = OptionalInt.of((int) Math.max(0, Math.min(v, Integer.MAX_VALUE)));
      } else if (at == DW_AT_STR_OFFSETS_BASE && form == 0x17) {
        strOffsetsBase = c.offset(dwarf64, what);
      } else {
        skip(form, what);
      }
    }

    private static boolean isString(int form) {
      return form == 0x08 || form == 0x0e || form == 0x1f || form == 0x1a || (form >= 0x25 && form <= 0x28)
          || form == 0x1f02 || form == 0x1d || form == 0x1f21;
    }

    private static boolean isConstant(int form) {
      return form == 0x0b || form == 0x05 || form == 0x06 || form == 0x07 || form == 0x0f || form == 0x0d
          || form == Abbreviation.DW_FORM_IMPLICIT_CONST;
    }

    private long constant(int form, String what) throws DwarfFormatException {
      return switch (form) {
        case 0x0b -> c.u8(what);
        case 0x05 -> c.u16(what);
        case 0x06 -> c.u32(what);
        case 0x07 -> c.u64(what);
        case 0x0f -> c.uleb(what);
        default -> c.sleb(what);
      };
    }

    private void readString(int slot, int form, String what) throws DwarfFormatException {
      int max = limits.maxStringLength();
      switch (form) {
        case 0x08 -> strings[slot] = c.inlineString(max, what);
        case 0x0e -> strings[slot] = DwarfCursor.stringAt(s.str(), c.offset(dwarf64, what), max, ".debug_str");
        case 0x1f -> strings[slot] =
            DwarfCursor.stringAt(s.lineStr(), c.offset(dwarf64, what), max, ".debug_line_str");
        case 0x1a, 0x1f02 -> strx[slot] = c.uleb(what);
        case 0x25 -> strx[slot] = c.u8(what);
        case 0x26 -> strx[slot] = c.u16(what);
        case 0x27 -> strx[slot] = c.u24(what);
        case 0x28 -> strx[slot] = c.u32(what);
        default -> { // DW_FORM_strp_sup, DW_FORM_GNU_strp_alt: the string is in another file (dwz)
          c.offset(dwarf64, what);
          throw c.failure(what + ": the string is in a supplementary file (dwz), not in this one");
        }
      }
    }

    /** Skips one attribute value of a form this reader does not keep. */
    private void skip(int form, String what) throws DwarfFormatException {
      int offsetSize = dwarf64 ? 8 : 4;
      switch (form) {
        case 0x01 -> c.skip(addressSize, what); // addr
        case 0x03 -> c.skip(c.u16(what), what); // block2
        case 0x04 -> c.skip(c.u32(what), what); // block4
        case 0x05, 0x12, 0x26, 0x2a -> c.skip(2, what); // data2, ref2, strx2, addrx2
        case 0x06, 0x13, 0x1c, 0x28, 0x2c -> c.skip(4, what); // data4, ref4, ref_sup4, strx4, addrx4
        case 0x07, 0x14, 0x20, 0x24 -> c.skip(8, what); // data8, ref8, ref_sig8, ref_sup8
        case 0x08 -> c.inlineString(1, what); // string
        case 0x09, 0x18 -> c.skip(c.uleb(what), what); // block, exprloc
        case 0x0a -> c.skip(c.u8(what), what); // block1
        case 0x0b, 0x0c, 0x11, 0x25, 0x29 -> c.skip(1, what); // data1, flag, ref1, strx1, addrx1
        case 0x0d -> c.sleb(what); // sdata
        case 0x0e, 0x17, 0x1d, 0x1f, 0x1f20, 0x1f21 -> c.skip(offsetSize, what); // strp, sec_offset, *_sup, alt
        case 0x0f, 0x15, 0x1a, 0x1b, 0x22, 0x23, 0x1f01, 0x1f02 -> c.uleb(what); // udata, ref_udata, *x, *listx
        case 0x10 -> c.skip(version == 2 ? addressSize : offsetSize, what); // ref_addr
        case 0x19, Abbreviation.DW_FORM_IMPLICIT_CONST -> { } // flag_present, implicit_const: no bytes
        case 0x1e -> c.skip(16, what); // data16
        case 0x27, 0x2b -> c.skip(3, what); // strx3, addrx3
        default -> throw c.failure("unknown form in " + what);
      }
    }

    Optional<String> string(int attribute) throws DwarfFormatException {
      int slot = slot(attribute);
      if (strings[slot] != null) {
        return Optional.of(strings[slot]);
      }
      if (strx[slot] < 0) {
        return Optional.empty();
      }
      // DW_AT_str_offsets_base points past the contribution's header; without it, the first contribution's
      int offsetSize = dwarf64 ? 8 : 4;
      long base = strOffsetsBase >= 0 ? strOffsetsBase : (dwarf64 ? 16 : 8);
      long index = strx[slot];
      ByteBuffer offsets = s.strOffsets();
      if (index > (offsets.limit() - base) / offsetSize || base > offsets.limit()) {
        throw new DwarfFormatException(base, ".debug_str_offsets: index " + index + " past the end of the "
            + offsets.limit() + "-byte section");
      }
      DwarfCursor o = new DwarfCursor(offsets, s.order(), ".debug_str_offsets", base + index * offsetSize,
          offsets.limit());
      long strOffset = o.offset(dwarf64, "string offset " + index);
      return Optional.of(DwarfCursor.stringAt(s.str(), strOffset, limits.maxStringLength(), ".debug_str"));
    }

    OptionalInt language() {
      return language;
    }
  }
}
