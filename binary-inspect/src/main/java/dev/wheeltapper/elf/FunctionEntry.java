package dev.wheeltapper.elf;

import dev.wheeltapper.isa.Prologue;
import java.util.Objects;

/**
 * A function symbol and what its first bytes show ({@link Prologue}: entry marker, frame, stack probes).
 *
 * <pre>{@code
 * elf.functionEntries().exported().stream()
 *     .filter(f -> f.name().startsWith("PyInit_"))
 *     .map(f -> f.prologue().marker());                  // ENDBR64
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the symbol name (without version)
 * @param address {@code st_value}
 * @param size {@code st_size}
 * @param exported whether {@code .dynsym} defines it with global or weak binding and default or protected
 *     visibility (what another object can call)
 * @param prologue what its first bytes show
 */
public record FunctionEntry(String name, long address, long size, boolean exported, Prologue prologue) {
  /** Rejects nulls. */
  public FunctionEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(prologue, "prologue");
  }
}
