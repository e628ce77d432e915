package dev.wheeltapper.wheel;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import java.util.Objects;

/**
 * A wheel's single top-level {@code NAME-VERSION.dist-info} directory.
 *
 * <pre>{@code
 * DistInfoDirectory d = wheel.distInfo();
 * d.name();              // "python_mscl-67.0.1.0.dist-info"
 * d.distribution();      // "python_mscl"
 * d.resolve("METADATA"); // "python_mscl-67.0.1.0.dist-info/METADATA"
 * d.dataDirectory();     // "python_mscl-67.0.1.0.data"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the directory name without the trailing slash
 * @param distribution the name part, as written
 * @param version the version part, as written
 */
public record DistInfoDirectory(String name, String distribution, String version) {

  /**
   * Validates that the parts spell the name.
   *
   * @throws IllegalArgumentException when they do not
   */
  public DistInfoDirectory {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(distribution, "distribution");
    Objects.requireNonNull(version, "version");
    if (!name.equals(distribution + "-" + version + ".dist-info")) {
      throw new IllegalArgumentException(name + " is not " + distribution + "-" + version + ".dist-info");
    }
  }

  /**
   * The entry name of a file in this directory.
   *
   * @param file a relative path, for example {@code RECORD}
   * @return for example {@code foo-1.0.dist-info/RECORD}
   */
  public String resolve(String file) {
    return name + "/" + file;
  }

  /**
   * The name of the matching {@code .data} directory.
   *
   * @return for example {@code foo-1.0.data}
   */
  public String dataDirectory() {
    return distribution + "-" + version + ".data";
  }

  /**
   * The top-level {@code *.dist-info} directory names among archive entry names, in first-seen order.
   *
   * @param entryNames the archive's entry names
   * @return the distinct candidates
   */
  public static List<String> candidates(Collection<String> entryNames) {
    Set<String> out = new LinkedHashSet<>();
    for (String name : entryNames) {
      int slash = name.indexOf('/');
      if (slash > 0) {
        String top = name.substring(0, slash);
        if (top.endsWith(".dist-info")) {
          out.add(top);
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * Finds the single top-level {@code NAME-VERSION.dist-info} directory among archive entry names. Whether its name
   * matches the file name is a verification question and not checked here.
   *
   * <pre>{@code
   * DistInfoDirectory d = DistInfoDirectory.locate(List.of("foo/__init__.py", "foo-1.0.dist-info/RECORD"), "x.whl");
   * d.version(); // "1.0"
   * }</pre>
   *
   * @param entryNames the archive's entry names
   * @param fileName the wheel's file name, for messages
   * @return the directory
   * @throws DistInfoException when there is none, more than one, or its name is not {@code NAME-VERSION.dist-info}
   */
  public static DistInfoDirectory locate(Collection<String> entryNames, String fileName) throws DistInfoException {
    List<String> candidates = candidates(entryNames);
    if (candidates.isEmpty()) {
      throw new DistInfoException(
          DistInfoException.Problem.MISSING, candidates, fileName + " has no top-level .dist-info directory");
    }
    if (candidates.size() > 1) {
      throw new DistInfoException(
          DistInfoException.Problem.MULTIPLE,
          candidates,
          fileName + " has " + candidates.size() + " top-level .dist-info directories: "
              + String.join(", ", candidates));
    }
    String dir = candidates.get(0);
    String[] parts = dir.substring(0, dir.length() - ".dist-info".length()).split("-", -1);
    if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new DistInfoException(
          DistInfoException.Problem.INVALID_NAME,
          candidates,
          fileName + ": .dist-info directory '" + dir + "' is not named NAME-VERSION.dist-info");
    }
    return new DistInfoDirectory(dir, parts[0], parts[1]);
  }
}
