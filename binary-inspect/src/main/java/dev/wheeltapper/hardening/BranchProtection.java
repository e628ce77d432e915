package dev.wheeltapper.hardening;

import static dev.wheeltapper.hardening.ElfChecks.AARCH64_BTI;
import static dev.wheeltapper.hardening.ElfChecks.AARCH64_FEATURE_1_AND;
import static dev.wheeltapper.hardening.ElfChecks.AARCH64_PAC;
import static dev.wheeltapper.hardening.ElfChecks.hex;
import static dev.wheeltapper.hardening.ElfChecks.result;

import dev.wheeltapper.elf.GnuProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ELF {@code bti} and {@code pac} checks: AArch64 bits of AARCH64_FEATURE_1_AND, or the PLT dynamic tags.
 *
 * <p>Stateless and thread-safe.
 */
final class BranchProtection {
  private BranchProtection() {}

  static void branchProtection(ElfFacts f, Map<HardeningCheck, CheckResult> r) {
    if (f.machine() != ElfFacts.EM_AARCH64) {
      String why = "AArch64 only (" + f.machineLabel() + ")";
      r.put(HardeningCheck.BTI, CheckResult.notApplicable(HardeningCheck.BTI, why));
      r.put(HardeningCheck.PAC, CheckResult.notApplicable(HardeningCheck.PAC, why));
      return;
    }
    Optional<GnuProperty> p = ElfChecks.property(f, AARCH64_FEATURE_1_AND);
    r.put(HardeningCheck.BTI, aarch64(f, HardeningCheck.BTI, p, AARCH64_BTI, "BTI", ElfFacts.DT_AARCH64_BTI_PLT,
        "DT_AARCH64_BTI_PLT"));
    r.put(HardeningCheck.PAC, aarch64(f, HardeningCheck.PAC, p, AARCH64_PAC, "PAC", ElfFacts.DT_AARCH64_PAC_PLT,
        "DT_AARCH64_PAC_PLT"));
  }

  static CheckResult aarch64(
      ElfFacts f, HardeningCheck c, Optional<GnuProperty> p, long bit, String name, long tag, String tagName) {
    List<String> yes = new ArrayList<>();
    if (p.isPresent() && (p.get().value() & bit) != 0) {
      yes.add("AARCH64_FEATURE_1_AND " + hex(p.get().value()) + " has " + name);
    }
    if (f.hasDynamicTag(tag)) {
      yes.add(tagName + " present");
    }
    if (!yes.isEmpty()) {
      return result(c, Status.PASS, CheckValue.Flag.YES, String.join(", ", yes));
    }
    String note = !f.propertyNote() ? "no GNU property note"
        : p.isEmpty() ? "GNU property note without AARCH64_FEATURE_1_AND"
            : "AARCH64_FEATURE_1_AND " + hex(p.get().value()) + " lacks " + name;
    return result(c, Status.FAIL, CheckValue.Flag.NO, note + ", no " + tagName);
  }
}
