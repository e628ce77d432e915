package dev.wheeltapper.provenance.json;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict, bounded JSON parser (RFC 8259). Input must be UTF-8; size, nesting depth and element counts are limited by
 * {@link Limits}; duplicate member names are rejected (two readers could otherwise disagree on the value).
 *
 * <pre>{@code
 * JsonValue v = Json.parse(Files.readAllBytes(p), Json.Limits.DEFAULT);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Json {
  private Json() {}

  /**
   * Bounds applied while parsing.
   *
   * @param maxBytes largest accepted input
   * @param maxDepth deepest accepted nesting of arrays and objects
   * @param maxElements most values in the whole document
   */
  public record Limits(int maxBytes, int maxDepth, int maxElements) {
    /** 4 MiB, depth 64, 100 000 values: far beyond any attestation (about 10 KB and 100 values), far below harm. */
    public static final Limits DEFAULT = new Limits(4 << 20, 64, 100_000);

    /** Rejects non-positive limits. */
    public Limits {
      if (maxBytes <= 0 || maxDepth <= 0 || maxElements <= 0) {
        throw new IllegalArgumentException("limits must be positive");
      }
    }
  }

  /**
   * Parses one JSON document.
   *
   * @param utf8 the document
   * @param limits bounds
   * @return the value
   * @throws JsonException when the input is not accepted
   */
  public static JsonValue parse(byte[] utf8, Limits limits) throws JsonException {
    if (utf8.length > limits.maxBytes()) {
      throw new JsonException("JSON larger than " + limits.maxBytes() + " bytes", limits.maxBytes());
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(utf8))
              .toString();
    } catch (CharacterCodingException e) {
      throw new JsonException("JSON is not valid UTF-8", 0);
    }
    Parser p = new Parser(text, limits);
    p.skipWs();
    if (p.pos < text.length() && text.charAt(p.pos) == '\uFEFF') {
      throw new JsonException("byte order mark not allowed", 0);
    }
    JsonValue v = p.value(0);
    p.skipWs();
    if (p.pos != text.length()) {
      throw new JsonException("trailing data after the JSON value", p.pos);
    }
    return v;
  }

  private static final class Parser {
    private final String s;
    private final Limits limits;
    private int pos;
    private int elements;

    Parser(String s, Limits limits) {
      this.s = s;
      this.limits = limits;
    }

    void skipWs() {
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
          pos++;
        } else {
          return;
        }
      }
    }

    JsonException error(String message) {
      return new JsonException(message, pos);
    }

    char peek() throws JsonException {
      if (pos >= s.length()) {
        throw error("unexpected end of JSON");
      }
      return s.charAt(pos);
    }

    JsonValue value(int depth) throws JsonException {
      if (++elements > limits.maxElements()) {
        throw error("more than " + limits.maxElements() + " JSON values");
      }
      skipWs();
      char c = peek();
      switch (c) {
        case '{':
          return object(depth + 1);
        case '[':
          return array(depth + 1);
        case '"':
          return new JsonValue.JsonString(string());
        case 't':
          literal("true");
          return new JsonValue.JsonBoolean(true);
        case 'f':
          literal("false");
          return new JsonValue.JsonBoolean(false);
        case 'n':
          literal("null");
          return new JsonValue.JsonNull();
        default:
          if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
          }
          throw error("unexpected character '" + printable(c) + "'");
      }
    }

    private static String printable(char c) {
      return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c);
    }

    void literal(String word) throws JsonException {
      if (!s.startsWith(word, pos)) {
        throw error("invalid literal");
      }
      pos += word.length();
    }

    JsonValue object(int depth) throws JsonException {
      if (depth > limits.maxDepth()) {
        throw error("JSON nested deeper than " + limits.maxDepth());
      }
      pos++; // '{'
      Map<String, JsonValue> members = new LinkedHashMap<>();
      skipWs();
      if (peek() == '}') {
        pos++;
        return new JsonValue.JsonObject(members);
      }
      while (true) {
        skipWs();
        if (peek() != '"') {
          throw error("expected a member name");
        }
        int at = pos;
        String name = string();
        skipWs();
        if (peek() != ':') {
          throw error("expected ':'");
        }
        pos++;
        JsonValue v = value(depth);
        if (members.putIfAbsent(name, v) != null) {
          throw new JsonException("duplicate member name \"" + name + "\"", at);
        }
        skipWs();
        char c = peek();
        pos++;
        if (c == '}') {
          return new JsonValue.JsonObject(members);
        }
        if (c != ',') {
          pos--;
          throw error("expected ',' or '}'");
        }
      }
    }

    JsonValue array(int depth) throws JsonException {
      if (depth > limits.maxDepth()) {
        throw error("JSON nested deeper than " + limits.maxDepth());
      }
      pos++; // '['
      List<JsonValue> elems = new ArrayList<>();
      skipWs();
      if (peek() == ']') {
        pos++;
        return new JsonValue.JsonArray(elems);
      }
      while (true) {
        elems.add(value(depth));
        skipWs();
        char c = peek();
        pos++;
        if (c == ']') {
          return new JsonValue.JsonArray(elems);
        }
        if (c != ',') {
          pos--;
          throw error("expected ',' or ']'");
        }
      }
    }

    String string() throws JsonException {
      pos++; // opening quote
      StringBuilder b = new StringBuilder();
      while (true) {
        char c = peek();
        pos++;
        if (c == '"') {
          return b.toString();
        }
        if (c < 0x20) {
          pos--;
          throw error("control character in string");
        }
        if (c != '\\') {
          b.append(c);
          continue;
        }
        char e = peek();
        pos++;
        switch (e) {
          case '"':
          case '\\':
          case '/':
            b.append(e);
            break;
          case 'b':
            b.append('\b');
            break;
          case 'f':
            b.append('\f');
            break;
          case 'n':
            b.append('\n');
            break;
          case 'r':
            b.append('\r');
            break;
          case 't':
            b.append('\t');
            break;
          case 'u':
            if (pos + 4 > s.length()) {
              throw error("truncated \\u escape");
            }
            int cp = 0;
            for (int i = 0; i < 4; i++) {
              int d = Character.digit(s.charAt(pos + i), 16);
              if (d < 0) {
                throw error("invalid \\u escape");
              }
              cp = cp * 16 + d;
            }
            pos += 4;
            b.append((char) cp);
            break;
          default:
            pos--;
            throw error("invalid escape");
        }
      }
    }

    JsonValue number() throws JsonException {
      int start = pos;
      if (s.charAt(pos) == '-') {
        pos++;
      }
      if (peekDigit() == '0') {
        pos++;
      } else if (peekDigit() > 0) {
        digits();
      } else {
        throw error("invalid number");
      }
      if (pos < s.length() && s.charAt(pos) == '.') {
        pos++;
        if (peekDigit() < 0) {
          throw error("invalid number");
        }
        digits();
      }
      if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
        pos++;
        if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
          pos++;
        }
        if (peekDigit() < 0) {
          throw error("invalid number");
        }
        digits();
      }
      return new JsonValue.JsonNumber(s.substring(start, pos));
    }

    private int peekDigit() {
      if (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
        return s.charAt(pos);
      }
      return -1;
    }

    private void digits() {
      while (peekDigit() >= 0) {
        pos++;
      }
    }
  }
}
