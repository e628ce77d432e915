package dev.wheeltapper.hardening;

import static dev.wheeltapper.hardening.ElfChecks.hex;
import static dev.wheeltapper.hardening.ElfChecks.result;

import java.util.ArrayList;
import java.util.List;

/**
 * The ELF {@code textrel} check: DT_TEXTREL or DF_TEXTREL.
 *
 * <p>Stateless and thread-safe.
 */
final class TextRel {
  private TextRel() {}

  static CheckResult textrel(ElfFacts f) {
    List<String> ev = new ArrayList<>();
    if (f.hasDynamicTag(ElfFacts.DT_TEXTREL)) {
      ev.add("DT_TEXTREL present");
    }
    long flags = f.flags(ElfFacts.DT_FLAGS);
    if ((flags & ElfFacts.DF_TEXTREL) != 0) {
      ev.add("DT_FLAGS has DF_TEXTREL (" + hex(flags) + ")");
    }
    if (!f.hasDynamic()) {
      return result(HardeningCheck.TEXTREL, Status.NOT_APPLICABLE, CheckValue.Flag.NO, "no dynamic section");
    }
    return ev.isEmpty()
        ? result(HardeningCheck.TEXTREL, Status.PASS, CheckValue.Flag.NO, "no DT_TEXTREL, no DF_TEXTREL")
        : result(HardeningCheck.TEXTREL, Status.FAIL, CheckValue.Flag.YES, String.join(", ", ev));
  }
}
