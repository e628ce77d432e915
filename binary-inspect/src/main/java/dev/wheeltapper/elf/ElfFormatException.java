package dev.wheeltapper.elf;

import java.io.IOException;

/**
 * The bytes are not a readable ELF file, or the part asked for cannot be read: the message names the file offset and
 * the reason. Thrown by {@link ElfFile#open} for an unusable ELF header and by the accessors of a table that cannot be
 * read at all; damage that leaves the rest trustworthy is recorded in {@link ElfFile#defects()} instead.
 *
 * <pre>{@code
 * try (ElfFile elf = ElfFile.open(path)) {
 *   elf.dynamic();
 * } catch (ElfFormatException e) {
 *   log.warn("not ELF at offset {}: {}", e.offset(), e.reason());
 * }
 * }</pre>
 *
 * <p>Immutable.
 */
public class ElfFormatException extends IOException {
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
  public ElfFormatException(long offset, String reason) {
    super(offset >= 0 ? reason + " (at offset 0x" + Long.toHexString(offset) + ")" : reason);
    this.offset = offset;
    this.reason = reason;
  }

  /**
   * Creates the exception with a cause (an I/O failure of the underlying source).
   *
   * @param offset the file offset, or -1
   * @param reason what is wrong
   * @param cause the cause
   */
  public ElfFormatException(long offset, String reason, Throwable cause) {
    this(offset, reason);
    initCause(cause);
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
