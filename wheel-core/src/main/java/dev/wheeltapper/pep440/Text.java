package dev.wheeltapper.pep440;

import dev.wheeltapper.report.Untrusted;

/** Small string helpers shared by the PEP 440 parsers; not part of the API. */
final class Text {

  /** Longest input echoed back in an exception message; hostile inputs can be megabytes long. */
  static final int MAX_ECHO = 80;

  private Text() {}

  /** Python's {@code str.isspace()}: Java whitespace plus no-break spaces, line/paragraph separators and NEL. */
  static boolean isPythonSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }

  /** Python's {@code str.strip()} with no arguments. */
  static String strip(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isPythonSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isPythonSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isAsciiLetterOrDigit(char c) {
    return isAsciiDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** ASCII-only lower-casing, so that no locale or special Unicode case mapping changes the length. */
  static String asciiLower(String s) {
    char[] out = s.toCharArray();
    for (int i = 0; i < out.length; i++) {
      char c = out[i];
      if (c >= 'A' && c <= 'Z') {
        out[i] = (char) (c + ('a' - 'A'));
      }
    }
    return new String(out);
  }

  /** Quotes a string for a message, escaping control characters and cutting very long input. */
  static String quote(String s) {
    return Untrusted.quote(s, MAX_ECHO);
  }
}
