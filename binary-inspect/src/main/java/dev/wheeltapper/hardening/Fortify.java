package dev.wheeltapper.hardening;

import java.util.List;
import java.util.Objects;

/**
 * FORTIFY_SOURCE evidence: the fortified {@code __*_chk} functions a binary imports and the fortifiable libc
 * functions it imports unprotected.
 *
 * <pre>{@code
 * Fortify f = hardening.fortify();
 * f.fortified();     // [__memcpy_chk, __printf_chk]
 * f.unprotected();   // [strcpy]
 * f.fortifiable();   // 3: functions that could be fortified, protected or not
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param fortified imported {@code __<name>_chk} functions, sorted
 * @param unprotected imported plain functions of the fortifiable list, sorted
 */
public record Fortify(List<String> fortified, List<String> unprotected) {

  /** Copies the lists. */
  public Fortify {
    fortified = List.copyOf(Objects.requireNonNull(fortified, "fortified"));
    unprotected = List.copyOf(Objects.requireNonNull(unprotected, "unprotected"));
  }

  /**
   * How many imported functions could be fortified (fortified ones plus unprotected ones), the denominator of the
   * JSON pair {@code {"fortified": 3, "fortifiable": 5}}.
   *
   * @return the count
   */
  public int fortifiable() {
    return fortified.size() + unprotected.size();
  }

  /**
   * The level: {@code full} (only fortified), {@code partial} (both), {@code none} (only unprotected), {@code unknown}
   * (neither: nothing to decide on).
   *
   * @return the level
   */
  public String level() {
    if (!fortified.isEmpty()) {
      return unprotected.isEmpty() ? "full" : "partial";
    }
    return unprotected.isEmpty() ? CheckResult.UNKNOWN : "none";
  }
}
