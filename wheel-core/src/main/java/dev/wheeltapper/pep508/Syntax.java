package dev.wheeltapper.pep508;

import dev.wheeltapper.report.Untrusted;

/** Character classes and small helpers of the PEP 508 grammar; not part of the API. */
final class Syntax {

  /** Longest input echoed back in an exception message. */
  static final int MAX_ECHO = 80;

  private Syntax() {}

  /** PEP 508 whitespace is only space and tab. */
  static boolean isWs(char c) {
    return c == ' ' || c == '\t';
  }

  static boolean isAsciiLetterOrDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** Characters of a distribution or extra name: {@code [A-Za-z0-9._-]}. */
  static boolean isNameChar(char c) {
    return isAsciiLetterOrDigit(c) || c == '.' || c == '_' || c == '-';
  }

  /**
   * Whether a name matches {@code ^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$} case-insensitively.
   *
   * @param name the candidate
   * @return true if valid
   */
  static boolean isValidName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (!isNameChar(name.charAt(i))) {
        return false;
      }
    }
    return isAsciiLetterOrDigit(name.charAt(0)) && isAsciiLetterOrDigit(name.charAt(name.length() - 1));
  }

  /**
   * PEP 503 normalisation (also PEP 685 for extras): lower case, every run of {@code -}, {@code _}, {@code .} becomes
   * one {@code -}.
   */
  static String normalizeName(String name) {
    StringBuilder b = new StringBuilder(name.length());
    boolean inRun = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '-' || c == '_' || c == '.') {
        if (!inRun) {
          b.append('-');
          inRun = true;
        }
      } else {
        b.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        inRun = false;
      }
    }
    return b.toString();
  }

  /**
   * Characters allowed inside a quoted marker string besides the other quote: PEP 508's {@code python_str_c}
   * (whitespace, letters, digits and listed punctuation). Letters and digits of any script are accepted; backslashes
   * and control characters are not.
   */
  static boolean isStringChar(char c) {
    if (c == ' ' || c == '\t' || isAsciiLetterOrDigit(c)) {
      return true;
    }
    if ("().{}-_*#:;,/?[]!~`@$%^&=+|<>".indexOf(c) >= 0) {
      return true;
    }
    return c > 0x7f && !Character.isSurrogate(c) && Character.isLetterOrDigit(c);
  }

  static String describe(String s, int pos) {
    if (pos >= s.length()) {
      return "end of text";
    }
    char c = s.charAt(pos);
    if (c > 0x20 && c < 0x7f) {
      return "'" + c + "'";
    }
    return String.format("character U+%04X", (int) c);
  }

  /** Quotes a string for a message, escaping control characters and cutting very long input. */
  static String quote(String s) {
    return Untrusted.quote(s, MAX_ECHO);
  }
}
