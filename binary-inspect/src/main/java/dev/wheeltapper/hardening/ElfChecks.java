package dev.wheeltapper.hardening;

import dev.wheeltapper.elf.GnuProperty;
import dev.wheeltapper.hardening.ElfFacts.Sym;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ELF hardening checks. Where the reference tools disagree, each check follows what the glibc loader and the
 * kernel do (see {@code docs/hardening.md}):
 *
 * <ul>
 *   <li>immediate binding is the union of DT_BIND_NOW, DF_BIND_NOW and DF_1_NOW; full RELRO needs PT_GNU_RELRO too;
 *   <li>the last PT_GNU_STACK decides, only its PF_X counts, and a missing one means an executable stack on machines
 *       whose glibc default is executable;
 *   <li>PIE versus shared object follows annocheck's order: DF_1_PIE, DT_SONAME, PT_INTERP, DT_DEBUG;
 *   <li>canary and FORTIFY_SOURCE are C compiler features: not applicable when the code is only Rust or Go.
 * </ul>
 *
 * <pre>{@code
 * ElfHardening h = ElfChecks.check(facts, CheckContext.wheelEntry("pkg/_x.so"));
 * }</pre>
 *
 * <p>Each check lives in the class named by its JSON key ({@link Relro}, {@link StackCanary}, {@link ExecStack},
 * {@link Pie}, {@link TextRel}, {@link Stripped}, {@link DebugInfo}, {@link IsaLevel}, {@link Cet},
 * {@link BranchProtection}, {@link WxSegments}, {@link AnnobinChecks}; {@link Fortify} and {@link SearchPaths} for
 * every format). Stateless and thread-safe.
 */
final class ElfChecks {
  private ElfChecks() {}

  /** GNU property types and bits (gABI extension, {@code elf.h}). */
  static final long X86_FEATURE_1_AND = ElfHardening.X86_FEATURE_1_AND;
  static final long X86_ISA_1_NEEDED = ElfHardening.X86_ISA_1_NEEDED;
  static final long AARCH64_FEATURE_1_AND = ElfHardening.AARCH64_FEATURE_1_AND;
  static final long X86_IBT = 0x1;
  static final long X86_SHSTK = 0x2;
  static final long AARCH64_BTI = 0x1;
  static final long AARCH64_PAC = 0x2;

  /**
   * Runs every check.
   *
   * @param facts the file
   * @param context where the file sits and whether its code is memory-safe
   * @return the hardening result
   */
  static ElfHardening check(ElfFacts facts, CheckContext context) {
    Map<HardeningCheck, CheckResult> r = new EnumMap<>(HardeningCheck.class);
    Relro.relro(facts, r);
    r.put(HardeningCheck.CANARY, StackCanary.canary(facts, context));
    ElfHardening.Stack stack = ExecStack.stack(facts, r);
    r.put(HardeningCheck.PIE, Pie.pie(facts));
    Fortify fortify = fortify(facts);
    r.put(HardeningCheck.FORTIFY, fortify.result(context));
    SearchPaths rpath = SearchPaths.elf(SearchPaths.Tag.DT_RPATH, facts.rpath(), context.pathInWheel());
    SearchPaths runpath = SearchPaths.elf(SearchPaths.Tag.DT_RUNPATH, facts.runpath(), context.pathInWheel());
    r.put(HardeningCheck.RPATH, rpath.result(HardeningCheck.RPATH));
    r.put(HardeningCheck.RUNPATH, runpath.result(HardeningCheck.RUNPATH));
    r.put(HardeningCheck.TEXTREL, TextRel.textrel(facts));
    r.put(HardeningCheck.STRIPPED, Stripped.stripped(facts));
    r.put(HardeningCheck.DEBUG_INFO, DebugInfo.debugInfo(facts));
    Cet.cet(facts, r);
    BranchProtection.branchProtection(facts, r);
    r.put(HardeningCheck.ISA_LEVEL, IsaLevel.isaLevel(facts));
    r.put(HardeningCheck.WX_SEGMENTS, WxSegments.wx(facts));
    AnnobinChecks.annobin(facts, r);
    return new ElfHardening(r, fortify, List.of(rpath, runpath), stack);
  }

  static CheckResult result(HardeningCheck c, Status s, CheckValue value, String evidence) {
    return new CheckResult(c, s, value, evidence);
  }

  static String hex(long v) {
    return "0x" + Long.toHexString(v);
  }

  /** Only imports tell what the code calls: the undefined symbols of {@code .dynsym} and {@code .symtab}. */
  static Fortify fortify(ElfFacts f) {
    List<String> imports = new ArrayList<>();
    addImports(f.dynamicSymbols(), imports);
    addImports(f.staticSymbols(), imports);
    return Fortify.of(imports);
  }

  /** The undefined names of a table; one read on access decodes only those (a large library defines most). */
  private static void addImports(List<Sym> table, List<String> imports) {
    if (table instanceof SymbolView v) {
      for (int i = 0; i < v.size(); i++) {
        if (!v.defined(i)) {
          imports.add(v.name(i));
        }
      }
      return;
    }
    for (Sym s : table) {
      if (!s.defined()) {
        imports.add(s.name());
      }
    }
  }

  static String typeWord(ElfFacts f) {
    int t = f.elfType();
    if (t == ElfFacts.ET_REL) {
      return "relocatable object";
    } else if (t == ElfFacts.ET_EXEC) {
      return "executable";
    } else if (t == ElfFacts.ET_DYN) {
      return "shared object";
    } else if (t == ElfFacts.ET_CORE) {
      return "core file";
    }
    return "e_type " + t;
  }

  static Optional<GnuProperty> property(ElfFacts f, long type) {
    GnuProperty found = null;
    for (GnuProperty p : f.properties()) {
      if (p.type() == type) {
        found = p;
      }
    }
    return Optional.ofNullable(found);
  }
}
