package dev.wheeltapper.hardening;

import dev.wheeltapper.pe.PeRecords.Header;

/**
 * The PE {@code guardCf} check: Control Flow Guard, GUARD_CF with working ASLR.
 *
 * <p>Stateless and thread-safe.
 */
final class GuardCf {
  private GuardCf() {}

  static CheckResult pe(Header h, boolean aslr) {
    boolean cf = h.has(Header.GUARD_CF);
    return CheckResult.yesNo(HardeningCheck.GUARD_CF, cf && aslr,
        (cf ? "GUARD_CF" : "no GUARD_CF") + (cf && !aslr ? " but CFG requires working ASLR" : ""));
  }
}
