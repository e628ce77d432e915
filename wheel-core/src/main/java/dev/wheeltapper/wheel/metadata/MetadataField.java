package dev.wheeltapper.wheel.metadata;

import java.util.Objects;

/**
 * One header field of METADATA or WHEEL, name as written and value with folded lines joined.
 *
 * <pre>{@code
 * MetadataField f = metadata.fields().get(0);
 * f.name();  // "Metadata-Version"
 * f.value(); // "2.4"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the field name as written (compare case-insensitively)
 * @param value the value without the leading blank; continuation lines joined by {@code \n}
 */
public record MetadataField(String name, String value) {

  /**
   * Validates the field.
   *
   * @throws IllegalArgumentException when the name is empty
   */
  public MetadataField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty field name");
    }
  }

  /**
   * Whether this field has the given name, ignoring case as email headers do.
   *
   * @param other a field name
   * @return true when the names match
   */
  public boolean is(String other) {
    return name.equalsIgnoreCase(other);
  }
}
