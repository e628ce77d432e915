package dev.wheeltapper.hardening;

import dev.wheeltapper.macho.MachORecords.Segment;
import dev.wheeltapper.macho.MachOSlice;

/**
 * The Mach-O {@code restrict} check: a {@code __RESTRICT} segment (dyld then ignores DYLD_* variables), which counts
 * in the main executable only.
 *
 * <p>Stateless and thread-safe.
 */
final class Restrict {
  private Restrict() {}

  static CheckResult macho(MachOSlice s) {
    boolean restrict = false;
    for (Segment g : s.segments()) {
      restrict |= g.name().equals("__RESTRICT");
    }
    if (s.fileType() != MachOSlice.MH_EXECUTE) {
      return new CheckResult(HardeningCheck.RESTRICT, Status.NOT_APPLICABLE, CheckValue.Flag.of(restrict),
          "__RESTRICT counts in the main executable only");
    }
    return CheckResult.yesNo(HardeningCheck.RESTRICT, restrict,
        restrict ? "__RESTRICT segment" : "no __RESTRICT segment");
  }
}
