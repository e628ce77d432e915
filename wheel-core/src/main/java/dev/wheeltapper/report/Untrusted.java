package dev.wheeltapper.report;

/**
 * Makes untrusted text (entry names, metadata values, signer names) safe to put in a message or print on a terminal:
 * a hostile wheel must not be able to rewrite a terminal with escape sequences or reorder a report line with
 * bidirectional overrides.
 *
 * <pre>{@code
 * Untrusted.printable("a\tb");              // "a\\tb": tabs, newlines, ESC, C1 and bidi controls escaped
 * Untrusted.quote("x".repeat(500), 80);    // "\"xxx...x\"... (500 chars)"
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Untrusted {
  private Untrusted() {}

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

  /**
   * Quotes a string for a message: escapes quotes, backslashes, control and unusual space characters and lone
   * surrogates, and cuts input longer than {@code maxChars}.
   *
   * @param s untrusted text
   * @param maxChars how many characters to show at most
   * @return the quoted text
   */
  public static String quote(String s, int maxChars) {
    StringBuilder b = new StringBuilder("\"");
    int n = Math.min(s.length(), maxChars);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || Character.isSpaceChar(c) && c != ' ') {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    b.append('"');
    if (s.length() > maxChars) {
      b.append("... (").append(s.length()).append(" chars)");
    }
    return b.toString();
  }
}
