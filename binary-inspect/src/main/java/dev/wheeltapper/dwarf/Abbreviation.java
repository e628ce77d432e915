package dev.wheeltapper.dwarf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One abbreviation declaration of {@code .debug_abbrev} (DWARF 5 section 7.5.3): the DIE's tag and its attribute
 * specifications. Only the declaration a unit's first DIE names is looked up: the table is scanned from the unit's
 * {@code debug_abbrev_offset} to that code, at most {@link DwarfLimits#maxAbbreviations()} declarations, so a table
 * without its terminating 0, or a code that never comes, ends in a {@link DwarfFormatException}, not a loop.
 */
record Abbreviation(long code, int tag, boolean children, List<Spec> specs) {

  /** {@code DW_FORM_implicit_const}: its value sits in the declaration, not in the DIE. */
  static final int DW_FORM_IMPLICIT_CONST = 0x21;

  /** One attribute specification: {@code DW_AT_*}, {@code DW_FORM_*}, and the implicit constant where there is one. */
  record Spec(int attribute, int form, long implicitConst) {}

  static Abbreviation find(ByteBuffer abbrev, ByteOrder order, long tableOffset, long code, DwarfLimits limits)
      throws DwarfFormatException {
    if (tableOffset < 0 || tableOffset >= abbrev.limit()) {
      throw new DwarfFormatException(tableOffset, ".debug_abbrev: table offset 0x" + Long.toHexString(tableOffset)
          + " outside the " + abbrev.limit() + "-byte section");
    }
    DwarfCursor c = new DwarfCursor(abbrev, order, ".debug_abbrev", tableOffset, abbrev.limit());
    for (int n = 0; n < limits.maxAbbreviations(); n++) {
      long found = c.uleb("abbreviation code");
      if (found == 0) {
        break; // the end of this unit's table
      }
      int tag = (int) Math.min(c.uleb("tag"), Integer.MAX_VALUE);
      boolean children = c.u8("children flag") != 0;
      List<Spec> specs = found == code ? new ArrayList<>() : null;
      for (int a = 0; ; a++) {
        if (a > limits.maxAttributes()) {
          throw c.failure("abbreviation " + found + " has more than " + limits.maxAttributes() + " attributes");
        }
        long attr = c.uleb("attribute name");
        long form = c.uleb("attribute form");
        if (attr == 0 && form == 0) {
          break;
        }
        long implicit = form == DW_FORM_IMPLICIT_CONST ? c.sleb("implicit constant") : 0;
        if (specs != null) {
          specs.add(new Spec((int) Math.min(attr, Integer.MAX_VALUE), (int) Math.min(form, Integer.MAX_VALUE),
              implicit));
        }
      }
      if (specs != null) {
        return new Abbreviation(found, tag, children, List.copyOf(specs));
      }
    }
    throw new DwarfFormatException(tableOffset, ".debug_abbrev: abbreviation " + code + " not found in the table at 0x"
        + Long.toHexString(tableOffset) + " (within " + limits.maxAbbreviations() + " declarations)");
  }
}
