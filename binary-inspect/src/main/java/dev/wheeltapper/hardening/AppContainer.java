package dev.wheeltapper.hardening;

import dev.wheeltapper.pe.PeRecords.Header;

/**
 * The PE {@code appContainer} check: APPCONTAINER.
 *
 * <p>Stateless and thread-safe.
 */
final class AppContainer {
  private AppContainer() {}

  static CheckResult pe(Header h) {
    boolean on = h.has(Header.APPCONTAINER);
    return CheckResult.yesNo(HardeningCheck.APPCONTAINER, on, on ? "APPCONTAINER" : "no APPCONTAINER");
  }
}
