package dev.wheeltapper.macho;

import java.io.IOException;

/**
 * The bytes are not a readable Mach-O file, or a structure every check needs cannot be read: the message names the file
 * offset and the reason. Damage to optional parts (symbol table, strings of a load command) is
 * recorded in {@link MachOFile#defects()} instead.
 *
 * <pre>{@code
 * try (MachOFile m = MachOFile.open(path)) {
 *   m.slices();
 * } catch (MachOFormatException e) {
 *   log.warn("not Mach-O at offset {}: {}", e.offset(), e.reason());
 * }
 * }</pre>
 *
 * <p>Immutable.
 */
public class MachOFormatException extends IOException {
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
  public MachOFormatException(long offset, String reason) {
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
