package dev.wheeltapper.pep440;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A PEP 440 version: {@code [N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]}.
 *
 * <p>{@link #parse} accepts every spelling PEP 440 normalises (case, {@code -}/{@code _}/{@code .} separators,
 * {@code alpha}/{@code beta}/{@code c}/{@code pre}/{@code preview}, {@code rev}/{@code r}, the implicit post release
 * {@code 1.0-1}, implicit numbers {@code 1.0a}, a leading {@code v}, surrounding whitespace, leading zeros); {@link
 * #toString()} gives the normalised form. Ordering ({@link #compareTo}) is exactly PEP 440's: epoch, then release
 * ignoring trailing zeros, then {@code .devN} before pre-releases before the release before post-releases, then local
 * labels (numeric segments above alphanumeric ones). {@link #equals} agrees with {@code compareTo}: {@code 1.0}
 * equals {@code 1.0.0}, while {@code 1.0+0} is a different (greater) version.
 *
 * <pre>{@code
 * Version v = Version.parse("v1.0-RC-1");
 * v.toString();                                        // "1.0rc1"
 * v.compareTo(Version.parse("1.0")) < 0;               // true
 * Version.parse("1.0").equals(Version.parse("1.0.0")); // true
 * }</pre>
 *
 * <p>Numbers are bounded by {@code long}; input is limited to {@value #MAX_LENGTH} characters and {@value
 * #MAX_RELEASE_SEGMENTS} release segments. Immutable and thread-safe.
 */
public final class Version implements Comparable<Version> {

  /** Longest accepted input, in characters (including surrounding whitespace). */
  public static final int MAX_LENGTH = 1024;

  /** Most release segments accepted ({@code 1.2.3} has three). */
  public static final int MAX_RELEASE_SEGMENTS = 64;

  private final long epoch;
  private final long[] release;
  private final PreRelease pre; // null when absent
  private final long post; // -1 when absent
  private final long dev; // -1 when absent
  private final List<String> local; // empty when absent; numeric segments without leading zeros
  private final String normalized;

  Version(long epoch, long[] release, PreRelease pre, long post, long dev, List<String> local) {
    this.epoch = epoch;
    this.release = release.clone();
    this.pre = pre;
    this.post = post;
    this.dev = dev;
    this.local = List.copyOf(local);
    this.normalized = format();
  }

  /**
   * Parses a version, accepting every spelling PEP 440 normalises.
   *
   * @param text the version text
   * @return the version
   * @throws InvalidVersionException if the text is not a PEP 440 version (the message says why)
   */
  public static Version parse(String text) throws InvalidVersionException {
    Objects.requireNonNull(text, "text");
    return VersionParser.parse(text);
  }

  /**
   * Parses a version, or returns empty if the text is not a valid version.
   *
   * @param text the version text
   * @return the version, or empty
   */
  public static Optional<Version> tryParse(String text) {
    try {
      return Optional.of(parse(text));
    } catch (InvalidVersionException e) {
      return Optional.empty();
    }
  }

  /**
   * The epoch, {@code 0} unless written as {@code N!}.
   *
   * @return the epoch
   */
  public long epoch() {
    return epoch;
  }

  /**
   * The release segment as written (trailing zeros kept).
   *
   * @return the release numbers, at least one
   */
  public List<Long> release() {
    List<Long> out = new ArrayList<>(release.length);
    for (long r : release) {
      out.add(r);
    }
    return List.copyOf(out);
  }

  /**
   * The first release number.
   *
   * @return the major number
   */
  public long major() {
    return releaseAt(0);
  }

  /**
   * The second release number, {@code 0} if absent.
   *
   * @return the minor number
   */
  public long minor() {
    return releaseAt(1);
  }

  /**
   * The third release number, {@code 0} if absent.
   *
   * @return the micro number
   */
  public long micro() {
    return releaseAt(2);
  }

  /**
   * The pre-release segment.
   *
   * @return the pre-release, or empty
   */
  public Optional<PreRelease> pre() {
    return Optional.ofNullable(pre);
  }

  /**
   * The post-release number.
   *
   * @return the post-release number, or empty
   */
  public OptionalLong post() {
    return post < 0 ? OptionalLong.empty() : OptionalLong.of(post);
  }

  /**
   * The development release number.
   *
   * @return the dev number, or empty
   */
  public OptionalLong dev() {
    return dev < 0 ? OptionalLong.empty() : OptionalLong.of(dev);
  }

  /**
   * The normalised local version label (lower case, {@code .} separators, numeric segments without leading zeros).
   *
   * @return the local label without the {@code +}, or empty
   */
  public Optional<String> local() {
    return local.isEmpty() ? Optional.empty() : Optional.of(String.join(".", local));
  }

  /**
   * Whether this is a pre-release: it has a pre-release or a dev segment.
   *
   * @return true for {@code 1.0a1}, {@code 1.0.dev1}, {@code 1.0.post1.dev1}
   */
  public boolean isPrerelease() {
    return pre != null || dev >= 0;
  }

  /**
   * Whether this has a post-release segment.
   *
   * @return true for {@code 1.0.post1}
   */
  public boolean isPostrelease() {
    return post >= 0;
  }

  /**
   * Whether this has a dev segment.
   *
   * @return true for {@code 1.0.dev1}
   */
  public boolean isDevrelease() {
    return dev >= 0;
  }

  /**
   * Whether this has a local version label.
   *
   * @return true for {@code 1.0+ubuntu1}
   */
  public boolean isLocal() {
    return !local.isEmpty();
  }

  /**
   * Epoch and release only: {@code 1!2.0rc1.post3+x} gives {@code 1!2.0}.
   *
   * @return the base version
   */
  public Version baseVersion() {
    return new Version(epoch, release, null, -1, -1, List.of());
  }

  /**
   * This version without its local label: {@code 1.0.post1+x} gives {@code 1.0.post1}.
   *
   * @return the public version
   */
  public Version publicVersion() {
    return local.isEmpty() ? this : new Version(epoch, release, pre, post, dev, List.of());
  }

  /** This version with post, dev and local removed (what a post-release is "of"). */
  Version withoutPostDevLocal() {
    return new Version(epoch, release, pre, -1, -1, List.of());
  }

  /** This version with dev and local removed. */
  Version withoutDevLocal() {
    return new Version(epoch, release, pre, post, -1, List.of());
  }

  int releaseSize() {
    return release.length;
  }

  long releaseAt(int index) {
    return index < release.length ? release[index] : 0;
  }

  @Override
  public int compareTo(Version other) {
    int c = Long.compare(epoch, other.epoch);
    if (c != 0) {
      return c;
    }
    // Release compared as if padded with zeros, which equals PEP 440's "strip trailing zeros" rule.
    int n = Math.max(release.length, other.release.length);
    for (int i = 0; i < n; i++) {
      c = Long.compare(releaseAt(i), other.releaseAt(i));
      if (c != 0) {
        return c;
      }
    }
    c = Integer.compare(preRank(), other.preRank());
    if (c != 0) {
      return c;
    }
    if (pre != null && other.pre != null) {
      c = pre.compareTo(other.pre);
      if (c != 0) {
        return c;
      }
    }
    c = Long.compare(post, other.post); // absent (-1) sorts first
    if (c != 0) {
      return c;
    }
    c = compareDev(dev, other.dev);
    if (c != 0) {
      return c;
    }
    return compareLocal(local, other.local);
  }

  /** 0: a bare .devN (sorts before every pre-release), 1: has a pre-release, 2: none (sorts after them). */
  private int preRank() {
    if (pre != null) {
      return 1;
    }
    return post < 0 && dev >= 0 ? 0 : 2;
  }

  /** A missing dev segment sorts after every dev release. */
  private static int compareDev(long a, long b) {
    if (a == b) {
      return 0;
    }
    if (a < 0) {
      return 1;
    }
    if (b < 0) {
      return -1;
    }
    return Long.compare(a, b);
  }

  /** No label sorts first; segment-wise, numbers above strings; a shorter label that is a prefix sorts first. */
  private static int compareLocal(List<String> a, List<String> b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      String x = a.get(i);
      String y = b.get(i);
      boolean xn = isNumeric(x);
      boolean yn = isNumeric(y);
      int c;
      if (xn && yn) {
        c = x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
      } else if (xn) {
        c = 1;
      } else if (yn) {
        c = -1;
      } else {
        c = x.compareTo(y);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static boolean isNumeric(String segment) {
    for (int i = 0; i < segment.length(); i++) {
      if (!Text.isAsciiDigit(segment.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Equal exactly when {@link #compareTo} is zero ({@code 1.0} equals {@code 1.0.0}). */
  @Override
  public boolean equals(Object o) {
    return o instanceof Version && compareTo((Version) o) == 0;
  }

  @Override
  public int hashCode() {
    int n = release.length;
    while (n > 1 && release[n - 1] == 0) {
      n--;
    }
    return Objects.hash(epoch, Arrays.hashCode(Arrays.copyOf(release, n)), pre, post, dev, local);
  }

  /** The normalised form, for example {@code 1!2.0rc1.post3.dev4+abc.5}. */
  @Override
  public String toString() {
    return normalized;
  }

  private String format() {
    StringBuilder b = new StringBuilder();
    if (epoch != 0) {
      b.append(epoch).append('!');
    }
    for (int i = 0; i < release.length; i++) {
      if (i > 0) {
        b.append('.');
      }
      b.append(release[i]);
    }
    if (pre != null) {
      b.append(pre);
    }
    if (post >= 0) {
      b.append(".post").append(post);
    }
    if (dev >= 0) {
      b.append(".dev").append(dev);
    }
    if (!local.isEmpty()) {
      b.append('+').append(String.join(".", local));
    }
    return b.toString();
  }
}
