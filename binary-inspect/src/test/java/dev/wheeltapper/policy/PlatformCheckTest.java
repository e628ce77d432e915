package dev.wheeltapper.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.wheel.Tag;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The policy rules on linkage facts written by hand: each rule, and inputs that try to mislead it. */
class PlatformCheckTest {
  private static BinaryLinkage elf(String path, String machine, int bits, List<String> needed, List<String> runpath,
      Map<String, List<String>> versions, Set<String> strong, Set<String> weak) {
    return new BinaryLinkage(path, machine, bits, true, Optional.empty(), needed, List.of(), runpath, versions,
        strong, weak);
  }

  private static List<Tag> tags(String... tags) {
    return java.util.Arrays.stream(tags).map(t -> Tag.parse(t).orElseThrow()).toList();
  }

  @Test
  void bundledLibrariesAreFoundOnlyWhereTheLoaderLooks() {
    BinaryLinkage b = elf("pkg/sub/_x.so", "x86_64", 64, List.of("libfoo.so.1"),
        List.of("$ORIGIN/../../pkg.libs", "${ORIGIN}", "/usr/lib", "$ORIGIN/../../../escape"), Map.of(), Set.of(),
        Set.of());
    assertThat(PlatformCheck.bundled(b, "libfoo.so.1", Set.of("pkg.libs/libfoo.so.1"))).isTrue();
    assertThat(PlatformCheck.bundled(b, "libfoo.so.1", Set.of("pkg/sub/libfoo.so.1"))).isTrue();
    assertThat(PlatformCheck.bundled(b, "libfoo.so.1", Set.of("usr/lib/libfoo.so.1"))).isFalse();
    assertThat(PlatformCheck.bundled(b, "libfoo.so.1", Set.of("escape/libfoo.so.1"))).isFalse();
    assertThat(PlatformCheck.bundled(b, "../pkg.libs/libfoo.so.1", Set.of("pkg.libs/libfoo.so.1"))).isFalse();
    // Without a search path, a library lying beside the binary is still not found.
    BinaryLinkage bare = elf("pkg/_x.so", "x86_64", 64, List.of("libfoo.so.1"), List.of(), Map.of(), Set.of(),
        Set.of());
    assertThat(PlatformCheck.bundled(bare, "libfoo.so.1", Set.of("pkg/libfoo.so.1"))).isFalse();
    // RUNPATH hides RPATH, as in ld.so.
    BinaryLinkage both = new BinaryLinkage("pkg/_x.so", "x86_64", 64, true, Optional.empty(), List.of("libfoo.so.1"),
        List.of("$ORIGIN"), List.of("$ORIGIN/../other"), Map.of(), Set.of(), Set.of());
    assertThat(PlatformCheck.bundled(both, "libfoo.so.1", Set.of("pkg/libfoo.so.1"))).isFalse();
    assertThat(PlatformCheck.bundled(both, "libfoo.so.1", Set.of("other/libfoo.so.1"))).isTrue();
  }

  @Test
  void aMusllinuxClaimOverGlibcBinariesIsAMismatch() {
    BinaryLinkage b = elf("x.so", "x86_64", 64, List.of("libc.so.6"), List.of(),
        Map.of("libc.so.6", List.of("GLIBC_2.2.5")), Set.of("memcpy"), Set.of());
    PlatformCheck.Outcome o = PlatformCheck.check(tags("cp312-cp312-musllinux_1_2_x86_64"), List.of(b), Set.of());
    assertThat(o.findings()).extracting(Finding::code).contains(Codes.POLICY_PLATFORM_MISMATCH);
    assertThat(o.manylinux()).get().extracting(PlatformResult::satisfied).isEqualTo("manylinux_2_5_x86_64");
    // the musllinux claim is judged and reported, not dropped
    assertThat(o.musllinux()).get().satisfies(m -> {
      assertThat(m.claimed()).contains("musllinux_1_2_x86_64");
      assertThat(m.ok()).isFalse();
      assertThat(m.satisfied()).isEqualTo("linux_x86_64");
    });
  }

  /**
   * nvidia_cuda_cupti 13.0: a manylinux_2_25 claim (PEP 600 allows any glibc version) for binaries needing GLIBC_2.25;
   * auditwheel has policies 2_24 and 2_26 only, and the claim holds.
   */
  @Test
  void aClaimBetweenTwoPoliciesAllowsItsOwnGlibcVersion() {
    BinaryLinkage b = elf("x.so", "x86_64", 64, List.of("libc.so.6"), List.of(),
        Map.of("libc.so.6", List.of("GLIBC_2.2.5", "GLIBC_2.25")), Set.of(), Set.of());
    PlatformCheck.Outcome ok = PlatformCheck.check(tags("py3-none-manylinux_2_25_x86_64"), List.of(b), Set.of());
    assertThat(ok.findings()).isEmpty();
    assertThat(ok.manylinux()).get().satisfies(m -> {
      assertThat(m.ok()).isTrue();
      assertThat(m.satisfied()).isEqualTo("manylinux_2_25_x86_64");
    });
    BinaryLinkage newer = elf("x.so", "x86_64", 64, List.of("libc.so.6"), List.of(),
        Map.of("libc.so.6", List.of("GLIBC_2.26")), Set.of(), Set.of());
    PlatformCheck.Outcome bad = PlatformCheck.check(tags("py3-none-manylinux_2_25_x86_64"), List.of(newer), Set.of());
    assertThat(bad.manylinux()).get().extracting(PlatformResult::ok).isEqualTo(false);
    assertThat(bad.findings()).extracting(Finding::code).containsOnly(Codes.POLICY_MANYLINUX_VIOLATION);
  }

  /** maturin 1.15: one static binary, a file name claiming manylinux_2_12 and musllinux_1_1; both hold. */
  @Test
  void aStaticBinaryHonoursBothFamiliesItClaims() {
    BinaryLinkage b = elf("maturin-1.15.0.data/scripts/maturin", "x86_64", 64, List.of(), List.of(), Map.of(),
        Set.of(), Set.of());
    PlatformCheck.Outcome o = PlatformCheck.check(
        tags("py3-none-manylinux_2_12_x86_64", "py3-none-musllinux_1_1_x86_64"), List.of(b), Set.of());
    assertThat(o.findings()).isEmpty();
    assertThat(o.manylinux()).get().satisfies(m -> {
      assertThat(m.claimed()).contains("manylinux_2_12_x86_64");
      assertThat(m.ok()).isTrue();
      assertThat(m.libc()).isEqualTo("none");
    });
    assertThat(o.musllinux()).get().satisfies(m -> {
      assertThat(m.claimed()).contains("musllinux_1_1_x86_64");
      assertThat(m.ok()).isTrue();
    });
  }

  @Test
  void claimsOutsideThePolicyDataAreViolationsWithAReason() {
    BinaryLinkage b = elf("x.so", "x86_64", 64, List.of("libc.so.6"), List.of(),
        Map.of("libc.so.6", List.of("GLIBC_2.2.5")), Set.of(), Set.of());
    PlatformCheck.Outcome old = PlatformCheck.check(tags("cp312-cp312-manylinux_2_3_x86_64"), List.of(b), Set.of());
    assertThat(old.findings()).singleElement().extracting(Finding::message).asString().contains("older than every");
    BinaryLinkage mips = elf("x.so", "mips64", 64, List.of("libc.so.6"), List.of(), Map.of(), Set.of(), Set.of());
    PlatformCheck.Outcome noArch = PlatformCheck.check(tags("cp312-cp312-manylinux_2_17_mips64"), List.of(mips),
        Set.of());
    assertThat(noArch.manylinux().orElseThrow().satisfied()).isEqualTo("linux_mips64");
    assertThat(noArch.findings()).singleElement().extracting(Finding::message).asString()
        .contains("no policy for mips64");
  }

  @Test
  void weakImportsOfBlacklistedSymbolsDoNotCount() {
    // auditwheel#663: cryptography's weak __cxa_thread_atexit_impl was misread as blacklisted.
    BinaryLinkage weak = elf("x.so", "x86_64", 64, List.of("libc.so.6"), List.of(), Map.of(), Set.of(),
        Set.of("__cxa_thread_atexit_impl"));
    BinaryLinkage strong = elf("x.so", "x86_64", 64, List.of("libc.so.6"), List.of(), Map.of(),
        Set.of("__cxa_thread_atexit_impl"), Set.of());
    List<Tag> t = tags("cp312-cp312-manylinux_2_17_x86_64");
    assertThat(PlatformCheck.check(t, List.of(weak), Set.of()).manylinux().orElseThrow().ok()).isTrue();
    PlatformCheck.Outcome o = PlatformCheck.check(t, List.of(strong), Set.of());
    assertThat(o.manylinux().orElseThrow().ok()).isFalse();
    assertThat(o.findings()).singleElement().extracting(Finding::message).asString()
        .contains("__cxa_thread_atexit_impl").contains("blacklisted");
  }

  @Test
  void thirtyTwoBitMuslTime64SymbolsNeedMusl12() {
    BinaryLinkage b = elf("x.so", "i386", 32, List.of("libc.so"), List.of(), Map.of(), Set.of("__clock_gettime64"),
        Set.of());
    PlatformCheck.Outcome o = PlatformCheck.check(tags("cp312-cp312-musllinux_1_1_i686"), List.of(b), Set.of());
    PlatformResult m = o.musllinux().orElseThrow();
    assertThat(m.libc()).isEqualTo("musl");
    assertThat(m.satisfied()).isEqualTo("musllinux_1_2_i686");
    assertThat(m.ok()).isFalse();
    assertThat(o.findings()).extracting(Finding::message).anyMatch(s -> s.contains("time_t"));
  }

  @Test
  void libpythonBreaksAClaimThatTheSymbolsMeet() {
    BinaryLinkage b = elf("x.so", "x86_64", 64, List.of("libpython3.12.so.1.0", "libc.so.6"), List.of(), Map.of(),
        Set.of(), Set.of());
    PlatformCheck.Outcome o = PlatformCheck.check(tags("cp312-cp312-manylinux_2_28_x86_64"), List.of(b), Set.of());
    PlatformResult m = o.manylinux().orElseThrow();
    assertThat(m.satisfied()).isEqualTo("manylinux_2_5_x86_64");
    assertThat(m.ok()).isFalse();
    assertThat(m.externalLibraries()).isEmpty();
    assertThat(o.findings()).singleElement().extracting(Finding::message).asString().contains("libpython3.12");
  }

  @Test
  void theLoaderAndUnlimitedNamespacesAreNotJudged() {
    BinaryLinkage b = elf("x.so", "x86_64", 64, List.of("ld-linux-x86-64.so.2", "libc.so.6", "libfoo.so.1"),
        List.of("$ORIGIN"), Map.of("ld-linux-x86-64.so.2", List.of("GLIBC_2.99"), "libfoo.so.1", List.of("FOO_9.0")),
        Set.of(), Set.of());
    PlatformCheck.Outcome o = PlatformCheck.check(tags("cp312-cp312-manylinux1_x86_64"), List.of(b),
        Set.of("libfoo.so.1"));
    PlatformResult m = o.manylinux().orElseThrow();
    assertThat(m.claimed()).contains("manylinux_2_5_x86_64");
    assertThat(m.satisfied()).isEqualTo("manylinux_2_5_x86_64");
    assertThat(m.ok()).isTrue();
    assertThat(m.symbolVersions()).containsEntry("FOO", "9.0");
  }

  @Test
  void aWheelWithoutLinuxTagsOrBinariesHasNoVerdict() {
    BinaryLinkage b = elf("x.so", "x86_64", 64, List.of("libc.so.6"), List.of(), Map.of(), Set.of(), Set.of());
    assertThat(PlatformCheck.check(tags("py3-none-any"), List.of(b), Set.of()).manylinux()).isEmpty();
    assertThat(PlatformCheck.check(tags("cp312-cp312-manylinux_2_17_x86_64"), List.of(), Set.of()).manylinux())
        .isEmpty();
  }
}
