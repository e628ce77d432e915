package dev.wheeltapper.pep440;

/**
 * A string is not a valid PEP 440 version specifier or specifier set.
 *
 * <p>The message names the offending string (shortened when very long) and says what is wrong with it.
 */
public final class InvalidSpecifierException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String input;

  /**
   * Creates the exception.
   *
   * @param input the rejected string
   * @param reason why it was rejected
   */
  public InvalidSpecifierException(String input, String reason) {
    super("invalid PEP 440 specifier " + Text.quote(input) + ": " + reason);
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
