package dev.wheeltapper.pep508;

/**
 * A string is not a valid PEP 508 environment marker.
 *
 * <p>The message names the offending string (shortened when very long), what was expected and the zero-based
 * character position where parsing failed.
 */
public final class InvalidMarkerException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String input;
  private final int position;

  /**
   * Creates the exception.
   *
   * @param input the rejected string
   * @param position zero-based character offset of the problem
   * @param reason what was expected or what is wrong
   */
  public InvalidMarkerException(String input, int position, String reason) {
    super("invalid PEP 508 marker " + Syntax.quote(input) + " at position " + position + ": " + reason);
    this.input = input;
    this.position = position;
  }

  /**
   * The rejected string.
   *
   * @return the string as given
   */
  public String input() {
    return input;
  }

  /**
   * Where parsing failed.
   *
   * @return zero-based character offset into {@link #input()}
   */
  public int position() {
    return position;
  }
}
