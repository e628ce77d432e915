package dev.wheeltapper.guide;

import java.util.Objects;

/**
 * One compilation unit's {@code DW_AT_producer} as the DWARF reader gives it: the unit's name ({@code DW_AT_name})
 * and the producer string ({@code GNU C17 12.2.0 -mtune=generic -O2 -fstack-protector-strong ...}).
 *
 * <pre>{@code
 * new CompileUnit("src/lib.c", "GNU C17 12.2.0 -O2 -fstack-clash-protection");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the unit's name, empty when the unit has none
 * @param producer the producer string
 */
public record CompileUnit(String name, String producer) {
  /** Rejects nulls. */
  public CompileUnit {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(producer, "producer");
  }
}
