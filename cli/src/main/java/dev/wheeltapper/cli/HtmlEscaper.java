package dev.wheeltapper.cli;

import dev.wheeltapper.report.Untrusted;

/**
 * Escapes untrusted text (artifact and entry names, messages, signer names, evidence) for the HTML report. Text and
 * attribute values take the same escaping: {@code & < > " '} become character references, so a value is safe between
 * tags and inside a double- or single-quoted attribute; control characters and bidirectional overrides are first made
 * visible ({@link Untrusted#printable}), so a hostile name can neither hide text nor reorder a line.
 *
 * <p>Stateless and thread-safe.
 */
final class HtmlEscaper {
  private HtmlEscaper() {}

  /** Escapes text for an element's content or a quoted attribute value. */
  static String text(String s) {
    String p = Untrusted.printable(s);
    StringBuilder sb = null;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      String rep = switch (c) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        default -> Character.isSurrogate(c) && !pairedSurrogate(p, i) ? "\uFFFD" : null;
      };
      if (rep != null && sb == null) {
        sb = new StringBuilder(p.length() + 16).append(p, 0, i);
      }
      if (sb != null) {
        sb.append(rep == null ? String.valueOf(c) : rep);
      }
    }
    return sb == null ? p : sb.toString();
  }

  /** Appends escaped text. */
  static StringBuilder append(StringBuilder out, String s) {
    return out.append(text(s));
  }

  /** A lone surrogate cannot be written as UTF-8: it is replaced rather than turned into {@code ?} by the encoder. */
  private static boolean pairedSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
