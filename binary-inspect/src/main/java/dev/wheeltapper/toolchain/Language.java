package dev.wheeltapper.toolchain;

/**
 * The source languages recognised in a binary, with their report labels.
 *
 * <pre>{@code
 * Language.RUST.label();        // "rust"
 * Language.RUST.memorySafe();   // true
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum Language {
  /** C. */
  C("c", false),
  /** C++. */
  CXX("c++", false),
  /** Rust. */
  RUST("rust", true),
  /** Cython (compiled through generated C). */
  CYTHON("cython", false),
  /** Go. */
  GO("go", true),
  /** Fortran. */
  FORTRAN("fortran", false),
  /** Zig. */
  ZIG("zig", false),
  /** Native code whose language no evidence names. */
  UNKNOWN("unknown", false);

  private final String label;
  private final boolean memorySafe;

  Language(String label, boolean memorySafe) {
    this.label = label;
    this.memorySafe = memorySafe;
  }

  /**
   * The label of {@code docs/cli.md}: {@code c}, {@code c++}, {@code rust}, {@code cython}, {@code go},
   * {@code fortran}, {@code zig}, {@code unknown}.
   *
   * @return the label
   */
  public String label() {
    return label;
  }

  /**
   * Whether code in this language is memory-safe by construction (outside explicit {@code unsafe}).
   *
   * @return true for Rust and Go
   */
  public boolean memorySafe() {
    return memorySafe;
  }
}
