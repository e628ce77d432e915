package dev.wheeltapper.hardening;

import dev.wheeltapper.pe.PeFile;
import dev.wheeltapper.pe.PeRecords.DataDirectory;
import dev.wheeltapper.pe.PeRecords.Header;
import dev.wheeltapper.pe.PeRecords.LoadConfig;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The hardening checks of a PE image with winchecksec's meanings and three states (present, absent, not applicable):
 * ASLR is DYNAMIC_BASE without stripped relocations, high-entropy VA and Control Flow Guard count only with working
 * ASLR, SafeSEH applies to 32-bit x86 only, /GS is a non-zero security cookie in a load configuration long enough to
 * hold it, RFG reads the guard flags, CET compatibility reads debug entry type 20, Authenticode passes when
 * {@link dev.wheeltapper.pe.Authenticode#verify} finds a valid signature over the image (the signer is not checked
 * against a trust root). {@code nx} is NX_COMPAT; {@code canary} mirrors {@code gs}; {@code wxSegments} flags sections
 * both writable and executable.
 *
 * <p>Each check lives in the class named by its JSON key ({@link Aslr} with {@code dynamicBase} and
 * {@code relocsStripped}, {@link HighEntropyVa}, {@link ExecStack} for {@code nx}, {@link GuardCf},
 * {@link ForceIntegrity}, {@link AppContainer}, {@link Isolation}, {@link SafeSeh} with {@code seh}, {@link Gs},
 * {@link StackCanary}, {@link Fortify}, {@link Rfg}, {@link CetCompat}, {@link Authenticode} with the PE
 * {@code codeSignature}, {@link WxSegments}, {@link Pie}, {@link Stripped}); this class only runs them.
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
    boolean aslr = Aslr.pe(h, dotnet, r);
    r.put(HardeningCheck.HIGH_ENTROPY_VA, HighEntropyVa.pe(h, aslr));
    r.put(HardeningCheck.NX, ExecStack.pe(h, dotnet));
    r.put(HardeningCheck.GUARD_CF, GuardCf.pe(h, aslr));
    r.put(HardeningCheck.FORCE_INTEGRITY, ForceIntegrity.pe(h));
    r.put(HardeningCheck.APPCONTAINER, AppContainer.pe(h));
    r.put(HardeningCheck.ISOLATION, Isolation.pe(h));
    Optional<LoadConfig> lc = pe.loadConfig();
    SafeSeh.pe(h, lc, r);
    CheckResult gs = Gs.pe(lc, context);
    r.put(HardeningCheck.GS, gs);
    Set<String> imports = pe.importedFunctions();
    r.put(HardeningCheck.CANARY, StackCanary.pe(gs, imports));
    Fortify fortify = Fortify.pe(imports);
    r.put(HardeningCheck.FORTIFY, fortify.peResult(context));
    r.put(HardeningCheck.RFG, Rfg.pe(lc));
    r.put(HardeningCheck.CET_COMPAT, CetCompat.pe(pe.debugEntries()));
    Authenticode.pe(pe, r);
    r.put(HardeningCheck.WX_SEGMENTS, WxSegments.pe(pe.sections()));
    r.put(HardeningCheck.PIE, Pie.pe());
    r.put(HardeningCheck.STRIPPED, Stripped.pe(pe.pdbPath()));
    return new PeHardening(r, fortify);
  }
}
