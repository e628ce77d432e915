package dev.wheeltapper.hardening;

import static dev.wheeltapper.hardening.ElfChecks.result;

import dev.wheeltapper.elf.Segment;
import dev.wheeltapper.macho.MachORecords;
import dev.wheeltapper.macho.MachOSlice;
import java.util.ArrayList;
import java.util.List;

/**
 * The ELF {@code wxSegments} check: a loadable segment both writable and executable.
 *
 * <p>Stateless and thread-safe.
 */
final class WxSegments {
  private WxSegments() {}

  static CheckResult wx(ElfFacts f) {
    List<String> bad = new ArrayList<>();
    int loads = 0;
    int index = 0;
    for (Segment s : f.segments()) {
      if (s.rawType() == ElfFacts.PT_LOAD) {
        loads++;
        if (s.isWritable() && s.isExecutable() && s.memorySize() > 0) {
          bad.add("PT_LOAD #" + index + " " + s.flagString().trim());
        }
      }
      index++;
    }
    if (loads == 0) {
      return CheckResult.notApplicable(HardeningCheck.WX_SEGMENTS, "no PT_LOAD");
    }
    return bad.isEmpty()
        ? result(HardeningCheck.WX_SEGMENTS, Status.PASS, CheckValue.Flag.NO,
            "no PT_LOAD both writable and executable (" + loads + " PT_LOAD)")
        : result(HardeningCheck.WX_SEGMENTS, Status.FAIL, CheckValue.Flag.YES, String.join(", ", bad));
  }

  /** PE: a section both writable and executable. */
  static CheckResult pe(List<dev.wheeltapper.pe.PeRecords.Section> sections) {
    List<String> wx = new ArrayList<>();
    for (dev.wheeltapper.pe.PeRecords.Section s : sections) {
      if (s.writableAndExecutable()) {
        wx.add(s.name());
      }
    }
    return wx.isEmpty()
        ? result(HardeningCheck.WX_SEGMENTS, Status.PASS, CheckValue.Flag.NO,
            "no section is both writable and executable")
        : result(HardeningCheck.WX_SEGMENTS, Status.FAIL, CheckValue.Flag.YES, "writable and executable: " + wx);
  }

  /** Mach-O: a segment mapped both writable and executable. */
  static CheckResult macho(MachOSlice s) {
    List<String> wx = new ArrayList<>();
    for (MachORecords.Segment g : s.segments()) {
      if (g.writableAndExecutable()) {
        wx.add(g.name());
      }
    }
    return wx.isEmpty()
        ? result(HardeningCheck.WX_SEGMENTS, Status.PASS, CheckValue.Flag.NO,
            "no segment is mapped writable and executable")
        : result(HardeningCheck.WX_SEGMENTS, Status.FAIL, CheckValue.Flag.YES, "writable and executable: " + wx);
  }
}
