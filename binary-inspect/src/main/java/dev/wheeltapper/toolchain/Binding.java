package dev.wheeltapper.toolchain;

/**
 * How an extension module binds to Python, with the report labels.
 *
 * <pre>{@code
 * Binding.PYO3.label();   // "pyo3"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum Binding {
  /** PyO3 (Rust). */
  PYO3("pyo3"),
  /** Cython. */
  CYTHON("cython"),
  /** pybind11 (C++). */
  PYBIND11("pybind11"),
  /** nanobind (C++). */
  NANOBIND("nanobind"),
  /** cffi out-of-line API mode. */
  CFFI("cffi"),
  /** The plain CPython C API ({@code PyInit_*} without a binding generator). */
  CAPI("capi");

  private final String label;

  Binding(String label) {
    this.label = label;
  }

  /**
   * The label of {@code docs/cli.md}.
   *
   * @return {@code pyo3}, {@code cython}, {@code pybind11}, {@code nanobind}, {@code cffi} or {@code capi}
   */
  public String label() {
    return label;
  }
}
