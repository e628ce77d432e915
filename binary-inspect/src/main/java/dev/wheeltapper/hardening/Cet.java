package dev.wheeltapper.hardening;

import static dev.wheeltapper.hardening.ElfChecks.X86_FEATURE_1_AND;
import static dev.wheeltapper.hardening.ElfChecks.X86_IBT;
import static dev.wheeltapper.hardening.ElfChecks.X86_SHSTK;
import static dev.wheeltapper.hardening.ElfChecks.hex;
import static dev.wheeltapper.hardening.ElfChecks.result;

import dev.wheeltapper.elf.GnuProperty;
import java.util.Map;
import java.util.Optional;

/**
 * The ELF {@code ibt} and {@code shstk} checks: x86 CET bits of X86_FEATURE_1_AND in the GNU property note.
 *
 * <p>Stateless and thread-safe.
 */
final class Cet {
  private Cet() {}

  static void cet(ElfFacts f, Map<HardeningCheck, CheckResult> r) {
    if (f.machine() != ElfFacts.EM_X86_64 && f.machine() != ElfFacts.EM_386) {
      String why = "x86 CET only (" + f.machineLabel() + ")";
      r.put(HardeningCheck.IBT, CheckResult.notApplicable(HardeningCheck.IBT, why));
      r.put(HardeningCheck.SHSTK,
          CheckResult.notApplicable(HardeningCheck.SHSTK, why));
      return;
    }
    Optional<GnuProperty> p = ElfChecks.property(f, X86_FEATURE_1_AND);
    r.put(HardeningCheck.IBT, featureBit(f, HardeningCheck.IBT, p, X86_IBT, "X86_FEATURE_1_AND", "IBT"));
    r.put(HardeningCheck.SHSTK, featureBit(f, HardeningCheck.SHSTK, p, X86_SHSTK, "X86_FEATURE_1_AND", "SHSTK"));
  }

  static CheckResult featureBit(
      ElfFacts f, HardeningCheck c, Optional<GnuProperty> p, long bit, String prop, String name) {
    if (!f.propertyNote()) {
      return result(c, Status.FAIL, CheckValue.Flag.NO, "no GNU property note (NT_GNU_PROPERTY_TYPE_0)");
    }
    if (p.isEmpty()) {
      return result(c, Status.FAIL, CheckValue.Flag.NO, "GNU property note without " + prop);
    }
    long v = p.get().value();
    return (v & bit) != 0
        ? result(c, Status.PASS, CheckValue.Flag.YES, prop + " " + hex(v) + " has " + name)
        : result(c, Status.FAIL, CheckValue.Flag.NO, prop + " " + hex(v) + " lacks " + name);
  }
}
