package dev.wheeltapper.provenance.json;

/**
 * The input is not JSON the bounded parser accepts: malformed, not UTF-8, too large, too deep, with too many values,
 * a duplicate member name, a byte order mark or trailing data. The message names the problem (in jackson-core's words
 * for a syntax error) and its position (a character index into the decoded text).
 */
public final class JsonException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Character index into the decoded input where the problem was found. */
  private final long offset;

  /**
   * Creates the exception.
   *
   * @param message what is wrong
   * @param offset where, as a character index into the decoded text
   */
  public JsonException(String message, long offset) {
    super(message + " at offset " + offset);
    this.offset = offset;
  }

  /**
   * Where the problem was found.
   *
   * @return the character index
   */
  public long offset() {
    return offset;
  }
}
