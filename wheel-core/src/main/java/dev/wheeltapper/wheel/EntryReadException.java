package dev.wheeltapper.wheel;

import dev.wheeltapper.format.WheelFormatException;
import dev.wheeltapper.wheel.internal.Text;

/**
 * An entry's data could not be read: a truncated archive, corrupt deflate data, an unsupported compression method or
 * encryption, or a failure of the underlying ZIP reader.
 *
 * <pre>{@code
 * try (InputStream in = wheel.openEntry("foo/_x.so")) {
 *   in.transferTo(OutputStream.nullOutputStream());
 * } catch (EntryReadException e) {
 *   // "cannot read entry 'foo/_x.so': ..."
 * }
 * }</pre>
 */
public final class EntryReadException extends WheelFormatException {
  private static final long serialVersionUID = 1L;

  private final String entryName;

  /**
   * Creates the exception.
   *
   * @param entryName the entry
   * @param cause the failure reported by the ZIP reader
   */
  public EntryReadException(String entryName, Throwable cause) {
    super(
        "cannot read entry '" + Text.printable(entryName) + "': " + Text.printable(NotAZipException.describe(cause)),
        cause);
    this.entryName = entryName;
  }

  /**
   * The entry that could not be read.
   *
   * @return its name
   */
  public String entryName() {
    return entryName;
  }
}
