package dev.wheeltapper.elf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.dwarf.CompilationUnit;
import dev.wheeltapper.dwarf.CompilationUnits;
import dev.wheeltapper.hardening.ElfFacts;
import dev.wheeltapper.inspect.ElfSnapshot;
import dev.wheeltapper.isa.EntryMarker;
import dev.wheeltapper.isa.Prologue;
import dev.wheeltapper.testing.EvidenceFixtures;
import dev.wheeltapper.testing.EvidenceFixtures.Fixture;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The evidence channels on the committed evidence fixtures (built by {@link EvidenceFixtures} with GCC 12, G++ 12,
 * Clang 16 and the AArch64 cross GCC 12): what each recipe's flags must leave, read without any outside tool. The
 * comparisons with {@code readelf} and {@code objdump} are in {@link BuildEvidenceOracleTest}.
 */
class BuildEvidenceFixturesTest {

  private static BuildEvidence evidence(Fixture f) throws IOException {
    try (ElfFile elf = ElfFile.open(EvidenceFixtures.get(f))) {
      return BuildEvidence.of(elf);
    }
  }

  private static CompilationUnit onlyUnit(BuildEvidence e) {
    CompilationUnits cus = e.compilationUnits();
    assertThat(cus.complete()).as("every unit read: %s", cus).isTrue();
    assertThat(cus.units()).hasSize(1);
    return cus.units().get(0);
  }

  private static FunctionEntry function(BuildEvidence e, String name) {
    return e.functionEntries().functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  private static Map<String, String> compression(Fixture f) throws IOException {
    Map<String, String> out = new java.util.TreeMap<>();
    try (ElfFile elf = ElfFile.open(EvidenceFixtures.get(f))) {
      for (Section s : elf.sections()) {
        elf.compressionHeader(s).ifPresent(h -> out.put(s.name(), h.typeLabel()));
      }
    }
    return out;
  }

  @Test
  void gccRecordsItsCodeGenerationSwitchesButNeverItsDefines() throws IOException {
    BuildEvidence e = evidence(Fixture.GCC_DWARF5);
    CompilationUnit cu = onlyUnit(e);
    assertThat(cu.version()).isEqualTo(5);
    assertThat(cu.languageName()).contains("C11");
    assertThat(cu.name()).contains("src/evidence.c");
    assertThat(cu.compDir()).contains("/build"); // DW_FORM_line_strp, through -ffile-prefix-map
    assertThat(cu.producer()).hasValueSatisfying(p -> assertThat(p)
        .startsWith("GNU C17 12.2.0 ")
        .contains("-fstack-clash-protection", "-fstack-protector-strong", "-fcf-protection=full", "-O2", "-fPIC")
        .doesNotContain("_FORTIFY_SOURCE")); // reference E1: -D never reaches GCC's producer
    assertThat(compression(Fixture.GCC_DWARF5)).isEmpty();
    assertThat(e.recordedCommandLines()).isEmpty();
    assertThat(e.unreadable()).isEmpty();
  }

  @Test
  void zlibCompressedDwarf4IsInflatedToItsDeclaredSize() throws IOException {
    assertThat(compression(Fixture.GCC_DWARF4_ZLIB)).containsEntry(".debug_info", "zlib")
        .containsEntry(".debug_abbrev", "zlib").containsEntry(".debug_str", "zlib");
    try (ElfFile elf = ElfFile.open(EvidenceFixtures.get(Fixture.GCC_DWARF4_ZLIB))) {
      Section info = elf.section(".debug_info").orElseThrow();
      CompressionHeader h = elf.compressionHeader(info).orElseThrow();
      assertThat(h.type()).isEqualTo(CompressionHeader.ELFCOMPRESS_ZLIB);
      assertThat(h.headerSize()).isEqualTo(24);
      assertThat(elf.uncompressedContents(info).remaining()).isEqualTo(h.size()).isGreaterThan((int) info.size());
    }
    CompilationUnit cu = onlyUnit(evidence(Fixture.GCC_DWARF4_ZLIB));
    assertThat(cu.version()).isEqualTo(4);
    assertThat(cu.languageName()).contains("C99"); // GCC's DWARF 4 has no DW_LANG_C11
    assertThat(cu.producer()).hasValueSatisfying(p -> assertThat(p).contains("-gdwarf-4", "-gz=zlib",
        "-fno-stack-clash-protection", "-fcf-protection=none"));
  }

  @Test
  void legacyZdebugSectionsAreRead() throws IOException {
    assertThat(compression(Fixture.GCC_ZDEBUG)).containsEntry(".zdebug_info", "zlib")
        .containsEntry(".zdebug_line_str", "zlib");
    try (ElfFile elf = ElfFile.open(EvidenceFixtures.get(Fixture.GCC_ZDEBUG))) {
      assertThat(elf.compressionHeader(elf.section(".zdebug_info").orElseThrow()).orElseThrow().headerSize())
          .isEqualTo(12);
    }
    CompilationUnit cu = onlyUnit(evidence(Fixture.GCC_ZDEBUG));
    assertThat(cu.producer()).hasValueSatisfying(p -> assertThat(p).contains("-gz=zlib-gnu"));
    assertThat(cu.compDir()).contains("/build");
  }

  @Test
  void zstdCompressedSectionsDecodeAndClangRecordsItsCommandLine() throws IOException {
    assertThat(compression(Fixture.CLANG_ZSTD)).containsEntry(".debug_info", "zstd")
        .containsEntry(".debug_str_offsets", "zstd");
    BuildEvidence e = evidence(Fixture.CLANG_ZSTD);
    CompilationUnit cu = onlyUnit(e);
    assertThat(cu.version()).isEqualTo(5);
    assertThat(cu.producer()).contains("Debian clang version 16.0.6 (15~deb12u1)"); // DW_FORM_strx1
    assertThat(cu.name()).contains("src/evidence.c");
    assertThat(e.recordedCommandLines()).singleElement().satisfies(l -> assertThat(l)
        .startsWith("/usr/lib/llvm-16/bin/clang ").contains("-frecord-command-line", "-gz=zstd", "-O2"));
  }

  @Test
  void clangRecordsDefinesWithGrecordCommandLine() throws IOException {
    CompilationUnit cu = onlyUnit(evidence(Fixture.CLANG_DWARF5));
    assertThat(cu.producer()).hasValueSatisfying(p -> assertThat(p)
        .startsWith("Debian clang version 16.0.6 (15~deb12u1) ")
        .contains("-D _FORTIFY_SOURCE=3", "-fstack-clash-protection", "-fcf-protection=full")); // reference E2
    CompilationUnit bare = onlyUnit(evidence(Fixture.CLANG_DWARF4_ZLIB));
    assertThat(bare.producer()).contains("Debian clang version 16.0.6 (15~deb12u1)");
    assertThat(bare.version()).isEqualTo(4);
  }

  @Test
  void gccCommandLineSurvivesStripping() throws IOException {
    BuildEvidence e = evidence(Fixture.GCC_SWITCHES);
    assertThat(e.compilationUnits().isEmpty()).isTrue();
    assertThat(e.recordedCommandLines()).singleElement().satisfies(l -> assertThat(l)
        .startsWith("GNU C17 12.2.0 ").contains("-O2", "-fstack-clash-protection")
        .doesNotContain("-frecord-gcc-switches", "-s")); // the producer string (reference E1), not the command
    try (ElfFile elf = ElfFile.open(EvidenceFixtures.get(Fixture.GCC_SWITCHES))) {
      assertThat(elf.sections().withType(SectionType.SYMTAB).isEmpty()).isTrue(); // -s
    }
  }

  @Test
  void annobinStringNotesSplitIntoCodeValueAndOrigin() throws IOException {
    List<AnnobinStringNote> notes = evidence(Fixture.GCC_ANNOBIN).annobinStringNotes();
    assertThat(notes).extracting(AnnobinStringNote::code)
        .containsExactly("AV", "RV", "BV", "PN", "FL", "SP", "SC", "CF", "GA");
    assertThat(notes).contains(
        new AnnobinStringNote("FL", "3", java.util.Optional.of("annobin.c")),
        new AnnobinStringNote("SP", "3", java.util.Optional.empty()),
        new AnnobinStringNote("GA", "0", java.util.Optional.of("annobin.c:annobin_answer")));
  }

  @Test
  void cxxUnitAndItsAssertionImportReachTheFacts() throws IOException {
    try (ElfFile elf = ElfFile.open(EvidenceFixtures.get(Fixture.GXX_ASSERTIONS))) {
      ElfFacts facts = ElfSnapshot.of(elf);
      CompilationUnit cu = onlyUnit(facts.buildEvidence());
      assertThat(cu.languageName()).contains("C_plus_plus_14");
      assertThat(cu.producer()).hasValueSatisfying(p -> assertThat(p).startsWith("GNU C++17 12.2.0"));
      // the symbol channel is ElfFacts' own (reference E10), not repeated in BuildEvidence
      assertThat(facts.dynamicSymbols()).extracting(ElfFacts.Sym::name)
          .contains("_ZSt21__glibcxx_assert_failPKciS0_S0_");
      assertThat(facts.buildEvidence().versionedLibraries()).contains("libstdc++.so.6", "libc.so.6");
    }
  }

  @Test
  void x86EntryMarkersFollowCfProtection() throws IOException {
    for (FunctionEntry f : evidence(Fixture.GCC_DWARF5).functionEntries().exported()) {
      assertThat(f.prologue().marker()).as(f.name()).isEqualTo(EntryMarker.ENDBR64);
    }
    for (FunctionEntry f : evidence(Fixture.CLANG_DWARF5).functionEntries().exported()) {
      assertThat(f.prologue().marker()).as(f.name()).isEqualTo(EntryMarker.ENDBR64);
    }
    for (FunctionEntry f : evidence(Fixture.GCC_DWARF4_ZLIB).functionEntries().exported()) {
      assertThat(f.prologue().marker()).as(f.name()).isEqualTo(EntryMarker.NONE);
    }
    assertThat(evidence(Fixture.GCC_DWARF5).functionEntries().exported()).extracting(FunctionEntry::name)
        .contains("PyInit_evidence", "evidence_big_frame")
        .doesNotContain("deregister_tm_clones", "_init"); // .symtab locals and crt code are not exports
  }

  @Test
  void x86StackClashProbesOrTheirAbsence() throws IOException {
    for (Fixture f : List.of(Fixture.GCC_DWARF5, Fixture.GCC_SWITCHES, Fixture.CLANG_DWARF5)) {
      BuildEvidence e = evidence(f);
      for (String name : List.of("evidence_big_frame", "evidence_mid_frame")) {
        Prologue p = function(e, name).prologue();
        assertThat(p.probes()).as("%s %s", f, name).isTrue();
        assertThat(p.largeUnprobedFrame()).as("%s %s", f, name).isFalse();
      }
    }
    for (Fixture f : List.of(Fixture.GCC_DWARF4_ZLIB, Fixture.GCC_ZDEBUG, Fixture.CLANG_DWARF4_ZLIB)) {
      BuildEvidence e = evidence(f);
      Prologue big = function(e, "evidence_big_frame").prologue();
      assertThat(big.frameBytes()).as("%s", f).isGreaterThanOrEqualTo(70_000);
      assertThat(big.largeUnprobedFrame()).as("%s", f).isTrue();
      assertThat(function(e, "evidence_mid_frame").prologue().largeUnprobedFrame()).as("%s", f).isTrue();
      assertThat(function(e, "evidence_use").prologue().largeUnprobedFrame()).as("%s", f).isFalse();
    }
  }

  @Test
  void aarch64BranchProtectionAndProbes() throws IOException {
    BuildEvidence on = evidence(Fixture.AARCH64_STANDARD);
    assertThat(function(on, "PyInit_evidence").prologue().marker()).isEqualTo(EntryMarker.PACIASP);
    assertThat(function(on, "evidence_use").prologue().marker()).isEqualTo(EntryMarker.BTI_C); // a leaf
    assertThat(on.functionEntries().exported()).allSatisfy(f ->
        assertThat(f.prologue().marker().landsCalls()).as(f.name()).isTrue());
    Prologue big = function(on, "evidence_big_frame").prologue();
    assertThat(big.probes()).isTrue();
    assertThat(big.largeUnprobedFrame()).isFalse();
    // 5 000 bytes is below AArch64's 64 KiB guard: GCC does not probe it, and that is not a large frame there
    assertThat(function(on, "evidence_mid_frame").prologue()).satisfies(p -> {
      assertThat(p.probes()).isFalse();
      assertThat(p.largeUnprobedFrame()).isFalse();
    });
    assertThat(onlyUnit(on).producer()).hasValueSatisfying(p -> assertThat(p)
        .contains("-mbranch-protection=standard", "-fstack-clash-protection"));

    BuildEvidence off = evidence(Fixture.AARCH64_NONE);
    assertThat(off.functionEntries().exported()).allSatisfy(f ->
        assertThat(f.prologue().marker()).as(f.name()).isEqualTo(EntryMarker.NONE));
    assertThat(function(off, "evidence_big_frame").prologue().largeUnprobedFrame()).isTrue();
    assertThat(off.compilationUnits().isEmpty()).isTrue();
  }
}
