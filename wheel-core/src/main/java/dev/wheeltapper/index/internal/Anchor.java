package dev.wheeltapper.index.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code <a>} element of an HTML page as written: its attributes (names lower-cased, values with character
 * references decoded; the first of repeated names kept, as browsers do) and its text.
 *
 * <p>Immutable and thread-safe.
 *
 * @param attributes attribute name to value, in document order; a bare attribute has the empty value
 * @param text the element's text, character references decoded and surrounding white space trimmed
 */
public record Anchor(Map<String, String> attributes, String text) {
  /** Copies the attributes. */
  public Anchor {
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  /**
   * One attribute.
   *
   * @param name the attribute name, lower case
   * @return its value, or empty when the element does not carry it
   */
  public Optional<String> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }
}
