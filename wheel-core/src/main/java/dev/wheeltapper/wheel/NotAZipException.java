package dev.wheeltapper.wheel;

import dev.wheeltapper.format.WheelFormatException;
import dev.wheeltapper.wheel.internal.Text;

/**
 * The file is not a ZIP archive that can be read: no end of central directory record, a truncated or inconsistent
 * central directory, or any other failure while reading the central directory.
 *
 * <pre>{@code
 * try (Wheel w = Wheel.open(Path.of("garbage.whl"))) {
 *   // not reached
 * } catch (NotAZipException e) {
 *   // "garbage.whl is not a readable ZIP archive: ..."
 * }
 * }</pre>
 */
public final class NotAZipException extends WheelFormatException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param fileName the archive's file name
   * @param cause the failure reported by the ZIP reader
   */
  public NotAZipException(String fileName, Throwable cause) {
    super(Text.printable(fileName) + " is not a readable ZIP archive: " + Text.printable(describe(cause)), cause);
  }

  /** The innermost cause's message: commons-compress wraps the telling message in generic ones. */
  static String describe(Throwable t) {
    Throwable root = t;
    for (int i = 0; i < 16 && root.getCause() != null && root.getCause() != root; i++) {
      root = root.getCause();
    }
    String m = root.getMessage();
    if (m != null && !m.isBlank()) {
      return m;
    }
    if (root instanceof java.io.EOFException) {
      return "unexpected end of data";
    }
    if (root instanceof java.nio.channels.ClosedChannelException) {
      return "the archive is closed";
    }
    return root.getClass().getSimpleName();
  }
}
