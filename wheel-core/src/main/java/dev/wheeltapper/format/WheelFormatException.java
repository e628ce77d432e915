package dev.wheeltapper.format;

import java.io.IOException;

/**
 * Root of the checked exceptions thrown when a wheel, or a file inside it, does not have the form the specifications
 * require. Every parser in {@code dev.wheeltapper.wheel} and its subpackages reports malformed input through a subclass
 * of this type, never through an unchecked exception.
 *
 * <p>The hierarchy:
 *
 * <ul>
 *   <li>{@code dev.wheeltapper.wheel.InvalidWheelFilenameException}: the file name breaks the wheel naming rules;
 *   <li>{@code dev.wheeltapper.wheel.ArchiveRefusedException}: the strict ZIP scan refuses the archive (it carries
 *       the scan's findings); {@code dev.wheeltapper.wheel.NotAZipException}, its no-ZIP-at-all case, extends it;
 *   <li>{@code dev.wheeltapper.wheel.DistInfoException}: no, several, or a badly named top-level {@code .dist-info} directory;
 *   <li>{@code dev.wheeltapper.wheel.EntryNotFoundException}: a required entry (METADATA, WHEEL, RECORD, ...) is absent;
 *   <li>{@code dev.wheeltapper.wheel.EntryTooLargeException}: an entry is larger than the configured read limit;
 *   <li>{@code dev.wheeltapper.wheel.EntryReadException}: an entry's data cannot be read or inflated;
 *   <li>{@code dev.wheeltapper.wheel.metadata.MetadataFormatException}: METADATA, WHEEL or entry_points.txt is
 *       malformed or not UTF-8;
 *   <li>{@code dev.wheeltapper.wheel.record.RecordFormatException}: a malformed RECORD line;
 *   <li>{@code dev.wheeltapper.wheel.record.HashFormatException}: a malformed RECORD hash value.
 * </ul>
 *
 * <pre>{@code
 * try (Wheel wheel = Wheel.open(path)) {
 *   wheel.record();
 * } catch (WheelFormatException e) {
 *   System.err.println("not a valid wheel: " + e.getMessage());
 * }
 * }</pre>
 *
 * <p>Instances are immutable once thrown.
 */
public class WheelFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, in one sentence
   */
  public WheelFormatException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what is wrong, in one sentence
   * @param cause the underlying failure
   */
  public WheelFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
