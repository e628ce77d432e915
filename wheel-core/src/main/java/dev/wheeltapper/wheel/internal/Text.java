package dev.wheeltapper.wheel.internal;

import dev.wheeltapper.report.Untrusted;

/** Makes untrusted text safe to put in a message. Not exported. */
public final class Text {
  private Text() {}

  /**
   * Escapes control characters and bidirectional overrides; see {@link Untrusted#printable(String)}.
   *
   * @param s untrusted text
   * @return the printable text
   */
  public static String printable(String s) {
    return Untrusted.printable(s);
  }
}
