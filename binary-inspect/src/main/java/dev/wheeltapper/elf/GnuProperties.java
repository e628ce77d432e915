package dev.wheeltapper.elf;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The GNU properties of a file (from every {@code NT_GNU_PROPERTY_TYPE_0} note), with the x86 CET and AArch64
 * branch-protection bits decoded for the file's machine.
 *
 * <pre>{@code
 * GnuProperties p = elf.notes().gnuProperties();
 * boolean cet = p.ibt() && p.shstk();
 * boolean bti = p.bti();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class GnuProperties {
  /** {@code GNU_PROPERTY_STACK_SIZE}. */
  public static final long STACK_SIZE = 1;
  /** {@code GNU_PROPERTY_NO_COPY_ON_PROTECTED}. */
  public static final long NO_COPY_ON_PROTECTED = 2;
  /** {@code GNU_PROPERTY_1_NEEDED}. */
  public static final long PROPERTY_1_NEEDED = 0xb0008000L;
  /** {@code GNU_PROPERTY_AARCH64_FEATURE_1_AND}. */
  public static final long AARCH64_FEATURE_1_AND = 0xc0000000L;
  /** {@code GNU_PROPERTY_AARCH64_FEATURE_PAUTH}. */
  public static final long AARCH64_FEATURE_PAUTH = 0xc0000001L;
  /** {@code GNU_PROPERTY_X86_FEATURE_1_AND}. */
  public static final long X86_FEATURE_1_AND = 0xc0000002L;
  /** {@code GNU_PROPERTY_X86_ISA_1_USED}. */
  public static final long X86_ISA_1_USED = 0xc0010002L;
  /** {@code GNU_PROPERTY_X86_ISA_1_NEEDED}. */
  public static final long X86_ISA_1_NEEDED = 0xc0008002L;
  /** {@code GNU_PROPERTY_X86_FEATURE_2_USED}. */
  public static final long X86_FEATURE_2_USED = 0xc0010001L;
  /** {@code GNU_PROPERTY_X86_FEATURE_2_NEEDED}. */
  public static final long X86_FEATURE_2_NEEDED = 0xc0008001L;
  /** X86 FEATURE_1_AND bit: indirect branch tracking. */
  public static final long X86_IBT = 0x1;
  /** X86 FEATURE_1_AND bit: shadow stack. */
  public static final long X86_SHSTK = 0x2;
  /** AArch64 FEATURE_1_AND bit: branch target identification. */
  public static final long AARCH64_BTI = 0x1;
  /** AArch64 FEATURE_1_AND bit: pointer authentication. */
  public static final long AARCH64_PAC = 0x2;
  /** AArch64 FEATURE_1_AND bit: guarded control stack. */
  public static final long AARCH64_GCS = 0x4;

  private final List<GnuProperty> properties;
  private final Machine machine;

  GnuProperties(List<GnuProperty> properties, Machine machine) {
    this.properties = List.copyOf(properties);
    this.machine = Objects.requireNonNull(machine, "machine");
  }

  /**
   * Every property, in note order.
   *
   * @return the properties
   */
  public List<GnuProperty> list() {
    return properties;
  }

  /**
   * Whether there is no property at all (no property note).
   *
   * @return true when empty
   */
  public boolean isEmpty() {
    return properties.isEmpty();
  }

  /**
   * The first property of a type.
   *
   * @param type {@code pr_type}
   * @return the property, empty when absent
   */
  public Optional<GnuProperty> find(long type) {
    return properties.stream().filter(p -> p.type() == type).findFirst();
  }

  private OptionalLong valueFor(long type, boolean x86) {
    boolean isX86 = machine == Machine.X86_64 || machine == Machine.I386 || machine == Machine.IAMCU;
    boolean isArm = machine == Machine.AARCH64;
    if (x86 ? !isX86 : !isArm) {
      return OptionalLong.empty();
    }
    return find(type).map(p -> OptionalLong.of(p.value())).orElse(OptionalLong.empty());
  }

  /**
   * {@code GNU_PROPERTY_X86_FEATURE_1_AND} on x86 files.
   *
   * @return the bits, empty when absent or not x86
   */
  public OptionalLong x86Feature1And() {
    return valueFor(X86_FEATURE_1_AND, true);
  }

  /**
   * {@code GNU_PROPERTY_X86_ISA_1_NEEDED} on x86 files (BASELINE 1, V2 2, V3 4, V4 8).
   *
   * @return the bits, empty when absent or not x86
   */
  public OptionalLong x86IsaNeeded() {
    return valueFor(X86_ISA_1_NEEDED, true);
  }

  /**
   * {@code GNU_PROPERTY_X86_ISA_1_USED} on x86 files.
   *
   * @return the bits, empty when absent or not x86
   */
  public OptionalLong x86IsaUsed() {
    return valueFor(X86_ISA_1_USED, true);
  }

  /**
   * {@code GNU_PROPERTY_AARCH64_FEATURE_1_AND} on AArch64 files.
   *
   * @return the bits, empty when absent or not AArch64
   */
  public OptionalLong aarch64Feature1And() {
    return valueFor(AARCH64_FEATURE_1_AND, false);
  }

  /**
   * x86 indirect branch tracking marked.
   *
   * @return the IBT bit
   */
  public boolean ibt() {
    return (x86Feature1And().orElse(0) & X86_IBT) != 0;
  }

  /**
   * x86 shadow stack marked.
   *
   * @return the SHSTK bit
   */
  public boolean shstk() {
    return (x86Feature1And().orElse(0) & X86_SHSTK) != 0;
  }

  /**
   * AArch64 branch target identification marked.
   *
   * @return the BTI bit
   */
  public boolean bti() {
    return (aarch64Feature1And().orElse(0) & AARCH64_BTI) != 0;
  }

  /**
   * AArch64 pointer authentication marked.
   *
   * @return the PAC bit
   */
  public boolean pac() {
    return (aarch64Feature1And().orElse(0) & AARCH64_PAC) != 0;
  }

  /**
   * AArch64 guarded control stack marked.
   *
   * @return the GCS bit
   */
  public boolean gcs() {
    return (aarch64Feature1And().orElse(0) & AARCH64_GCS) != 0;
  }

  @Override
  public String toString() {
    return "GnuProperties" + properties;
  }
}
