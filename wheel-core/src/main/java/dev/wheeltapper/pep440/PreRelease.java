package dev.wheeltapper.pep440;

import java.util.Objects;

/**
 * The pre-release segment of a version: {@code a1}, {@code b2}, {@code rc3}.
 *
 * <pre>{@code
 * Version.parse("1.0beta2").pre().orElseThrow()  // PreRelease[kind=BETA, number=2], printed "b2"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind alpha, beta or release candidate
 * @param number the pre-release number, zero or more
 */
public record PreRelease(Kind kind, long number) implements Comparable<PreRelease> {

  /** The three pre-release phases, in PEP 440 order. */
  public enum Kind {
    /** Alpha ({@code a}, also spelled {@code alpha}). */
    ALPHA("a"),
    /** Beta ({@code b}, also spelled {@code beta}). */
    BETA("b"),
    /** Release candidate ({@code rc}, also spelled {@code c}, {@code pre}, {@code preview}). */
    RELEASE_CANDIDATE("rc");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /**
     * The normalised label.
     *
     * @return {@code a}, {@code b} or {@code rc}
     */
    public String label() {
      return label;
    }
  }

  /** Rejects a null kind and negative numbers. */
  public PreRelease {
    Objects.requireNonNull(kind, "kind");
    if (number < 0) {
      throw new IllegalArgumentException("pre-release number must not be negative: " + number);
    }
  }

  @Override
  public int compareTo(PreRelease other) {
    int c = kind.compareTo(other.kind);
    return c != 0 ? c : Long.compare(number, other.number);
  }

  /** The normalised form, for example {@code rc1}. */
  @Override
  public String toString() {
    return kind.label + number;
  }
}
