package dev.wheeltapper.wheel;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.Objects;

/**
 * The optional build tag of a wheel file name. It starts with a digit and sorts by its leading number first and the
 * rest of the text second, as the binary distribution format specifies ({@code (int prefix, str suffix)}).
 *
 * <pre>{@code
 * BuildTag b = BuildTag.of("10namespace");
 * b.number(); // 10
 * b.suffix(); // "namespace"
 * b.compareTo(BuildTag.of("9namespace")) > 0; // true
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the tag as written, for example {@code 1} or {@code 0record}
 */
public record BuildTag(String value) implements Comparable<BuildTag> {

  private static final Comparator<BuildTag> ORDER =
      Comparator.comparing(BuildTag::number).thenComparing(BuildTag::suffix);

  /**
   * Validates the tag: non-empty, starts with an ASCII digit, letters, digits and underscores only.
   *
   * @throws IllegalArgumentException when the value is not a build tag
   */
  public BuildTag {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty() || value.charAt(0) < '0' || value.charAt(0) > '9' || !Tag.isTagPart(value)) {
      throw new IllegalArgumentException("not a build tag: '" + value + "'");
    }
  }

  /**
   * Creates a build tag.
   *
   * @param value the tag text
   * @return the tag
   */
  public static BuildTag of(String value) {
    return new BuildTag(value);
  }

  /**
   * The leading decimal number (unbounded, since a file name may carry any number of digits).
   *
   * @return the number
   */
  public BigInteger number() {
    return new BigInteger(value.substring(0, digitCount()));
  }

  /**
   * The text after the leading number.
   *
   * @return the suffix, possibly empty
   */
  public String suffix() {
    return value.substring(digitCount());
  }

  private int digitCount() {
    int i = 0;
    while (i < value.length() && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  @Override
  public int compareTo(BuildTag other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return value;
  }
}
