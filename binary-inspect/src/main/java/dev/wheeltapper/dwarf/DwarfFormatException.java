package dev.wheeltapper.dwarf;

import dev.wheeltapper.bytes.BinaryFormatException;

/**
 * DWARF bytes that cannot be read: an offset (into the section named by the reason) and what is wrong. Used inside
 * {@link DwarfReader}, which turns each into an {@link UnreadableUnit}; it escapes no public method.
 *
 * <pre>{@code
 * throw new DwarfFormatException(offset, ".debug_abbrev: abbreviation 3 not found");
 * }</pre>
 *
 * <p>Immutable once thrown.
 */
public class DwarfFormatException extends BinaryFormatException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param offset the offset in the section being read
   * @param reason what is wrong
   */
  public DwarfFormatException(long offset, String reason) {
    super(offset, reason);
  }
}
