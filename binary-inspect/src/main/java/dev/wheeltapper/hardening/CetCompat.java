package dev.wheeltapper.hardening;

import dev.wheeltapper.pe.PeRecords.DebugEntry;

/**
 * The PE {@code cetCompat} check: CET shadow stack compatibility, CET_COMPAT in a debug entry of type 20
 * (extended DLL characteristics).
 *
 * <p>Stateless and thread-safe.
 */
final class CetCompat {
  private CetCompat() {}

  static CheckResult pe(Iterable<DebugEntry> entries) {
    boolean cet = false;
    for (DebugEntry d : entries) {
      if (d.exDllCharacteristics().isPresent() && (d.exDllCharacteristics().get() & DebugEntry.CET_COMPAT) != 0) {
        cet = true;
      }
    }
    return CheckResult.yesNo(HardeningCheck.CET_COMPAT, cet,
        cet ? "debug entry type 20 has CET_COMPAT" : "no debug entry type 20 with CET_COMPAT");
  }
}
