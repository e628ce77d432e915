package dev.wheeltapper.macho;

import dev.wheeltapper.bytes.BinaryFormatException;

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
public class MachOFormatException extends BinaryFormatException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param offset the file offset, or -1
   * @param reason what is wrong
   */
  public MachOFormatException(long offset, String reason) {
    super(offset, reason);
  }
}
