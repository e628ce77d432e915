package dev.wheeltapper.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.inspect.BinaryInspection;
import dev.wheeltapper.inspect.BinaryInspector;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.testing.GuideFixtures;
import dev.wheeltapper.testing.GuideFixtures.Fixture;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of the profile against the guide fixtures ({@link GuideFixtures}: the project's own C and C++ modules
 * built with each option on and off by gcc 12, g++, clang 16 and the AArch64 cross gcc). The expected statuses are
 * one letter per {@link GuideOption} in order: {@code M} met, {@code P} partly met, {@code N} not met, {@code -} not
 * applicable, {@code ?} undeterminable.
 */
class GuideFixtureRowsTest {

  static Stream<Arguments> expectations() {
    return Stream.of(
        // FORTIFY, GLIBCXX, LIBCPP, flex, clash, ssp, cf, bp, nodlopen, noexec, relro, pic, null, overflow,
        // aliasing, auto-var, exceptions, as-needed, no-copy, padding, warnings
        Arguments.of(Fixture.GCC_TLDR_G, "?---MMM--MMMMMMMM??-?"),
        Arguments.of(Fixture.GCC_TLDR_RECORD, "?---MMM--MMMMMMMM??-?"),
        Arguments.of(Fixture.GCC_TLDR_STRIPPED, "?---M?P--MMM????-??-?"),
        Arguments.of(Fixture.GCC_OFF_G, "N---NNN--NNMNNNNNN?-?"),
        Arguments.of(Fixture.GCC_FORTIFY1, "P---NNN--MPM????N??-?"),
        Arguments.of(Fixture.GCC_FORTIFY2, "?---NNN--MPM????N??-?"),
        Arguments.of(Fixture.GCC_NODLOPEN, "N---NNN-NMMM????N??-?"),
        Arguments.of(Fixture.GCC_LAZY_WRAPV_G, "N---NPN--MPMNPNNN??-?"),
        Arguments.of(Fixture.GCC_MIXED_G, "?---PPP--MMMPPPP-??-?"),
        Arguments.of(Fixture.GXX_ASSERTIONS, "?M--?NN--MMM????-??-?"),
        Arguments.of(Fixture.GXX_PLAIN, "??--?NN--MMM????-??-?"),
        Arguments.of(Fixture.CLANG_TLDR_RECORD, "M--MMMM--MMMMMMMM??-M"),
        Arguments.of(Fixture.CLANG_ONE_STEP_RECORD, "M--MMMM--MMMMMMMMMM-M"),
        Arguments.of(Fixture.CLANG_OFF_RECORD, "N--NNNN--MPMNNNNNN?-N"),
        Arguments.of(Fixture.CLANG_PLAIN_G, "N--?NNN--MPM????N??-?"),
        Arguments.of(Fixture.AARCH64_BP_G, "N---NM-M-MMMNNNNN??-?"),
        Arguments.of(Fixture.AARCH64_OFF, "N---NN-N-MPM????N??-?"));
  }

  static GuideProfile profile(Fixture f, List<String> platformTags) throws IOException {
    return inspect(f, platformTags).guide().orElseThrow();
  }

  static BinaryInspection inspect(Fixture f, List<String> platformTags) throws IOException {
    return BinaryInspector.forPath(f.output()).inWheel().onPlatforms(platformTags).inspect(GuideFixtures.get(f)).get(0);
  }

  private static char letter(GuideStatus s) {
    return switch (s) {
      case MET -> 'M';
      case PARTLY_MET -> 'P';
      case NOT_MET -> 'N';
      case NOT_APPLICABLE -> '-';
      case UNDETERMINABLE -> '?';
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expectations")
  void everyRowAsTheFixtureWasBuilt(Fixture f, String expected) throws IOException {
    GuideProfile p = profile(f, List.of());
    StringBuilder got = new StringBuilder();
    p.rows().forEach(r -> got.append(letter(r.status())));
    assertThat(p.applicable()).isTrue();
    assertThat(got.toString()).as("statuses of %s, in GuideOption order: %s", f, p.rows()).isEqualTo(expected);
    for (GuideRow r : p.rows()) {
      assertThat(r.evidence()).as("evidence of %s", r.option()).isNotBlank();
    }
  }

  @Test
  void everyOptionIsProvenMetAndNotMetOrSaysWhyItCannotBe() {
    // the fixtures cover each option both ways, except where no compiler here has it (GCC 15 padding bits, libc++)
    // and -Wl,-z,nodlopen, which is never met
    for (GuideOption o : GuideOption.values()) {
      List<Character> seen = expectations().map(a -> ((String) a.get()[1]).charAt(o.ordinal())).distinct().toList();
      if (o == GuideOption.ZERO_INIT_PADDING_BITS || o == GuideOption.LIBCPP_HARDENING_MODE) {
        assertThat(seen).as("%s", o).containsOnly('-');
      } else if (o == GuideOption.NODLOPEN) {
        assertThat(seen).as("%s", o).containsOnly('-', 'N');
      } else if (o == GuideOption.NO_COPY_DT_NEEDED_ENTRIES || o == GuideOption.WARNINGS) {
        assertThat(seen).as("%s", o).contains('M', '?');
      } else if (o == GuideOption.PIC_SHARED || o == GuideOption.GLIBCXX_ASSERTIONS) {
        assertThat(seen).as("%s", o).contains('M');
      } else {
        assertThat(seen).as("%s", o).contains('M', 'N');
      }
    }
  }

  @Test
  void unitsThatDisagreeAreNamedAndCounted() throws IOException {
    GuideRow r = profile(Fixture.GCC_MIXED_G, List.of()).row(GuideOption.STACK_CLASH_PROTECTION).orElseThrow();
    assertThat(r.channel()).isEqualTo(GuideChannel.DW_AT_PRODUCER);
    assertThat(r.evidence()).contains("in 1 of 2 compilation units", "units disagree", "not in 1: src/guidemix.c");
  }

  @Test
  void fortifyTwoOnAPlatformBelowGlibc234IsAsGoodAsItAllows() throws IOException {
    GuideRow old = profile(Fixture.GCC_FORTIFY2, List.of("manylinux_2_17_x86_64", "manylinux2014_x86_64"))
        .row(GuideOption.FORTIFY_SOURCE).orElseThrow();
    assertThat(old.status()).isEqualTo(GuideStatus.MET);
    assertThat(old.channel()).isEqualTo(GuideChannel.PLATFORM_TAG);
    assertThat(old.evidence()).contains("as good as its platform allows", "glibc 2.17", "level 3 needs glibc 2.34");
    // manylinux_2_28 still lacks the 2.34 headers
    assertThat(profile(Fixture.GCC_FORTIFY2, List.of("manylinux_2_28_x86_64")).status(GuideOption.FORTIFY_SOURCE))
        .isEqualTo(GuideStatus.MET);
    // on manylinux_2_34, level 3 was possible: the same imports cannot tell 2 from 3
    assertThat(profile(Fixture.GCC_FORTIFY2, List.of("manylinux_2_34_x86_64")).status(GuideOption.FORTIFY_SOURCE))
        .isEqualTo(GuideStatus.UNDETERMINABLE);
    // level 1 stays partly met whatever the platform
    assertThat(profile(Fixture.GCC_FORTIFY1, List.of("manylinux2014_x86_64")).status(GuideOption.FORTIFY_SOURCE))
        .isEqualTo(GuideStatus.PARTLY_MET);
  }

  @Test
  void musllinuxHasNoFortify() throws IOException {
    GuideRow r = profile(Fixture.GCC_OFF_G, List.of("musllinux_1_2_x86_64")).row(GuideOption.FORTIFY_SOURCE)
        .orElseThrow();
    assertThat(r.status()).isEqualTo(GuideStatus.NOT_APPLICABLE);
    assertThat(r.evidence()).contains("musl has no FORTIFY_SOURCE");
  }

  @Test
  void nodlopenIsAnErrorNeverAPoint() throws IOException {
    BinaryInspection b = inspect(Fixture.GCC_NODLOPEN, List.of());
    assertThat(b.guide().orElseThrow().status(GuideOption.NODLOPEN)).isEqualTo(GuideStatus.NOT_MET);
    List<Finding> errors = b.findings().stream().filter(f -> f.code().equals("guide.nodlopen")).toList();
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).severity()).isEqualTo(dev.wheeltapper.report.Severity.ERROR);
    assertThat(errors.get(0).message()).contains("CPython cannot import it");
    // without the flag: not applicable, and no finding
    assertThat(inspect(Fixture.GCC_TLDR_G, List.of()).findings()).noneMatch(f -> f.code().startsWith("guide."));
  }

  @Test
  void aMissingPropertyNoteUnderEndbr64IsAnUnmarkedInput() throws IOException {
    GuideRow r = profile(Fixture.GCC_TLDR_STRIPPED, List.of()).row(GuideOption.CF_PROTECTION).orElseThrow();
    assertThat(r.channel()).isEqualTo(GuideChannel.CODE);
    assertThat(r.evidence()).contains("endbr64 at all", "unmarked input", "not a missing switch");
  }

  @Test
  void newerOptionsThanTheRecordedCompilerAreNotApplicable() throws IOException {
    GuideRow r = profile(Fixture.GCC_TLDR_G, List.of()).row(GuideOption.STRICT_FLEX_ARRAYS).orElseThrow();
    assertThat(r.status()).isEqualTo(GuideStatus.NOT_APPLICABLE);
    assertThat(r.channel()).isEqualTo(GuideChannel.COMMENT);
    assertThat(r.evidence()).contains("GCC 12", "GCC 13");
  }

  @Test
  void theWheelSummaryCountsEachOption() throws IOException {
    GuideSummary s = GuideSummary.of(List.of(profile(Fixture.GCC_TLDR_G, List.of()),
        profile(Fixture.GCC_OFF_G, List.of()), profile(Fixture.GCC_TLDR_RECORD, List.of())));
    assertThat(s.binaries()).isEqualTo(3);
    assertThat(s.applicable()).isEqualTo(3);
    assertThat(s.counts().get(GuideOption.RELRO_NOW).met()).isEqualTo(2);
    assertThat(s.counts().get(GuideOption.RELRO_NOW).notMet()).isEqualTo(1);
    assertThat(s.wheelStatus(GuideOption.RELRO_NOW)).isEqualTo(GuideStatus.NOT_MET);
    assertThat(s.wheelStatus(GuideOption.PIC_SHARED)).isEqualTo(GuideStatus.MET);
    assertThat(s.wheelStatus(GuideOption.ZERO_INIT_PADDING_BITS)).isEqualTo(GuideStatus.NOT_APPLICABLE);
    assertThat(s.wheelStatus(GuideOption.WARNINGS)).isEqualTo(GuideStatus.UNDETERMINABLE);
  }
}
