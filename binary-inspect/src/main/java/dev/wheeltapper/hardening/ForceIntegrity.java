package dev.wheeltapper.hardening;

import dev.wheeltapper.pe.PeRecords.Header;

/**
 * The PE {@code forceIntegrity} check: FORCE_INTEGRITY, the signature checked at load.
 *
 * <p>Stateless and thread-safe.
 */
final class ForceIntegrity {
  private ForceIntegrity() {}

  static CheckResult pe(Header h) {
    boolean on = h.has(Header.FORCE_INTEGRITY);
    return CheckResult.yesNo(HardeningCheck.FORCE_INTEGRITY, on, on ? "FORCE_INTEGRITY" : "no FORCE_INTEGRITY");
  }
}
