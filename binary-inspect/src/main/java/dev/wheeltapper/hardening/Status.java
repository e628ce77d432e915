package dev.wheeltapper.hardening;

import java.util.Locale;

/**
 * The outcome of one hardening check.
 *
 * <pre>{@code
 * if (result.status() == Status.FAIL) { ... }
 * String text = Status.NOT_APPLICABLE.label();   // "not-applicable"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum Status {
  /** The defence is present (or, for an informational fact, the fact was read). */
  PASS,
  /** The defence is absent or defeated. */
  FAIL,
  /** The defence is present in part (partial RELRO, some fortified calls). */
  PARTIAL,
  /** The check has no meaning for this binary (PIE for a shared object, a canary for pure Rust code). */
  NOT_APPLICABLE,
  /** The binary does not tell (stack clash protection without annobin notes). */
  UNKNOWN;

  /**
   * The status in reports: {@code pass}, {@code fail}, {@code partial}, {@code not-applicable}, {@code unknown}.
   *
   * @return the lower-case, hyphenated name
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
