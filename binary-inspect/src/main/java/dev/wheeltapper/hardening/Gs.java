package dev.wheeltapper.hardening;

import dev.wheeltapper.pe.PeRecords.LoadConfig;
import java.util.Optional;

/**
 * The PE {@code gs} check: a non-zero /GS security cookie in a load configuration long enough to hold it; not
 * applicable to memory-safe code. The PE {@code canary} mirrors it ({@link StackCanary#pe}).
 *
 * <p>Stateless and thread-safe.
 */
final class Gs {
  private Gs() {}

  static CheckResult pe(Optional<LoadConfig> lc, CheckContext context) {
    CheckResult gs;
    if (lc.isEmpty()) {
      gs = CheckResult.yesNo(HardeningCheck.GS, false, "no load configuration");
    } else if (lc.get().securityCookie().isEmpty()) {
      gs = CheckResult.yesNo(HardeningCheck.GS, false, "load configuration of "
          + lc.get().size() + " bytes is too short for SecurityCookie");
    } else {
      long cookie = lc.get().securityCookie().get();
      gs = CheckResult.yesNo(HardeningCheck.GS, cookie != 0, "SecurityCookie 0x" + Long.toHexString(cookie));
    }
    if (gs.status() == Status.FAIL && context.memorySafeOnly().isPresent()) {
      gs = new CheckResult(HardeningCheck.GS, Status.NOT_APPLICABLE, CheckValue.Flag.NO,
          gs.evidence() + "; " + context.memorySafeOnly().get());
    }
    return gs;
  }
}
