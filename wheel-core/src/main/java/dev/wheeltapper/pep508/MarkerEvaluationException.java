package dev.wheeltapper.pep508;

/**
 * A marker comparison has no defined meaning for the values it meets, such as {@code ~=} between strings that are
 * not versions ({@code "2.7.0" ~= os_name} with {@code os_name = "posix"}). PEP 508 says such a comparison is an
 * error rather than true or false.
 */
public final class MarkerEvaluationException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which comparison failed and why
   */
  public MarkerEvaluationException(String message) {
    super(message);
  }
}
