package dev.wheeltapper.toolchain;

import java.util.Locale;

/**
 * Whether an extension's own code is memory-safe.
 *
 * <pre>{@code
 * MemorySafety.MIXED.label();   // "mixed"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum MemorySafety {
  /** Only memory-safe languages (Rust, Go) besides the C runtime glue every shared object carries. */
  YES,
  /** Memory-safe code together with C, C++, Cython, Fortran or Zig code. */
  MIXED,
  /** Only memory-unsafe languages. */
  NO,
  /** No language evidence. */
  UNKNOWN;

  /**
   * The label of {@code docs/cli.md}: {@code yes}, {@code mixed}, {@code no}, {@code unknown}.
   *
   * @return the label
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
