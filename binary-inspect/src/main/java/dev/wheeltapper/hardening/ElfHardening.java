package dev.wheeltapper.hardening;

import dev.wheeltapper.hardening.ElfFacts.AnnobinNote;
import dev.wheeltapper.hardening.ElfFacts.Property;
import dev.wheeltapper.hardening.ElfFacts.Segment;
import dev.wheeltapper.hardening.ElfFacts.Sym;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
 * Hardening h = ElfHardening.check(facts, CheckContext.wheelEntry("pkg/_x.so"));
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class ElfHardening {
  private ElfHardening() {}

  /** GNU property types and bits (gABI extension, {@code elf.h}). */
  static final long X86_FEATURE_1_AND = 0xc0000002L;
  static final long X86_ISA_1_NEEDED = 0xc0008002L;
  static final long AARCH64_FEATURE_1_AND = 0xc0000000L;
  static final long X86_IBT = 0x1;
  static final long X86_SHSTK = 0x2;
  static final long AARCH64_BTI = 0x1;
  static final long AARCH64_PAC = 0x2;

  /** Stack protector symbols of GCC/clang ({@code __stack_chk_*}) and ICC ({@code __intel_security_cookie}). */
  static final Set<String> CANARY_SYMBOLS =
      Set.of("__stack_chk_fail", "__stack_chk_guard", "__stack_chk_fail_local", "__intel_security_cookie");

  /**
   * Machines whose glibc {@code DEFAULT_STACK_PERMS} lacks PF_X, so a missing PT_GNU_STACK still means a
   * non-executable stack: aarch64 (183), ARC (93, 195), C-SKY (252), IA-64 (50), LoongArch (258), Nios II (113),
   * RISC-V (243).
   */
  static final Set<Integer> NON_EXEC_STACK_DEFAULT = Set.of(183, 93, 195, 252, 50, 258, 113, 243);

  /**
   * Runs every check.
   *
   * @param facts the file
   * @param context where the file sits and whether its code is memory-safe
   * @return the hardening result
   */
  public static Hardening check(ElfFacts facts, CheckContext context) {
    Map<HardeningCheck, CheckResult> r = new EnumMap<>(HardeningCheck.class);
    relro(facts, r);
    r.put(HardeningCheck.CANARY, canary(facts, context));
    stack(facts, r);
    r.put(HardeningCheck.PIE, pie(facts));
    Fortify fortify = fortify(facts);
    r.put(HardeningCheck.FORTIFY, fortifyResult(fortify, context));
    List<RpathEntry> rpath = new ArrayList<>();
    for (String v : facts.rpath()) {
      rpath.addAll(RpathEntry.classifyAll(v, context.pathInWheel()));
    }
    List<RpathEntry> runpath = new ArrayList<>();
    for (String v : facts.runpath()) {
      runpath.addAll(RpathEntry.classifyAll(v, context.pathInWheel()));
    }
    r.put(HardeningCheck.RPATH, pathResult(HardeningCheck.RPATH, "DT_RPATH", rpath));
    r.put(HardeningCheck.RUNPATH, pathResult(HardeningCheck.RUNPATH, "DT_RUNPATH", runpath));
    r.put(HardeningCheck.TEXTREL, textrel(facts));
    r.put(HardeningCheck.STRIPPED, stripped(facts));
    r.put(HardeningCheck.DEBUG_INFO, debugInfo(facts));
    cet(facts, r);
    branchProtection(facts, r);
    r.put(HardeningCheck.ISA_LEVEL, isaLevel(facts));
    r.put(HardeningCheck.WX_SEGMENTS, wx(facts));
    annobin(facts, r);
    Hardening.fillNotApplicable(r, "not an ELF check");
    return new Hardening(r, fortify, rpath, runpath);
  }

  private static CheckResult result(HardeningCheck c, Status s, String value, String evidence) {
    return new CheckResult(c, s, value, evidence);
  }

  private static String hex(long v) {
    return "0x" + Long.toHexString(v);
  }

  // ---- RELRO and immediate binding ----

  private static void relro(ElfFacts f, Map<HardeningCheck, CheckResult> r) {
    if (f.segments().isEmpty()) {
      String why = "no program headers (" + typeWord(f) + ")";
      r.put(HardeningCheck.RELRO, result(HardeningCheck.RELRO, Status.NOT_APPLICABLE, CheckResult.NOT_APPLICABLE, why));
      r.put(HardeningCheck.GNU_RELRO,
          result(HardeningCheck.GNU_RELRO, Status.NOT_APPLICABLE, CheckResult.NOT_APPLICABLE, why));
      r.put(HardeningCheck.BIND_NOW,
          result(HardeningCheck.BIND_NOW, Status.NOT_APPLICABLE, CheckResult.NOT_APPLICABLE, why));
      return;
    }
    boolean gnuRelro = f.hasSegment(ElfFacts.PT_GNU_RELRO);
    String relroWords = gnuRelro ? "PT_GNU_RELRO present" : "no PT_GNU_RELRO";
    r.put(HardeningCheck.GNU_RELRO, result(HardeningCheck.GNU_RELRO, gnuRelro ? Status.PASS : Status.FAIL,
        gnuRelro ? CheckResult.YES : CheckResult.NO, relroWords));

    List<String> now = new ArrayList<>();
    if (f.hasDynamicTag(ElfFacts.DT_BIND_NOW)) {
      now.add("DT_BIND_NOW present");
    }
    long flags = f.flags(ElfFacts.DT_FLAGS);
    if ((flags & ElfFacts.DF_BIND_NOW) != 0) {
      now.add("DT_FLAGS has DF_BIND_NOW (" + hex(flags) + ")");
    }
    long flags1 = f.flags(ElfFacts.DT_FLAGS_1);
    if ((flags1 & ElfFacts.DF_1_NOW) != 0) {
      now.add("DT_FLAGS_1 has DF_1_NOW (" + hex(flags1) + ")");
    }
    boolean bindNow;
    String nowWords;
    if (!f.hasDynamic()) {
      bindNow = true;
      nowWords = "no dynamic section: nothing is bound lazily";
    } else if (now.isEmpty()) {
      bindNow = false;
      nowWords = "no DT_BIND_NOW, DF_BIND_NOW or DF_1_NOW: lazy binding";
    } else {
      bindNow = true;
      nowWords = String.join(", ", now);
    }
    r.put(HardeningCheck.BIND_NOW, result(HardeningCheck.BIND_NOW, bindNow ? Status.PASS : Status.FAIL,
        bindNow ? CheckResult.YES : CheckResult.NO, nowWords));

    String evidence = relroWords + ", " + nowWords;
    if (!gnuRelro) {
      r.put(HardeningCheck.RELRO, result(HardeningCheck.RELRO, Status.FAIL, "none", evidence));
    } else if (bindNow) {
      r.put(HardeningCheck.RELRO, result(HardeningCheck.RELRO, Status.PASS, "full", evidence));
    } else {
      r.put(HardeningCheck.RELRO, result(HardeningCheck.RELRO, Status.PARTIAL, "partial", evidence));
    }
  }

  private static String typeWord(ElfFacts f) {
    switch (f.elfType()) {
      case ElfFacts.ET_REL:
        return "relocatable object";
      case ElfFacts.ET_EXEC:
        return "executable";
      case ElfFacts.ET_DYN:
        return "shared object";
      case ElfFacts.ET_CORE:
        return "core file";
      default:
        return "e_type " + f.elfType();
    }
  }

  // ---- stack protector ----

  private static CheckResult canary(ElfFacts f, CheckContext ctx) {
    Set<String> found = new TreeSet<>();
    for (Sym s : f.dynamicSymbols()) {
      if (CANARY_SYMBOLS.contains(s.name())) {
        found.add(s.name() + (s.defined() ? " (defined, .dynsym)" : " (imported, .dynsym)"));
      }
    }
    for (Sym s : f.staticSymbols()) {
      if (CANARY_SYMBOLS.contains(s.name())) {
        found.add(s.name() + (s.defined() ? " (defined, .symtab)" : " (undefined, .symtab)"));
      }
    }
    if (!found.isEmpty()) {
      return result(HardeningCheck.CANARY, Status.PASS, CheckResult.YES, "references " + String.join(", ", found));
    }
    if (ctx.memorySafeOnly().isPresent()) {
      return result(HardeningCheck.CANARY, Status.NOT_APPLICABLE, CheckResult.NO,
          "no stack protector symbols, and none expected: " + ctx.memorySafeOnly().get());
    }
    if (f.dynamicSymbols().isEmpty() && f.staticSymbols().isEmpty()) {
      return result(HardeningCheck.CANARY, Status.UNKNOWN, CheckResult.UNKNOWN,
          "no symbol table to read (static and stripped)");
    }
    return result(HardeningCheck.CANARY, Status.FAIL, CheckResult.NO,
        "no __stack_chk_fail, __stack_chk_guard, __stack_chk_fail_local or __intel_security_cookie in "
            + (f.hasSymtab() ? ".dynsym or .symtab" : ".dynsym"));
  }

  // ---- NX / executable stack ----

  private static void stack(ElfFacts f, Map<HardeningCheck, CheckResult> r) {
    if (f.segments().isEmpty()) {
      String why = "no program headers (" + typeWord(f) + ")";
      r.put(HardeningCheck.NX, result(HardeningCheck.NX, Status.NOT_APPLICABLE, CheckResult.NOT_APPLICABLE, why));
      r.put(HardeningCheck.EXECSTACK,
          result(HardeningCheck.EXECSTACK, Status.NOT_APPLICABLE, CheckResult.NOT_APPLICABLE, why));
      return;
    }
    Segment last = null;
    int count = 0;
    for (Segment s : f.segments()) {
      if (s.type() == ElfFacts.PT_GNU_STACK) {
        last = s; // glibc's loop keeps the last one
        count++;
      }
    }
    boolean exec;
    String evidence;
    if (last != null) {
      exec = last.executable();
      String which = count > 1 ? "the last of " + count + " PT_GNU_STACK headers" : "PT_GNU_STACK";
      evidence = exec
          ? "PT_GNU_STACK has PF_X (flags " + last.flagString().trim() + (count > 1 ? ", " + which : "") + ")"
          : which + " flags " + last.flagString().trim() + ", no PF_X"
              + (last.memorySize() != 0 ? " (stack size " + hex(last.memorySize()) + " requested, not executable)"
                  : "");
    } else if (NON_EXEC_STACK_DEFAULT.contains(f.machine())) {
      exec = false;
      evidence = "no PT_GNU_STACK; the default stack on " + f.machineLabel() + " is not executable";
    } else {
      exec = true;
      evidence = "no PT_GNU_STACK: the loader's default stack on " + f.machineLabel()
          + " is executable (glibc 2.41 refuses to dlopen such a library)";
    }
    r.put(HardeningCheck.NX, result(HardeningCheck.NX, exec ? Status.FAIL : Status.PASS,
        exec ? CheckResult.NO : CheckResult.YES, evidence));
    r.put(HardeningCheck.EXECSTACK, result(HardeningCheck.EXECSTACK, exec ? Status.FAIL : Status.PASS,
        exec ? CheckResult.YES : CheckResult.NO, evidence));
  }

  // ---- PIE ----

  private static CheckResult pie(ElfFacts f) {
    switch (f.elfType()) {
      case ElfFacts.ET_EXEC:
        return result(HardeningCheck.PIE, Status.FAIL, CheckResult.NO, "ET_EXEC: loaded at a fixed address");
      case ElfFacts.ET_DYN:
        break;
      default:
        return result(HardeningCheck.PIE, Status.NOT_APPLICABLE, CheckResult.NOT_APPLICABLE,
            typeWord(f) + ", not loaded by itself");
    }
    // annocheck is_shared_lib(): dynamic segment, DF_1_PIE, DT_SONAME, PT_INTERP, DT_DEBUG, else shared object
    if (!f.hasDynamic()) {
      return result(HardeningCheck.PIE, Status.PASS, CheckResult.YES, "ET_DYN without a dynamic section (static PIE)");
    }
    if ((f.flags(ElfFacts.DT_FLAGS_1) & ElfFacts.DF_1_PIE) != 0) {
      return result(HardeningCheck.PIE, Status.PASS, CheckResult.YES, "ET_DYN with DF_1_PIE in DT_FLAGS_1");
    }
    if (f.soname().isPresent()) {
      return result(HardeningCheck.PIE, Status.NOT_APPLICABLE, "dso",
          "ET_DYN with DT_SONAME " + f.soname().get() + ": a shared object");
    }
    if (f.hasSegment(ElfFacts.PT_INTERP)) {
      return result(HardeningCheck.PIE, Status.PASS, CheckResult.YES, "ET_DYN with PT_INTERP");
    }
    if (f.hasDynamicTag(ElfFacts.DT_DEBUG)) {
      return result(HardeningCheck.PIE, Status.PASS, CheckResult.YES, "ET_DYN with DT_DEBUG");
    }
    return result(HardeningCheck.PIE, Status.NOT_APPLICABLE, "dso",
        "ET_DYN without DF_1_PIE, DT_SONAME, PT_INTERP or DT_DEBUG: a shared object"
            + (f.hasSegment(ElfFacts.PT_PHDR) ? " (PT_PHDR alone does not make a PIE)" : ""));
  }

  // ---- FORTIFY_SOURCE ----

  static Fortify fortify(ElfFacts f) {
    Set<String> fortified = new TreeSet<>();
    Set<String> plain = new TreeSet<>();
    List<Sym> all = new ArrayList<>(f.dynamicSymbols());
    all.addAll(f.staticSymbols());
    for (Sym s : all) {
      if (s.defined()) {
        continue; // only imports tell what the code calls
      }
      String base = FortifiableFunctions.fortifiedBase(s.name());
      if (base != null && FortifiableFunctions.contains(base)) {
        fortified.add(s.name());
      } else if (FortifiableFunctions.contains(s.name())) {
        plain.add(s.name());
      }
    }
    return new Fortify(List.copyOf(fortified), List.copyOf(plain));
  }

  static CheckResult fortifyResult(Fortify fo, CheckContext ctx) {
    String level = fo.level();
    String evidence = fo.fortified().size() + " fortified (" + sample(fo.fortified()) + "), "
        + fo.unprotected().size() + " unprotected fortifiable (" + sample(fo.unprotected()) + ")";
    if (ctx.memorySafeOnly().isPresent()) {
      return result(HardeningCheck.FORTIFY, Status.NOT_APPLICABLE, level,
          evidence + "; FORTIFY_SOURCE is a C feature: " + ctx.memorySafeOnly().get());
    }
    switch (level) {
      case "full":
        return result(HardeningCheck.FORTIFY, Status.PASS, level, evidence);
      case "partial":
        return result(HardeningCheck.FORTIFY, Status.PARTIAL, level, evidence);
      case "none":
        return result(HardeningCheck.FORTIFY, Status.FAIL, level, evidence);
      default:
        return result(HardeningCheck.FORTIFY, Status.UNKNOWN, level, "no fortifiable libc function imported");
    }
  }

  private static String sample(List<String> names) {
    if (names.isEmpty()) {
      return "none";
    }
    if (names.size() <= 6) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, 6)) + ", ...";
  }

  // ---- RPATH / RUNPATH ----

  static CheckResult pathResult(HardeningCheck c, String tag, List<RpathEntry> entries) {
    if (entries.isEmpty()) {
      return result(c, Status.PASS, "none", "no " + tag);
    }
    List<String> words = new ArrayList<>();
    boolean safe = true;
    for (RpathEntry e : entries) {
      words.add(e.toString());
      safe &= e.safe();
    }
    return result(c, safe ? Status.PASS : Status.FAIL, safe ? "safe" : "unsafe", tag + " " + String.join(", ", words));
  }

  // ---- TEXTREL ----

  private static CheckResult textrel(ElfFacts f) {
    List<String> ev = new ArrayList<>();
    if (f.hasDynamicTag(ElfFacts.DT_TEXTREL)) {
      ev.add("DT_TEXTREL present");
    }
    long flags = f.flags(ElfFacts.DT_FLAGS);
    if ((flags & ElfFacts.DF_TEXTREL) != 0) {
      ev.add("DT_FLAGS has DF_TEXTREL (" + hex(flags) + ")");
    }
    if (!f.hasDynamic()) {
      return result(HardeningCheck.TEXTREL, Status.NOT_APPLICABLE, CheckResult.NO, "no dynamic section");
    }
    return ev.isEmpty()
        ? result(HardeningCheck.TEXTREL, Status.PASS, CheckResult.NO, "no DT_TEXTREL, no DF_TEXTREL")
        : result(HardeningCheck.TEXTREL, Status.FAIL, CheckResult.YES, String.join(", ", ev));
  }

  // ---- informational: stripped, debug info, ISA level ----

  private static CheckResult stripped(ElfFacts f) {
    return f.hasSymtab()
        ? result(HardeningCheck.STRIPPED, Status.PASS, CheckResult.NO,
            ".symtab present (" + f.staticSymbols().size() + " symbols)")
        : result(HardeningCheck.STRIPPED, Status.PASS, CheckResult.YES, "no .symtab");
  }

  private static CheckResult debugInfo(ElfFacts f) {
    List<String> dwarf = new ArrayList<>();
    boolean link = false;
    for (String n : f.sectionNames()) {
      if (n.startsWith(".debug_") || n.startsWith(".zdebug_")) {
        dwarf.add(n);
      }
      link |= n.equals(".gnu_debuglink") || n.equals(".gnu_debugaltlink");
    }
    if (!dwarf.isEmpty()) {
      return result(HardeningCheck.DEBUG_INFO, Status.PASS, CheckResult.YES, String.join(", ", sampleList(dwarf)));
    }
    return result(HardeningCheck.DEBUG_INFO, Status.PASS, CheckResult.NO,
        "no .debug_* sections" + (link ? " (.gnu_debuglink names a separate debug file)" : ""));
  }

  private static List<String> sampleList(List<String> l) {
    return l.size() <= 6 ? l : l.subList(0, 6);
  }

  private static CheckResult isaLevel(ElfFacts f) {
    if (f.machine() != ElfFacts.EM_X86_64 && f.machine() != ElfFacts.EM_386) {
      return result(HardeningCheck.ISA_LEVEL, Status.NOT_APPLICABLE, CheckResult.NOT_APPLICABLE,
          "x86 only (" + f.machineLabel() + ")");
    }
    Optional<Property> p = property(f, X86_ISA_1_NEEDED);
    if (p.isEmpty()) {
      return result(HardeningCheck.ISA_LEVEL, Status.PASS, "baseline",
          f.propertyNote() ? "GNU property note without X86_ISA_1_NEEDED: baseline assumed"
              : "no GNU property note: baseline assumed");
    }
    long v = p.get().value();
    String level = (v & 0x8) != 0 ? "v4" : (v & 0x4) != 0 ? "v3" : (v & 0x2) != 0 ? "v2" : "baseline";
    return result(HardeningCheck.ISA_LEVEL, Status.PASS, level, "X86_ISA_1_NEEDED " + hex(v)
        + " (x86-64-" + level + ")");
  }

  private static Optional<Property> property(ElfFacts f, long type) {
    Property found = null;
    for (Property p : f.properties()) {
      if (p.type() == type) {
        found = p;
      }
    }
    return Optional.ofNullable(found);
  }

  // ---- CET, BTI, PAC ----

  private static void cet(ElfFacts f, Map<HardeningCheck, CheckResult> r) {
    if (f.machine() != ElfFacts.EM_X86_64 && f.machine() != ElfFacts.EM_386) {
      String why = "x86 CET only (" + f.machineLabel() + ")";
      r.put(HardeningCheck.IBT, result(HardeningCheck.IBT, Status.NOT_APPLICABLE, CheckResult.NOT_APPLICABLE, why));
      r.put(HardeningCheck.SHSTK,
          result(HardeningCheck.SHSTK, Status.NOT_APPLICABLE, CheckResult.NOT_APPLICABLE, why));
      return;
    }
    Optional<Property> p = property(f, X86_FEATURE_1_AND);
    r.put(HardeningCheck.IBT, featureBit(f, HardeningCheck.IBT, p, X86_IBT, "X86_FEATURE_1_AND", "IBT"));
    r.put(HardeningCheck.SHSTK, featureBit(f, HardeningCheck.SHSTK, p, X86_SHSTK, "X86_FEATURE_1_AND", "SHSTK"));
  }

  private static CheckResult featureBit(
      ElfFacts f, HardeningCheck c, Optional<Property> p, long bit, String prop, String name) {
    if (!f.propertyNote()) {
      return result(c, Status.FAIL, CheckResult.NO, "no GNU property note (NT_GNU_PROPERTY_TYPE_0)");
    }
    if (p.isEmpty()) {
      return result(c, Status.FAIL, CheckResult.NO, "GNU property note without " + prop);
    }
    long v = p.get().value();
    return (v & bit) != 0
        ? result(c, Status.PASS, CheckResult.YES, prop + " " + hex(v) + " has " + name)
        : result(c, Status.FAIL, CheckResult.NO, prop + " " + hex(v) + " lacks " + name);
  }

  private static void branchProtection(ElfFacts f, Map<HardeningCheck, CheckResult> r) {
    if (f.machine() != ElfFacts.EM_AARCH64) {
      String why = "AArch64 only (" + f.machineLabel() + ")";
      r.put(HardeningCheck.BTI, result(HardeningCheck.BTI, Status.NOT_APPLICABLE, CheckResult.NOT_APPLICABLE, why));
      r.put(HardeningCheck.PAC, result(HardeningCheck.PAC, Status.NOT_APPLICABLE, CheckResult.NOT_APPLICABLE, why));
      return;
    }
    Optional<Property> p = property(f, AARCH64_FEATURE_1_AND);
    r.put(HardeningCheck.BTI, aarch64(f, HardeningCheck.BTI, p, AARCH64_BTI, "BTI", ElfFacts.DT_AARCH64_BTI_PLT,
        "DT_AARCH64_BTI_PLT"));
    r.put(HardeningCheck.PAC, aarch64(f, HardeningCheck.PAC, p, AARCH64_PAC, "PAC", ElfFacts.DT_AARCH64_PAC_PLT,
        "DT_AARCH64_PAC_PLT"));
  }

  private static CheckResult aarch64(
      ElfFacts f, HardeningCheck c, Optional<Property> p, long bit, String name, long tag, String tagName) {
    List<String> yes = new ArrayList<>();
    if (p.isPresent() && (p.get().value() & bit) != 0) {
      yes.add("AARCH64_FEATURE_1_AND " + hex(p.get().value()) + " has " + name);
    }
    if (f.hasDynamicTag(tag)) {
      yes.add(tagName + " present");
    }
    if (!yes.isEmpty()) {
      return result(c, Status.PASS, CheckResult.YES, String.join(", ", yes));
    }
    String note = !f.propertyNote() ? "no GNU property note"
        : p.isEmpty() ? "GNU property note without AARCH64_FEATURE_1_AND"
            : "AARCH64_FEATURE_1_AND " + hex(p.get().value()) + " lacks " + name;
    return result(c, Status.FAIL, CheckResult.NO, note + ", no " + tagName);
  }

  // ---- W+X ----

  private static CheckResult wx(ElfFacts f) {
    List<String> bad = new ArrayList<>();
    int loads = 0;
    int index = 0;
    for (Segment s : f.segments()) {
      if (s.type() == ElfFacts.PT_LOAD) {
        loads++;
        if (s.writable() && s.executable() && s.memorySize() > 0) {
          bad.add("PT_LOAD #" + index + " " + s.flagString().trim());
        }
      }
      index++;
    }
    if (loads == 0) {
      return result(HardeningCheck.WX_SEGMENTS, Status.NOT_APPLICABLE, CheckResult.NOT_APPLICABLE, "no PT_LOAD");
    }
    return bad.isEmpty()
        ? result(HardeningCheck.WX_SEGMENTS, Status.PASS, CheckResult.NO,
            "no PT_LOAD both writable and executable (" + loads + " PT_LOAD)")
        : result(HardeningCheck.WX_SEGMENTS, Status.FAIL, CheckResult.YES, String.join(", ", bad));
  }

  // ---- annobin: stack clash, _GLIBCXX_ASSERTIONS ----

  private static void annobin(ElfFacts f, Map<HardeningCheck, CheckResult> r) {
    r.put(HardeningCheck.STACK_CLASH, annobinBool(f, HardeningCheck.STACK_CLASH, "stack_clash",
        "-fstack-clash-protection"));
    r.put(HardeningCheck.GLIBCXX_ASSERTIONS, annobinBool(f, HardeningCheck.GLIBCXX_ASSERTIONS, "GLIBCXX_ASSERTIONS",
        "-D_GLIBCXX_ASSERTIONS"));
  }

  private static CheckResult annobinBool(ElfFacts f, HardeningCheck c, String attribute, String option) {
    int on = 0;
    int off = 0;
    boolean pluginNotes = false;
    boolean assemblerOnly = false;
    for (AnnobinNote n : f.annobin()) {
      if (n.attribute().equals(attribute)) {
        if (n.kind() == '+') {
          on++;
        } else if (n.kind() == '!') {
          off++;
        }
      }
      if (n.kind() == '$' && n.attribute().equals("1")) {
        // version note "3p4" (plugin) versus "3a1" (assembler-generated, says nothing about compiler options)
        if (n.value().length() >= 2 && n.value().charAt(1) == 'a') {
          assemblerOnly = true;
        } else {
          pluginNotes = true;
        }
      }
    }
    if (on > 0 && off == 0) {
      return result(c, Status.PASS, CheckResult.YES, "annobin notes record " + option + " (" + on + " notes)");
    }
    if (off > 0) {
      return result(c, on > 0 ? Status.PARTIAL : Status.FAIL, CheckResult.NO,
          "annobin notes record " + option + " off in " + off + " of " + (on + off) + " notes");
    }
    if (f.annobin().isEmpty()) {
      return result(c, Status.UNKNOWN, CheckResult.UNKNOWN,
          "not decidable from the binary without annobin notes (" + option + ")");
    }
    if (assemblerOnly && !pluginNotes) {
      return result(c, Status.UNKNOWN, CheckResult.UNKNOWN,
          "only assembler-generated annobin notes (GA$<version>3a), which say nothing about " + option);
    }
    return result(c, Status.UNKNOWN, CheckResult.UNKNOWN, "annobin notes present but silent about " + option);
  }
}
