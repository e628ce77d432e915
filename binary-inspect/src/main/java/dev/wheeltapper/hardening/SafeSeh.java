package dev.wheeltapper.hardening;

import dev.wheeltapper.pe.PeRecords.Header;
import dev.wheeltapper.pe.PeRecords.LoadConfig;
import java.util.Map;
import java.util.Optional;

/**
 * The PE {@code safeSeh} and {@code seh} checks: structured exception handling allowed (no NO_SEH), and a SafeSEH
 * handler table in the load configuration, which applies to 32-bit x86 images only.
 *
 * <p>Stateless and thread-safe.
 */
final class SafeSeh {
  private SafeSeh() {}

  static void pe(Header h, Optional<LoadConfig> lc, Map<HardeningCheck, CheckResult> r) {
    boolean seh = !h.has(Header.NO_SEH);
    r.put(HardeningCheck.SEH, CheckResult.yesNo(HardeningCheck.SEH, seh, seh ? "no NO_SEH flag" : "NO_SEH"));
    r.put(HardeningCheck.SAFE_SEH, safeSeh(h, seh, lc));
  }

  private static CheckResult safeSeh(Header h, boolean seh, Optional<LoadConfig> lc) {
    if (h.machine() != 0x14c) {
      return CheckResult.notApplicable(HardeningCheck.SAFE_SEH, "SafeSEH applies to 32-bit x86 only");
    }
    if (!seh) {
      return CheckResult.notApplicable(HardeningCheck.SAFE_SEH, "NO_SEH: the image has no exception handlers");
    }
    if (lc.isEmpty()) {
      return CheckResult.yesNo(HardeningCheck.SAFE_SEH, false, "no load configuration");
    }
    LoadConfig l = lc.get();
    if (l.seHandlerCount().isEmpty()) {
      return CheckResult.yesNo(HardeningCheck.SAFE_SEH, false,
          "load configuration of " + l.size() + " bytes is too short for SEHandlerTable");
    }
    long table = l.seHandlerTable().orElse(0L);
    long count = l.seHandlerCount().get();
    return CheckResult.yesNo(HardeningCheck.SAFE_SEH, table != 0 && count != 0,
        "SEHandlerTable 0x" + Long.toHexString(table) + ", SEHandlerCount " + count);
  }
}
