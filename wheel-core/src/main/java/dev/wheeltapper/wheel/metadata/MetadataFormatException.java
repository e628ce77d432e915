package dev.wheeltapper.wheel.metadata;

import dev.wheeltapper.wheel.internal.Text;
import dev.wheeltapper.format.WheelFormatException;

/**
 * A malformed METADATA, WHEEL or entry_points.txt file: bytes that are not UTF-8, a header line that is not {@code
 * Name: value}, a continuation line with nothing to continue, or an INI line that is neither a section, a {@code
 * name = value} pair, a comment nor blank.
 *
 * <pre>{@code
 * try {
 *   CoreMetadata.parse(bytes);
 * } catch (MetadataFormatException e) {
 *   e.file();    // "METADATA"
 *   e.line();    // 4
 *   e.getMessage(); // "METADATA line 4: not a header field (no ':')"
 * }
 * }</pre>
 */
public final class MetadataFormatException extends WheelFormatException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param file the file, for example {@code METADATA}
   * @param line the 1-based line, or 0 when the problem concerns the whole file
   * @param reason what is wrong
   */
  public MetadataFormatException(String file, int line, String reason) {
    super(file + (line > 0 ? " line " + line : "") + ": " + Text.printable(reason));
    this.file = file;
    this.line = line;
    this.reason = reason;
  }

  /**
   * The file that is malformed.
   *
   * @return its base name, for example {@code WHEEL}
   */
  public String file() {
    return file;
  }

  /**
   * The 1-based line of the problem.
   *
   * @return the line, or 0 for the whole file
   */
  public int line() {
    return line;
  }

  /**
   * What is wrong, without file and line.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }
}
