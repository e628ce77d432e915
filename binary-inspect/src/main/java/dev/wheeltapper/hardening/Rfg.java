package dev.wheeltapper.hardening;

import dev.wheeltapper.pe.PeRecords.LoadConfig;
import java.util.Optional;

/**
 * The PE {@code rfg} check: Return Flow Guard, instrumented and enabled (or strict) in the load configuration's
 * GuardFlags.
 *
 * <p>Stateless and thread-safe.
 */
final class Rfg {
  private Rfg() {}

  static CheckResult pe(Optional<LoadConfig> lc) {
    Optional<Long> guard = lc.flatMap(LoadConfig::guardFlags);
    if (guard.isEmpty()) {
      return CheckResult.yesNo(HardeningCheck.RFG, false,
          lc.isEmpty() ? "no load configuration" : "load configuration too short for GuardFlags");
    }
    long g = guard.get();
    boolean rfg = (g & LoadConfig.RF_INSTRUMENTED) != 0
        && (g & (LoadConfig.RF_ENABLE | LoadConfig.RF_STRICT)) != 0;
    return CheckResult.yesNo(HardeningCheck.RFG, rfg, "GuardFlags 0x" + Long.toHexString(g));
  }
}
