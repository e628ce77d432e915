package dev.wheeltapper.pep440;

/**
 * A string is not a valid PEP 440 version.
 *
 * <p>The message names the offending string (shortened when very long) and says what is wrong with it.
 */
public final class InvalidVersionException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String input;

  /**
   * Creates the exception.
   *
   * @param input the rejected string (kept in full; shortened only in the message)
   * @param reason why it was rejected
   */
  public InvalidVersionException(String input, String reason) {
    super("invalid PEP 440 version " + Text.quote(input) + ": " + reason);
    this.input = input;
  }

  /**
   * The rejected string.
   *
   * @return the string as given
   */
  public String input() {
    return input;
  }
}
