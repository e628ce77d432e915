package dev.wheeltapper.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.bytes.PrintableRuns;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StringScanTest {

  private static byte[] bytes(String... cStrings) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    for (String s : cStrings) {
      o.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
      o.write(0);
    }
    return o.toByteArray();
  }

  private static StringScan scan(byte[] b) {
    StringScan.Collector markers = StringScan.collector();
    PrintableRuns s = new PrintableRuns(markers);
    s.feed(ByteBuffer.wrap(b));
    s.end();
    return markers.finish();
  }

  @Test
  void rustStandardLibraryPathsInEveryForm() {
    // Rust literals share runs without NULs: markers are substrings
    StringScan s = scan(bytes("capacity overflow/rustc/59807616e1fa2540724bfbac14d7976d7e4a3860/library/core/src/"
        + "fmt/mod.rsattempt to add", "errorlibrary/alloc/src/raw_vec.rscapacity",
        "x/usr/src/rustc-1.63.0/library/std/src/io/mod.rs",
        "/usr/share/cargo/registry/asn1-0.12.2/src/types.rs/home/u/.cargo/registry/src/index.crates.io-6f17d22bba15001f/"
            + "pyo3-0.20.0/src/err/mod.rs"));
    assertThat(s.rustStd()).containsExactly(
        "/rustc/59807616e1fa2540724bfbac14d7976d7e4a3860/library/core/src/fmt/mod.rs",
        "library/alloc/src/raw_vec.rs", "/usr/src/rustc-1.63.0/library/std/src/io/mod.rs");
    assertThat(s.crates()).containsExactly("asn1-0.12.2", "pyo3-0.20.0");
    assertThat(s.cSources()).isEmpty();
  }

  @Test
  void bindingMarkers() {
    StringScan s = scan(bytes("pyo3_runtime.PanicException", "_cython_3_0_11", "cython_runtime", "__pyx_capi__",
        "__pybind11_internals_v4_gcc_libstdcpp_cxxabi1011__", "__nb_internals_v15_gcc_libstdcpp_cxxabi1018",
        "_cffi_backend", "ZIG_DEBUG_COLOR", "go1.22.1", "_gfortran_runtime_error"));
    assertThat(s.pyo3()).containsExactly("pyo3_runtime.PanicException");
    assertThat(s.cython()).containsExactly("_cython_3_0_11", "cython_runtime", "__pyx_capi__");
    assertThat(s.pybind11()).containsExactly("__pybind11_internals_v4_gcc_libstdcpp_cxxabi1011__");
    assertThat(s.nanobind()).containsExactly("__nb_internals_v15_gcc_libstdcpp_cxxabi1018");
    assertThat(s.cffi()).containsExactly("_cffi_backend");
    assertThat(s.zig()).containsExactly("ZIG_DEBUG_COLOR");
    assertThat(s.go()).containsExactly("go1.22.1");
    assertThat(s.fortran()).containsExactly("_gfortran_");
  }

  @Test
  void cSourceNamesMustBeWholeCStrings() {
    StringScan s = scan(bytes("psutil/_psutil_linux.c", "t.c", "see foo.c for details", "lib.rs", "a/b.cpp"));
    assertThat(s.cSources()).containsExactly("psutil/_psutil_linux.c", "a/b.cpp");
    // not NUL-terminated at the end of the data: not a C string
    assertThat(scan("\0yaml/_yaml.c".getBytes(StandardCharsets.ISO_8859_1)).cSources()).isEmpty();
    // preceded by another printable byte run: part of a longer string
    assertThat(scan(bytes("xyz yaml/_yaml.c")).cSources()).isEmpty();
  }

  @Test
  void runsSpanFeedBoundaries() {
    byte[] b = bytes("junk", "pyo3_runtime.PanicException", "psutil/_psutil_linux.c");
    for (int cut = 0; cut <= b.length; cut++) {
      StringScan.Collector markers = StringScan.collector();
      new PrintableRuns(markers).feed(b, 0, cut).feed(b, cut, b.length - cut).end();
      StringScan s = markers.finish();
      assertThat(s.pyo3()).as("cut at %d", cut).containsExactly("pyo3_runtime.PanicException");
      assertThat(s.cSources()).as("cut at %d", cut).containsExactly("psutil/_psutil_linux.c");
    }
  }

  @Test
  void hugeRunsAndManyMarkersStayBounded() {
    byte[] big = new byte[PrintableRuns.MAX_RUN * 3];
    Arrays.fill(big, (byte) 'a');
    byte[] marker = "pyo3_runtime.PanicException".getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(marker, 0, big, 1000, marker.length);
    assertThat(scan(big).pyo3()).hasSize(1);
    ByteArrayOutputStream many = new ByteArrayOutputStream();
    for (int i = 0; i < 100; i++) {
      many.writeBytes(bytes("dir/file" + i + ".c"));
    }
    assertThat(scan(many.toByteArray()).cSources()).hasSize(StringScan.MAX_EXAMPLES);
    assertThat(StringScan.empty().rustStd()).isEmpty();
  }
}
