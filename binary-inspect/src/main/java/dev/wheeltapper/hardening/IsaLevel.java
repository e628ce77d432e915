package dev.wheeltapper.hardening;

import static dev.wheeltapper.hardening.ElfChecks.X86_ISA_1_NEEDED;
import static dev.wheeltapper.hardening.ElfChecks.result;
import static dev.wheeltapper.hardening.ElfChecks.hex;

import dev.wheeltapper.hardening.ElfFacts.Property;
import java.util.Optional;

/**
 * The ELF {@code isaLevel} check: the x86-64 micro-architecture level of X86_ISA_1_NEEDED.
 *
 * <p>Stateless and thread-safe.
 */
final class IsaLevel {
  private IsaLevel() {}

  static CheckResult isaLevel(ElfFacts f) {
    if (f.machine() != ElfFacts.EM_X86_64 && f.machine() != ElfFacts.EM_386) {
      return result(HardeningCheck.ISA_LEVEL, Status.NOT_APPLICABLE, CheckResult.NOT_APPLICABLE,
          "x86 only (" + f.machineLabel() + ")");
    }
    Optional<Property> p = ElfChecks.property(f, X86_ISA_1_NEEDED);
    if (p.isEmpty()) {
      return result(HardeningCheck.ISA_LEVEL, Status.PASS, "baseline",
          f.propertyNote() ? "GNU property note without X86_ISA_1_NEEDED: baseline assumed"
              : "no GNU property note: baseline assumed");
    }
    long v = p.get().value();
    String level = (v & 0x8) != 0 ? "v4" : (v & 0x4) != 0 ? "v3" : (v & 0x2) != 0 ? "v2" : "baseline";
    return result(HardeningCheck.ISA_LEVEL, Status.PASS, level, "X86_ISA_1_NEEDED " + hex(v)
        + " (x86-64-" + level + ")");
  }
}
