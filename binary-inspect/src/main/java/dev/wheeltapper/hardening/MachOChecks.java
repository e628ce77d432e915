package dev.wheeltapper.hardening;

import dev.wheeltapper.macho.MachORecords.Segment;
import dev.wheeltapper.macho.MachOSlice;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    boolean exec = s.fileType() == MachOSlice.MH_EXECUTE;
    String flags = "header flags 0x" + Long.toHexString(s.flags());
    if (exec) {
      boolean pie = (s.flags() & MachOSlice.MH_PIE) != 0;
      r.put(HardeningCheck.PIE, new CheckResult(HardeningCheck.PIE, pie ? Status.PASS : Status.FAIL,
          pie ? Pie.Kind.PIE : Pie.Kind.EXECUTABLE, flags + (pie ? " has" : " lack") + " MH_PIE"));
    } else {
      r.put(HardeningCheck.PIE, new CheckResult(HardeningCheck.PIE, Status.NOT_APPLICABLE, Pie.Kind.DSO,
          "MH_" + s.typeLabel().toUpperCase(java.util.Locale.ROOT) + ": loaded at an address dyld chooses; MH_PIE"
              + " applies to executables"));
    }
    boolean execStack = (s.flags() & MachOSlice.MH_ALLOW_STACK_EXECUTION) != 0;
    String stackWhy = flags + (execStack ? " has" : " lacks") + " MH_ALLOW_STACK_EXECUTION";
    r.put(HardeningCheck.NX, yesNo(HardeningCheck.NX, !execStack, stackWhy));
    r.put(HardeningCheck.EXECSTACK, new CheckResult(HardeningCheck.EXECSTACK, execStack ? Status.FAIL : Status.PASS,
        execStack ? CheckValue.Flag.YES : CheckValue.Flag.NO, stackWhy));
    boolean nxHeap = (s.flags() & MachOSlice.MH_NO_HEAP_EXECUTION) != 0;
    r.put(HardeningCheck.NX_HEAP, exec
        ? yesNo(HardeningCheck.NX_HEAP, nxHeap, flags + (nxHeap ? " has" : " lacks") + " MH_NO_HEAP_EXECUTION")
        : new CheckResult(HardeningCheck.NX_HEAP, Status.NOT_APPLICABLE, nxHeap ? CheckValue.Flag.YES : CheckValue.Flag.NO,
            "MH_NO_HEAP_EXECUTION counts in the main executable only"));
    Set<String> imports = new TreeSet<>(s.undefinedSymbols());
    List<String> canary = new ArrayList<>();
    for (String n : List.of("___stack_chk_fail", "___stack_chk_guard")) {
      if (imports.contains(n)) {
        canary.add(n);
      }
    }
    if (!canary.isEmpty()) {
      r.put(HardeningCheck.CANARY, new CheckResult(HardeningCheck.CANARY, Status.PASS, CheckValue.Flag.YES,
          "imports " + String.join(", ", canary)));
    } else if (context.memorySafeOnly().isPresent()) {
      r.put(HardeningCheck.CANARY, new CheckResult(HardeningCheck.CANARY, Status.NOT_APPLICABLE, CheckValue.Flag.NO,
          "no ___stack_chk_* import; " + context.memorySafeOnly().get()));
    } else if (s.undefinedSymbols().isEmpty() && s.definedSymbols().isEmpty()) {
      r.put(HardeningCheck.CANARY, new CheckResult(HardeningCheck.CANARY, Status.UNKNOWN, CheckValue.Missing.UNKNOWN,
          "no symbol table"));
    } else {
      r.put(HardeningCheck.CANARY, new CheckResult(HardeningCheck.CANARY, Status.FAIL, CheckValue.Flag.NO,
          "no ___stack_chk_fail or ___stack_chk_guard import"));
    }
    List<String> cNames = new ArrayList<>();
    for (String n : imports) {
      if (n.startsWith("_")) {
        cNames.add(n.substring(1)); // Mach-O C symbols carry a leading underscore
      }
    }
    Fortify fortify = Fortify.of(cNames);
    r.put(HardeningCheck.FORTIFY, fortify.result(context));
    boolean objc = imports.stream().anyMatch(n -> n.startsWith("_objc_"));
    r.put(HardeningCheck.ARC, imports.contains("_objc_release")
        ? new CheckResult(HardeningCheck.ARC, Status.PASS, CheckValue.Flag.YES, "imports _objc_release")
        : new CheckResult(HardeningCheck.ARC, Status.NOT_APPLICABLE, CheckValue.Flag.NO, "no _objc_release import"
            + (objc ? " (other Objective-C runtime imports; ARC applies to Objective-C code)" : ": no Objective-C code")));
    Optional<dev.wheeltapper.macho.CodeSignature> cs;
    String unreadable = "";
    try {
      cs = Optional.of(s.verifyCodeSignature());
    } catch (java.io.IOException e) {
      cs = Optional.empty();
      unreadable = String.valueOf(e.getMessage());
    }
    r.put(HardeningCheck.CODE_SIGNATURE, CodeSignature.codeSignature(cs, unreadable));
    boolean restrict = false;
    List<String> wx = new ArrayList<>();
    boolean dwarf = false;
    for (Segment g : s.segments()) {
      restrict |= g.name().equals("__RESTRICT");
      dwarf |= g.name().equals("__DWARF");
      if (g.writableAndExecutable()) {
        wx.add(g.name());
      }
    }
    r.put(HardeningCheck.RESTRICT, exec ? yesNo(HardeningCheck.RESTRICT, restrict,
        restrict ? "__RESTRICT segment" : "no __RESTRICT segment")
        : new CheckResult(HardeningCheck.RESTRICT, Status.NOT_APPLICABLE, restrict ? CheckValue.Flag.YES : CheckValue.Flag.NO,
            "__RESTRICT counts in the main executable only"));
    if (s.encryption().isPresent()) {
      long id = s.encryption().get().cryptId();
      r.put(HardeningCheck.ENCRYPTED, new CheckResult(HardeningCheck.ENCRYPTED, Status.PASS,
          id != 0 ? CheckValue.Flag.YES : CheckValue.Flag.NO, "LC_ENCRYPTION_INFO cryptid " + id));
    } else {
      r.put(HardeningCheck.ENCRYPTED, new CheckResult(HardeningCheck.ENCRYPTED, Status.NOT_APPLICABLE,
          CheckValue.Missing.NOT_APPLICABLE, "no LC_ENCRYPTION_INFO"));
    }
    r.put(HardeningCheck.WX_SEGMENTS, new CheckResult(HardeningCheck.WX_SEGMENTS,
        wx.isEmpty() ? Status.PASS : Status.FAIL, wx.isEmpty() ? CheckValue.Flag.NO : CheckValue.Flag.YES,
        wx.isEmpty() ? "no segment is mapped writable and executable" : "writable and executable: " + wx));
    r.put(HardeningCheck.DEBUG_INFO, new CheckResult(HardeningCheck.DEBUG_INFO, Status.PASS,
        dwarf ? CheckValue.Flag.YES : CheckValue.Flag.NO, dwarf ? "__DWARF segment" : "no __DWARF segment"));
    SearchPaths rpath = SearchPaths.lcRpath(s.rpaths(), context.pathInWheel());
    r.put(HardeningCheck.RPATH, rpath.result(HardeningCheck.RPATH));
    return new MachOHardening(r, fortify, rpath, cs.map(dev.wheeltapper.macho.CodeSignature::state));
  }

  private static CheckResult yesNo(HardeningCheck c, boolean yes, String evidence) {
    return new CheckResult(c, yes ? Status.PASS : Status.FAIL, yes ? CheckValue.Flag.YES : CheckValue.Flag.NO, evidence);
  }
}
