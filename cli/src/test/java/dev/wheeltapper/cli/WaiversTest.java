package dev.wheeltapper.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The waiver file's grammar: fields, dates, comments, globs, and the errors that name the line. */
class WaiversTest {
  static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  static final Finding CANARY = Finding.warning(Codes.HARDENING_NO_CANARY, "numpy/core/_x.so", "no canary");

  @Test
  void fieldsCommentsAndTheFirstMatchingLine() throws Exception {
    Waivers w = Waivers.parse("""
        # comment line
          hardening.* numpy-*.whl   until=2026-12-07  vendored OpenBLAS, see issue#12 # trailing comment
        hardening.no-canary **/_x.so never reached
        """, "w.txt", TODAY);
    assertThat(w.all()).hasSize(2);
    Waivers.Waiver first = w.all().get(0);
    assertThat(first.reason()).isEqualTo("vendored OpenBLAS, see issue#12");
    assertThat(first.source()).isEqualTo("w.txt:2");
    assertThat(first.expired()).as("until is the last day it holds").isFalse();
    assertThat(w.match("numpy-2.0-cp311-cp311-manylinux_2_17_x86_64.whl", CANARY)).contains(first);
    assertThat(w.match("scipy-1.0-cp311-cp311-linux_x86_64.whl", CANARY)).contains(w.all().get(1));
    assertThat(Waivers.parse("hardening.no-canary x.whl until=2026-12-06 r", "w", TODAY).all().get(0).expired())
        .isTrue();
  }

  @Test
  void globStarStaysInASegmentAndDoubleStarCrossesThem() {
    assertThat(Glob.of("numpy/*.so", false).matches("numpy/_x.so")).isTrue();
    assertThat(Glob.of("numpy/*.so", false).matches("numpy/core/_x.so")).isFalse();
    assertThat(Glob.of("numpy/**.so", false).matches("numpy/core/_x.so")).isTrue();
    assertThat(Glob.of("a?c", false).matches("a/c")).isFalse();
    assertThat(Glob.of("a.c", false).matches("abc")).as("a dot is literal").isFalse();
    assertThat(Glob.of("hardening.*", true).matches("hardening.no-canary")).isTrue();
  }

  @Test
  void manyStarsOnALongNameStayLinear() {
    // a backtracking regex takes exponential time here; the table takes 20 x 60001 steps
    String name = "a".repeat(60_000) + "c";
    assertThat(Glob.of("*a*a*a*a*a*a*a*a*a*b", false).matches(name)).isFalse();
    assertThat(Glob.of("**a**a**c", false).matches(name)).isTrue();
    assertThat(Glob.of("", false).matches("")).isTrue();
    assertThat(Glob.of("*", false).matches("")).isTrue();
  }

  @Test
  void aFindingWithoutPathMatchesOnlyByTheArtifactName() throws Exception {
    Waivers w = Waivers.parse("signature.missing * any artifact\n", "w", TODAY);
    assertThat(w.match("a-1.0-py3-none-any.whl", Finding.error(Codes.SIGNATURE_MISSING, "", "none"))).isPresent();
    Waivers paths = Waivers.parse("signature.missing a/* only entries\n", "w", TODAY);
    assertThat(paths.match("a-1.0-py3-none-any.whl", Finding.error(Codes.SIGNATURE_MISSING, "", "none"))).isEmpty();
  }

  @Test
  void malformedLinesNameTheirLine() {
    assertThatThrownBy(() -> Waivers.parse("\n\nhardening.no-canary\n", "w", TODAY))
        .isInstanceOf(UsageException.class).hasMessageContaining("w:3").hasMessageContaining("CODE GLOB");
    assertThatThrownBy(() -> Waivers.parse("Hardening.No-Canary * r\n", "w", TODAY))
        .hasMessageContaining("w:1").hasMessageContaining("not a finding code");
    assertThatThrownBy(() -> Waivers.parse("hardening.no-canary * until=2026-12-07\n", "w", TODAY))
        .hasMessageContaining("needs a reason");
    assertThatThrownBy(() -> Waivers.parse("hardening.no-canary * until=tomorrow reason\n", "w", TODAY))
        .hasMessageContaining("until=YYYY-MM-DD");
  }
}
