package dev.wheeltapper.wheel;

import dev.wheeltapper.format.WheelFormatException;
import dev.wheeltapper.wheel.internal.Text;

/**
 * A wheel file name that does not follow {@code
 * {distribution}-{version}(-{build tag})?-{python tag}-{abi tag}-{platform tag}.whl}.
 *
 * <p>The message reads {@code invalid wheel filename 'NAME': REASON}; {@link #reason()} gives the reason alone.
 *
 * <pre>{@code
 * try {
 *   WheelFilename.parse("foo-1.0.whl");
 * } catch (InvalidWheelFilenameException e) {
 *   e.reason(); // "expected 5 or 6 '-'-separated components, found 2"
 * }
 * }</pre>
 */
public final class InvalidWheelFilenameException extends WheelFormatException {
  private static final long serialVersionUID = 1L;

  private final String filename;
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param filename the offending file name
   * @param reason what is wrong with it
   */
  public InvalidWheelFilenameException(String filename, String reason) {
    super("invalid wheel filename '" + Text.printable(filename) + "': " + Text.printable(reason));
    this.filename = filename;
    this.reason = reason;
  }

  /**
   * The file name that failed to parse.
   *
   * @return the file name as given
   */
  public String filename() {
    return filename;
  }

  /**
   * What is wrong, without the file name.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }
}
