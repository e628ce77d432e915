package dev.wheeltapper.wheel.metadata;

import dev.wheeltapper.wheel.internal.Text;
import dev.wheeltapper.wheel.internal.Utf8;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The raw layer under METADATA and WHEEL: email-style header fields (RFC 822 as the core metadata specification
 * uses it), then an optional body after the first empty line.
 */
final class HeaderParser {
  private HeaderParser() {}

  record Block(List<MetadataField> fields, Optional<String> body) {}

  static Block parse(String file, byte[] bytes) throws MetadataFormatException {
    String text = decode(file, bytes);
    List<MetadataField> fields = new ArrayList<>();
    String name = null;
    String first = null;
    List<String> continuations = new ArrayList<>();
    int pos = 0;
    int lineNo = 0;
    Optional<String> body = Optional.empty();
    while (pos < text.length()) {
      lineNo++;
      int end = pos;
      while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      String line = text.substring(pos, end);
      int next = end;
      if (next < text.length()) {
        next += text.charAt(next) == '\r' && next + 1 < text.length() && text.charAt(next + 1) == '\n' ? 2 : 1;
      }
      pos = next;
      if (line.isEmpty()) {
        // The first empty line ends the header block; the rest is the body, kept verbatim.
        if (pos < text.length()) {
          body = Optional.of(text.substring(pos));
        }
        break;
      }
      char c0 = line.charAt(0);
      if (c0 == ' ' || c0 == '\t') {
        if (name == null) {
          throw new MetadataFormatException(file, lineNo, "continuation line without a field before it");
        }
        continuations.add(line);
        continue;
      }
      if (name != null) {
        fields.add(new MetadataField(name, unfold(name, first, continuations)));
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new MetadataFormatException(file, lineNo, "not a header field (no ':')");
      }
      name = line.substring(0, colon);
      String nameProblem = fieldNameProblem(name);
      if (nameProblem != null) {
        throw new MetadataFormatException(file, lineNo, nameProblem);
      }
      first = line.substring(colon + 1).strip();
      continuations.clear();
    }
    if (name != null) {
      fields.add(new MetadataField(name, unfold(name, first, continuations)));
    }
    return new Block(List.copyOf(fields), body);
  }

  /**
   * Joins a folded value with line breaks, removing each continuation line's folding indent: up to 8 blanks
   * (distutils folds with 8 spaces). For {@code Description}, when every continuation line carries the {@code |}
   * marker the core metadata specification describes (blanks, then {@code |}, to protect empty and indented lines),
   * the marker goes too; a description folded without markers keeps a leading {@code |} (an RST table, say).
   */
  private static String unfold(String name, String first, List<String> continuations) {
    if (continuations.isEmpty()) {
      return first;
    }
    boolean pipes = name.equalsIgnoreCase("Description");
    for (int k = 0; k < continuations.size() && pipes; k++) {
      String l = continuations.get(k);
      int i = blanks(l);
      pipes = i < l.length() && l.charAt(i) == '|';
    }
    StringBuilder sb = new StringBuilder(first);
    for (String l : continuations) {
      int i = blanks(l);
      sb.append('\n').append(l, pipes ? i + 1 : i, l.length());
    }
    return sb.toString();
  }

  private static int blanks(String line) {
    int i = 0;
    while (i < line.length() && i < 8 && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  static String decode(String file, byte[] bytes) throws MetadataFormatException {
    Utf8.Decoded d = Utf8.decode(bytes);
    if (d.firstBadOffset() >= 0) {
      int off = d.firstBadOffset();
      throw new MetadataFormatException(
          file, Utf8.lineOf(bytes, off), "not valid UTF-8 (byte offset " + off + ")");
    }
    if (d.text().startsWith("\uFEFF")) {
      throw new MetadataFormatException(file, 1, "starts with a byte order mark");
    }
    return d.text();
  }

  private static String fieldNameProblem(String name) {
    if (name.isEmpty()) {
      return "empty field name";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= ' ' || c > '~') {
        return "field name '" + Text.printable(name) + "' contains a blank, control or non-ASCII character";
      }
    }
    return null;
  }
}
