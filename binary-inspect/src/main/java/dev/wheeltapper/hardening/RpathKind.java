package dev.wheeltapper.hardening;

import java.util.Locale;

/**
 * How one DT_RPATH or DT_RUNPATH entry resolves, and whether that is safe for a wheel.
 *
 * <pre>{@code
 * RpathKind k = RpathEntry.classify("$ORIGIN/../pkg.libs", Optional.of("pkg/_x.so")).kind();  // ORIGIN_INSIDE
 * k.safe();   // true
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum RpathKind {
  /** {@code $ORIGIN}-relative and stays inside the wheel (auditwheel's {@code $ORIGIN/../pkg.libs}). */
  ORIGIN_INSIDE(true),
  /** {@code $ORIGIN}-relative, where the binary's place in a wheel is unknown (a bare file): relative to itself. */
  ORIGIN(true),
  /** {@code $ORIGIN}-relative but climbs out of the wheel ({@code $ORIGIN/../../..}). */
  ORIGIN_ESCAPES(false),
  /** An absolute directory: the library search leaves the wheel for whatever that machine has there. */
  ABSOLUTE(false),
  /** An empty entry, which the loader reads as the current working directory. */
  EMPTY(false),
  /** A relative directory, resolved against the current working directory. */
  RELATIVE(false);

  private final boolean safe;

  RpathKind(boolean safe) {
    this.safe = safe;
  }

  /**
   * Whether an entry of this kind is acceptable in a wheel.
   *
   * @return true for the {@code $ORIGIN} kinds that stay inside
   */
  public boolean safe() {
    return safe;
  }

  /**
   * The kind in reports: {@code origin-inside}, {@code origin}, {@code origin-escapes}, {@code absolute},
   * {@code empty}, {@code relative}.
   *
   * @return the lower-case, hyphenated name
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
