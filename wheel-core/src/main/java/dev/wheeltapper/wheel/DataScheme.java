package dev.wheeltapper.wheel;

import java.util.Optional;

/**
 * The install schemes a wheel's {@code NAME-VERSION.data/} directory may hold, one subdirectory each.
 *
 * <pre>{@code
 * DataScheme.fromKey("scripts"); // Optional[SCRIPTS]
 * DataScheme.fromKey("lib");     // Optional.empty(): an unknown scheme
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum DataScheme {
  /** Pure Python modules: {@code purelib}. */
  PURELIB("purelib"),
  /** Platform-specific modules: {@code platlib}. */
  PLATLIB("platlib"),
  /** Executable scripts: {@code scripts}. */
  SCRIPTS("scripts"),
  /** C headers: {@code headers}. */
  HEADERS("headers"),
  /** Data files relative to the installation prefix: {@code data}. */
  DATA("data");

  private final String key;

  DataScheme(String key) {
    this.key = key;
  }

  /**
   * The directory name of the scheme.
   *
   * @return for example {@code purelib}
   */
  public String key() {
    return key;
  }

  /**
   * The scheme for a directory name (exact, case-sensitive, as installers compare it).
   *
   * @param key the subdirectory name under {@code .data/}
   * @return the scheme, or empty when it is not one of the five
   */
  public static Optional<DataScheme> fromKey(String key) {
    for (DataScheme s : values()) {
      if (s.key.equals(key)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
