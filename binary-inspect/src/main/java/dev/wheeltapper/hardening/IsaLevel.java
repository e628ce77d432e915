package dev.wheeltapper.hardening;

import static dev.wheeltapper.hardening.ElfChecks.X86_ISA_1_NEEDED;
import static dev.wheeltapper.hardening.ElfChecks.hex;
import static dev.wheeltapper.hardening.ElfChecks.result;

import dev.wheeltapper.elf.GnuProperty;
import java.util.Optional;

/**
 * The ELF {@code isaLevel} check: the x86-64 micro-architecture level of X86_ISA_1_NEEDED.
 *
 * <pre>{@code
 * Optional<IsaLevel.Level> level = elfHardening.isaLevel();   // Optional[V3]
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class IsaLevel {
  private IsaLevel() {}

  /** An x86-64 micro-architecture level (x86-64 psABI): the value of the {@code isaLevel} check. */
  public enum Level implements CheckValue {
    /** x86-64 baseline ({@code baseline}). */
    BASELINE,
    /** x86-64-v2 ({@code v2}). */
    V2,
    /** x86-64-v3 ({@code v3}). */
    V3,
    /** x86-64-v4 ({@code v4}). */
    V4;

    @Override
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  static CheckResult isaLevel(ElfFacts f) {
    if (f.machine() != ElfFacts.EM_X86_64 && f.machine() != ElfFacts.EM_386) {
      return CheckResult.notApplicable(HardeningCheck.ISA_LEVEL, "x86 only (" + f.machineLabel() + ")");
    }
    Optional<GnuProperty> p = ElfChecks.property(f, X86_ISA_1_NEEDED);
    if (p.isEmpty()) {
      return result(HardeningCheck.ISA_LEVEL, Status.PASS, Level.BASELINE,
          f.propertyNote() ? "GNU property note without X86_ISA_1_NEEDED: baseline assumed"
              : "no GNU property note: baseline assumed");
    }
    long v = p.get().value();
    Level level = (v & 0x8) != 0 ? Level.V4 : (v & 0x4) != 0 ? Level.V3 : (v & 0x2) != 0 ? Level.V2 : Level.BASELINE;
    return result(HardeningCheck.ISA_LEVEL, Status.PASS, level, "X86_ISA_1_NEEDED " + hex(v)
        + " (x86-64-" + level.label() + ")");
  }
}
