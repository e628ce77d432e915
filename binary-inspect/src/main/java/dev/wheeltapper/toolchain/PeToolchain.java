package dev.wheeltapper.toolchain;

import dev.wheeltapper.pe.PeFile;
import dev.wheeltapper.pe.PeRecords.RichEntry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The toolchain of a PE image: the Microsoft linker (Rich header, linker version), MinGW/GCC (its runtime DLLs and
 * {@code GCC: (...)} strings), clang ({@code clang version} strings), Rust ({@code rust_begin_unwind},
 * {@code /rustc/} paths), Go, Cython, PyO3, pybind11 and the other markers of {@link StringScan}, with evidence. It
 * reads the typed facts of the PE reader (Rich header, imports, exports, {@link PeFile#producerStrings()}), never
 * bytes.
 *
 * <pre>{@code
 * Toolchain t = PeToolchain.detect(pe, ReadOnlyData.scanStrings(pe));
 * t.compilers();   // ["MSVC linker 14.40", "Rich header: 11 tool entries, builds 33811-33813"]
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class PeToolchain {
  private PeToolchain() {}

  /**
   * Detects the toolchain.
   *
   * @param pe the image
   * @param scan the markers in its read-only data
   * @return the toolchain
   */
  public static Toolchain detect(PeFile pe, StringScan scan) {
    Map<Language, Set<String>> ev = new EnumMap<>(Language.class);
    Map<Binding, Set<String>> bind = new EnumMap<>(Binding.class);
    List<String> compilers = new ArrayList<>();
    List<RichEntry> rich = pe.richHeader();
    boolean msvc = !rich.isEmpty();
    if (msvc) {
      compilers.add("MSVC linker " + pe.header().majorLinkerVersion() + "." + pe.header().minorLinkerVersion());
      int lo = Integer.MAX_VALUE;
      int hi = 0;
      for (RichEntry e : rich) {
        if (e.build() != 0) {
          lo = Math.min(lo, e.build());
          hi = Math.max(hi, e.build());
        }
      }
      compilers.add("Rich header: " + rich.size() + " tool entries" + (hi > 0 ? ", builds " + lo + "-" + hi : ""));
    } else {
      compilers.add("linker " + pe.header().majorLinkerVersion() + "." + pe.header().minorLinkerVersion()
          + " (no Rich header: not the Microsoft linker)");
    }
    for (String c : pe.producerStrings()) { // GCC: and clang version strings, read by the PE reader
      compilers.add(c);
    }
    Set<String> dlls = new TreeSet<>();
    pe.needed().forEach(d -> dlls.add(d.toLowerCase(Locale.ROOT)));
    for (String d : dlls) {
      if (d.startsWith("msvcp")) {
        Verdict.add(ev, Language.CXX, "needs " + d + " (the MSVC C++ standard library)");
      } else if (d.startsWith("vcruntime140_1")) {
        Verdict.add(ev, Language.CXX, "needs " + d + " (C++ exception handling)");
      } else if (d.startsWith("libstdc++")) {
        Verdict.add(ev, Language.CXX, "needs " + d + " (GCC's C++ standard library)");
        compilers.add("MinGW/GCC (needs " + d + ")");
      } else if (d.startsWith("libgcc_s") || d.startsWith("libwinpthread")) {
        compilers.add("MinGW/GCC (needs " + d + ")");
      } else if (d.startsWith("libgfortran")) {
        Verdict.add(ev, Language.FORTRAN, "needs " + d);
      }
    }
    Set<String> fns = pe.importedFunctions();
    int cxxExports = 0;
    for (String e : pe.exports()) {
      if (e.startsWith("?")) {
        cxxExports++;
      }
    }
    if (cxxExports > 0) {
      Verdict.add(ev, Language.CXX, cxxExports + " MSVC C++ mangled exports");
    }
    for (String e : pe.exports()) {
      if (e.equals("rust_begin_unwind") || e.equals("rust_eh_personality") || e.startsWith("_ZN") && e.endsWith("E")
          && e.contains("17h")) {
        Verdict.add(ev, Language.RUST, "exports " + e);
        break;
      }
    }
    Verdict.fromScan(scan, ev, bind);
    boolean rust = ev.containsKey(Language.RUST);
    boolean cxx = ev.containsKey(Language.CXX);
    if (!rust && !cxx && !ev.containsKey(Language.CYTHON) && !ev.containsKey(Language.GO)) {
      List<String> c = new ArrayList<>();
      if (fns.contains("__security_init_cookie") || fns.contains("__security_check_cookie")
          || pe.loadConfig().flatMap(l -> l.securityCookie()).orElse(0L) != 0 && msvc) {
        c.add("/GS security cookie (a C/C++ compiler option)");
      }
      for (String d : dlls) {
        if (d.startsWith("api-ms-win-crt-") || d.startsWith("ucrtbase") || d.equals("msvcrt.dll")) {
          c.add("needs the C runtime " + d);
          break;
        }
      }
      if (!c.isEmpty()) {
        ev.computeIfAbsent(Language.C, k -> new java.util.LinkedHashSet<>()).addAll(c);
      }
    }
    int capi = 0;
    for (String f : fns) {
      if (f.startsWith("Py") || f.startsWith("_Py")) {
        capi++;
      }
    }
    List<String> pyInit = new ArrayList<>();
    for (String e : pe.exports()) {
      if (e.startsWith("PyInit_") && pyInit.size() < 5) {
        pyInit.add(e);
      }
    }
    if (bind.isEmpty() && (!pyInit.isEmpty() || capi > 0)) {
      List<String> e = new ArrayList<>();
      if (!pyInit.isEmpty()) {
        e.add("exports " + String.join(", ", pyInit));
      }
      if (capi > 0) {
        e.add("imports " + capi + " CPython C API functions");
      }
      e.add("no binding generator found");
      bind.put(Binding.CAPI, new java.util.LinkedHashSet<>(e));
    }
    return Verdict.build(compilers, ev, bind);
  }
}
