package dev.wheeltapper.provenance.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict, bounded JSON parser (RFC 8259) on jackson-core's streaming {@link JsonParser}. Input must be UTF-8; size,
 * nesting depth and element counts are limited by {@link Limits} (checked here with exact messages, and again by
 * jackson's {@link StreamReadConstraints} as a second fence); duplicate member names are rejected (two readers could
 * otherwise disagree on the value), as are a byte order mark and anything after the document.
 *
 * <p>Jackson's defaults are already strict (no comments, single quotes, unquoted names, NaN, leading zeros or plus
 * signs, trailing commas, unescaped control characters); this class adds what jackson allows: a BOM, several root
 * values, duplicate names, and unpaired UTF-8 it would decode leniently (the text is decoded strictly first).
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

    /**
     * Jackson's constraints for these limits, one step wider than the checks of {@link Json} so that those fire first
     * with their own messages; jackson's stay as the fence behind them. A value costs at most three tokens (its name,
     * itself and its end).
     */
    StreamReadConstraints constraints() {
      return StreamReadConstraints.builder()
          .maxNestingDepth(maxDepth == Integer.MAX_VALUE ? maxDepth : maxDepth + 1)
          .maxStringLength(maxBytes)
          .maxNameLength(maxBytes)
          .maxNumberLength(maxBytes)
          .maxDocumentLength(maxBytes)
          .maxTokenCount(3L * maxElements + 3)
          .build();
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
      // Decoded here, strictly: jackson's own UTF-8 reader is not the gate for malformed sequences.
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
    int first = 0;
    while (first < text.length() && isWhitespace(text.charAt(first))) {
      first++;
    }
    if (first < text.length() && text.charAt(first) == '\uFEFF') {
      throw new JsonException("byte order mark not allowed", first);
    }
    JsonFactory factory = limits.equals(Limits.DEFAULT) ? DEFAULT_FACTORY : factory(limits);
    try (JsonParser p = factory.createParser(text)) {
      JsonValue v = new TreeBuilder(p, limits).document();
      JsonToken after = p.nextToken();
      if (after != null) {
        throw new JsonException("trailing data after the JSON value", offset(p.currentTokenLocation()));
      }
      return v;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new JsonException(e.getOriginalMessage(), at == null ? 0 : offset(at));
    } catch (IOException e) {
      // A String source does no I/O; kept typed all the same.
      throw new JsonException("unreadable JSON: " + e.getMessage(), 0);
    }
  }

  /** A factory is thread-safe once built; the one for the default limits is shared. */
  private static final JsonFactory DEFAULT_FACTORY = factory(Limits.DEFAULT);

  private static JsonFactory factory(Limits limits) {
    return JsonFactory.builder().streamReadConstraints(limits.constraints()).build();
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private static long offset(JsonLocation l) {
    return Math.max(0, l.getCharOffset());
  }

  /** Builds the immutable tree from the token stream with an explicit stack (no recursion). */
  private static final class TreeBuilder {
    private final JsonParser p;
    private final Limits limits;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private int elements;

    /** An open object or array. */
    private static final class Frame {
      final Map<String, JsonValue> members;
      final List<JsonValue> elements;
      String name;
      long nameOffset;

      Frame(boolean object) {
        members = object ? new LinkedHashMap<>() : null;
        elements = object ? null : new ArrayList<>();
      }

      JsonValue close() {
        return members != null ? new JsonValue.JsonObject(members) : new JsonValue.JsonArray(elements);
      }
    }

    TreeBuilder(JsonParser p, Limits limits) {
      this.p = p;
      this.limits = limits;
    }

    JsonValue document() throws IOException, JsonException {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new JsonException("unexpected end of JSON", offset(p.currentLocation()));
      }
      while (true) {
        JsonValue done = step(t);
        if (done != null) {
          return done;
        }
        t = p.nextToken();
        if (t == null) {
          throw new JsonException("unexpected end of JSON", offset(p.currentLocation()));
        }
      }
    }

    /** Feeds one token; answers the root value when it is complete. */
    private JsonValue step(JsonToken t) throws IOException, JsonException {
      if (t == JsonToken.FIELD_NAME) {
        Frame f = stack.peek();
        f.name = p.currentName();
        f.nameOffset = offset(p.currentTokenLocation());
        return null;
      }
      if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
        return add(stack.pop().close());
      }
      if (++elements > limits.maxElements()) {
        throw error("more than " + limits.maxElements() + " JSON values");
      }
      switch (t) {
        case START_OBJECT:
        case START_ARRAY:
          if (stack.size() >= limits.maxDepth()) {
            throw error("JSON nested deeper than " + limits.maxDepth());
          }
          stack.push(new Frame(t == JsonToken.START_OBJECT));
          return null;
        case VALUE_STRING:
          return add(new JsonValue.JsonString(p.getText()));
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          // The source text, so nothing is rounded.
          return add(new JsonValue.JsonNumber(p.getText()));
        case VALUE_TRUE:
          return add(new JsonValue.JsonBoolean(true));
        case VALUE_FALSE:
          return add(new JsonValue.JsonBoolean(false));
        case VALUE_NULL:
          return add(new JsonValue.JsonNull());
        default:
          // VALUE_EMBEDDED_OBJECT and NOT_AVAILABLE do not occur for text input.
          throw error("unexpected JSON token " + t);
      }
    }

    /** Adds a finished value to the open container; answers it when it is the root. */
    private JsonValue add(JsonValue v) throws JsonException {
      Frame f = stack.peek();
      if (f == null) {
        return v;
      }
      if (f.members == null) {
        f.elements.add(v);
      } else if (f.members.putIfAbsent(f.name, v) != null) {
        throw new JsonException("duplicate member name \"" + f.name + "\"", f.nameOffset);
      }
      return null;
    }

    private JsonException error(String message) {
      return new JsonException(message, offset(p.currentTokenLocation()));
    }
  }
}
