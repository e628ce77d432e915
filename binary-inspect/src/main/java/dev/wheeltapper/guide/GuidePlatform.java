package dev.wheeltapper.guide;

import dev.wheeltapper.policy.PlatformTag;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * The C library a wheel's platform tags promise, which bounds what its build could use: FORTIFY level 3 needs glibc
 * 2.34 headers, musl has no FORTIFY at all. Several tags: the lowest glibc is the one the build had to run on.
 *
 * <pre>{@code
 * GuidePlatform p = GuidePlatform.of(List.of("manylinux_2_17_x86_64", "manylinux2014_x86_64"));
 * p.libc();          // GLIBC
 * p.glibcBelow(2, 34);   // true
 * p.tag();           // "manylinux_2_17_x86_64"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param libc the C library family
 * @param major its major version (0 when unknown)
 * @param minor its minor version (0 when unknown)
 * @param tag the platform tag that decided, empty for a bare file
 */
public record GuidePlatform(Libc libc, int major, int minor, String tag) {
  /** The C library a platform tag promises. */
  public enum Libc {
    /** manylinux: glibc of the tag's version. */
    GLIBC,
    /** musllinux: musl, which has no FORTIFY_SOURCE. */
    MUSL,
    /** No Linux libc tag ({@code linux_x86_64}, a bare file): nothing bounds the build. */
    UNKNOWN
  }

  /** Rejects nulls. */
  public GuidePlatform {
    Objects.requireNonNull(libc, "libc");
    Objects.requireNonNull(tag, "tag");
  }

  /**
   * The platform of a bare file: unknown.
   *
   * @return the unknown platform
   */
  public static GuidePlatform unknown() {
    return new GuidePlatform(Libc.UNKNOWN, 0, 0, "");
  }

  /**
   * The platform of a wheel from its platform tags: the lowest manylinux glibc; else musllinux; else unknown.
   *
   * @param platformTags the platform parts of the wheel's tags
   * @return the platform
   */
  public static GuidePlatform of(Collection<String> platformTags) {
    Optional<PlatformTag> lowest = Optional.empty();
    Optional<PlatformTag> musl = Optional.empty();
    for (String t : platformTags) {
      Optional<PlatformTag> p = PlatformTag.parse(t);
      if (p.isEmpty()) {
        continue;
      }
      PlatformTag tag = p.get();
      if (tag.family().equals("manylinux")
          && (lowest.isEmpty() || tag.major() < lowest.get().major()
              || tag.major() == lowest.get().major() && tag.minor() < lowest.get().minor())) {
        lowest = p;
      } else if (tag.family().equals("musllinux") && musl.isEmpty()) {
        musl = p;
      }
    }
    if (lowest.isPresent()) {
      return new GuidePlatform(Libc.GLIBC, lowest.get().major(), lowest.get().minor(), lowest.get().pep600());
    }
    return musl.map(m -> new GuidePlatform(Libc.MUSL, m.major(), m.minor(), m.pep600())).orElse(unknown());
  }

  /**
   * Whether the platform promises a glibc older than a version.
   *
   * @param wantMajor the major version
   * @param wantMinor the minor version
   * @return true for a glibc platform below it
   */
  public boolean glibcBelow(int wantMajor, int wantMinor) {
    return libc == Libc.GLIBC && (major < wantMajor || major == wantMajor && minor < wantMinor);
  }
}
