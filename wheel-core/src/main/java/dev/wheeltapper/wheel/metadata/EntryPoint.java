package dev.wheeltapper.wheel.metadata;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry point: {@code name = value} in a group of entry_points.txt.
 *
 * <pre>{@code
 * EntryPoint ep = wheel.entryPoints().group("console_scripts").orElseThrow().entryPoints().get(0);
 * ep.objectReference().map(ObjectReference::module);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param group the group (INI section) name
 * @param name the entry point name, case preserved
 * @param value the object reference as written
 */
public record EntryPoint(String group, String name, String value) {

  /** Validates the entry point. */
  public EntryPoint {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }

  /**
   * The value split into module, attribute and extras.
   *
   * @return the reference, or empty when the value is not {@code module[:attr] [extras]}
   */
  public Optional<ObjectReference> objectReference() {
    return ObjectReference.parse(value);
  }
}
