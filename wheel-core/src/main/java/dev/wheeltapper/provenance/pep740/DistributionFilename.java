package dev.wheeltapper.provenance.pep740;

import dev.wheeltapper.wheel.InvalidWheelFilenameException;
import dev.wheeltapper.wheel.WheelFilename;
import java.util.Optional;

/**
 * Whether two distribution file names denote the same file, as pypi-attestations compares them: wheels through the
 * shared {@link WheelFilename} (normalised project name, PEP 440 version, build tag, and the set of expanded tags, so
 * {@code manylinux_2_17_x86_64.manylinux2014_x86_64} equals {@code manylinux2014_x86_64.manylinux_2_17_x86_64}); sdists
 * ({@code .tar.gz}, {@code .zip}) by normalised name and PEP 440 version.
 */
final class DistributionFilename {
  private DistributionFilename() {}

  /** A parsed name: a wheel, or an sdist's name and version. */
  private record Parsed(Optional<WheelFilename> wheel, String name, String version) {}

  /**
   * Parses a wheel or sdist file name.
   *
   * @param filename the file name, without directories
   * @return the parsed parts, or empty when it is neither a wheel nor an sdist name
   */
  static Optional<?> parse(String filename) {
    return parsed(filename);
  }

  private static Optional<Parsed> parsed(String filename) {
    if (filename.isEmpty() || filename.length() > 1024 || filename.indexOf('/') >= 0) {
      return Optional.empty();
    }
    if (filename.endsWith(".whl")) {
      try {
        WheelFilename w = WheelFilename.parse(filename);
        return Optional.of(new Parsed(Optional.of(w), w.normalizedName(), w.version()));
      } catch (InvalidWheelFilenameException e) {
        return Optional.empty();
      }
    }
    String stem;
    if (filename.endsWith(".tar.gz")) {
      stem = filename.substring(0, filename.length() - 7);
    } else if (filename.endsWith(".zip")) {
      stem = filename.substring(0, filename.length() - 4);
    } else {
      return Optional.empty();
    }
    int dash = stem.lastIndexOf('-');
    if (dash <= 0 || dash == stem.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(new Parsed(Optional.empty(), WheelFilename.normalizeName(stem.substring(0, dash)),
        stem.substring(dash + 1)));
  }

  /**
   * Whether two file names denote the same distribution.
   *
   * @param a one name
   * @param b the other name
   * @return true when both parse and their parts agree
   */
  static boolean sameDistribution(String a, String b) {
    Optional<Parsed> x = parsed(a);
    Optional<Parsed> y = parsed(b);
    if (x.isEmpty() || y.isEmpty()) {
      return false;
    }
    Parsed p = x.get();
    Parsed q = y.get();
    if (p.wheel().isPresent() != q.wheel().isPresent()) {
      return false;
    }
    if (p.wheel().isPresent()) {
      return p.wheel().get().sameWheelAs(q.wheel().get());
    }
    return p.name().equals(q.name()) && WheelFilename.sameVersion(p.version(), q.version());
  }
}
