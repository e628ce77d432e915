package dev.wheeltapper.provenance.pep740;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parts of a distribution file name that decide whether two names denote the same file, as pypi-attestations
 * compares them: for wheels the normalised project name (PEP 503), the version, the build tag and the set of expanded
 * tags (so {@code manylinux_2_17_x86_64.manylinux2014_x86_64} equals {@code manylinux2014_x86_64.manylinux_2_17_x86_64});
 * for sdists ({@code .tar.gz}, {@code .zip}) the normalised name and the version.
 *
 * <p>Deliberately small and private to this package: to be replaced by the shared wheel file-name model once it
 * exists. Versions are compared after lower-casing only (no full PEP 440 normalisation yet).
 */
final class DistributionFilename {
  private static final int MAX_TAGS = 4096;

  private final String name;
  private final String version;
  private final String build;
  private final Set<String> tags;

  private DistributionFilename(String name, String version, String build, Set<String> tags) {
    this.name = name;
    this.version = version;
    this.build = build;
    this.tags = tags;
  }

  /**
   * Parses a wheel or sdist file name.
   *
   * @param filename the file name, without directories
   * @return the parsed parts, or empty when it is neither a wheel nor an sdist name
   */
  static Optional<DistributionFilename> parse(String filename) {
    if (filename.isEmpty() || filename.length() > 1024 || filename.indexOf('/') >= 0) {
      return Optional.empty();
    }
    if (filename.endsWith(".whl")) {
      String[] p = filename.substring(0, filename.length() - 4).split("-", -1);
      if (p.length != 5 && p.length != 6) {
        return Optional.empty();
      }
      for (String part : p) {
        if (part.isEmpty()) {
          return Optional.empty();
        }
      }
      int t = p.length - 3;
      Set<String> tags = new TreeSet<>();
      String[] pys = p[t].split("\\.", -1);
      String[] abis = p[t + 1].split("\\.", -1);
      String[] plats = p[t + 2].split("\\.", -1);
      if ((long) pys.length * abis.length * plats.length > MAX_TAGS) {
        return Optional.empty();
      }
      for (String py : pys) {
        for (String abi : abis) {
          for (String plat : plats) {
            tags.add((py + "-" + abi + "-" + plat).toLowerCase(Locale.ROOT));
          }
        }
      }
      return Optional.of(
          new DistributionFilename(
              normalise(p[0]), p[1].toLowerCase(Locale.ROOT), p.length == 6 ? p[2] : "", Set.copyOf(tags)));
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
    return Optional.of(
        new DistributionFilename(
            normalise(stem.substring(0, dash)), stem.substring(dash + 1).toLowerCase(Locale.ROOT), null, Set.of()));
  }

  /** PEP 503 normalisation: runs of {@code -}, {@code _}, {@code .} become one {@code -}, lower case. */
  static String normalise(String project) {
    return project.replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT);
  }

  /**
   * Whether two file names denote the same distribution.
   *
   * @param a one name
   * @param b the other name
   * @return true when both parse and their parts agree
   */
  static boolean sameDistribution(String a, String b) {
    Optional<DistributionFilename> x = parse(a);
    Optional<DistributionFilename> y = parse(b);
    if (x.isEmpty() || y.isEmpty()) {
      return false;
    }
    DistributionFilename p = x.get();
    DistributionFilename q = y.get();
    boolean pWheel = p.build != null;
    boolean qWheel = q.build != null;
    if (pWheel != qWheel) {
      return false;
    }
    return p.name.equals(q.name)
        && p.version.equals(q.version)
        && (!pWheel || (p.build.equals(q.build) && p.tags.equals(q.tags)));
  }
}
