package dev.wheeltapper.cli.cache;

import java.io.IOException;

/**
 * A cache database, or one stored report in it, that is not what this version of the tool writes: a foreign or
 * corrupt file, another schema version, a stored form that does not decode. A whole database in that state is a
 * usage error of {@code --cache}; one bad stored report is audited again.
 */
public final class CacheFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with a message.
   *
   * @param message what is wrong, in words
   */
  public CacheFormatException(String message) {
    super(message);
  }

  /**
   * An exception with a message and a cause.
   *
   * @param message what is wrong, in words
   * @param cause the underlying failure
   */
  public CacheFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
