package dev.wheeltapper.hardening;

import dev.wheeltapper.pe.PeRecords.Header;

/**
 * The PE {@code isolation} check: isolation allowed, that is, no NO_ISOLATION.
 *
 * <p>Stateless and thread-safe.
 */
final class Isolation {
  private Isolation() {}

  static CheckResult pe(Header h) {
    boolean off = h.has(Header.NO_ISOLATION);
    return CheckResult.yesNo(HardeningCheck.ISOLATION, !off, off ? "NO_ISOLATION" : "no NO_ISOLATION flag");
  }
}
