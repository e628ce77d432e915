package dev.wheeltapper.toolchain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds a {@link Toolchain} from gathered evidence: the memory-safety verdict shared by the PE and Mach-O rules. */
final class Verdict {
  private Verdict() {}

  static <K> void add(Map<K, Set<String>> m, K key, String evidence) {
    m.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(evidence);
  }

  static Toolchain build(List<String> compilers, Map<Language, Set<String>> ev, Map<Binding, Set<String>> bind) {
    return build(compilers, ev, bind, " code found");
  }

  /**
   * Builds the toolchain; {@code safeOnly} ends the explanation of a {@code yes} verdict (what was looked for and
   * not found).
   */
  static Toolchain build(List<String> compilers, Map<Language, Set<String>> ev, Map<Binding, Set<String>> bind,
      String safeOnly) {
    List<Evidence<Language>> langs = new ArrayList<>();
    for (Map.Entry<Language, Set<String>> e : ev.entrySet()) {
      langs.add(new Evidence<>(e.getKey(), new ArrayList<>(e.getValue())));
    }
    if (langs.isEmpty()) {
      langs.add(new Evidence<>(Language.UNKNOWN, List.of("no compiler, symbol or string evidence of a language")));
    }
    List<Evidence<Binding>> binds = new ArrayList<>();
    for (Map.Entry<Binding, Set<String>> e : bind.entrySet()) {
      binds.add(new Evidence<>(e.getKey(), new ArrayList<>(e.getValue())));
    }
    List<String> safe = new ArrayList<>();
    List<String> unsafe = new ArrayList<>();
    for (Evidence<Language> l : langs) {
      if (l.value() != Language.UNKNOWN) {
        (l.value().memorySafe() ? safe : unsafe).add(l.value().label());
      }
    }
    MemorySafety verdict;
    String why;
    if (!safe.isEmpty() && unsafe.isEmpty()) {
      verdict = MemorySafety.YES;
      why = "only " + String.join(" and ", safe) + safeOnly;
    } else if (!safe.isEmpty()) {
      verdict = MemorySafety.MIXED;
      why = String.join(" and ", safe) + " code together with " + String.join(", ", unsafe) + " code";
    } else if (!unsafe.isEmpty()) {
      verdict = MemorySafety.NO;
      why = "only memory-unsafe languages: " + String.join(", ", unsafe);
    } else {
      verdict = MemorySafety.UNKNOWN;
      why = "no language evidence";
    }
    return new Toolchain(compilers, langs, binds, verdict, why);
  }

  /** Language and binding evidence from the read-only data scan, the same for every format. */
  static void fromScan(StringScan scan, Map<Language, Set<String>> ev, Map<Binding, Set<String>> bind) {
    for (String r : scan.rustStd()) {
      add(ev, Language.RUST, "Rust standard library path \"" + r + "\" in read-only data");
    }
    for (String c : scan.crates()) {
      add(ev, Language.RUST, "crate " + c + " in panic paths");
      if (c.startsWith("pyo3-")) {
        add(bind, Binding.PYO3, "crate " + c + " in panic paths");
      }
    }
    if (!scan.pyo3().isEmpty()) {
      add(bind, Binding.PYO3, "\"pyo3_runtime.PanicException\" in read-only data");
    }
    for (String g : scan.go()) {
      add(ev, Language.GO, "\"" + g + "\" in read-only data");
    }
    for (String c : scan.cython()) {
      add(ev, Language.CYTHON, "\"" + c + "\" in read-only data");
    }
    if (!scan.cython().isEmpty()) {
      add(bind, Binding.CYTHON, "Cython module (see the cython language evidence)");
    }
    for (String p : scan.pybind11()) {
      add(ev, Language.CXX, "pybind11 is a C++ library");
      add(bind, Binding.PYBIND11, "\"" + p + "\" in read-only data");
    }
    for (String p : scan.nanobind()) {
      add(ev, Language.CXX, "nanobind is a C++ library");
      add(bind, Binding.NANOBIND, "\"" + p + "\" in read-only data");
    }
    for (String c : scan.cffi()) {
      add(bind, Binding.CFFI, "\"" + c + "\" in read-only data");
    }
    for (String z : scan.zig()) {
      add(ev, Language.ZIG, "\"" + z + "\" in read-only data (Zig standard library)");
    }
    for (String f : scan.fortran()) {
      add(ev, Language.FORTRAN, "\"" + f + "\" in read-only data");
    }
    if (!ev.containsKey(Language.CYTHON)) {
      for (String f : scan.cSources()) {
        add(ev, f.endsWith(".c") ? Language.C : Language.CXX, "source file name " + f + " in read-only data");
      }
    }
  }
}
