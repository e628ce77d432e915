package dev.wheeltapper.wheel;

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
}
