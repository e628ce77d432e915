package dev.wheeltapper.bytes;

import java.io.IOException;

/**
 * The bytes are not a readable native binary of the format asked for, or the part asked for cannot be read; the base of
 * {@code ElfFormatException}, {@code PeFormatException} and {@code MachOFormatException}, so that a caller that reads
 * any format catches one type. The message names the file offset and the reason.
 *
 * <pre>{@code
 * try (ByteSource src = ByteSources.open(path)) {
 *   BinaryInspector.forPath(path.toString()).inspect(src);
 * } catch (BinaryFormatException e) {
 *   log.warn("unreadable at offset {}: {}", e.offset(), e.reason());
 * }
 * }</pre>
 *
 * <p>Immutable.
 */
public class BinaryFormatException extends IOException {
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
  public BinaryFormatException(long offset, String reason) {
    super(offset >= 0 ? reason + " (at offset 0x" + Long.toHexString(offset) + ")" : reason);
    this.offset = offset;
    this.reason = reason;
  }

  /**
   * Creates the exception with a cause.
   *
   * @param offset the file offset, or -1
   * @param reason what is wrong
   * @param cause the underlying failure
   */
  public BinaryFormatException(long offset, String reason, Throwable cause) {
    this(offset, reason);
    initCause(cause);
  }

  /**
   * The file offset at which the problem was found.
   *
   * @return the offset, or -1 when the problem has none
   */
  public long offset() {
    return offset;
  }

  /**
   * What is wrong, without the offset.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }
}
