package dev.wheeltapper.elf;

import dev.wheeltapper.bytes.BinaryFormatException;

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
public class ElfFormatException extends BinaryFormatException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param offset the file offset, or -1
   * @param reason what is wrong
   */
  public ElfFormatException(long offset, String reason) {
    super(offset, reason);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param offset the file offset, or -1
   * @param reason what is wrong
   * @param cause the underlying failure
   */
  public ElfFormatException(long offset, String reason, Throwable cause) {
    super(offset, reason, cause);
  }
}
