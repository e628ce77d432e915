package dev.wheeltapper.wheel.record;

import dev.wheeltapper.wheel.internal.Text;
import dev.wheeltapper.format.WheelFormatException;

/**
 * A RECORD hash that is not {@code algorithm=urlsafe_b64_nopad(digest)}: no {@code =}, an empty algorithm or value,
 * padding, a character outside the URL-safe base64 alphabet, an impossible length, or a digest whose length does not
 * fit the algorithm (for example a hex SHA-256).
 *
 * <pre>{@code
 * try {
 *   HashValue.parse("sha256=abc=").decode();
 * } catch (HashFormatException e) {
 *   // "hash value of sha256 has '=' padding; RECORD hashes are unpadded"
 * }
 * }</pre>
 */
public final class HashFormatException extends WheelFormatException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong
   */
  public HashFormatException(String message) {
    super(Text.printable(message));
  }
}
