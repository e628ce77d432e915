package dev.wheeltapper.wheel;

import dev.wheeltapper.format.WheelFormatException;
import dev.wheeltapper.wheel.internal.Text;

/**
 * An entry the caller asked for (for example {@code foo-1.0.dist-info/RECORD}) is not in the archive.
 *
 * <pre>{@code
 * try (InputStream in = wheel.openEntry("foo-1.0.dist-info/RECORD")) {
 *   // ...
 * } catch (EntryNotFoundException e) {
 *   e.entryName(); // "foo-1.0.dist-info/RECORD"
 * }
 * }</pre>
 */
public final class EntryNotFoundException extends WheelFormatException {
  private static final long serialVersionUID = 1L;

  private final String entryName;

  /**
   * Creates the exception.
   *
   * @param entryName the missing entry's name
   */
  public EntryNotFoundException(String entryName) {
    super("the wheel has no entry '" + Text.printable(entryName) + "'");
    this.entryName = entryName;
  }

  /**
   * The missing entry.
   *
   * @return its name
   */
  public String entryName() {
    return entryName;
  }
}
