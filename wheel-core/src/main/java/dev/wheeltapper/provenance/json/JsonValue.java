package dev.wheeltapper.provenance.json;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON value read by {@link Json}: an immutable tree of objects, arrays, strings, numbers, booleans and null.
 *
 * <p>Accessors never throw on the wrong shape: they answer {@link Optional#empty()}, so a caller reading hostile JSON
 * turns every missing or mistyped member into its own finding.
 *
 * <pre>{@code
 * JsonValue v = Json.parse(bytes, Json.Limits.DEFAULT);
 * Optional<String> type = v.member("_type").flatMap(JsonValue::asString);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface JsonValue {

  /**
   * A member of an object.
   *
   * @param name the member name
   * @return the value, or empty when this is not an object or has no such member
   */
  default Optional<JsonValue> member(String name) {
    return Optional.empty();
  }

  /**
   * This value as a string.
   *
   * @return the string, or empty when this is not a string
   */
  default Optional<String> asString() {
    return Optional.empty();
  }

  /**
   * This value as the elements of an array.
   *
   * @return the elements, or empty when this is not an array
   */
  default Optional<List<JsonValue>> asArray() {
    return Optional.empty();
  }

  /**
   * This value as the members of an object.
   *
   * @return the members in document order, or empty when this is not an object
   */
  default Optional<Map<String, JsonValue>> asObject() {
    return Optional.empty();
  }

  /**
   * This value as an integer, accepting a JSON integer number or a string of decimal digits (protobuf JSON writes
   * 64-bit integers as strings).
   *
   * @return the value, or empty when this is neither or does not fit in a long
   */
  default Optional<Long> asLong() {
    return Optional.empty();
  }

  /**
   * Whether this is the JSON {@code null}.
   *
   * @return true for null
   */
  default boolean isNull() {
    return false;
  }

  /** Parses a string of optional minus and 1 to 19 digits into a long. */
  private static Optional<Long> parseLong(String s) {
    if (s.isEmpty() || s.length() > 20) {
      return Optional.empty();
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9') && !(i == 0 && c == '-' && s.length() > 1)) {
        return Optional.empty();
      }
    }
    BigInteger b = new BigInteger(s);
    return b.bitLength() < 64 ? Optional.of(b.longValue()) : Optional.empty();
  }

  /**
   * A JSON object.
   *
   * @param members the members in document order
   */
  record JsonObject(Map<String, JsonValue> members) implements JsonValue {
    /** Copies the members. */
    public JsonObject {
      members = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(members));
    }

    @Override
    public Optional<JsonValue> member(String name) {
      return Optional.ofNullable(members.get(name));
    }

    @Override
    public Optional<Map<String, JsonValue>> asObject() {
      return Optional.of(members);
    }
  }

  /**
   * A JSON array.
   *
   * @param elements the elements
   */
  record JsonArray(List<JsonValue> elements) implements JsonValue {
    /** Copies the elements. */
    public JsonArray {
      elements = List.copyOf(elements);
    }

    @Override
    public Optional<List<JsonValue>> asArray() {
      return Optional.of(elements);
    }
  }

  /**
   * A JSON string.
   *
   * @param value the decoded text
   */
  record JsonString(String value) implements JsonValue {
    /** Rejects null. */
    public JsonString {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public Optional<String> asString() {
      return Optional.of(value);
    }

    @Override
    public Optional<Long> asLong() {
      return parseLong(value);
    }
  }

  /**
   * A JSON number, kept as its source text so nothing is rounded.
   *
   * @param text the number as written
   */
  record JsonNumber(String text) implements JsonValue {
    /** Rejects null. */
    public JsonNumber {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public Optional<Long> asLong() {
      return parseLong(text);
    }
  }

  /**
   * A JSON boolean.
   *
   * @param value the value
   */
  record JsonBoolean(boolean value) implements JsonValue {}

  /** The JSON null. */
  record JsonNull() implements JsonValue {
    @Override
    public boolean isNull() {
      return true;
    }
  }
}
