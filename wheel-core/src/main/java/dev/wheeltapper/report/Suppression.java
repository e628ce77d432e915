package dev.wheeltapper.report;

import java.util.Locale;
import java.util.Objects;

/**
 * Why a {@link Finding} no longer counts against its artifact: a waiver a person wrote, or a baseline (an earlier
 * report) that already held it. A suppressed finding stays in every report, marked, so that nothing disappears
 * silently; only the verdict and the exit code leave it out.
 *
 * <pre>{@code
 * Finding f = Finding.warning(Codes.HARDENING_NO_CANARY, "foo/_x.so", "no stack canary")
 *     .withSuppression(new Suppression(Suppression.Kind.WAIVED, "vendored, fixed upstream in 2.1", "waivers.txt:3"));
 * f.isSuppressed();   // true
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind waived or baselined
 * @param reason the justification, in the words of the waiver (for a baseline: what matched)
 * @param source where it came from: {@code FILE:LINE} of a waiver, the file name of a baseline
 */
public record Suppression(Kind kind, String reason, String source) {

  /** The two ways a finding is suppressed. */
  public enum Kind {
    /** A waiver line ({@code CODE GLOB [until=DATE] REASON}) matched it. */
    WAIVED,
    /** An earlier report (the baseline) had the same finding. */
    BASELINED;

    /**
     * The name used in reports.
     *
     * @return {@code "waived"} or {@code "baselined"}
     */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Rejects nulls. */
  public Suppression {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(source, "source");
  }
}
