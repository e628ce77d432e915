package dev.wheeltapper.hardening;

import dev.wheeltapper.pe.Authenticode;
import dev.wheeltapper.pe.PeFile;
import dev.wheeltapper.pe.PeRecords.DataDirectory;
import dev.wheeltapper.pe.PeRecords.DebugEntry;
import dev.wheeltapper.pe.PeRecords.Header;
import dev.wheeltapper.pe.PeRecords.LoadConfig;
import dev.wheeltapper.pe.PeRecords.Section;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hardening checks of a PE image with winchecksec's meanings and three states (present, absent, not applicable):
 * ASLR is DYNAMIC_BASE without stripped relocations, high-entropy VA and Control Flow Guard count only with working
 * ASLR, SafeSEH applies to 32-bit x86 only, /GS is a non-zero security cookie in a load configuration long enough to
 * hold it, RFG reads the guard flags, CET compatibility reads debug entry type 20, Authenticode passes when
 * {@link Authenticode#verify} finds a valid signature over the image (the signer is not checked against a trust
 * root). {@code nx} is NX_COMPAT; {@code canary} mirrors
 * {@code gs}; {@code wxSegments} flags sections both writable and executable.
 *
 * <pre>{@code
 * try (PeFile pe = PeFile.open(path)) {
 *   PeHardening h = PeChecks.check(pe, CheckContext.bareFile());
 *   h.result(HardeningCheck.ASLR).status();   // PASS
 * }
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
final class PeChecks {
  private PeChecks() {}

  /**
   * Runs every check.
   *
   * @param pe the image
   * @param context where the image sits and whether its code is memory-safe
   * @return the hardening result
   */
  static PeHardening check(PeFile pe, CheckContext context) {
    Header h = pe.header();
    Map<HardeningCheck, CheckResult> r = new EnumMap<>(HardeningCheck.class);
    boolean dotnet = pe.directory(DataDirectory.CLR).map(DataDirectory::present).orElse(false);
    boolean dyn = h.has(Header.DYNAMIC_BASE);
    r.put(HardeningCheck.DYNAMIC_BASE, yesNo(HardeningCheck.DYNAMIC_BASE, dyn,
        "DllCharacteristics 0x" + Integer.toHexString(h.dllCharacteristics()) + (dyn ? " has" : " lacks")
            + " DYNAMIC_BASE"));
    boolean stripped = h.relocsStripped();
    r.put(HardeningCheck.RELOCS_STRIPPED, new CheckResult(HardeningCheck.RELOCS_STRIPPED,
        stripped ? Status.FAIL : Status.PASS, stripped ? CheckValue.Flag.YES : CheckValue.Flag.NO,
        stripped ? "IMAGE_FILE_RELOCS_STRIPPED: loads only at ImageBase 0x" + Long.toHexString(h.imageBase())
            : "relocations kept"));
    boolean aslr = (dyn && !stripped) || dotnet;
    String aslrWhy = dotnet ? "a .NET image (CLR header)"
        : dyn && !stripped ? "DYNAMIC_BASE and relocations kept"
        : (dyn ? "DYNAMIC_BASE but relocations stripped" : "no DYNAMIC_BASE")
            + (stripped ? ", IMAGE_FILE_RELOCS_STRIPPED, fixed ImageBase 0x" + Long.toHexString(h.imageBase())
                : ", ImageBase 0x" + Long.toHexString(h.imageBase()));
    r.put(HardeningCheck.ASLR, yesNo(HardeningCheck.ASLR, aslr, aslrWhy));
    if (!h.pe32Plus()) {
      r.put(HardeningCheck.HIGH_ENTROPY_VA, na(HardeningCheck.HIGH_ENTROPY_VA, "PE32: a 32-bit address space"));
    } else {
      boolean hev = h.has(Header.HIGH_ENTROPY_VA);
      r.put(HardeningCheck.HIGH_ENTROPY_VA, yesNo(HardeningCheck.HIGH_ENTROPY_VA, hev && aslr,
          (hev ? "HIGH_ENTROPY_VA" : "no HIGH_ENTROPY_VA") + (hev && !aslr ? " but no working ASLR" : "")));
    }
    boolean nx = h.has(Header.NX_COMPAT) || dotnet;
    r.put(HardeningCheck.NX, yesNo(HardeningCheck.NX, nx, nx ? "NX_COMPAT (DEP)" : "no NX_COMPAT: DEP off"));
    boolean cf = h.has(Header.GUARD_CF);
    r.put(HardeningCheck.GUARD_CF, yesNo(HardeningCheck.GUARD_CF, cf && aslr,
        (cf ? "GUARD_CF" : "no GUARD_CF") + (cf && !aslr ? " but CFG requires working ASLR" : "")));
    r.put(HardeningCheck.FORCE_INTEGRITY, yesNo(HardeningCheck.FORCE_INTEGRITY, h.has(Header.FORCE_INTEGRITY),
        h.has(Header.FORCE_INTEGRITY) ? "FORCE_INTEGRITY" : "no FORCE_INTEGRITY"));
    r.put(HardeningCheck.APPCONTAINER, yesNo(HardeningCheck.APPCONTAINER, h.has(Header.APPCONTAINER),
        h.has(Header.APPCONTAINER) ? "APPCONTAINER" : "no APPCONTAINER"));
    r.put(HardeningCheck.ISOLATION, yesNo(HardeningCheck.ISOLATION, !h.has(Header.NO_ISOLATION),
        h.has(Header.NO_ISOLATION) ? "NO_ISOLATION" : "no NO_ISOLATION flag"));
    boolean seh = !h.has(Header.NO_SEH);
    r.put(HardeningCheck.SEH, yesNo(HardeningCheck.SEH, seh, seh ? "no NO_SEH flag" : "NO_SEH"));
    Optional<LoadConfig> lc = pe.loadConfig();
    r.put(HardeningCheck.SAFE_SEH, safeSeh(h, seh, lc));
    CheckResult gs;
    if (lc.isEmpty()) {
      gs = new CheckResult(HardeningCheck.GS, Status.FAIL, CheckValue.Flag.NO, "no load configuration");
    } else if (lc.get().securityCookie().isEmpty()) {
      gs = new CheckResult(HardeningCheck.GS, Status.FAIL, CheckValue.Flag.NO, "load configuration of "
          + lc.get().size() + " bytes is too short for SecurityCookie");
    } else {
      long cookie = lc.get().securityCookie().get();
      gs = yesNo(HardeningCheck.GS, cookie != 0, "SecurityCookie 0x" + Long.toHexString(cookie));
    }
    if (gs.status() == Status.FAIL && context.memorySafeOnly().isPresent()) {
      gs = new CheckResult(HardeningCheck.GS, Status.NOT_APPLICABLE, CheckValue.Flag.NO,
          gs.evidence() + "; " + context.memorySafeOnly().get());
    }
    r.put(HardeningCheck.GS, gs);
    java.util.Set<String> fns = pe.importedFunctions();
    if (gs.status() != Status.PASS && (fns.contains("__stack_chk_fail") || fns.contains("__stack_chk_guard"))) {
      // MinGW's -fstack-protector: the canary lives in libssp, not in a load configuration
      r.put(HardeningCheck.CANARY, new CheckResult(HardeningCheck.CANARY, Status.PASS, CheckValue.Flag.YES,
          "imports __stack_chk_fail (GCC -fstack-protector); /GS: " + gs.evidence()));
    } else {
      r.put(HardeningCheck.CANARY, new CheckResult(HardeningCheck.CANARY, gs.status(), gs.value(),
          "/GS: " + gs.evidence()));
    }
    Fortify fortify = Fortify.of(fns);
    if (fortify.fortified().isEmpty()) {
      // MSVC has no FORTIFY_SOURCE; its C runtime imports (memcpy, ...) say nothing about one
      r.put(HardeningCheck.FORTIFY, new CheckResult(HardeningCheck.FORTIFY, Status.NOT_APPLICABLE,
          CheckValue.Missing.NOT_APPLICABLE, "no __*_chk import: FORTIFY_SOURCE is a GCC/glibc (MinGW libssp) feature"));
      fortify = new Fortify(List.of(), List.of());
    } else {
      r.put(HardeningCheck.FORTIFY, fortify.result(context));
    }
    Optional<Long> guard = lc.flatMap(LoadConfig::guardFlags);
    if (guard.isEmpty()) {
      r.put(HardeningCheck.RFG, new CheckResult(HardeningCheck.RFG, Status.FAIL, CheckValue.Flag.NO,
          lc.isEmpty() ? "no load configuration" : "load configuration too short for GuardFlags"));
    } else {
      long g = guard.get();
      boolean rfg = (g & LoadConfig.RF_INSTRUMENTED) != 0
          && (g & (LoadConfig.RF_ENABLE | LoadConfig.RF_STRICT)) != 0;
      r.put(HardeningCheck.RFG, yesNo(HardeningCheck.RFG, rfg, "GuardFlags 0x" + Long.toHexString(g)));
    }
    boolean cet = false;
    for (DebugEntry d : pe.debugEntries()) {
      if (d.exDllCharacteristics().isPresent() && (d.exDllCharacteristics().get() & DebugEntry.CET_COMPAT) != 0) {
        cet = true;
      }
    }
    r.put(HardeningCheck.CET_COMPAT, yesNo(HardeningCheck.CET_COMPAT, cet,
        cet ? "debug entry type 20 has CET_COMPAT" : "no debug entry type 20 with CET_COMPAT"));
    Authenticode.Result auth = Authenticode.verify(pe);
    boolean signed = auth.status() == Authenticode.Status.VALID;
    String sigWhy = auth.status() == Authenticode.Status.ABSENT ? "no certificate table"
        : "Authenticode " + auth.status().name().toLowerCase(java.util.Locale.ROOT)
            + auth.signer().map(s -> ", signer " + s).orElse("") + ": " + auth.reason();
    r.put(HardeningCheck.AUTHENTICODE, yesNo(HardeningCheck.AUTHENTICODE, signed, sigWhy));
    r.put(HardeningCheck.CODE_SIGNATURE, yesNo(HardeningCheck.CODE_SIGNATURE, signed, sigWhy));
    List<String> wx = new ArrayList<>();
    for (Section s : pe.sections()) {
      if (s.writableAndExecutable()) {
        wx.add(s.name());
      }
    }
    r.put(HardeningCheck.WX_SEGMENTS, new CheckResult(HardeningCheck.WX_SEGMENTS,
        wx.isEmpty() ? Status.PASS : Status.FAIL, wx.isEmpty() ? CheckValue.Flag.NO : CheckValue.Flag.YES,
        wx.isEmpty() ? "no section is both writable and executable" : "writable and executable: " + wx));
    r.put(HardeningCheck.PIE, new CheckResult(HardeningCheck.PIE, Status.NOT_APPLICABLE, CheckValue.Missing.NOT_APPLICABLE,
        "PE position independence is ASLR (see aslr)"));
    r.put(HardeningCheck.STRIPPED, new CheckResult(HardeningCheck.STRIPPED, Status.PASS,
        pe.pdbPath().isPresent() ? CheckValue.Flag.NO : CheckValue.Flag.YES,
        pe.pdbPath().map(p -> "CodeView entry names the PDB " + p).orElse("no CodeView debug entry")));
    return new PeHardening(r, fortify);
  }

  private static CheckResult safeSeh(Header h, boolean seh, Optional<LoadConfig> lc) {
    if (h.machine() != 0x14c) {
      return na(HardeningCheck.SAFE_SEH, "SafeSEH applies to 32-bit x86 only");
    }
    if (!seh) {
      return na(HardeningCheck.SAFE_SEH, "NO_SEH: the image has no exception handlers");
    }
    if (lc.isEmpty()) {
      return new CheckResult(HardeningCheck.SAFE_SEH, Status.FAIL, CheckValue.Flag.NO, "no load configuration");
    }
    LoadConfig l = lc.get();
    if (l.seHandlerCount().isEmpty()) {
      return new CheckResult(HardeningCheck.SAFE_SEH, Status.FAIL, CheckValue.Flag.NO,
          "load configuration of " + l.size() + " bytes is too short for SEHandlerTable");
    }
    long table = l.seHandlerTable().orElse(0L);
    long count = l.seHandlerCount().get();
    return yesNo(HardeningCheck.SAFE_SEH, table != 0 && count != 0,
        "SEHandlerTable 0x" + Long.toHexString(table) + ", SEHandlerCount " + count);
  }

  private static CheckResult yesNo(HardeningCheck c, boolean yes, String evidence) {
    return new CheckResult(c, yes ? Status.PASS : Status.FAIL, yes ? CheckValue.Flag.YES : CheckValue.Flag.NO, evidence);
  }

  private static CheckResult na(HardeningCheck c, String why) {
    return new CheckResult(c, Status.NOT_APPLICABLE, CheckValue.Missing.NOT_APPLICABLE, why);
  }
}
