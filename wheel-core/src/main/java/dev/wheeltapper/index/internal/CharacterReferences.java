package dev.wheeltapper.index.internal;

/**
 * HTML character references in attribute values and text: the five named ones a generator writes ({@code &amp;
 * &lt; &gt; &quot; &apos;}, and {@code &#39;}) and numeric ones. Any other {@code &} is kept as written, as HTML's
 * tokenizer keeps an unknown reference. Stateless and thread-safe.
 */
final class CharacterReferences {
  private CharacterReferences() {}

  static String decode(String s) {
    int amp = s.indexOf('&');
    if (amp < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    b.append(s, 0, amp);
    int i = amp;
    while (i < s.length()) {
      char c = s.charAt(i);
      int semi = c == '&' ? s.indexOf(';', i) : -1;
      // a reference is at most "&#x10FFFF;" long
      if (semi > i && semi - i <= 10) {
        String ref = s.substring(i + 1, semi);
        int cp = codePoint(ref);
        if (cp >= 0) {
          b.appendCodePoint(cp);
          i = semi + 1;
          continue;
        }
      }
      b.append(c);
      i++;
    }
    return b.toString();
  }

  private static int codePoint(String ref) {
    switch (ref) {
      case "amp": return '&';
      case "lt": return '<';
      case "gt": return '>';
      case "quot": return '"';
      case "apos": return '\'';
      default: break;
    }
    if (ref.length() < 2 || ref.charAt(0) != '#') {
      return -1;
    }
    boolean hex = ref.charAt(1) == 'x' || ref.charAt(1) == 'X';
    String digits = ref.substring(hex ? 2 : 1);
    if (digits.isEmpty() || digits.length() > 7) {
      return -1;
    }
    try {
      int cp = Integer.parseInt(digits, hex ? 16 : 10);
      // NUL, surrogates and values past Unicode read as U+FFFD, as HTML reads them
      return cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ? 0xFFFD : cp;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
