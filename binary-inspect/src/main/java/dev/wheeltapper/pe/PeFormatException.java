package dev.wheeltapper.pe;

import java.io.IOException;

/**
 * The bytes are not a readable PE image, or a structure every check needs cannot be read: the message names the file
 * offset and the reason. Damage to optional parts (imports, exports, load config, debug directory, Rich header) is
 * recorded in {@link PeFile#defects()} instead.
 *
 * <pre>{@code
 * try (PeFile pe = PeFile.open(path)) {
 *   pe.header().machineLabel();
 * } catch (PeFormatException e) {
 *   log.warn("not PE at offset {}: {}", e.offset(), e.reason());
 * }
 * }</pre>
 *
 * <p>Immutable.
 */
public class PeFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The file offset at which the problem was found, -1 when it has none. */
  private final long offset;

  /** What is wrong, without the offset. */
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param offset the file offset, or -1
   * @param reason what is wrong
   */
  public PeFormatException(long offset, String reason) {
    super(offset >= 0 ? reason + " (at offset 0x" + Long.toHexString(offset) + ")" : reason);
    this.offset = offset;
    this.reason = reason;
  }

  /**
   * The file offset at which the problem was found.
   *
   * @return the offset, -1 when the problem has no location
   */
  public long offset() {
    return offset;
  }

  /**
   * What is wrong.
   *
   * @return the reason, without the offset
   */
  public String reason() {
    return reason;
  }
}
