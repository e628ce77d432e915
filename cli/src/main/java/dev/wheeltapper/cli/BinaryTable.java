package dev.wheeltapper.cli;

import dev.wheeltapper.report.Untrusted;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A checksec-style table of one binary's hardening, and its toolchain with the evidence, for the text output. Each
 * format shows its own columns, read from the binary's JSON object ({@link InspectionJson}); a check that does not
 * apply to the binary (its {@code checks} status {@code not-applicable}, or a {@code null} value) reads {@code n/a}.
 */
final class BinaryTable {
  private static final List<String> ELF =
      List.of("relro", "canary", "nx", "pie", "fortify", "rpath", "runpath", "textrel", "execstack", "stripped", "ibt",
          "shstk");
  private static final List<String> PE =
      List.of("dynamicBase", "aslr", "highEntropyVa", "nx", "guardCf", "cetCompat", "safeSeh", "gs", "fortify",
          "authenticode", "wxSegments");
  private static final List<String> MACHO =
      List.of("pie", "canary", "nx", "nxHeap", "fortify", "arc", "codeSignature", "restrict", "encrypted", "rpath",
          "wxSegments");

  private BinaryTable() {}

  /**
   * Writes one binary: its identity line, its hardening table, then its toolchain: one line of languages, bindings and
   * memory safety, or, when {@code verbose}, each with its evidence, the compilers and the needed libraries.
   */
  static void render(PrintWriter out, Map<String, Object> b, boolean verbose) {
    out.printf("      binary %s  %s%s%s %s %s%n", Untrusted.printable(String.valueOf(b.get("path"))), b.get("format"),
        b.get("bits") == null ? "" : " " + b.get("bits") + "-bit",
        b.get("endian") == null ? "" : " " + b.get("endian") + "-endian", orDash(b.get("machine")), orDash(b.get("type")));
    if (b.get("hardening") instanceof Map<?, ?> h) {
      Map<?, ?> checks = h.get("checks") instanceof Map<?, ?> c ? c : Map.of();
      StringBuilder head = new StringBuilder();
      StringBuilder row = new StringBuilder();
      for (String key : columns(b.get("format"))) {
        String value = Untrusted.printable(applies(checks.get(key)) ? cell(key, h.get(key)) : "n/a");
        int w = Math.max(key.length(), value.length()) + 2;
        head.append(String.format("%-" + w + "s", key));
        row.append(String.format("%-" + w + "s", value));
      }
      out.printf("        %s%n        %s%n", head.toString().stripTrailing(), row.toString().stripTrailing());
    }
    if (b.get("toolchain") instanceof Map<?, ?> t && !verbose) {
      StringJoiner line = new StringJoiner("  ");
      List<?> languages = list(t.get("languages"));
      List<?> bindings = list(t.get("bindings"));
      if (!languages.isEmpty()) {
        line.add("languages " + Untrusted.printable(join(languages, ", ")));
      }
      if (!bindings.isEmpty()) {
        line.add("binding " + Untrusted.printable(join(bindings, ", ")));
      }
      line.add("memory-safe " + orNa(t.get("memorySafe")));
      out.printf("        %s%n", line);
      return;
    }
    if (b.get("toolchain") instanceof Map<?, ?> t) {
      Object evidence = t.get("evidence");
      Map<?, ?> ev = evidence instanceof Map<?, ?> m ? m : Map.of();
      Map<?, ?> langEv = ev.get("languages") instanceof Map<?, ?> m ? m : Map.of();
      Map<?, ?> bindEv = ev.get("bindings") instanceof Map<?, ?> m ? m : Map.of();
      for (Object lang : list(t.get("languages"))) {
        out.printf("        language %-8s %s%n", lang, Untrusted.printable(join(langEv.get(lang))));
      }
      for (Object binding : list(t.get("bindings"))) {
        out.printf("        binding  %-8s %s%n", binding, Untrusted.printable(join(bindEv.get(binding))));
      }
      out.printf("        memory-safe %s: %s%n", orNa(t.get("memorySafe")),
          Untrusted.printable(orNa(ev.get("memorySafe"))));
      List<?> compilers = list(t.get("compilers"));
      if (!compilers.isEmpty()) {
        out.printf("        compilers %s%n", Untrusted.printable(join(compilers)));
      }
    }
    List<?> needed = list(b.get("needed"));
    if (!needed.isEmpty()) {
      out.printf("        needed %s%n", Untrusted.printable(join(needed)));
    }
  }

  private static List<String> columns(Object format) {
    if ("pe".equals(format)) {
      return PE;
    }
    return "macho".equals(format) ? MACHO : ELF;
  }

  /** A check the binary's format lacks, or one that does not apply to this binary (a canary for Rust code). */
  private static boolean applies(Object check) {
    return !(check instanceof Map<?, ?> c) || !"not-applicable".equals(c.get("status"))
        || "dso".equals(c.get("value"));
  }

  private static String cell(String key, Object v) {
    if (key.equals("fortify") && v instanceof Map<?, ?> f) {
      return f.get("fortified") + "/" + f.get("fortifiable");
    }
    if (v instanceof List<?> l) {
      return l.isEmpty() ? "-" : join(l);
    }
    if (v instanceof Map<?, ?> m) {
      // no Java toString: key and value pairs, as words
      StringJoiner j = new StringJoiner(", ");
      m.forEach((k, x) -> j.add(k + " " + orNa(x)));
      return m.isEmpty() ? "-" : j.toString();
    }
    return v == null ? "n/a" : String.valueOf(v);
  }

  private static List<?> list(Object o) {
    return o instanceof List<?> l ? l : List.of();
  }

  private static String join(Object o) {
    return join(o, "; ");
  }

  private static String join(Object o, String separator) {
    if (o instanceof List<?> l) {
      StringJoiner sb = new StringJoiner(separator);
      for (Object x : l) {
        sb.add(String.valueOf(x));
      }
      return sb.toString();
    }
    return orNa(o);
  }

  /** A value, or {@code n/a} where there is none: a Java {@code null} never reaches the reader. */
  private static String orNa(Object o) {
    return o == null ? "n/a" : String.valueOf(o);
  }

  private static String orDash(Object o) {
    return o == null ? "-" : String.valueOf(o);
  }
}
