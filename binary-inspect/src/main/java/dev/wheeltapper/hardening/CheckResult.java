package dev.wheeltapper.hardening;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of one hardening check: a status, a short value and the evidence in words.
 *
 * <pre>{@code
 * CheckResult r = hardening.result(HardeningCheck.RELRO);
 * r.status();    // PASS
 * r.value();     // "full"
 * r.evidence();  // "PT_GNU_RELRO present, DT_FLAGS has DF_BIND_NOW"
 * }</pre>
 *
 * <p>Values of yes/no checks are {@code "yes"} or {@code "no"}; {@code "unknown"} and {@code "n/a"} mark a value that
 * cannot be given. Immutable and thread-safe.
 *
 * @param check which check
 * @param status the outcome
 * @param value the short answer ({@code full}, {@code dso}, {@code yes}, {@code v2} ...)
 * @param evidence what was read, for a person
 */
public record CheckResult(HardeningCheck check, Status status, String value, String evidence) {

  /** The value of a yes/no check that holds. */
  public static final String YES = "yes";
  /** The value of a yes/no check that does not hold. */
  public static final String NO = "no";
  /** The value when the binary does not tell. */
  public static final String UNKNOWN = "unknown";
  /** The value of a check whose evidence is present but does not hold (a code signature that no longer matches). */
  public static final String INVALID = "invalid";
  /** The value when the check has no meaning here. */
  public static final String NOT_APPLICABLE = "n/a";

  /** Rejects nulls and empty values. */
  public CheckResult {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(evidence, "evidence");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("empty value for " + check);
    }
  }

  /**
   * The value as a boolean, for yes/no checks.
   *
   * @return true for {@code yes}, false for {@code no}, empty otherwise
   */
  public Optional<Boolean> flag() {
    if (YES.equals(value)) {
      return Optional.of(Boolean.TRUE);
    }
    if (NO.equals(value)) {
      return Optional.of(Boolean.FALSE);
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
    return NOT_APPLICABLE.equals(value) ? null : value;
  }

  /**
   * One line for the text report.
   *
   * @return {@code relro: full (pass) - PT_GNU_RELRO present, ...}
   */
  @Override
  public String toString() {
    return check.key() + ": " + value + " (" + status.label() + ") - " + evidence;
  }
}
