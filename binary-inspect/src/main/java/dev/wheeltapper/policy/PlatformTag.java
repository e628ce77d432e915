package dev.wheeltapper.policy;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Linux-family platform tag taken apart: {@code manylinux_2_17_x86_64}, its legacy aliases
 * ({@code manylinux1_x86_64}, {@code manylinux2010_i686}, {@code manylinux2014_aarch64}), {@code musllinux_1_2_armv7l},
 * {@code linux_x86_64} and {@code android_24_arm64_v8a}.
 *
 * <pre>{@code
 * PlatformTag t = PlatformTag.parse("manylinux2014_x86_64").orElseThrow();
 * t.pep600();     // "manylinux_2_17_x86_64"
 * t.arch();       // "x86_64"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param family {@code manylinux}, {@code musllinux}, {@code linux} or {@code android}
 * @param major the libc major version (glibc 2, musl 1; the API level for Android; 0 for {@code linux})
 * @param minor the libc minor version (0 for {@code linux} and Android)
 * @param arch the architecture part ({@code x86_64}, {@code arm64_v8a})
 */
public record PlatformTag(String family, int major, int minor, String arch) {
  private static final Pattern PEP600 = Pattern.compile("(manylinux|musllinux)_(\\d{1,4})_(\\d{1,4})_(.+)");
  private static final Pattern LEGACY = Pattern.compile("manylinux(1|2010|2014)_(.+)");
  private static final Pattern ANDROID = Pattern.compile("android_(\\d{1,4})_(.+)");

  /** Rejects nulls. */
  public PlatformTag {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(arch, "arch");
  }

  /**
   * Parses a platform tag.
   *
   * @param platform the platform part of a wheel tag
   * @return the parts, or empty for a platform outside the Linux family ({@code any}, {@code win_amd64}, ...)
   */
  public static Optional<PlatformTag> parse(String platform) {
    Matcher m = PEP600.matcher(platform);
    if (m.matches()) {
      return Optional.of(new PlatformTag(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
          m.group(4)));
    }
    m = LEGACY.matcher(platform);
    if (m.matches()) {
      int minor = switch (m.group(1)) {
        case "1" -> 5;
        case "2010" -> 12;
        default -> 17;
      };
      return Optional.of(new PlatformTag("manylinux", 2, minor, m.group(2)));
    }
    m = ANDROID.matcher(platform);
    if (m.matches()) {
      return Optional.of(new PlatformTag("android", Integer.parseInt(m.group(1)), 0, m.group(2)));
    }
    if (platform.startsWith("linux_") && platform.length() > 6) {
      return Optional.of(new PlatformTag("linux", 0, 0, platform.substring(6)));
    }
    return Optional.empty();
  }

  /**
   * The tag in PEP 600 / PEP 656 form.
   *
   * @return for example {@code manylinux_2_17_x86_64} or {@code linux_x86_64}
   */
  public String pep600() {
    return switch (family) {
      case "manylinux", "musllinux" -> family + "_" + major + "_" + minor + "_" + arch;
      case "android" -> "android_" + major + "_" + arch;
      default -> "linux_" + arch;
    };
  }

  /**
   * Whether this tag is of a libc policy family ({@code manylinux} or {@code musllinux}).
   *
   * @return true for manylinux and musllinux
   */
  public boolean isPolicy() {
    return family.equals("manylinux") || family.equals("musllinux");
  }

  /**
   * Compares the libc versions of two tags.
   *
   * @param other another tag
   * @return negative when this tag needs an older libc
   */
  public int compareLibc(PlatformTag other) {
    return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
  }
}
