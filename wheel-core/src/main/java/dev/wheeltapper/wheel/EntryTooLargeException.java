package dev.wheeltapper.wheel;

import dev.wheeltapper.format.WheelFormatException;
import dev.wheeltapper.wheel.internal.Text;

/**
 * An entry is larger than the byte limit a bounded read was given, either by its declared size or by the bytes that
 * actually came out of it. Nothing was allocated from the declared size.
 *
 * <pre>{@code
 * try {
 *   wheel.readEntry("foo-1.0.dist-info/METADATA", 1 << 20);
 * } catch (EntryTooLargeException e) {
 *   e.limit(); // 1048576
 * }
 * }</pre>
 */
public final class EntryTooLargeException extends WheelFormatException {
  private static final long serialVersionUID = 1L;

  private final String entryName;
  private final long limit;

  /**
   * Creates the exception.
   *
   * @param entryName the entry
   * @param limit the limit in bytes
   * @param message the full message
   */
  public EntryTooLargeException(String entryName, long limit, String message) {
    super(Text.printable(message));
    this.entryName = entryName;
    this.limit = limit;
  }

  static EntryTooLargeException declared(String entryName, long declared, long limit) {
    return new EntryTooLargeException(
        entryName,
        limit,
        "entry '" + entryName + "' declares " + declared + " bytes, more than the limit of " + limit + " bytes");
  }

  static EntryTooLargeException actual(String entryName, long limit) {
    return new EntryTooLargeException(
        entryName, limit, "entry '" + entryName + "' holds more than the limit of " + limit + " bytes");
  }

  /**
   * The entry that was too large.
   *
   * @return its name
   */
  public String entryName() {
    return entryName;
  }

  /**
   * The limit that was exceeded.
   *
   * @return bytes
   */
  public long limit() {
    return limit;
  }
}
