package dev.wheeltapper.hardening;

import dev.wheeltapper.macho.MachOSlice;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hardening checks of one Mach-O slice, with checksec.rs's evidence: PIE is MH_PIE for an executable (a dylib or
 * bundle reads {@code dso}, position-independent by construction), NX is the absence of MH_ALLOW_STACK_EXECUTION, NX
 * heap is MH_NO_HEAP_EXECUTION (an executable's flag), the canary is an import of {@code ___stack_chk_fail} or
 * {@code ___stack_chk_guard}, FORTIFY counts {@code ___*_chk} imports against the fortifiable list, ARC is an import of
 * {@code _objc_release}, the code signature is LC_CODE_SIGNATURE with data whose page hashes match the slice, restrict
 * is a {@code __RESTRICT} segment, encryption is a non-zero cryptid, and each LC_RPATH entry is classified by
 * {@link SearchPaths#lcRpath}.
 *
 * <p>Each check lives in the class named by its JSON key ({@link Pie}, {@link ExecStack} for {@code nx} and
 * {@code execstack}, {@link NxHeap}, {@link StackCanary}, {@link Fortify}, {@link Arc}, {@link CodeSignature},
 * {@link Restrict}, {@link Encrypted}, {@link WxSegments}, {@link DebugInfo}, {@link SearchPaths}); this class only
 * runs them.
 *
 * <pre>{@code
 * MachOHardening h = MachOChecks.check(slice, CheckContext.wheelEntry("pkg/_x.abi3.so"));
 * h.result(HardeningCheck.PIE).value();   // Pie.Kind.DSO for a bundle
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
final class MachOChecks {
  private MachOChecks() {}

  /**
   * Runs every check.
   *
   * @param s the slice
   * @param context where the binary sits and whether its code is memory-safe
   * @return the hardening result
   */
  static MachOHardening check(MachOSlice s, CheckContext context) {
    Map<HardeningCheck, CheckResult> r = new EnumMap<>(HardeningCheck.class);
    r.put(HardeningCheck.PIE, Pie.macho(s));
    ExecStack.macho(s, r);
    r.put(HardeningCheck.NX_HEAP, NxHeap.macho(s));
    Set<String> imports = new TreeSet<>(s.undefinedSymbols());
    r.put(HardeningCheck.CANARY, StackCanary.macho(s, imports, context));
    Fortify fortify = Fortify.macho(imports);
    r.put(HardeningCheck.FORTIFY, fortify.result(context));
    r.put(HardeningCheck.ARC, Arc.macho(imports));
    CodeSignature.Read signature = CodeSignature.macho(s);
    r.put(HardeningCheck.CODE_SIGNATURE, signature.result());
    r.put(HardeningCheck.RESTRICT, Restrict.macho(s));
    r.put(HardeningCheck.ENCRYPTED, Encrypted.macho(s));
    r.put(HardeningCheck.WX_SEGMENTS, WxSegments.macho(s));
    r.put(HardeningCheck.DEBUG_INFO, DebugInfo.macho(s));
    SearchPaths rpath = SearchPaths.lcRpath(s.rpaths(), context.pathInWheel());
    r.put(HardeningCheck.RPATH, rpath.result(HardeningCheck.RPATH));
    return new MachOHardening(r, fortify, rpath, signature.signature().map(dev.wheeltapper.macho.CodeSignature::state));
  }
}
