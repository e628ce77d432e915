package dev.wheeltapper.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheeltapper.elf.AnnobinStringNote;
import dev.wheeltapper.elf.BuildEvidence;
import dev.wheeltapper.elf.FunctionEntries;
import dev.wheeltapper.dwarf.CompilationUnits;
import dev.wheeltapper.hardening.AnnobinNote;
import dev.wheeltapper.hardening.CheckContext;
import dev.wheeltapper.hardening.ElfFacts;
import dev.wheeltapper.hardening.ElfHardening;
import dev.wheeltapper.toolchain.Evidence;
import dev.wheeltapper.toolchain.Language;
import dev.wheeltapper.toolchain.MemorySafety;
import dev.wheeltapper.toolchain.Toolchain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The profile's rules on stated facts: the cases the fixtures cannot build here (Rust-only code, libc++ ABI tags,
 * annobin notes of both forms, an old toolset's {@code .comment}, hostile producer strings).
 */
class GuideProfileTest {

  /** A plain x86-64 shared object with full RELRO and a non-executable stack. */
  static ElfFacts.Builder dso() {
    return ElfFacts.builder(64, true, ElfFacts.ET_DYN, ElfFacts.EM_X86_64, "x86_64")
        .segment(ElfFacts.PT_LOAD, ElfFacts.PF_RX, 0x1000)
        .segment(ElfFacts.PT_GNU_STACK, ElfFacts.PF_RW, 0)
        .segment(ElfFacts.PT_GNU_RELRO, 4, 0x100)
        .dynamic(ElfFacts.DT_FLAGS, ElfFacts.DF_BIND_NOW)
        .needed("libc.so.6");
  }

  static Toolchain toolchain(Language... languages) {
    List<Evidence<Language>> l = new ArrayList<>();
    for (Language x : languages) {
      l.add(new Evidence<>(x, List.of("stated")));
    }
    boolean safe = languages.length > 0 && List.of(languages).stream().allMatch(Language::memorySafe);
    return new Toolchain(List.of(), l, List.of(), safe ? MemorySafety.YES : MemorySafety.NO, "stated");
  }

  static GuideProfile profile(ElfFacts facts, Toolchain t, GuidePlatform platform) {
    CheckContext ctx = t.memorySafe() == MemorySafety.YES ? CheckContext.bareFile().withMemorySafeCode("rust")
        : CheckContext.bareFile();
    return GuideProfile.of(GuideInputs.of(facts, ElfHardening.check(facts, ctx), t), platform);
  }

  @Test
  void rustOnlyIsNotApplicableButNodlopenStillBreaksTheImport() {
    GuideProfile p = profile(dso().dynamic(ElfFacts.DT_FLAGS_1, 0x40).build(), toolchain(Language.RUST),
        GuidePlatform.unknown());
    assertThat(p.applicable()).isFalse();
    assertThat(p.scope()).contains("rust only", "the guide is for C and C++");
    assertThat(p.rows()).filteredOn(r -> r.option() != GuideOption.NODLOPEN)
        .allMatch(r -> r.status() == GuideStatus.NOT_APPLICABLE && r.channel() == GuideChannel.TOOLCHAIN);
    assertThat(p.status(GuideOption.NODLOPEN)).isEqualTo(GuideStatus.NOT_MET);
    assertThat(p.findings("pkg/_x.so")).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("guide.nodlopen");
      assertThat(f.facts()).containsEntry("option", "-Wl,-z,nodlopen");
    });
    // and a Rust module without the flag raises nothing
    assertThat(profile(dso().build(), toolchain(Language.RUST), GuidePlatform.unknown()).findings("x")).isEmpty();
  }

  @Test
  void rustWithCIsJudged() {
    assertThat(profile(dso().build(), toolchain(Language.RUST, Language.C), GuidePlatform.unknown()).applicable())
        .isTrue();
  }

  @Test
  void libcxxHardeningModeFromItsAbiTags() {
    ElfFacts.Builder b = dso().needed("libc++.so.1")
        .staticSymbol("_ZNSt3__120__throw_out_of_rangeB8fe180100EPKc", true, ElfFacts.STT_FUNC)
        .staticSymbol("_ZNKSt3__16vectorIiNS_9allocatorIiEEE4sizeB8fe180100Ev", true, ElfFacts.STT_FUNC);
    GuideProfile p = profile(b.build(), toolchain(Language.CXX), GuidePlatform.unknown());
    assertThat(p.status(GuideOption.LIBCPP_HARDENING_MODE)).isEqualTo(GuideStatus.MET);
    assertThat(p.row(GuideOption.LIBCPP_HARDENING_MODE).orElseThrow().evidence()).contains("fast");
    assertThat(p.status(GuideOption.GLIBCXX_ASSERTIONS)).isEqualTo(GuideStatus.NOT_APPLICABLE);

    ElfFacts none = dso().needed("libc++.so.1")
        .staticSymbol("_ZNSt3__120__throw_out_of_rangeB8ne210106EPKc", true, ElfFacts.STT_FUNC).build();
    assertThat(profile(none, toolchain(Language.CXX), GuidePlatform.unknown()).status(
        GuideOption.LIBCPP_HARDENING_MODE)).isEqualTo(GuideStatus.NOT_MET);
    // a tag whose length does not match is not a tag
    ElfFacts lying = dso().needed("libc++.so.1")
        .staticSymbol("_ZNSt3__13fooB9fe180100Ev", true, ElfFacts.STT_FUNC).build();
    assertThat(profile(lying, toolchain(Language.CXX), GuidePlatform.unknown()).status(
        GuideOption.LIBCPP_HARDENING_MODE)).isEqualTo(GuideStatus.UNDETERMINABLE);
  }

  @Test
  void annobinNotesOfBothFormsDecide() {
    ElfFacts f = dso()
        .annobin(new AnnobinNote('*', "FORTIFY", "3"))
        .annobin(new AnnobinNote('*', "FORTIFY", "2"))
        .annobin(new AnnobinNote('+', "stack_clash", ""))
        .annobin(new AnnobinNote('*', "2", "3"))
        .buildEvidence(new BuildEvidence(CompilationUnits.none(), List.of(),
            List.of(new AnnobinStringNote("CF", "4", Optional.empty()), new AnnobinStringNote("SC", "1",
                Optional.empty())), FunctionEntries.none(), List.of(), Map.of()))
        .build();
    GuideProfile p = profile(f, toolchain(Language.C), GuidePlatform.unknown());
    assertThat(p.row(GuideOption.FORTIFY_SOURCE).orElseThrow()).satisfies(r -> {
      assertThat(r.status()).isEqualTo(GuideStatus.PARTLY_MET);
      assertThat(r.channel()).isEqualTo(GuideChannel.ANNOBIN);
      assertThat(r.evidence()).contains("1 of 2 notes at level 3");
    });
    assertThat(p.status(GuideOption.STACK_CLASH_PROTECTION)).isEqualTo(GuideStatus.MET);
    assertThat(p.status(GuideOption.STACK_PROTECTOR_STRONG)).isEqualTo(GuideStatus.MET);
    assertThat(p.row(GuideOption.CF_PROTECTION).orElseThrow().channel()).isEqualTo(GuideChannel.ANNOBIN);
  }

  @Test
  void anOldToolsetBoundsWhatWasPossible() {
    // manylinux2014's devtoolset: the crt's GCC 4.8.5 and the compiler's GCC 10.2.1
    ElfFacts f = dso().comment("GCC: (GNU) 4.8.5 20150623 (Red Hat 4.8.5-44)")
        .comment("GCC: (GNU) 10.2.1 20210130 (Red Hat 10.2.1-11)").build();
    GuideProfile p = profile(f, toolchain(Language.C), GuidePlatform.unknown());
    assertThat(p.row(GuideOption.TRIVIAL_AUTO_VAR_INIT).orElseThrow().evidence()).contains("GCC 10", "GCC 12");
    assertThat(p.status(GuideOption.TRIVIAL_AUTO_VAR_INIT)).isEqualTo(GuideStatus.NOT_APPLICABLE);
    // stack clash is GCC 8: possible, so not excused
    assertThat(p.status(GuideOption.STACK_CLASH_PROTECTION)).isEqualTo(GuideStatus.UNDETERMINABLE);
  }

  @Test
  void platformTagsDecideTheLowestGlibc() {
    GuidePlatform p = GuidePlatform.of(List.of("manylinux_2_28_x86_64", "manylinux2014_x86_64", "linux_x86_64"));
    assertThat(p.libc()).isEqualTo(GuidePlatform.Libc.GLIBC);
    assertThat(p.tag()).isEqualTo("manylinux_2_17_x86_64");
    assertThat(p.glibcBelow(2, 34)).isTrue();
    assertThat(GuidePlatform.of(List.of("musllinux_1_1_aarch64")).libc()).isEqualTo(GuidePlatform.Libc.MUSL);
    assertThat(GuidePlatform.of(List.of("any", "win_amd64")).libc()).isEqualTo(GuidePlatform.Libc.UNKNOWN);
  }

  @Test
  void hostileProducersAreBoundedAndNeverTrusted() {
    // a producer of 200,000 switches, a Rust unit, an assembler unit, a lying "GNU C" without a version
    StringBuilder huge = new StringBuilder("GNU C17 12.2.0");
    for (int i = 0; i < 200_000; i++) {
      huge.append(" -fno-strict-aliasing");
    }
    List<CompileUnit> units = List.of(new CompileUnit("a.c", huge.toString()),
        new CompileUnit("lib.rs", "clang LLVM (rustc version 1.70.0)"), new CompileUnit("x.S", "GNU AS 2.40"),
        new CompileUnit("", "GNU C junk -fstack-clash-protection"));
    ElfFacts f = dso().build();
    GuideInputs in = GuideInputs.of(f, ElfHardening.check(f, CheckContext.bareFile()), toolchain(Language.C))
        .withUnits(units);
    GuideProfile p = GuideProfile.of(in, GuidePlatform.unknown());
    GuideRow aliasing = p.row(GuideOption.NO_STRICT_ALIASING).orElseThrow();
    assertThat(aliasing.status()).isEqualTo(GuideStatus.MET);
    assertThat(aliasing.evidence()).contains("in the compilation unit"); // one C unit: Rust, asm and junk not counted
    assertThat(p.status(GuideOption.STACK_CLASH_PROTECTION)).isEqualTo(GuideStatus.NOT_MET);
  }

  @Test
  void aProfileHasExactlyOneRowPerOptionInOrder() {
    assertThatThrownBy(() -> new GuideProfile(true, "c", GuidePlatform.unknown(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    for (GuideOption o : GuideOption.values()) {
      assertThat(GuideOption.of(o.option())).contains(o);
    }
    assertThat(GuideOption.RELRO_NOW.option()).isEqualTo("-Wl,-z,relro -Wl,-z,now");
    assertThat(GuideStatus.PARTLY_MET.label()).isEqualTo("partly-met");
  }

  @Test
  void aPlainMemcpyProvesNoFortifyAbsentButAPlainPrintfDoes() {
    // FORTIFY wraps memcpy only where the object size is known; every printf-family call at level 2
    ElfFacts memcpy = dso().dynamicSymbol("memcpy", false, ElfFacts.STT_FUNC).build();
    assertThat(profile(memcpy, toolchain(Language.C), GuidePlatform.unknown()).status(GuideOption.FORTIFY_SOURCE))
        .isEqualTo(GuideStatus.UNDETERMINABLE);
    ElfFacts printf = dso().dynamicSymbol("memcpy", false, ElfFacts.STT_FUNC)
        .dynamicSymbol("fprintf", false, ElfFacts.STT_FUNC).build();
    GuideRow r = profile(printf, toolchain(Language.C), GuidePlatform.unknown()).row(GuideOption.FORTIFY_SOURCE)
        .orElseThrow();
    assertThat(r.status()).isEqualTo(GuideStatus.NOT_MET);
    assertThat(r.evidence()).contains("plain fprintf", "below level 2");
  }

  @Test
  void exceptionsOnlyMatterForCWithPthreadCleanup() {
    ElfFacts cancel = dso().dynamicSymbol("__pthread_register_cancel", false, ElfFacts.STT_FUNC).build();
    assertThat(profile(cancel, toolchain(Language.C), GuidePlatform.unknown()).status(GuideOption.EXCEPTIONS))
        .isEqualTo(GuideStatus.NOT_MET);
    assertThat(profile(dso().build(), toolchain(Language.C), GuidePlatform.unknown()).status(GuideOption.EXCEPTIONS))
        .isEqualTo(GuideStatus.NOT_APPLICABLE);
  }
}
