package dev.wheeltapper.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheeltapper.elf.Segment;
import dev.wheeltapper.report.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The ELF checks on facts stated directly: edge cases and hostile combinations the fixtures cannot produce. */
class ElfHardeningTest {

  private static final long PT_LOAD = ElfFacts.PT_LOAD;

  /** A well-formed x86-64 shared object: R, RX, R, RW loads, RW stack, GNU_RELRO, a dynamic section. */
  private static ElfFacts.Builder dso(int machine, String label) {
    return ElfFacts.builder(64, true, ElfFacts.ET_DYN, machine, label)
        .segment(PT_LOAD, Segment.PF_R, 0x1000)
        .segment(PT_LOAD, ElfFacts.PF_RX, 0x1000)
        .segment(PT_LOAD, ElfFacts.PF_RW, 0x1000)
        .segment(ElfFacts.PT_DYNAMIC, ElfFacts.PF_RW, 0x200)
        .segment(ElfFacts.PT_GNU_RELRO, Segment.PF_R, 0x100)
        .dynamic(1, 1)
        .dynamicSymbol("memcpy", false, ElfFacts.STT_FUNC);
  }

  private static ElfFacts.Builder x86() {
    return dso(ElfFacts.EM_X86_64, "x86_64");
  }

  private static Hardening check(ElfFacts.Builder b) {
    return ElfHardening.check(b.build(), CheckContext.bareFile());
  }

  private static String v(Hardening h, HardeningCheck c) {
    return h.result(c).value().label() + ":" + h.status(c).label();
  }

  private static List<String> codes(Hardening h) {
    return h.findings("x.so").stream().map(Finding::code).collect(Collectors.toList());
  }

  @Test
  void theLastGnuStackWinsAsInGlibc() {
    Hardening h = check(x86().segment(ElfFacts.PT_GNU_STACK, ElfFacts.PF_RWX, 0).segment(ElfFacts.PT_GNU_STACK,
        ElfFacts.PF_RW, 0));
    assertThat(v(h, HardeningCheck.NX)).isEqualTo("yes:pass");
    assertThat(h.result(HardeningCheck.NX).evidence()).contains("the last of 2 PT_GNU_STACK headers");
    Hardening h2 = check(x86().segment(ElfFacts.PT_GNU_STACK, ElfFacts.PF_RW, 0).segment(ElfFacts.PT_GNU_STACK,
        ElfFacts.PF_RWX, 0));
    assertThat(v(h2, HardeningCheck.EXECSTACK)).isEqualTo("yes:fail");
    assertThat(codes(h2)).contains("hardening.execstack").doesNotContain("hardening.no-nx");
  }

  @Test
  void aStackSizeIsNotAnExecutableStack() {
    Hardening h = check(x86().segment(ElfFacts.PT_GNU_STACK, ElfFacts.PF_RW, 0x800000));
    assertThat(v(h, HardeningCheck.NX)).isEqualTo("yes:pass");
    assertThat(h.result(HardeningCheck.NX).evidence()).contains("stack size 0x800000 requested, not executable");
  }

  @Test
  void aMissingGnuStackFollowsTheMachineDefault() {
    Map<Integer, String> machines = Map.of(62, "yes", 3, "yes", 40, "yes", 21, "yes", 22, "yes", 8, "yes",
        183, "no", 243, "no", 258, "no", 50, "no");
    machines.forEach((machine, exec) -> {
      Hardening h = check(dso(machine, "em" + machine));
      assertThat(h.result(HardeningCheck.EXECSTACK).value().label()).as("e_machine %d", machine).isEqualTo(exec);
      assertThat(codes(h).contains("hardening.no-nx")).as("e_machine %d", machine).isEqualTo(exec.equals("yes"));
    });
    assertThat(check(x86()).result(HardeningCheck.NX).evidence())
        .isEqualTo("no PT_GNU_STACK: the loader's default stack on x86_64 is executable (glibc 2.41 refuses to "
            + "dlopen such a library)");
  }

  @Test
  void immediateBindingIsTheUnionOfTheThreeMarks() {
    for (long[] tag : new long[][] {{ElfFacts.DT_BIND_NOW, 0}, {ElfFacts.DT_FLAGS, ElfFacts.DF_BIND_NOW},
        {ElfFacts.DT_FLAGS_1, ElfFacts.DF_1_NOW}}) {
      Hardening h = check(x86().dynamic(tag[0], tag[1]).segment(ElfFacts.PT_GNU_STACK, ElfFacts.PF_RW, 0));
      assertThat(v(h, HardeningCheck.RELRO)).isEqualTo("full:pass");
      assertThat(v(h, HardeningCheck.BIND_NOW)).isEqualTo("yes:pass");
    }
    // a repeated DT_FLAGS: the loader keeps the last entry
    Hardening repeated = check(x86().dynamic(ElfFacts.DT_FLAGS, ElfFacts.DF_BIND_NOW).dynamic(ElfFacts.DT_FLAGS, 0));
    assertThat(v(repeated, HardeningCheck.BIND_NOW)).isEqualTo("no:fail");
    Hardening lazy = check(x86().dynamic(ElfFacts.DT_FLAGS, ElfFacts.DF_TEXTREL));
    assertThat(v(lazy, HardeningCheck.RELRO)).isEqualTo("partial:partial");
    assertThat(codes(lazy)).contains("hardening.partial-relro");
  }

  @Test
  void bindNowWithoutGnuRelroIsNoRelro() {
    // checksec's Go port reports "Full RELRO" here because it tests bind-now first
    ElfFacts f = ElfFacts.builder(64, true, ElfFacts.ET_DYN, 62, "x86_64").segment(PT_LOAD, ElfFacts.PF_RX, 1)
        .dynamic(ElfFacts.DT_FLAGS, ElfFacts.DF_BIND_NOW).build();
    Hardening h = ElfHardening.check(f, CheckContext.bareFile());
    assertThat(v(h, HardeningCheck.RELRO)).isEqualTo("none:fail");
    assertThat(v(h, HardeningCheck.GNU_RELRO)).isEqualTo("no:fail");
    assertThat(v(h, HardeningCheck.BIND_NOW)).isEqualTo("yes:pass");
    assertThat(h.result(HardeningCheck.RELRO).evidence())
        .isEqualTo("no PT_GNU_RELRO, DT_FLAGS has DF_BIND_NOW (0x8)");
  }

  @Test
  void relocatableObjectsHaveNoLoaderChecks() {
    ElfFacts f = ElfFacts.builder(64, true, ElfFacts.ET_REL, 62, "x86_64").section(".text").section(".symtab")
        .staticSymbol("lib.c", true, ElfFacts.STT_FILE).build();
    Hardening h = ElfHardening.check(f, CheckContext.bareFile());
    for (HardeningCheck c : List.of(HardeningCheck.RELRO, HardeningCheck.NX, HardeningCheck.EXECSTACK,
        HardeningCheck.PIE, HardeningCheck.WX_SEGMENTS, HardeningCheck.TEXTREL)) {
      assertThat(h.status(c)).as(c.key()).isEqualTo(Status.NOT_APPLICABLE);
    }
    assertThat(h.result(HardeningCheck.RELRO).jsonValue()).isNull();
    assertThat(h.result(HardeningCheck.PIE).jsonValue()).isNull();
    assertThat(h.result(HardeningCheck.NX).jsonValue()).isNull();
    // the object's symbols still tell whether its code was compiled with a stack protector
    assertThat(codes(h)).containsExactly("hardening.no-canary");
  }

  @Test
  void pieFollowsAnnochecksOrder() {
    Map<String, ElfFacts.Builder> cases = new java.util.LinkedHashMap<>();
    cases.put("yes:ET_DYN with DF_1_PIE in DT_FLAGS_1",
        x86().dynamic(ElfFacts.DT_FLAGS_1, ElfFacts.DF_1_PIE).soname("libx.so"));
    cases.put("dso:ET_DYN with DT_SONAME libx.so: a shared object",
        x86().soname("libx.so").segment(ElfFacts.PT_INTERP, Segment.PF_R, 0x1c));
    cases.put("yes:ET_DYN with PT_INTERP", x86().segment(ElfFacts.PT_INTERP, Segment.PF_R, 0x1c));
    cases.put("yes:ET_DYN with DT_DEBUG", x86().dynamic(ElfFacts.DT_DEBUG, 0));
    cases.put("dso:ET_DYN without DF_1_PIE, DT_SONAME, PT_INTERP or DT_DEBUG: a shared object (PT_PHDR alone does"
        + " not make a PIE)", x86().segment(ElfFacts.PT_PHDR, Segment.PF_R, 0x268));
    cases.forEach((want, b) -> {
      Hardening h = check(b);
      assertThat(h.result(HardeningCheck.PIE).value().label() + ":" + h.result(HardeningCheck.PIE).evidence())
          .isEqualTo(want);
    });
    ElfFacts exec = ElfFacts.builder(32, true, ElfFacts.ET_EXEC, 3, "i386").segment(PT_LOAD, ElfFacts.PF_RX, 1).build();
    Hardening h = ElfHardening.check(exec, CheckContext.bareFile());
    assertThat(v(h, HardeningCheck.PIE)).isEqualTo("no:fail");
    assertThat(codes(h)).contains("hardening.no-pie");
    // no dynamic section at all: static, no lazy binding possible
    assertThat(h.result(HardeningCheck.BIND_NOW).evidence()).startsWith("no dynamic section");
  }

  @Test
  void textrelFromEitherMark() {
    assertThat(v(check(x86().dynamic(ElfFacts.DT_FLAGS, ElfFacts.DF_TEXTREL)), HardeningCheck.TEXTREL))
        .isEqualTo("yes:fail");
    assertThat(v(check(x86().dynamic(ElfFacts.DT_TEXTREL, 0)), HardeningCheck.TEXTREL)).isEqualTo("yes:fail");
    assertThat(v(check(x86()), HardeningCheck.TEXTREL)).isEqualTo("no:pass");
  }

  @Test
  void canaryEvidence() {
    Hardening guard = check(x86().staticSymbol("__stack_chk_guard", true, 1));
    assertThat(guard.result(HardeningCheck.CANARY).evidence())
        .isEqualTo("references __stack_chk_guard (defined, .symtab)");
    ElfFacts bare = ElfFacts.builder(64, true, ElfFacts.ET_EXEC, 62, "x86_64").segment(PT_LOAD, ElfFacts.PF_RX, 1)
        .build();
    assertThat(v(ElfHardening.check(bare, CheckContext.bareFile()), HardeningCheck.CANARY))
        .isEqualTo("unknown:unknown");
    Hardening rust = ElfHardening.check(x86().build(), CheckContext.bareFile().withMemorySafeCode("only rust"));
    assertThat(v(rust, HardeningCheck.CANARY)).isEqualTo("no:not-applicable");
    assertThat(v(rust, HardeningCheck.FORTIFY)).isEqualTo("none:not-applicable");
    assertThat(codes(rust)).doesNotContain("hardening.no-canary", "hardening.no-fortify");
    assertThat(codes(check(x86()))).contains("hardening.no-canary", "hardening.no-fortify");
  }

  @Test
  void fortifyCountsImportsOnly() {
    ElfFacts.Builder b = x86().dynamicSymbol("__memcpy_chk", false, 2).dynamicSymbol("__chk_fail", false, 2)
        .dynamicSymbol("strcpy", true, 2).dynamicSymbol("__foo_chk", false, 2).dynamicSymbol("__stack_chk_fail",
            false, 2);
    Hardening h = check(b);
    assertThat(h.fortify().fortified()).containsExactly("__memcpy_chk");
    assertThat(h.fortify().unprotected()).containsExactly("memcpy");
    assertThat(h.fortify().fortifiable()).isEqualTo(2);
    assertThat(v(h, HardeningCheck.FORTIFY)).isEqualTo("partial:partial");
    assertThat(h.fortify().level()).isEqualTo(Fortify.Level.PARTIAL);
    ElfFacts none = ElfFacts.builder(64, true, ElfFacts.ET_DYN, 62, "x86_64").segment(PT_LOAD, ElfFacts.PF_RX, 1)
        .dynamicSymbol("__printf_chk", false, 2).build();
    assertThat(v(ElfHardening.check(none, CheckContext.bareFile()), HardeningCheck.FORTIFY)).isEqualTo("full:pass");
    assertThat(FortifiableFunctions.names()).hasSize(79).contains("explicit_bzero", "wmemset");
  }

  @Test
  void cetNoteWithoutTheBitsDiffersFromNoNote() {
    Hardening shstkOnly = check(x86().property(ElfHardening.X86_FEATURE_1_AND, 0x2));
    assertThat(v(shstkOnly, HardeningCheck.IBT)).isEqualTo("no:fail");
    assertThat(shstkOnly.result(HardeningCheck.IBT).evidence()).isEqualTo("X86_FEATURE_1_AND 0x2 lacks IBT");
    assertThat(v(shstkOnly, HardeningCheck.SHSTK)).isEqualTo("yes:pass");
    Hardening isaOnly = check(x86().property(ElfHardening.X86_ISA_1_NEEDED, 0x7));
    assertThat(isaOnly.result(HardeningCheck.IBT).evidence()).isEqualTo("GNU property note without X86_FEATURE_1_AND");
    assertThat(v(isaOnly, HardeningCheck.ISA_LEVEL)).isEqualTo("v3:pass");
    assertThat(v(check(x86().property(ElfHardening.X86_ISA_1_NEEDED, 0xf)), HardeningCheck.ISA_LEVEL))
        .isEqualTo("v4:pass");
    assertThat(check(x86()).result(HardeningCheck.IBT).evidence())
        .isEqualTo("no GNU property note (NT_GNU_PROPERTY_TYPE_0)");
    assertThat(v(check(dso(183, "aarch64")), HardeningCheck.IBT)).isEqualTo("n/a:not-applicable");
    assertThat(check(dso(183, "aarch64")).result(HardeningCheck.IBT).jsonValue()).isNull();
    assertThat(check(dso(183, "aarch64")).result(HardeningCheck.SHSTK).jsonValue()).isNull();
  }

  @Test
  void aarch64BranchProtection() {
    Hardening tag = check(dso(183, "aarch64").dynamic(ElfFacts.DT_AARCH64_BTI_PLT, 0));
    assertThat(v(tag, HardeningCheck.BTI)).isEqualTo("yes:pass");
    assertThat(tag.result(HardeningCheck.BTI).evidence()).isEqualTo("DT_AARCH64_BTI_PLT present");
    assertThat(v(tag, HardeningCheck.PAC)).isEqualTo("no:fail");
    Hardening note = check(dso(183, "aarch64").property(ElfHardening.AARCH64_FEATURE_1_AND, 0x3));
    assertThat(v(note, HardeningCheck.BTI)).isEqualTo("yes:pass");
    assertThat(v(note, HardeningCheck.PAC)).isEqualTo("yes:pass");
    assertThat(v(check(x86()), HardeningCheck.BTI)).isEqualTo("n/a:not-applicable");
  }

  @Test
  void writableExecutableLoads() {
    Hardening h = check(x86().segment(PT_LOAD, ElfFacts.PF_RWX, 0x10).segment(PT_LOAD, ElfFacts.PF_RWX, 0));
    assertThat(v(h, HardeningCheck.WX_SEGMENTS)).isEqualTo("yes:fail");
    assertThat(h.result(HardeningCheck.WX_SEGMENTS).evidence()).isEqualTo("PT_LOAD #5 RWE");
    assertThat(codes(h)).contains("hardening.wx-segment");
  }

  @Test
  void annobinDecidesStackClashAndAssertions() {
    Hardening none = check(x86());
    assertThat(v(none, HardeningCheck.STACK_CLASH)).isEqualTo("unknown:unknown");
    Hardening asm = check(x86().annobin(new AnnobinNote('$', "1", "3a1")));
    assertThat(asm.result(HardeningCheck.STACK_CLASH).evidence()).startsWith("only assembler-generated annobin notes");
    Hardening plugin = check(x86().annobin(new AnnobinNote('$', "1", "3p4"))
        .annobin(new AnnobinNote('+', "stack_clash", "")).annobin(new AnnobinNote('!', "GLIBCXX_ASSERTIONS", "")));
    assertThat(v(plugin, HardeningCheck.STACK_CLASH)).isEqualTo("yes:pass");
    assertThat(v(plugin, HardeningCheck.GLIBCXX_ASSERTIONS)).isEqualTo("no:fail");
    Hardening mixed = check(x86().annobin(new AnnobinNote('+', "stack_clash", ""))
        .annobin(new AnnobinNote('!', "stack_clash", "")));
    assertThat(v(mixed, HardeningCheck.STACK_CLASH)).isEqualTo("no:partial");
  }

  @Test
  void valuesAreTypedAndKeepTheirLabels() {
    ElfHardening partial = (ElfHardening) check(x86().segment(ElfFacts.PT_GNU_STACK, ElfFacts.PF_RW, 0));
    assertThat(partial.relro()).contains(Relro.Level.PARTIAL);
    assertThat(partial.pie()).contains(Pie.Kind.DSO);
    assertThat(partial.isaLevel()).contains(IsaLevel.Level.BASELINE);
    assertThat(partial.flag(HardeningCheck.NX)).contains(true);
    assertThat(partial.flag(HardeningCheck.CANARY)).contains(false);
    assertThat(partial.flag(HardeningCheck.RELRO)).isEmpty();
    assertThat(partial.result(HardeningCheck.RPATH).value()).isEqualTo(SearchPaths.Verdict.NONE);
    assertThat(partial.result(HardeningCheck.STACK_CLASH).value()).isEqualTo(CheckValue.Missing.UNKNOWN);
    assertThat(partial.result(HardeningCheck.ASLR).value()).isEqualTo(CheckValue.Missing.NOT_APPLICABLE);
    // the labels are the JSON contract's values, unchanged
    assertThat(List.of(Relro.Level.values())).extracting(CheckValue::label).containsExactly("none", "partial", "full");
    assertThat(List.of(Pie.Kind.values())).extracting(CheckValue::label).containsExactly("yes", "no", "dso");
    assertThat(List.of(IsaLevel.Level.values())).extracting(CheckValue::label)
        .containsExactly("baseline", "v2", "v3", "v4");
    assertThat(List.of(CodeSignature.Verdict.values())).extracting(CheckValue::label)
        .containsExactly("yes", "no", "invalid");
    assertThat(List.of(CheckValue.Missing.values())).extracting(CheckValue::label).containsExactly("unknown", "n/a");
    assertThat(List.of(SearchPaths.Verdict.values())).extracting(CheckValue::label)
        .containsExactly("none", "safe", "unsafe");
  }

  @Test
  void elfRecordHoldsOnlyElfChecks() {
    Hardening h = check(x86().segment(ElfFacts.PT_GNU_STACK, ElfFacts.PF_RW, 0));
    assertThat(h.format()).isEqualTo(dev.wheeltapper.bytes.NativeFormat.ELF);
    assertThat(h.results()).hasSize(21).doesNotContainKeys(HardeningCheck.ASLR, HardeningCheck.CODE_SIGNATURE);
    assertThat(h.result(HardeningCheck.RELRO).jsonValue()).isEqualTo("partial");
    assertThat(h.result(HardeningCheck.CANARY).jsonValue()).isEqualTo(false);
    assertThat(h.result(HardeningCheck.NX).jsonValue()).isEqualTo(true);
    assertThat(h.result(HardeningCheck.PIE).jsonValue()).isEqualTo("dso");
    assertThat(h.result(HardeningCheck.ISA_LEVEL).jsonValue()).isEqualTo("baseline");
    assertThat(h.result(HardeningCheck.ASLR).status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(((ElfHardening) h).stack()).isEqualTo(ElfHardening.Stack.NOT_EXECUTABLE);
    assertThat(h.searchPaths()).extracting(SearchPaths::tag)
        .containsExactly(SearchPaths.Tag.DT_RPATH, SearchPaths.Tag.DT_RUNPATH);
  }

  @Test
  void theResultModelRejectsGaps() {
    assertThatThrownBy(() -> new ElfHardening(Map.of(), new Fortify(List.of(), List.of()), List.of(),
        ElfHardening.Stack.NOT_LOADED))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing or misfiled result");
    assertThatThrownBy(() -> new CheckResult(HardeningCheck.NX, Status.PASS, null, "e"))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ElfFacts.builder(16, true, 3, 62, "x").build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
