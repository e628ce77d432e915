package dev.wheeltapper.toolchain;

import dev.wheeltapper.bytes.PrintableRuns;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Language and binding markers found in the strings of a binary's read-only data ({@code .rodata} and friends): Rust
 * standard library panic paths, Cargo crate paths, PyO3, Cython, pybind11, nanobind, cffi, Go and Zig strings, and C
 * source file names left by {@code __FILE__}.
 *
 * <pre>{@code
 * StringScan.Collector markers = StringScan.collector();
 * PrintableRuns runs = new PrintableRuns(markers);   // the raw layer reads the bytes
 * runs.feed(rodataBuffer);
 * runs.end();
 * StringScan scan = markers.finish();
 * scan.rustStd();   // Optional of "/rustc/59807616e1fa.../library/core/src/fmt/mod.rs"
 * }</pre>
 *
 * <p>This class reads strings, never bytes: {@link PrintableRuns} (raw layer) cuts the bytes into printable runs
 * (ASCII 0x20-0x7e) and hands them to a {@link Collector}. Rust string literals are not NUL-terminated and share
 * runs, so markers are matched as substrings. A C source file name must be a whole NUL-terminated string. Each list
 * keeps at most {@link #MAX_EXAMPLES} examples. Immutable and thread-safe; the {@link Collector} is
 * not.
 *
 * @param rustStd Rust standard library source paths ({@code /rustc/<commit>/library/...},
 *     {@code /usr/src/rustc-<version>/library/...}, {@code library/core/src/...})
 * @param crates Cargo crate directories ({@code pyo3-0.17.3}) from registry source paths
 * @param pyo3 PyO3 markers ({@code pyo3_runtime.PanicException})
 * @param cython Cython markers ({@code _cython_3_0_11}, {@code cython_runtime}, {@code __pyx_capi__}, ...)
 * @param pybind11 pybind11 internals ids
 * @param nanobind nanobind internals ids
 * @param cffi cffi markers ({@code _cffi_backend}, {@code _init_cffi_1_0_external_module})
 * @param go Go markers ({@code go1.22.1}, the build info magic)
 * @param zig Zig markers ({@code ZIG_DEBUG_COLOR})
 * @param fortran Fortran runtime markers ({@code _gfortran_} strings, f2py glue)
 * @param cSources C and C++ source file names ({@code psutil/_psutil_linux.c})
 * @param cLibraries C libraries compiled into the binary, named by a message or notice only they carry
 *     ({@code jemalloc}, {@code zlib}, {@code yyjson}, ...): {@link #C_LIBRARY_MARKERS}
 */
public record StringScan(
    List<String> rustStd,
    List<String> crates,
    List<String> pyo3,
    List<String> cython,
    List<String> pybind11,
    List<String> nanobind,
    List<String> cffi,
    List<String> go,
    List<String> zig,
    List<String> fortran,
    List<String> cSources,
    List<String> cLibraries) {

  /**
   * Strings that only a given C library's own code carries: each proves that library's C was compiled in, whatever
   * the binary's main language (orjson's yyjson, ruff's and polars' jemalloc, the zlib, zstd and SQLite that *-sys
   * crates build). Library name first, then the marker.
   */
  public static final List<List<String>> C_LIBRARY_MARKERS = List.of(
      List.of("jemalloc", "<jemalloc>: "),
      List.of("mimalloc", "mimalloc: "),
      List.of("aws-lc", "/aws-lc/"),
      List.of("aws-lc", "AWS-LC"),
      List.of("yyjson", "no digit after exponent sign"),
      List.of("zlib", "Jean-loup Gailly"),
      List.of("zstd", "Unsupported frame parameter"),
      List.of("sqlite", "SQLite format 3"),
      List.of("lz4", "LZ4F_"),
      List.of("bzip2", "bzip2/libbzip2"),
      List.of("openssl", "OpenSSL 1."),
      List.of("openssl", "OpenSSL 3."),
      List.of("libgit2", "libgit2"));

  /** The most examples kept per marker. */
  public static final int MAX_EXAMPLES = 8;

  private static final Pattern RUST_STD = Pattern.compile(
      "(?:/rustc/[0-9a-f]{40}[/\\\\]|/usr/src/rustc-[0-9][0-9.]*/)?"
          + "library[/\\\\](?:core|std|alloc|proc_macro|panic_unwind|backtrace)[/\\\\]src[/\\\\]"
          + "[A-Za-z0-9_/\\\\]*\\.rs");
  private static final Pattern CRATE = Pattern.compile(
      "(?:registry[/\\\\]src[/\\\\][^/\\\\\\s]{1,100}[/\\\\]|/cargo/registry/|/vendor/)"
          + "([A-Za-z0-9_-]{1,64}-[0-9]+\\.[0-9]+\\.[0-9]+[A-Za-z0-9.+-]{0,40})[/\\\\]src[/\\\\]");
  private static final Pattern CYTHON_ABI = Pattern.compile("_cython_[0-9]+_[0-9]+_[0-9a-z_]*");
  private static final Pattern PYBIND11 = Pattern.compile("__pybind11_internals_v[0-9A-Za-z_]*");
  private static final Pattern NANOBIND = Pattern.compile("__nb_internals[0-9A-Za-z_]*");
  private static final Pattern GO_VERSION = Pattern.compile("(?<![A-Za-z0-9])go1\\.[0-9]{1,2}(?:\\.[0-9]{1,2})?(?![0-9.])");
  private static final Pattern C_SOURCE = Pattern.compile("[/A-Za-z0-9_+][A-Za-z0-9_./+-]{2,}\\.(?:c|cc|cpp|cxx)");

  /** Copies the lists. */
  public StringScan {
    rustStd = List.copyOf(rustStd);
    crates = List.copyOf(crates);
    pyo3 = List.copyOf(pyo3);
    cython = List.copyOf(cython);
    pybind11 = List.copyOf(pybind11);
    nanobind = List.copyOf(nanobind);
    cffi = List.copyOf(cffi);
    go = List.copyOf(go);
    zig = List.copyOf(zig);
    fortran = List.copyOf(fortran);
    cSources = List.copyOf(cSources);
    cLibraries = List.copyOf(cLibraries);
  }

  /**
   * A scan that found nothing (for binaries whose data could not be read).
   *
   * @return the empty scan
   */
  public static StringScan empty() {
    return collector().finish();
  }

  /**
   * A new collector: the sink for a {@link PrintableRuns} over the read-only data.
   *
   * @return a collector to hand the printable runs to
   */
  public static Collector collector() {
    return new Collector();
  }

  /** Matches the printable runs of the read-only data against the markers; not thread-safe. */
  public static final class Collector implements PrintableRuns.Sink {
    private final List<Set<String>> sets = new ArrayList<>();

    private Collector() {
      for (int i = 0; i < 12; i++) {
        sets.add(new LinkedHashSet<>());
      }
    }

    /**
     * Matches one run.
     *
     * @param s the run
     * @param wholeCString whether it is a whole NUL-terminated string
     */
    @Override
    public void accept(String s, boolean wholeCString) {
      match(s, wholeCString);
    }

    private void add(int which, String value) {
      Set<String> set = sets.get(which);
      if (set.size() < MAX_EXAMPLES) {
        set.add(value);
      }
    }

    private void match(String s, boolean wholeCString) {
      if (s.contains("library/") || s.contains("library\\")) { // Windows builds write backslashes
        Matcher m = RUST_STD.matcher(s);
        while (m.find()) {
          add(0, m.group());
        }
      }
      if (s.contains("/src/") || s.contains("\\src\\")) {
        Matcher m = CRATE.matcher(s);
        while (m.find()) {
          add(1, m.group(1));
        }
      }
      if (s.contains("pyo3_runtime.PanicException")) {
        add(2, "pyo3_runtime.PanicException");
      }
      if (s.contains("cython")) {
        Matcher m = CYTHON_ABI.matcher(s);
        while (m.find()) {
          add(3, m.group());
        }
        if (s.contains("cython_runtime")) {
          add(3, "cython_runtime");
        }
      }
      if (s.contains("__pyx_")) {
        for (String marker : List.of("__pyx_capi__", "__pyx_vtable__")) {
          if (s.contains(marker)) {
            add(3, marker);
          }
        }
      }
      if (s.contains("__pybind11_internals_v")) {
        Matcher m = PYBIND11.matcher(s);
        while (m.find()) {
          add(4, m.group());
        }
      }
      if (s.contains("__nb_internals")) {
        Matcher m = NANOBIND.matcher(s);
        while (m.find()) {
          add(5, m.group());
        }
      }
      if (s.contains("_cffi_")) {
        for (String marker : List.of("_cffi_backend", "_init_cffi_1_0_external_module", "_cffi_exports")) {
          if (s.contains(marker)) {
            add(6, marker);
          }
        }
      }
      if (s.contains("go1.")) {
        Matcher m = GO_VERSION.matcher(s);
        if (m.find() && (s.contains("runtime.") || s.contains("Go buildinf") || s.length() < 12)) {
          add(7, m.group());
        }
      }
      if (s.contains(" Go buildinf:")) {
        add(7, "Go buildinf:");
      }
      if (s.contains("ZIG_DEBUG_COLOR")) {
        add(8, "ZIG_DEBUG_COLOR");
      }
      if (s.contains("_gfortran_") || s.contains("PyFortran_Type") || s.contains("f2py_rout_")) {
        add(9, s.contains("_gfortran_") ? "_gfortran_" : s.contains("f2py_rout_") ? "f2py_rout_" : "PyFortran_Type");
      }
      if (wholeCString && s.length() <= 4096 && C_SOURCE.matcher(s).matches()) {
        add(10, s);
      }
      for (List<String> m : C_LIBRARY_MARKERS) {
        if (s.contains(m.get(1))) {
          add(11, m.get(0) + " (\"" + m.get(1).strip() + "\")");
        }
      }
    }

    /**
     * The markers matched so far (all of them, once the {@link PrintableRuns} feeding this has ended).
     *
     * @return the markers found
     */
    public StringScan finish() {
      List<List<String>> l = new ArrayList<>();
      for (Set<String> s : sets) {
        l.add(Collections.unmodifiableList(new ArrayList<>(s)));
      }
      return new StringScan(l.get(0), l.get(1), l.get(2), l.get(3), l.get(4), l.get(5), l.get(6), l.get(7),
          l.get(8), l.get(9), l.get(10), l.get(11));
    }
  }
}
