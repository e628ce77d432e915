package dev.wheeltapper.hardening;

/**
 * The typed value of one hardening check: a yes/no {@link Flag}, a level or kind of the check's own class
 * ({@link Relro.Level}, {@link Pie.Kind}, {@link IsaLevel.Level}, {@link Fortify.Level}, {@link SearchPaths.Verdict},
 * {@link CodeSignature.Verdict}), or {@link Missing} when the binary gives no value. {@link #label()} is the value's
 * text in the JSON {@code checks} object, unchanged from the contract.
 *
 * <pre>{@code
 * switch (hardening.result(HardeningCheck.RELRO).value()) {
 *   case Relro.Level level -> level;              // FULL, label "full"
 *   case CheckValue.Missing m -> m;               // NOT_APPLICABLE, label "n/a"
 *   default -> throw new AssertionError();
 * }
 * }</pre>
 *
 * <p>Every implementation is an enum: immutable and thread-safe.
 */
public sealed interface CheckValue
    permits CheckValue.Flag, CheckValue.Missing, Relro.Level, Pie.Kind, IsaLevel.Level, Fortify.Level,
        SearchPaths.Verdict, CodeSignature.Verdict {

  /**
   * The value's text in reports.
   *
   * @return for example {@code yes}, {@code full}, {@code dso}, {@code v3}, {@code n/a}
   */
  String label();

  /** The value of a yes/no check. */
  enum Flag implements CheckValue {
    /** The check's property holds. */
    YES,
    /** The check's property does not hold. */
    NO;

    /**
     * The flag for a boolean.
     *
     * @param holds whether the property holds
     * @return {@link #YES} or {@link #NO}
     */
    public static Flag of(boolean holds) {
      return holds ? YES : NO;
    }

    /**
     * The flag as a boolean.
     *
     * @return true for {@link #YES}
     */
    public boolean holds() {
      return this == YES;
    }

    @Override
    public String label() {
      return this == YES ? "yes" : "no";
    }
  }

  /** No value: the binary does not tell, or the check has no meaning for it. */
  enum Missing implements CheckValue {
    /** The binary does not tell ({@code unknown}). */
    UNKNOWN,
    /** The check has no meaning here ({@code n/a}). */
    NOT_APPLICABLE;

    @Override
    public String label() {
      return this == UNKNOWN ? "unknown" : "n/a";
    }
  }
}
