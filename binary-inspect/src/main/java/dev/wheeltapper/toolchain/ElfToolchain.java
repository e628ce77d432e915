package dev.wheeltapper.toolchain;

import dev.wheeltapper.hardening.ElfFacts;
import dev.wheeltapper.hardening.ElfFacts.Sym;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compilers, languages, bindings and the memory-safety verdict of an ELF file, from {@code .comment}, symbols,
 * sections, notes, needed libraries and read-only strings. The rules are in {@code docs/hardening.md}; the one that
 * matters most: every shared object carries C runtime glue (crt objects, their {@code GCC:} line in {@code .comment},
 * {@code crtstuff.c}), so that glue never makes a Rust or Go library count as C. C is counted next to Rust or Go
 * only on evidence of compiled C: C source files in {@code .symtab}, C source file names in read-only data
 * ({@code __FILE__}), stack protector references or FORTIFY_SOURCE calls (which rustc and Go never emit).
 *
 * <pre>{@code
 * Toolchain t = ElfToolchain.detect(facts, scan);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class ElfToolchain {
  private ElfToolchain() {}


  /** C runtime and libgcc objects linked into every shared object or executable: glue, not the author's C code. */
  private static final Set<String> GLUE_FILES = Set.of("crtstuff.c", "init.c", "abi-note.c", "static-reloc.c",
      "libgcc2.c", "unwind-dw2.c", "unwind-dw2-fde.c", "unwind-dw2-fde-dip.c", "unwind-c.c", "unwind-sjlj.c",
      "unwind-arm.c", "pr-support.c", "emutls.c", "cpuinfo.c", "lse-init.c", "generic-morestack.c",
      "generic-morestack-thread.c", "crtfastmath.c", "sfp-exceptions.c", "enable-execute-stack.c",
      "libc-start.c", "elf-init.c", "dso_handle.c", "crtbegin.c", "crtbegin_so.c", "crtend.c", "crtend_so.c",
      "crtbrand.c", "atexit.c", "pthread_atfork.c");

  private static final Set<String> CANARY = Set.of("__stack_chk_fail", "__stack_chk_guard", "__stack_chk_fail_local",
      "__intel_security_cookie");
  private static final Set<String> CXX_RUNTIME = Set.of("__gxx_personality_v0", "__cxa_throw", "__cxa_begin_catch",
      "__cxa_allocate_exception", "__cxa_pure_virtual", "__cxa_rethrow", "__cxa_guard_acquire");

  /**
   * Detects the toolchain.
   *
   * @param facts the file
   * @param scan the markers in its read-only data
   * @return the toolchain
   */
  public static Toolchain detect(ElfFacts facts, StringScan scan) {
    Map<Language, Set<String>> ev = new EnumMap<>(Language.class);
    Map<Binding, Set<String>> bind = new EnumMap<>(Binding.class);

    List<String> compilers = new ArrayList<>(new LinkedHashSet<>(facts.comments()));
    List<String> ccComments = new ArrayList<>();
    for (String c : compilers) {
      if (c.startsWith("rustc version") || c.contains("rustc version")) {
        add(ev, Language.RUST, "\"" + c + "\" in .comment");
      } else if (c.startsWith("GNU Fortran") || c.contains("GNU Fortran")) {
        add(ev, Language.FORTRAN, "\"" + c + "\" in .comment");
      } else if (c.startsWith("GCC:") || c.contains("clang version")) {
        ccComments.add(c);
      }
    }

    // ---- symbols ----
    Sym rustLegacy = null;
    Sym rustV0 = null;
    int rustLegacyCount = 0;
    int rustV0Count = 0;
    Set<String> rustNamed = new TreeSet<>();
    int cxxCount = 0;
    String cxxExample = null;
    Set<String> cxxRuntime = new TreeSet<>();
    Set<String> canary = new TreeSet<>();
    Set<String> fortified = new TreeSet<>();
    int pyx = 0;
    String pyxExample = null;
    Set<String> fortran = new TreeSet<>();
    int goRuntime = 0;
    Set<String> cFiles = new TreeSet<>();
    Set<String> cxxFiles = new TreeSet<>();
    Set<String> glueFiles = new TreeSet<>();
    Set<String> pyxFiles = new TreeSet<>();
    Set<String> pyInit = new TreeSet<>();
    int capiImports = 0;
    boolean pyo3Symbol = false;
    boolean pybind11Symbol = false;
    boolean nanobindSymbol = false;
    boolean cffiSymbol = false;
    // the tables may decode on access (a large library's names never sit on the heap together): read, not copied
    for (Sym s : (Iterable<Sym>) () -> java.util.stream.Stream.concat(facts.dynamicSymbols().stream(),
        facts.staticSymbols().stream()).iterator()) {
      String n = s.name();
      if (n.isEmpty()) {
        continue;
      }
      if (s.type() == ElfFacts.STT_FILE) {
        String base = n.substring(n.lastIndexOf('/') + 1);
        if (GLUE_FILES.contains(base)) {
          glueFiles.add(base);
        } else if (cythonGenerated(base)) {
          pyxFiles.add(base); // numpy's *.pyx.c: Cython's output, not C written by hand
        } else if (base.endsWith(".c")) {
          cFiles.add(base);
        } else if (base.endsWith(".cpp") || base.endsWith(".cc") || base.endsWith(".cxx")) {
          cxxFiles.add(base);
        }
        continue;
      }
      boolean legacy = n.startsWith("_ZN") && SymbolShapes.rustLegacyHash(n);
      if (legacy) {
        rustLegacyCount++;
        if (rustLegacy == null) {
          rustLegacy = s;
        }
      } else if (n.startsWith("_Z")) {
        cxxCount++;
        if (cxxExample == null || n.length() < cxxExample.length()) {
          cxxExample = n;
        }
      }
      if (n.startsWith("_R") && SymbolShapes.rustV0(n)) {
        rustV0Count++;
        if (rustV0 == null) {
          rustV0 = s;
        }
      }
      if (n.contains("__rust_") || n.equals("rust_eh_personality") || n.equals("rust_panic")
          || n.equals("rust_begin_unwind")) {
        if (rustNamed.size() < 4) {
          rustNamed.add(n);
        }
      }
      // every runtime and canary name starts with "__": most symbols never reach the hash look-ups
      boolean reserved = n.startsWith("__");
      if (reserved && CXX_RUNTIME.contains(n)) {
        cxxRuntime.add(n);
      }
      if (reserved && CANARY.contains(n)) {
        canary.add(n);
      }
      if (!s.defined() && n.startsWith("__") && n.endsWith("_chk") && !n.equals("__chk_fail")) {
        fortified.add(n);
      }
      if (n.startsWith("__pyx_")) {
        pyx++;
        if (pyxExample == null) {
          pyxExample = n;
        }
      }
      if (n.startsWith("_gfortran_") || SymbolShapes.fortranModule(n)) {
        if (fortran.size() < 3) {
          fortran.add(n);
        }
      }
      if (n.startsWith("runtime.") && s.defined()) {
        goRuntime++;
      }
      if (s.defined() && n.startsWith("PyInit_") && n.indexOf('.') < 0) {
        pyInit.add(n);
      }
      if (!s.defined() && (n.startsWith("Py") || n.startsWith("_Py"))) {
        capiImports++;
      }
      // each search once, until found: names of C++ libraries run to hundreds of characters
      pyo3Symbol = pyo3Symbol || n.contains("4pyo3");
      pybind11Symbol = pybind11Symbol || n.contains("8pybind11");
      nanobindSymbol = nanobindSymbol || n.contains("8nanobind");
      cffiSymbol |= n.startsWith("_cffi_");
    }

    // ---- Rust ----
    if (!scan.rustStd().isEmpty()) {
      add(ev, Language.RUST, "Rust standard library path " + scan.rustStd().get(0) + " in read-only data");
    }
    if (rustLegacyCount > 0) {
      add(ev, Language.RUST, rustLegacyCount + " symbols with legacy Rust mangling (hash 17h<16 hex>E, e.g. "
          + rustLegacy.name() + ")");
    }
    if (rustV0Count > 0) {
      add(ev, Language.RUST, rustV0Count + " symbols with Rust v0 mangling (_R..., e.g. " + rustV0.name() + ")");
    }
    if (!rustNamed.isEmpty()) {
      add(ev, Language.RUST, "Rust runtime symbols " + String.join(", ", rustNamed));
    }
    if (!scan.crates().isEmpty()) {
      add(ev, Language.RUST, "Cargo crate sources " + String.join(", ", scan.crates()));
    }
    // ---- Go ----
    for (String sec : List.of(".go.buildinfo", ".gopclntab", ".gosymtab", ".note.go.buildid")) {
      if (facts.hasSection(sec)) {
        add(ev, Language.GO, "section " + sec);
      }
    }
    if (facts.noteOwners().contains("Go:4")) {
      add(ev, Language.GO, "Go build id note (owner \"Go\", type 4)");
    }
    if (goRuntime >= 5) {
      add(ev, Language.GO, goRuntime + " Go runtime symbols (runtime.*)");
    }
    if (ev.containsKey(Language.GO) || scan.go().contains("Go buildinf:")) {
      for (String g : scan.go()) {
        add(ev, Language.GO, "\"" + g + "\" in read-only data");
      }
    }
    // ---- Cython ----
    // A Rust module that looks up a Cython module's C API by name (clarabel reads scipy's BLAS from
    // "__pyx_capi__") carries the string but no Cython code: without __pyx_ symbols or Cython's own markers, skip it.
    boolean capsuleLookupOnly = ev.containsKey(Language.RUST) && pyx == 0
        && scan.cython().stream().allMatch(c -> c.equals("__pyx_capi__"));
    for (String c : scan.cython()) {
      if (!capsuleLookupOnly) {
        add(ev, Language.CYTHON, "\"" + c + "\" in read-only data");
      }
    }
    if (pyx > 0) {
      add(ev, Language.CYTHON, pyx + " __pyx_ symbols (e.g. " + pyxExample + ")");
    }
    if (!pyxFiles.isEmpty()) {
      add(ev, Language.CYTHON, "Cython-generated sources in .symtab: " + String.join(", ", limit(pyxFiles)));
    }
    // ---- C++ ----
    if (cxxCount > 0) {
      add(ev, Language.CXX, cxxCount + " C++-mangled symbols (e.g. " + cxxExample + ")");
    }
    if (!cxxRuntime.isEmpty()) {
      add(ev, Language.CXX, "C++ runtime symbols " + String.join(", ", cxxRuntime));
    }
    for (String lib : facts.needed()) {
      if (lib.startsWith("libstdc++") || lib.startsWith("libc++")) {
        add(ev, Language.CXX, "needs " + lib);
      }
    }
    if (!cxxFiles.isEmpty()) {
      add(ev, Language.CXX, "C++ source files in .symtab: " + String.join(", ", limit(cxxFiles)));
    }
    List<String> cxxNames = new ArrayList<>();
    List<String> cNames = new ArrayList<>();
    for (String f : scan.cSources()) {
      if (!cythonGenerated(f)) {
        (f.endsWith(".c") ? cNames : cxxNames).add(f);
      }
    }
    if (!cxxNames.isEmpty()) {
      add(ev, Language.CXX, "C++ source file names in read-only data: " + String.join(", ", cxxNames));
    }
    if (!scan.pybind11().isEmpty() || pybind11Symbol) {
      add(ev, Language.CXX, "pybind11 is a C++ library");
    }
    if (!scan.nanobind().isEmpty() || nanobindSymbol) {
      add(ev, Language.CXX, "nanobind is a C++ library");
    }
    // ---- Fortran ----
    for (String lib : facts.needed()) {
      if (lib.startsWith("libgfortran")) {
        add(ev, Language.FORTRAN, "needs " + lib);
      }
    }
    if (!fortran.isEmpty()) {
      add(ev, Language.FORTRAN, "Fortran symbols " + String.join(", ", fortran));
    }
    // ---- Zig ----
    for (String z : scan.zig()) {
      add(ev, Language.ZIG, "\"" + z + "\" in read-only data (Zig standard library)");
    }

    // ---- C: only on evidence of compiled C code, never from the runtime glue ----
    boolean cython = ev.containsKey(Language.CYTHON);
    boolean cxx = ev.containsKey(Language.CXX);
    List<String> cEv = new ArrayList<>();
    if (!cFiles.isEmpty()) {
      cEv.add("C source files in .symtab: " + String.join(", ", limit(cFiles)));
    }
    if (!cNames.isEmpty() && !cython) {
      cEv.add("C source file names in read-only data: " + String.join(", ", cNames));
    }
    if (!cxx && !cython) {
      if (!canary.isEmpty()) {
        cEv.add("stack protector references " + String.join(", ", canary) + " (emitted by C compilers only)");
      }
      if (!fortified.isEmpty()) {
        cEv.add("FORTIFY_SOURCE calls " + String.join(", ", limit(fortified)) + " (from C library headers)");
      }
      if (ev.isEmpty() && cEv.isEmpty()) {
        for (String c : ccComments) {
          cEv.add("\"" + c + "\" in .comment");
        }
      }
    }
    // Beside Rust, Go or Zig: a clang producer (no crt object or libgcc part is built by clang; their producer is the
    // system GCC) and the messages of known C libraries prove C compiled into the binary: mixed, never "only rust".
    boolean safeLanguage = ev.containsKey(Language.RUST) || ev.containsKey(Language.GO) || ev.containsKey(Language.ZIG);
    if (safeLanguage) {
      for (String c : ccComments) {
        if (c.contains("clang version")) {
          cEv.add("\"" + c + "\" in .comment beside the Rust/Go compiler's: a C or C++ compiler other than the C"
              + " runtime's GCC built part of this binary");
        }
      }
    }
    if (!scan.cLibraries().isEmpty()) {
      cEv.add("C libraries compiled in, by their own messages in read-only data: "
          + String.join(", ", scan.cLibraries()));
    }
    if (cython && cFiles.size() < 2) {
      // one C file is the Cython-generated module itself, not separate C code
      cEv.removeIf(e -> e.startsWith("C source files in .symtab"));
    }
    if (!cEv.isEmpty()) {
      ev.computeIfAbsent(Language.C, k -> new LinkedHashSet<>()).addAll(cEv);
    }

    // ---- bindings ----
    if (!scan.pyo3().isEmpty()) {
      add(bind, Binding.PYO3, "\"pyo3_runtime.PanicException\" in read-only data");
    }
    for (String c : scan.crates()) {
      if (c.startsWith("pyo3-")) {
        add(bind, Binding.PYO3, "crate " + c + " in panic paths");
      }
    }
    if (pyo3Symbol) {
      add(bind, Binding.PYO3, "pyo3 symbols");
    }
    if (cython) {
      add(bind, Binding.CYTHON, "Cython module (see the cython language evidence)");
    }
    for (String p : scan.pybind11()) {
      add(bind, Binding.PYBIND11, "\"" + p + "\" in read-only data");
    }
    if (pybind11Symbol) {
      add(bind, Binding.PYBIND11, "pybind11 symbols (_ZN8pybind11...)");
    }
    for (String p : scan.nanobind()) {
      add(bind, Binding.NANOBIND, "\"" + p + "\" in read-only data");
    }
    if (nanobindSymbol) {
      add(bind, Binding.NANOBIND, "nanobind symbols (_ZN8nanobind...)");
    }
    for (String c : scan.cffi()) {
      add(bind, Binding.CFFI, "\"" + c + "\" in read-only data");
    }
    if (cffiSymbol) {
      add(bind, Binding.CFFI, "_cffi_ symbols");
    }
    if (bind.isEmpty() && (!pyInit.isEmpty() || capiImports > 0)) {
      List<String> e = new ArrayList<>();
      if (!pyInit.isEmpty()) {
        e.add("exports " + String.join(", ", limit(pyInit)));
      }
      if (capiImports > 0) {
        e.add("imports " + capiImports + " CPython C API symbols");
      }
      e.add("no binding generator found");
      bind.put(Binding.CAPI, new LinkedHashSet<>(e));
    }

    // ---- verdict ----
    return Verdict.build(compilers, ev, bind,
        " code; no C source files, C source names, stack protector or FORTIFY references"
            + glueNote(ccComments, glueFiles));
  }

  /** {@code x.pyx.c}, {@code x.pyx.cpp}: what Cython writes for {@code x.pyx} (meson-python keeps the double suffix). */
  private static boolean cythonGenerated(String name) {
    return name.endsWith(".pyx.c") || name.endsWith(".pyx.cpp") || name.endsWith(".pyx.cc");
  }

  private static String glueNote(List<String> ccComments, Set<String> glueFiles) {
    List<String> parts = new ArrayList<>();
    if (!ccComments.isEmpty()) {
      parts.add(String.join(", ", ccComments) + " in .comment");
    }
    if (!glueFiles.isEmpty()) {
      parts.add(String.join(", ", glueFiles) + " in .symtab");
    }
    return parts.isEmpty() ? "" : " (C runtime glue not counted: " + String.join("; ", parts) + ")";
  }

  private static List<String> limit(Set<String> s) {
    List<String> l = new ArrayList<>(s);
    return l.size() <= 5 ? l : l.subList(0, 5);
  }

  private static <K> void add(Map<K, Set<String>> m, K key, String evidence) {
    m.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(evidence);
  }
}
