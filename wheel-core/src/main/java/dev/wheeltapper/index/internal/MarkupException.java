package dev.wheeltapper.index.internal;

/** An HTML page the {@link AnchorScanner} refuses: beyond its limits, or not text. */
public final class MarkupException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * An exception.
   *
   * @param message what was refused, in words
   */
  public MarkupException(String message) {
    super(message);
  }
}
