package dev.wheeltapper.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.bytes.PrintableRuns;
import dev.wheeltapper.hardening.ElfFacts;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Language rules on facts stated directly. */
class ElfToolchainTest {

  private static ElfFacts.Builder dso() {
    return ElfFacts.builder(64, true, ElfFacts.ET_DYN, 62, "x86_64").segment(ElfFacts.PT_LOAD, 5, 1)
        .dynamicSymbol("PyInit__x", true, ElfFacts.STT_FUNC).dynamicSymbol("PyLong_FromLong", false, 2);
  }

  private static StringScan strings(String... s) {
    StringScan.Collector markers = StringScan.collector();
    PrintableRuns sc = new PrintableRuns(markers);
    for (String x : s) {
      sc.feed(ByteBuffer.wrap((x + "\0").getBytes(StandardCharsets.ISO_8859_1)));
    }
    sc.end();
    return markers.finish();
  }

  private static final String RUSTC = "rustc version 1.95.0 (59807616e 2026-04-14)";
  private static final String GCC = "GCC: (Debian 12.2.0-14) 12.2.0";

  @Test
  void rustWithOnlyRuntimeGlueIsMemorySafe() {
    ElfFacts f = dso().comment(RUSTC).comment("Linker: LLD 22.1.2").comment(GCC)
        .staticSymbol("crtstuff.c", true, ElfFacts.STT_FILE)
        .staticSymbol("_ZN4core3fmt5write17h0123456789abcdefE", true, 2)
        .staticSymbol("_RNvCs1234_7___rustc12___rust_alloc", true, 2)
        .dynamicSymbol("__cxa_finalize", false, 2).dynamicSymbol("memcpy", false, 2).build();
    Toolchain t = ElfToolchain.detect(f, StringScan.empty());
    assertThat(t.languageLabels()).containsExactly("rust");
    assertThat(t.memorySafe()).isEqualTo(MemorySafety.YES);
    assertThat(t.evidence(Language.RUST).orElseThrow()).contains("\"" + RUSTC + "\" in .comment",
        "1 symbols with legacy Rust mangling (hash 17h<16 hex>E, e.g. _ZN4core3fmt5write17h0123456789abcdefE)",
        "1 symbols with Rust v0 mangling (_R..., e.g. _RNvCs1234_7___rustc12___rust_alloc)");
    assertThat(t.memorySafetyEvidence()).contains("C runtime glue not counted: " + GCC + " in .comment; crtstuff.c");
    assertThat(t.bindingLabels()).containsExactly("capi");
    assertThat(t.compilers()).containsExactly(RUSTC, "Linker: LLD 22.1.2", GCC);
  }

  /**
   * orjson 3.12: yyjson (C) compiled into the Rust module, built by clang; stripped, so no C file names. The clang
   * producer (no crt object or libgcc part is built by clang) and yyjson's own message make it mixed.
   */
  @Test
  void rustWithAClangProducerAndACLibrarysMessagesIsMixed() {
    ElfFacts f = dso().comment(RUSTC).comment("clang version 22.1.8").comment(GCC)
        .staticSymbol("crtstuff.c", true, ElfFacts.STT_FILE).build();
    Toolchain t = ElfToolchain.detect(f, strings("pyo3_runtime.PanicException", "no digit after exponent sign"));
    assertThat(t.languageLabels()).containsExactly("c", "rust");
    assertThat(t.memorySafe()).isEqualTo(MemorySafety.MIXED);
    assertThat(t.evidence(Language.C).orElseThrow()).anySatisfy(e -> assertThat(e)
        .startsWith("\"clang version 22.1.8\" in .comment beside the Rust/Go compiler's"))
        .anySatisfy(e -> assertThat(e).contains("yyjson (\"no digit after exponent sign\")"));
    // ruff: jemalloc, by its message prefix, without any clang line
    Toolchain ruff = ElfToolchain.detect(dso().comment(RUSTC).comment(GCC).build(),
        strings("<jemalloc>: Error in malloc(): out of memory"));
    assertThat(ruff.memorySafe()).isEqualTo(MemorySafety.MIXED);
    // the GCC line alone is the C runtime's: still only Rust
    Toolchain pure = ElfToolchain.detect(dso().comment(RUSTC).comment(GCC).build(), strings("pyo3_runtime.PanicException"));
    assertThat(pure.memorySafe()).isEqualTo(MemorySafety.YES);
  }

  /** numpy: meson-python keeps Cython's output as {@code _generator.pyx.c}; that is Cython, not C written by hand. */
  @Test
  void cythonGeneratedSourcesAreCythonNotC() {
    ElfFacts f = dso().comment(GCC).staticSymbol("_generator.pyx.c", true, ElfFacts.STT_FILE)
        .staticSymbol("__pyx_pw_5numpy_6random_10_generator_9Generator_3random", true, 2).build();
    Toolchain t = ElfToolchain.detect(f, strings("numpy/random/_generator.pyx.c"));
    assertThat(t.languageLabels()).containsExactly("cython");
    assertThat(t.evidence(Language.CYTHON).orElseThrow())
        .contains("Cython-generated sources in .symtab: _generator.pyx.c");
  }

  /** clarabel: the Rust module asks scipy for its BLAS by "__pyx_capi__"; the string is a key, not Cython code. */
  @Test
  void aRustModuleLookingUpACythonCapsuleIsNotCython() {
    ElfFacts f = dso().comment(RUSTC).comment(GCC).build();
    Toolchain t = ElfToolchain.detect(f, strings("pyo3_runtime.PanicException", "__pyx_capi__"));
    assertThat(t.languageLabels()).containsExactly("rust");
    assertThat(t.memorySafe()).isEqualTo(MemorySafety.YES);
  }

  @Test
  void rustWithCompiledCIsMixed() {
    // a crate built with the cc crate: C files in .symtab, C source names, FORTIFY calls
    ElfFacts f = dso().comment(RUSTC).comment(GCC).staticSymbol("sqlite3.c", true, ElfFacts.STT_FILE)
        .dynamicSymbol("__memcpy_chk", false, 2).build();
    Toolchain t = ElfToolchain.detect(f, strings("pyo3_runtime.PanicException", "src/ring/crypto/mem.c"));
    assertThat(t.languageLabels()).containsExactly("c", "rust");
    assertThat(t.memorySafe()).isEqualTo(MemorySafety.MIXED);
    assertThat(t.evidence(Language.C).orElseThrow()).containsExactly("C source files in .symtab: sqlite3.c",
        "C source file names in read-only data: src/ring/crypto/mem.c",
        "FORTIFY_SOURCE calls __memcpy_chk (from C library headers)");
    assertThat(t.memorySafetyEvidence()).isEqualTo("rust code together with c code");
    assertThat(t.bindingLabels()).containsExactly("pyo3");
  }

  @Test
  void cxxAbsorbsCompilerOnlyEvidence() {
    ElfFacts f = dso().comment(GCC).needed("libstdc++.so.6").dynamicSymbol("__stack_chk_fail", false, 2)
        .dynamicSymbol("_ZNSt6vectorIiSaIiEE9push_backEOi", true, 2).build();
    Toolchain t = ElfToolchain.detect(f, strings("__pybind11_internals_v5_gcc_libstdcpp_cxxabi1016__"));
    assertThat(t.languageLabels()).containsExactly("c++");
    assertThat(t.bindingLabels()).containsExactly("pybind11");
    assertThat(t.memorySafe()).isEqualTo(MemorySafety.NO);
    ElfFacts nb = dso().dynamicSymbol("_ZN8nanobind6detail9nb_func_newEPKv", false, 2).build();
    assertThat(ElfToolchain.detect(nb, StringScan.empty()).bindingLabels()).containsExactly("nanobind");
  }

  @Test
  void goFortranZigAndCython() {
    ElfFacts go = dso().section(".go.buildinfo").section(".gopclntab").note("Go", 4).build();
    Toolchain g = ElfToolchain.detect(go, strings("go1.22.1"));
    assertThat(g.languageLabels()).containsExactly("go");
    assertThat(g.memorySafe()).isEqualTo(MemorySafety.YES);
    assertThat(g.evidence(Language.GO).orElseThrow()).contains("section .go.buildinfo",
        "Go build id note (owner \"Go\", type 4)", "\"go1.22.1\" in read-only data");
    // a lone go1.x string is not Go evidence
    assertThat(ElfToolchain.detect(dso().build(), strings("go1.22")).has(Language.GO)).isFalse();

    ElfFacts fortran = dso().comment("GCC: (GNU) 10.2.1").needed("libgfortran-040039e1.so.5.0.0")
        .dynamicSymbol("_gfortran_st_write", false, 2).dynamicSymbol("__mymod_MOD_solve", true, 2).build();
    Toolchain f = ElfToolchain.detect(fortran, StringScan.empty());
    assertThat(f.languageLabels()).containsExactly("fortran");
    assertThat(f.evidence(Language.FORTRAN).orElseThrow()).contains("needs libgfortran-040039e1.so.5.0.0");

    assertThat(ElfToolchain.detect(dso().build(), strings("ZIG_DEBUG_COLOR")).languageLabels())
        .containsExactly("zig");

    ElfFacts cy = dso().comment(GCC).staticSymbol("_yaml.c", true, ElfFacts.STT_FILE)
        .dynamicSymbol("__stack_chk_fail", false, 2).build();
    Toolchain c = ElfToolchain.detect(cy, strings("_cython_3_0_11", "yaml/_yaml.c"));
    // the generated C is the Cython module itself
    assertThat(c.languageLabels()).containsExactly("cython");
    assertThat(c.bindingLabels()).containsExactly("cython");
  }

  @Test
  void plainCAndNothingAtAll() {
    Toolchain c = ElfToolchain.detect(dso().comment(GCC).build(), StringScan.empty());
    assertThat(c.languageLabels()).containsExactly("c");
    assertThat(c.evidence(Language.C).orElseThrow()).containsExactly("\"" + GCC + "\" in .comment");
    Toolchain none = ElfToolchain.detect(ElfFacts.builder(32, false, 3, 8, "mips").build(), StringScan.empty());
    assertThat(none.languageLabels()).containsExactly("unknown");
    assertThat(none.memorySafe()).isEqualTo(MemorySafety.UNKNOWN);
    assertThat(none.bindings()).isEmpty();
    assertThat(none.memorySafe().label()).isEqualTo("unknown");
  }
}
