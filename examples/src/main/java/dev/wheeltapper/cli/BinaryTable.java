package dev.wheeltapper.cli;

import java.io.PrintWriter;
import java.util.Map;

/** A checksec-style table of one binary's hardening, for the text output. */
final class BinaryTable {
  private BinaryTable() {}

  @SuppressWarnings("unchecked")
  static void render(PrintWriter out, Map<String, Object> b) {
    out.printf("      binary %s  %s %s-bit %s %s %s%n", b.get("path"), b.get("format"), b.get("bits"), b.get("endian"),
        b.get("machine"), b.get("type"));
    Object h = b.get("hardening");
    if (h instanceof Map<?, ?> hardening) {
      StringBuilder head = new StringBuilder();
      StringBuilder row = new StringBuilder();
      for (var e : ((Map<String, Object>) hardening).entrySet()) {
        String value = String.valueOf(e.getValue());
        int w = Math.max(e.getKey().length(), value.length()) + 2;
        head.append(String.format("%-" + w + "s", e.getKey()));
        row.append(String.format("%-" + w + "s", value));
      }
      out.printf("        %s%n        %s%n", head.toString().stripTrailing(), row.toString().stripTrailing());
    }
    Object t = b.get("toolchain");
    if (t instanceof Map<?, ?> toolchain) {
      out.printf("        languages %s, bindings %s, memory-safe %s%n", toolchain.get("languages"),
          toolchain.get("bindings"), toolchain.get("memorySafe"));
    }
  }
}
