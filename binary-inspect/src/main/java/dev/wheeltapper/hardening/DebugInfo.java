package dev.wheeltapper.hardening;

import static dev.wheeltapper.hardening.ElfChecks.result;

import dev.wheeltapper.macho.MachORecords;
import dev.wheeltapper.macho.MachOSlice;
import java.util.ArrayList;
import java.util.List;

/**
 * The ELF {@code debugInfo} check (informational): DWARF sections present.
 *
 * <p>Stateless and thread-safe.
 */
final class DebugInfo {
  private DebugInfo() {}

  static CheckResult debugInfo(ElfFacts f) {
    List<String> dwarf = new ArrayList<>();
    boolean link = false;
    for (String n : f.sectionNames()) {
      if (n.startsWith(".debug_") || n.startsWith(".zdebug_")) {
        dwarf.add(n);
      }
      link |= n.equals(".gnu_debuglink") || n.equals(".gnu_debugaltlink");
    }
    if (!dwarf.isEmpty()) {
      return result(HardeningCheck.DEBUG_INFO, Status.PASS, CheckValue.Flag.YES, String.join(", ", sampleList(dwarf)));
    }
    return result(HardeningCheck.DEBUG_INFO, Status.PASS, CheckValue.Flag.NO,
        "no .debug_* sections" + (link ? " (.gnu_debuglink names a separate debug file)" : ""));
  }

  static List<String> sampleList(List<String> l) {
    return l.size() <= 6 ? l : l.subList(0, 6);
  }

  /** Mach-O: a {@code __DWARF} segment. */
  static CheckResult macho(MachOSlice s) {
    boolean dwarf = false;
    for (MachORecords.Segment g : s.segments()) {
      dwarf |= g.name().equals("__DWARF");
    }
    return result(HardeningCheck.DEBUG_INFO, Status.PASS, CheckValue.Flag.of(dwarf),
        dwarf ? "__DWARF segment" : "no __DWARF segment");
  }
}
