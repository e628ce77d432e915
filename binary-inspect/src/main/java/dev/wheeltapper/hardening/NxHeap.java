package dev.wheeltapper.hardening;

import dev.wheeltapper.macho.MachOSlice;

/**
 * The Mach-O {@code nxHeap} check: MH_NO_HEAP_EXECUTION, which counts in the main executable only.
 *
 * <p>Stateless and thread-safe.
 */
final class NxHeap {
  private NxHeap() {}

  static CheckResult macho(MachOSlice s) {
    boolean nxHeap = (s.flags() & MachOSlice.MH_NO_HEAP_EXECUTION) != 0;
    if (s.fileType() != MachOSlice.MH_EXECUTE) {
      return new CheckResult(HardeningCheck.NX_HEAP, Status.NOT_APPLICABLE, CheckValue.Flag.of(nxHeap),
          "MH_NO_HEAP_EXECUTION counts in the main executable only");
    }
    return CheckResult.yesNo(HardeningCheck.NX_HEAP, nxHeap, "header flags 0x" + Long.toHexString(s.flags())
        + (nxHeap ? " has" : " lacks") + " MH_NO_HEAP_EXECUTION");
  }
}
