package dev.wheeltapper.hardening;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of one hardening check: a status, a typed value and the evidence in words.
 *
 * <pre>{@code
 * CheckResult r = hardening.result(HardeningCheck.RELRO);
 * r.status();          // PASS
 * r.value();           // Relro.Level.FULL
 * r.value().label();   // "full"
 * r.evidence();        // "PT_GNU_RELRO present, DT_FLAGS has DF_BIND_NOW"
 * }</pre>
 *
 * <p>Values of yes/no checks are {@link CheckValue.Flag}s; {@link CheckValue.Missing} marks a value that cannot be
 * given. Immutable and thread-safe.
 *
 * @param check which check
 * @param status the outcome
 * @param value the typed answer ({@link Relro.Level#FULL}, {@link Pie.Kind#DSO}, {@link CheckValue.Flag#YES},
 *     {@link IsaLevel.Level#V2} ...)
 * @param evidence what was read, for a person
 */
public record CheckResult(HardeningCheck check, Status status, CheckValue value, String evidence) {

  /** Rejects nulls. */
  public CheckResult {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(evidence, "evidence");
  }

  /**
   * The value, if it has the given type.
   *
   * @param type the value type, for example {@code Relro.Level.class}
   * @param <T> the value type
   * @return the value, empty when it has another type (a {@link CheckValue.Missing}, say)
   */
  public <T extends CheckValue> Optional<T> value(Class<T> type) {
    return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
  }

  /** A yes/no result: pass with {@code yes}, fail with {@code no}. */
  static CheckResult yesNo(HardeningCheck check, boolean yes, String evidence) {
    return new CheckResult(check, yes ? Status.PASS : Status.FAIL, CheckValue.Flag.of(yes), evidence);
  }

  /** A check without meaning here: not applicable, {@code n/a}. */
  static CheckResult notApplicable(HardeningCheck check, String why) {
    return new CheckResult(check, Status.NOT_APPLICABLE, CheckValue.Missing.NOT_APPLICABLE, why);
  }

  /**
   * The value as a boolean, for yes/no checks.
   *
   * @return true for {@link CheckValue.Flag#YES} and {@link CodeSignature.Verdict#SIGNED}, false for
   *     {@link CheckValue.Flag#NO} and {@link CodeSignature.Verdict#UNSIGNED}, empty otherwise
   */
  public Optional<Boolean> flag() {
    if (value instanceof CheckValue.Flag f) {
      return Optional.of(f.holds());
    }
    if (value instanceof CodeSignature.Verdict v && v != CodeSignature.Verdict.INVALID) {
      return Optional.of(v == CodeSignature.Verdict.SIGNED);
    }
    return Optional.empty();
  }

  /**
   * The value for JSON: a Boolean (or null) for yes/no checks, the text otherwise (null for n/a).
   *
   * @return Boolean, String or null
   */
  public Object jsonValue() {
    if (check.booleanValued()) {
      return flag().orElse(null);
    }
    return value == CheckValue.Missing.NOT_APPLICABLE ? null : value.label();
  }

  /**
   * One line for the text report.
   *
   * @return {@code relro: full (pass) - PT_GNU_RELRO present, ...}
   */
  @Override
  public String toString() {
    return check.key() + ": " + value.label() + " (" + status.label() + ") - " + evidence;
  }
}
