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
    StringBuilder value = new StringBuilder();
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
      char first = line.charAt(0);
      if (first == ' ' || first == '\t') {
        if (name == null) {
          throw new MetadataFormatException(file, lineNo, "continuation line without a field before it");
        }
        value.append('\n').append(deindent(name, line));
        continue;
      }
      if (name != null) {
        fields.add(new MetadataField(name, value.toString()));
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
      value.setLength(0);
      value.append(line.substring(colon + 1).strip());
    }
    if (name != null) {
      fields.add(new MetadataField(name, value.toString()));
    }
    return new Block(List.copyOf(fields), body);
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

  /**
   * Removes the folding indent of a continuation line: up to 8 blanks (distutils indents by 8), then for Description
   * the {@code |} that the core metadata specification puts after 7 blanks to protect empty and indented lines.
   */
  private static String deindent(String field, String line) {
    int i = 0;
    while (i < line.length() && i < 8 && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    if (field.equalsIgnoreCase("Description") && i < line.length() && line.charAt(i) == '|') {
      i++;
    }
    return line.substring(i);
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
