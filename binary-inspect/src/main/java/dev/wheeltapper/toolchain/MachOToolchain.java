package dev.wheeltapper.toolchain;

import dev.wheeltapper.macho.MachORecords.Dylib;
import dev.wheeltapper.macho.MachOSlice;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The toolchain of one Mach-O slice: C++ (Itanium-mangled imports, libc++), Rust (legacy-mangled symbols,
 * {@code _rust_begin_unwind}, {@code /rustc/} paths), Go, Fortran (libgfortran), C (stack protector or FORTIFY
 * imports with no other language), and the bindings of {@link StringScan}, with evidence. Mach-O symbol names carry
 * an extra leading underscore.
 *
 * <pre>{@code
 * Toolchain t = MachOToolchain.detect(slice, ReadOnlyData.scanStrings(macho, slice));
 * t.languageLabels();   // ["c++"]
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class MachOToolchain {
  private MachOToolchain() {}

  private static final Pattern RUST_LEGACY = Pattern.compile("17h[0-9a-f]{16}E");

  /**
   * Detects the toolchain.
   *
   * @param s the slice
   * @param scan the markers in its read-only data
   * @return the toolchain
   */
  public static Toolchain detect(MachOSlice s, StringScan scan) {
    Map<Language, Set<String>> ev = new EnumMap<>(Language.class);
    Map<Binding, Set<String>> bind = new EnumMap<>(Binding.class);
    List<String> compilers = new ArrayList<>();
    s.buildVersion().ifPresent(b -> compilers.add("SDK " + dev.wheeltapper.macho.MachORecords.BuildVersion
        .version(b.sdk()) + ", minimum OS " + b.minosText()));
    s.buildTools().forEach(t -> compilers.add(t + " (LC_BUILD_VERSION)"));
    for (Dylib d : s.dylibs()) {
      String n = d.name();
      String base = n.substring(n.lastIndexOf('/') + 1);
      if (base.startsWith("libc++") || base.startsWith("libstdc++")) {
        Verdict.add(ev, Language.CXX, "links " + n);
      } else if (base.startsWith("libgfortran")) {
        Verdict.add(ev, Language.FORTRAN, "links " + n);
      }
    }
    int cxx = 0;
    String cxxExample = null;
    String rust = null;
    int capi = 0;
    List<String> pyInit = new ArrayList<>();
    List<String> all = new ArrayList<>(s.undefinedSymbols());
    all.addAll(s.definedSymbols());
    for (String n : all) {
      if (n.startsWith("__ZN") && RUST_LEGACY.matcher(n).find()) {
        rust = rust == null ? n : rust;
      } else if (n.startsWith("__Z")) {
        cxx++;
        cxxExample = cxxExample == null ? n : cxxExample;
      }
      if (n.equals("_rust_begin_unwind") || n.equals("_rust_eh_personality") || n.startsWith("___rust_")) {
        rust = rust == null ? n : rust;
      }
      if (n.startsWith("_PyInit_") && pyInit.size() < 5) {
        pyInit.add(n.substring(1));
      }
    }
    for (String n : s.undefinedSymbols()) {
      if (n.startsWith("_Py") || n.startsWith("__Py")) {
        capi++;
      }
    }
    if (rust != null) {
      Verdict.add(ev, Language.RUST, "Rust symbol " + rust);
    }
    if (cxx > 0) {
      Verdict.add(ev, Language.CXX, cxx + " C++ mangled symbols (" + cxxExample + ")");
    }
    Verdict.fromScan(scan, ev, bind);
    if (ev.containsKey(Language.RUST)) {
      ev.remove(Language.CXX); // Rust legacy mangling is Itanium-shaped; libc++ alone is not C++ source
    }
    if (ev.isEmpty()) {
      List<String> c = new ArrayList<>();
      for (String n : s.undefinedSymbols()) {
        if (n.equals("___stack_chk_fail") || n.equals("___stack_chk_guard")) {
          c.add("stack protector import " + n + " (emitted by C compilers)");
        } else if (n.startsWith("___") && n.endsWith("_chk") && c.size() < 4) {
          c.add("FORTIFY_SOURCE import " + n);
        }
      }
      if (c.isEmpty() && capi > 0) {
        c.add("imports the CPython C API without another language's runtime");
      }
      c.forEach(e -> Verdict.add(ev, Language.C, e));
    }
    if (bind.isEmpty() && (!pyInit.isEmpty() || capi > 0)) {
      List<String> e = new ArrayList<>();
      if (!pyInit.isEmpty()) {
        e.add("exports " + String.join(", ", pyInit));
      }
      if (capi > 0) {
        e.add("imports " + capi + " CPython C API symbols");
      }
      e.add("no binding generator found");
      bind.put(Binding.CAPI, new java.util.LinkedHashSet<>(e));
    }
    return Verdict.build(compilers, ev, bind);
  }
}
