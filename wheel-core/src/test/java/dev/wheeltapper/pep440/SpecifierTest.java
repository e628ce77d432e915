package dev.wheeltapper.pep440;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpecifierTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"~=2.0", "==2.1.*", "==2.1.0.3", "!=2.2.*", "!=2.2.0.5", "<=5", ">=7.9a1", "<1.0.dev1", ">2.0.post1",
        "===lolwat", "==1.0+local.7", "!=1.0+abc", "== 1.0", " >= v1.0 ", "~=2!1.0", "==0!2.*", "<2!0.1"})
  void acceptsValidSpecifiers(String text) throws Exception {
    assertThat(Specifier.parse(text)).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2.0", "=>2.0", "==", "=== ", "~=1.0+5", ">=1.0+deadbeef", "<=1.0+abc123", ">1.0+watwat", "<1.0+1.0",
        "~=1.0.*", ">=1.0.*", "<=1.0.*", ">1.0.*", "<1.0.*", "==1.0.*+5", "!=1.0.*+deadbeef", "==2.0a1.*",
        "!=2.0a1.*", "==2.0.post1.*", "!=2.0.post1.*", "==2.0.dev1.*", "!=2.0.dev1.*", "==1.0+5.*",
        "!=1.0+deadbeef.*", "==1.0.*.5", "~=1", "==1.2+\u0130", "==1.2+\u0130\u0131\u017fK", "== 1. 0",
        "===a)", "===a;b", "==*", "==.*", ""
      })
  void rejectsInvalidSpecifiers(String text) {
    assertThatThrownBy(() -> Specifier.parse(text))
        .isInstanceOf(InvalidSpecifierException.class)
        .hasMessageStartingWith("invalid PEP 440 specifier");
  }

  @Test
  void errorMessagesSayWhy() {
    assertThatThrownBy(() -> Specifier.parse("~=1"))
        .hasMessage("invalid PEP 440 specifier \"~=1\": ~= needs at least two release segments, for example ~=1.0");
    assertThatThrownBy(() -> Specifier.parse(">=1.0.*"))
        .hasMessageEndingWith("a .* prefix match is only allowed with == and !=");
    assertThatThrownBy(() -> Specifier.parse(">=1.0+x")).hasMessageEndingWith("only allowed with == and !=");
    assertThatThrownBy(() -> Specifier.parse("2.0")).hasMessageContaining("must start with one of");
    assertThatThrownBy(() -> Specifier.parse("x".repeat(5000))).hasMessageEndingWith("longer than 1040 characters");
  }

  /** Containment with pre-releases allowed; cases in the spirit of pypa/packaging's specifier tables. */
  @ParameterizedTest(name = "{0} in {1} = {2}")
  @CsvSource({
    // == and local labels
    "2.0, ==2, true",
    "2.0, ==2.0.0, true",
    "2.0+deadbeef, ==2, true",
    "2.0+deadbeef, ==2.0+deadbeef, true",
    "2.0+deadbeef, ==2.0.0+deadbeef, true",
    "2.0+deadbeef.0, ==2.0.0+deadbeef.00, true",
    "2.1, ==2, false",
    "2.1, ==2.0.0, false",
    "2.0, ==2.0+deadbeef, false",
    // == with a prefix
    "2.dev1, ==2.*, true",
    "2a1, ==2.*, true",
    "2a1.post1, ==2.*, true",
    "2c1.post1.dev1, ==2.0.*, true",
    "2, ==2.0.0.*, true",
    "2, ==0!2.*, true",
    "0!2, ==2.*, true",
    "2.0.0.0, ==2.0.*, true",
    "2.1+local.version, ==2.1.*, true",
    "2.0, ==3.*, false",
    "2.1, ==2.0.*, false",
    "3, ==2.0.0.*, false",
    "2.1.0.0, ==2.0.*, false",
    "1.0.1, ==1.0.*, true",
    // !=
    "2.1, !=2, true",
    "2.0.1, !=2.0.0, true",
    "2.0, !=2.0+deadbeef, true",
    "2.0, !=2, false",
    "2.0+deadbeef, !=2.0, false",
    "2.0+deadbeef.0, !=2.0.0+deadbeef.00, false",
    "2.0, !=3.*, true",
    "2.1.0.0, !=2.0.*, true",
    "2a1, !=2.*, false",
    "2.0.0.0, !=2.0.*, false",
    // >= and <=
    "2.0, >=2, true",
    "2.0.post1, >=2, true",
    "2.0.post1.dev1, >=2, true",
    "3.0.0a8, >=3.0.0a7, true",
    "2.0.dev1, >=2, false",
    "2.0rc1, >=2, false",
    "2.0.dev1, <=2, true",
    "2.0b1.post1, <=2, true",
    "3.0.0a7, <=3.0.0a8, true",
    "2.0+local, <=2, true",
    "2.0.post1, <=2, false",
    "3, <=2, false",
    // > (no post-release or local version of V itself)
    "3, >2, true",
    "2.0.1, >2, true",
    "2.1.post1, >2, true",
    "2.1+local.version, >2, true",
    "2.0.post1, >2, false",
    "2.0.post1.dev1, >2, false",
    "2.0+local.version, >2, false",
    "2.0.5, >2.0dev, true",
    "1.0+local, >1.0.dev1, true",
    "1.0a2+local, >1.0a1, true",
    "1.0a1+local, >1.0a1, false",
    "1.0.post2+local, >1.0.post1, true",
    "1.0.post1+local, >1.0.post1, false",
    "1.0a1.post0, >1.0a1, false",
    "1.0a2.post0, >1.0a1, true",
    "1.0.post0, >1.0a1, true",
    "1.0.post0, >1.0.dev1, true",
    "1.0.post0, >1.0, false",
    "2.0.post0, >1.0, true",
    "0.9.post0, >1.0, false",
    "1.0.post2, >1.0.post1, true",
    // < (no pre-release of V itself)
    "1, <2, true",
    "2.0.dev0, <2.1, true",
    "3.0.0a7, <3.0.0a8, true",
    "2.0.dev1, <2, false",
    "2.0a1, <2, false",
    "2.0a1.post1, <2, false",
    "2.0rc1, <2, false",
    "2.0, <2, false",
    "2.post1, <2, false",
    "2.0a1, <2.0a2, true",
    "1.0.post1.dev0, <1.0.post1, false",
    "1.0.post0.dev0, <1.0.post1, true",
    "1.0a1, <1.0.post1, true",
    "1.0.dev0, <1.0.post0, true",
    "1.0, <1.0.post1, true",
    // ~=
    "1, ~=1.0, true",
    "1.0.1, ~=1.0, true",
    "1.9999999, ~=1.0, true",
    "1.1, ~=1.0a1, true",
    "2022.01.01, ~=2022.01.01, true",
    "2.0, ~=1.0, false",
    "1.1.0, ~=1.0.0, false",
    "1.1.post1, ~=1.0.0, false",
    "1.4.5, ~=1.4.5a4, true",
    "1.5, ~=1.4.5a4, false",
    // epochs
    "2!1.0, ~=2!1.0, true",
    "2!1.0, ==2!1.*, true",
    "2!1.0, !=1.0, true",
    "2!1.0.0, ==2!1.0.0.0.*, true",
    "1.0, <=2!0.1, true",
    "2!1.0, >=2.0, true",
    "2!1.0, >2.0, true",
    "1.0, ~=2!1.0, false",
    "2!1.0, ~=1.0, false",
    "2!1.0, ==1.0, false",
    "2!1.0, ==1.*, false",
    "1.0, ==2!1.*, false",
    "2!1.0, !=2!1.0, false",
    // ===
    "1.0, ===1.0, true",
    "1.0.0, ===1.0, false",
    "1.0+downstream1, ===1.0, false",
    "1.0a1, ===1.0A1, true",
    "1.0.post1, ===1.0.POST1, true"
  })
  void containment(String version, String spec, boolean expected) throws Exception {
    Specifier s = Specifier.parse(spec);
    assertThat(s.contains(Version.parse(version), true)).isEqualTo(expected);
    assertThat(s.contains(version, true)).isEqualTo(expected);
    assertThat(SpecifierSet.parse(spec).contains(Version.parse(version), true)).isEqualTo(expected);
  }

  /**
   * PEP 440: the suffix of {@code ~=V.N.suffix} is ignored when forming the prefix, whatever its spelling. pypa/packaging
   * (26.2) derives the prefix from the text as written with a case-sensitive pattern, so {@code ~=1.1.A1} becomes
   * {@code ==1.1.*} there (rejecting 1.2) and {@code ~=3.0.2b.2} matches nothing; the normalised spellings agree.
   */
  @Test
  void compatibleReleaseIgnoresSuffixSpelling() throws Exception {
    for (String spec : List.of("~=1.1.A1", "~=1.1a1", "~=1.1-alpha.1")) {
      Specifier s = Specifier.parse(spec);
      assertThat(s.contains(Version.parse("1.2"), true)).as(spec).isTrue();
      assertThat(s.contains(Version.parse("1.1a1"), true)).as(spec).isTrue();
      assertThat(s.contains(Version.parse("2.0"), true)).as(spec).isFalse();
      assertThat(s.contains(Version.parse("1.1.dev1"), true)).as(spec).isFalse();
    }
    Specifier s = Specifier.parse("~=3.0.2b.2");
    assertThat(s.contains(Version.parse("3.0.2"))).isTrue();
    assertThat(s.contains(Version.parse("3.0.9"))).isTrue();
    assertThat(s.contains(Version.parse("3.1"))).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "==1.0, false",
    ">=1.0, false",
    "~=1.0, false",
    "<1.0.dev1, true",
    ">1.0.dev1, true",
    "!=1.0.dev1, false",
    "==1.0.*, false",
    "==1.0.dev1, true",
    ">=1.0.dev1, true",
    "<=1.0.dev1, true",
    "~=1.0.dev1, true",
    "===1.0a1, true",
    "===lolwat, false"
  })
  void detectsSpecifiersThatNamePrereleases(String spec, boolean expected) throws Exception {
    assertThat(Specifier.parse(spec).mentionsPrerelease()).isEqualTo(expected);
  }

  @Test
  void prereleasesExcludedByDefaultUnlessNamedOrRequested() throws Exception {
    Specifier ge = Specifier.parse(">=1.0");
    assertThat(ge.contains(Version.parse("2.0.dev1"))).isFalse();
    assertThat(ge.contains(Version.parse("2.0.dev1"), true)).isTrue();
    assertThat(Specifier.parse(">=2.0.dev1").contains(Version.parse("2.0a1"))).isTrue();
    assertThat(Specifier.parse("<1.0.dev1").contains(Version.parse("0.9.dev1"))).isTrue();
    assertThat(Specifier.parse("==2.0.*").contains(Version.parse("2.0.dev1"))).isFalse();
    assertThat(Specifier.parse("==2.0.*").contains(Version.parse("2.0.dev1"), true)).isTrue();
  }

  @Test
  void filterFollowsPep440Default() throws Exception {
    Specifier s = Specifier.parse(">=1.2.3");
    assertThat(s.filter(versions("1.2", "1.3", "1.5a1"))).map(Version::toString).containsExactly("1.3");
    assertThat(s.filter(versions("1.2", "1.5a1"))).map(Version::toString).containsExactly("1.5a1");
    assertThat(s.filter(versions("1.3", "1.5a1"), true)).map(Version::toString).containsExactly("1.3", "1.5a1");
    assertThat(s.filter(versions("1.2", "1.5a1"), false)).isEmpty();
    assertThat(Specifier.parse(">=1.2.3a1").filter(versions("1.3", "1.5a1")))
        .map(Version::toString)
        .containsExactly("1.3", "1.5a1");
  }

  @Test
  void stringCandidates() throws Exception {
    assertThat(Specifier.parse("==1.0").contains("not a valid version", true)).isFalse();
    assertThat(Specifier.parse("!=1.*").contains("not a valid version", true)).isFalse();
    assertThat(Specifier.parse("===invalid").contains("invalid", true)).isTrue();
    assertThat(Specifier.parse("===foobar").contains("invalid", true)).isFalse();
    assertThat(Specifier.parse("===lolwat").contains("LoLWaT", false)).isTrue();
    // === compares the text as written, a Version as normalised.
    assertThat(Specifier.parse("===1.01").contains("1.01", true)).isTrue();
    assertThat(Specifier.parse("===1.01").contains(Version.parse("1.01"), true)).isFalse();
    assertThat(Specifier.parse("===1.1").contains(Version.parse("1.01"), true)).isTrue();
    assertThat(Specifier.parse("===1.0-1").contains("1.0.post1", true)).isFalse();
  }

  @Test
  void toStringKeepsVersionAsWrittenWithoutSpaces() throws Exception {
    assertThat(Specifier.parse("< 2")).hasToString("<2");
    assertThat(Specifier.parse(" ~= 2.0 ")).hasToString("~=2.0");
    assertThat(Specifier.parse("==2.1.*")).hasToString("==2.1.*");
    Specifier s = Specifier.parse("==v1.0.*");
    assertThat(s.operator()).isEqualTo(Specifier.Operator.EQUAL);
    assertThat(s.isWildcard()).isTrue();
    assertThat(s.version()).isEqualTo("v1.0.*");
    assertThat(s.parsedVersion()).contains(Version.parse("1.0"));
    assertThat(Specifier.parse("===x").parsedVersion()).isEmpty();
  }

  @Test
  void equalityCanonicalisesLikePackaging() throws Exception {
    assertThat(Specifier.parse("==2.8.0"))
        .isEqualTo(Specifier.parse("==2.8"))
        .hasSameHashCodeAs(Specifier.parse("==2.8"));
    assertThat(Specifier.parse("~=2.8.0")).isNotEqualTo(Specifier.parse("~=2.8"));
    assertThat(Specifier.parse("==1.0.*")).isNotEqualTo(Specifier.parse("==1.*"));
    assertThat(Specifier.parse("==1.0")).isNotEqualTo(Specifier.parse("!=1.0"));
    assertThat(Specifier.parse("===ABC")).isEqualTo(Specifier.parse("===abc"));
  }

  @Test
  void specifierSetParsesFiltersAndCompares() throws Exception {
    SpecifierSet s = SpecifierSet.parse(">=1.0, !=1.3.4.*, <2.0");
    assertThat(s).hasToString(">=1.0,!=1.3.4.*,<2.0");
    assertThat(s.specifiers()).hasSize(3);
    assertThat(s.contains(Version.parse("1.3.4.1"))).isFalse();
    assertThat(s.contains(Version.parse("1.5"))).isTrue();
    assertThat(s.contains(Version.parse("2.0"))).isFalse();
    assertThat(s.contains(Version.parse("1.5a1"))).isFalse();
    assertThat(s.contains(Version.parse("1.5a1"), true)).isTrue();
    assertThat(s.filter(versions("0.9", "1.0", "1.3.4", "1.9", "2.0")))
        .map(Version::toString)
        .containsExactly("1.0", "1.9");
    assertThat(s).isEqualTo(SpecifierSet.parse("<2.0,>=1.0,!=1.3.4.*,>=1.0.0"));
    assertThat(SpecifierSet.parse("")).isEqualTo(SpecifierSet.empty());
    assertThat(SpecifierSet.empty().contains(Version.parse("0.0.1"))).isTrue();
    assertThat(SpecifierSet.empty().contains(Version.parse("1.0a1"))).isFalse();
    assertThat(SpecifierSet.empty().filter(versions("1.0a1"))).map(Version::toString).containsExactly("1.0a1");
    assertThat(SpecifierSet.parse(">=3.8,").specifiers()).hasSize(1);
    assertThat(SpecifierSet.parse(">=1.0,<2.0a5").contains(Version.parse("2.0a1"))).isTrue();
    assertThat(SpecifierSet.parse("===foo,===FOO").contains("foo", false)).isTrue();
    assertThat(SpecifierSet.parse(">=1").contains("foo", true)).isFalse();
  }

  @Test
  void specifierSetRejectsBadClausesAndAbuse() {
    assertThatThrownBy(() -> SpecifierSet.parse(">=1.0,foo"))
        .isInstanceOf(InvalidSpecifierException.class)
        .hasMessageContaining("\"foo\"");
    assertThatThrownBy(() -> SpecifierSet.parse(">=1,".repeat(65)))
        .isInstanceOf(InvalidSpecifierException.class)
        .hasMessageEndingWith("more than 64 clauses");
    assertThatThrownBy(() -> SpecifierSet.parse(",".repeat(5000)))
        .isInstanceOf(InvalidSpecifierException.class)
        .hasMessageEndingWith("longer than 4096 characters");
  }

  private static List<Version> versions(String... texts) throws InvalidVersionException {
    List<Version> out = new ArrayList<>();
    for (String t : texts) {
      out.add(Version.parse(t));
    }
    return out;
  }
}
