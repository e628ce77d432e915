package dev.wheeltapper.pe;

import dev.wheeltapper.bytes.BinaryFormatException;

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
public class PeFormatException extends BinaryFormatException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param offset the file offset, or -1
   * @param reason what is wrong
   */
  public PeFormatException(long offset, String reason) {
    super(offset, reason);
  }
}
