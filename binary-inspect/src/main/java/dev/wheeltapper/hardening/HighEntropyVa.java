package dev.wheeltapper.hardening;

import dev.wheeltapper.pe.PeRecords.Header;

/**
 * The PE {@code highEntropyVa} check: HIGH_ENTROPY_VA counts with working ASLR, in a 64-bit (PE32+) image only.
 *
 * <p>Stateless and thread-safe.
 */
final class HighEntropyVa {
  private HighEntropyVa() {}

  static CheckResult pe(Header h, boolean aslr) {
    if (!h.pe32Plus()) {
      return CheckResult.notApplicable(HardeningCheck.HIGH_ENTROPY_VA, "PE32: a 32-bit address space");
    }
    boolean hev = h.has(Header.HIGH_ENTROPY_VA);
    return CheckResult.yesNo(HardeningCheck.HIGH_ENTROPY_VA, hev && aslr,
        (hev ? "HIGH_ENTROPY_VA" : "no HIGH_ENTROPY_VA") + (hev && !aslr ? " but no working ASLR" : ""));
  }
}
