package dev.wheeltapper.pep508;

/** Internal parse failure with a position; the public entry points turn it into their own typed exception. */
final class SyntaxException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int position;
  private final String reason;

  SyntaxException(int position, String reason) {
    super(reason + " at position " + position);
    this.position = position;
    this.reason = reason;
  }

  int position() {
    return position;
  }

  String reason() {
    return reason;
  }
}
