package dev.wheeltapper.wheel.internal;

/** Makes untrusted text safe to put in a message. Not exported. */
public final class Text {
  private Text() {}

  /**
   * Escapes control characters (C0, DEL, C1) and bidirectional overrides, so that a hostile name cannot rewrite a
   * terminal or reorder a report line. Everything else is kept.
   *
   * @param s untrusted text
   * @return the text with those characters as {@code \n}, {@code \r}, {@code \t} or {@code \}{@code uXXXX}
   */
  public static String printable(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String rep = escape(c);
      if (rep != null && sb == null) {
        sb = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (sb != null) {
        if (rep != null) {
          sb.append(rep);
        } else {
          sb.append(c);
        }
      }
    }
    return sb == null ? s : sb.toString();
  }

  private static String escape(char c) {
    switch (c) {
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      default:
        break;
    }
    boolean control = c < 0x20 || c >= 0x7f && c <= 0x9f;
    boolean bidi = c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0x200e || c == 0x200f;
    return control || bidi ? String.format("\\u%04x", (int) c) : null;
  }
}
