package dev.wheeltapper.pep440;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTest {

  /** The ordering example of PEP 440 ("Summary of permitted suffixes and relative ordering"), already sorted. */
  static final List<String> PEP440_EXAMPLE =
      List.of(
          "1.dev0",
          "1.0.dev456",
          "1.0a1",
          "1.0a2.dev456",
          "1.0a12.dev456",
          "1.0a12",
          "1.0b1.dev456",
          "1.0b2",
          "1.0b2.post345.dev456",
          "1.0b2.post345",
          "1.0rc1.dev456",
          "1.0rc1",
          "1.0",
          "1.0+abc.5",
          "1.0+abc.7",
          "1.0+5",
          "1.0.post456.dev34",
          "1.0.post456",
          "1.0.15",
          "1.1.dev1");

  /** A longer sorted list in the spirit of pypa/packaging's parity list: epochs, every suffix mix, local rules. */
  static final List<String> SORTED =
      List.of(
          "1.0.dev0",
          "1.0.dev456",
          "1.0.dev456+local",
          "1.0a0",
          "1.0a0.post0.dev0",
          "1.0a0.post0",
          "1.0a1.dev1",
          "1.0a1.dev1+local",
          "1.0a1",
          "1.0a1+local",
          "1.0b0",
          "1.0b1.dev456",
          "1.0b2",
          "1.0b2.post345.dev456",
          "1.0b2.post345",
          "1.0b2-346",
          "1.0rc0",
          "1.0rc1.dev1",
          "1.0c1",
          "1.0rc2",
          "1.0",
          "1.0.post0.dev0",
          "1.0.post0",
          "1.0.post456.dev34",
          "1.0.post456",
          "1.0.post456+local",
          "1.0.1.dev1",
          "1.0.1a1",
          "1.0.1",
          "1.0.1+local",
          "1.0.1.post1",
          "1.1.dev1",
          "1.2+a",
          "1.2+abc",
          "1.2+abcdef",
          "1.2+def",
          "1.2+0",
          "1.2+1",
          "1.2+1.abc",
          "1.2+1.1",
          "1.2+1.1.0",
          "1.2+2",
          "1.2+123",
          "1.2+123456",
          "1.2.r32+123456",
          "1.2.rev33+123456",
          "1!1.0.dev0",
          "1!1.0a1",
          "1!1.0",
          "1!1.0.post1",
          "1!1.2+1.1",
          "2!0.1");

  @Test
  void pep440OrderingExampleSortsAsPublished() throws Exception {
    assertSortsTo(PEP440_EXAMPLE);
  }

  @Test
  void longSortedListSortsAsListed() throws Exception {
    assertSortsTo(SORTED);
  }

  private static void assertSortsTo(List<String> expected) throws Exception {
    List<Version> parsed = new ArrayList<>();
    for (String s : expected) {
      parsed.add(Version.parse(s));
    }
    for (int seed = 0; seed < 5; seed++) {
      List<Version> shuffled = new ArrayList<>(parsed);
      Collections.shuffle(shuffled, new Random(seed));
      Collections.sort(shuffled);
      assertThat(shuffled).containsExactlyElementsOf(parsed);
    }
    // Pairwise: strictly increasing, and equals/hashCode agree with compareTo.
    for (int i = 0; i < parsed.size(); i++) {
      for (int j = 0; j < parsed.size(); j++) {
        Version a = parsed.get(i);
        Version b = parsed.get(j);
        assertThat(Integer.signum(a.compareTo(b))).as("%s vs %s", a, b).isEqualTo(Integer.compare(i, j));
        assertThat(a.equals(b)).isEqualTo(i == j);
      }
    }
  }

  @ParameterizedTest
  @CsvSource({
    "1.0dev, 1.0.dev0",
    "1.0.dev, 1.0.dev0",
    "1.0-dev1, 1.0.dev1",
    "1.0DEV, 1.0.dev0",
    "1.0_DEV_1, 1.0.dev1",
    "1.0a, 1.0a0",
    "1.0.a1, 1.0a1",
    "1.0-alpha, 1.0a0",
    "1.0.ALPHA1, 1.0a1",
    "1.0_a_1, 1.0a1",
    "1.0b, 1.0b0",
    "1.0-beta1, 1.0b1",
    "1.0BETA, 1.0b0",
    "1.0c, 1.0rc0",
    "1.0.c1, 1.0rc1",
    "1.0-rc1, 1.0rc1",
    "1.0pre, 1.0rc0",
    "1.0preview2, 1.0rc2",
    "1.0-PREVIEW-2, 1.0rc2",
    "1.0post, 1.0.post0",
    "1.0-post1, 1.0.post1",
    "1.0r, 1.0.post0",
    "1.0rev, 1.0.post0",
    "1.0.r1, 1.0.post1",
    "1.0-rev5, 1.0.post5",
    "1.0-5, 1.0.post5",
    "1.0a1-1, 1.0a1.post1",
    "1.0+AbC, 1.0+abc",
    "1.0+a-b_c, 1.0+a.b.c",
    "1.0+deadbeef.00, 1.0+deadbeef.0",
    "1.01, 1.1",
    "1.0a05, 1.0a5",
    "1.0c056, 1.0rc56",
    "1.0.post000, 1.0.post0",
    "1.1.dev09000, 1.1.dev9000",
    "00!1.2, 1.2",
    "0100!0.0, 100!0.0",
    "v1.0, 1.0",
    "V1.0, 1.0",
    "1.0a.post1, 1.0a0.post1",
    "1.0prerev, 1.0rc0.post0",
    // A separator after a label is consumed even without a number (the reference grammar's greedy [-_.]?).
    "1.0a., 1.0a0",
    "1.0.post., 1.0.post0",
    "1.0.post.-dev0, 1.0.post0.dev0",
    "1.0.dev.+abc, 1.0.dev0+abc",
    "3.3.rc_-POST, 3.3rc0.post0",
    "02.rev__dev1, 2.post0.dev1",
    "7!1.0b2.post345.dev456, 7!1.0b2.post345.dev456",
    "1.0.0, 1.0.0"
  })
  void normalisesEveryPep440Spelling(String input, String normalised) throws Exception {
    assertThat(Version.parse(input)).hasToString(normalised);
    assertThat(Version.parse(normalised)).isEqualTo(Version.parse(input));
  }

  @Test
  void stripsAsciiAndUnicodeWhitespaceLikePython() throws Exception {
    assertThat(Version.parse("   v1.0\t\n")).hasToString("1.0");
    assertThat(Version.parse("\u202f1.0\t\u2029\n ")).hasToString("1.0");
    assertThat(Version.parse("\r\f\u000b1.0\u00a0")).hasToString("1.0");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "french toast",
        "1.0+a+",
        "1.0++",
        "1.0+_foobar",
        "1.0+foo&asd",
        "1.0+1+1",
        "1. 0",
        "1 .0",
        "1.0 a1",
        "1.0a 1",
        "\u0661.\u0662",
        ".",
        "..",
        "1..0",
        "1.0.",
        ".1.0",
        "1.0+\u0130",
        "1.0+\u212a",
        "",
        "   ",
        "v",
        "vv1.0",
        "1!",
        "!1.0",
        "1!2!3",
        "1.0-",
        "1.0alp",
        "1.0dev1dev2",
        "1.0.post1.post2",
        "1.0a1a2",
        "1.0+",
        "1.0+a..b",
        "1.0\u0000",
        // Deliberate limit: pypa/packaging accepts arbitrarily large numbers, this library caps them at a long.
        "99999999999999999999.0"
      })
  void rejectsInvalidVersionsWithTypedException(String input) {
    assertThatThrownBy(() -> Version.parse(input))
        .isInstanceOf(InvalidVersionException.class)
        .hasMessageStartingWith("invalid PEP 440 version \"")
        .satisfies(e -> assertThat(((InvalidVersionException) e).input()).isEqualTo(input));
  }

  @Test
  void errorMessageSaysWhereAndWhat() {
    assertThatThrownBy(() -> Version.parse("1.0+foo&asd"))
        .hasMessage("invalid PEP 440 version \"1.0+foo&asd\": unexpected '&' at position 7 of the stripped text");
    assertThatThrownBy(() -> Version.parse("french toast"))
        .hasMessage(
            "invalid PEP 440 version \"french toast\": release number expected at position 0, found 'f'");
    assertThatThrownBy(() -> Version.parse("1.0.99999999999999999999"))
        .hasMessageContaining("release number at position 4 is larger than 9223372036854775807");
  }

  @Test
  void hostileInputsGiveTypedExceptionsQuickly() throws Exception {
    String longValid = "1" + ".0".repeat(600);
    assertThatThrownBy(() -> Version.parse(longValid))
        .isInstanceOf(InvalidVersionException.class)
        .hasMessageEndingWith("longer than 1024 characters");
    String manySegments = "1" + ".0".repeat(64);
    assertThatThrownBy(() -> Version.parse(manySegments))
        .isInstanceOf(InvalidVersionException.class)
        .hasMessageEndingWith("more than 64 release segments");
    assertThat(Version.parse("1" + ".0".repeat(63)).release()).hasSize(64);
    String megabyte = "1.0a".repeat(250_000);
    assertThatThrownBy(() -> Version.parse(megabyte))
        .isInstanceOf(InvalidVersionException.class)
        .hasMessageContaining("... (1000000 chars)");
    // Leading zeros do not count towards the numeric limit.
    assertThat(Version.parse("0000000000000000000000000001.2")).hasToString("1.2");
    assertThatThrownBy(() -> Version.parse("1.0+" + "\ud83d\ude00"))
        .isInstanceOf(InvalidVersionException.class)
        .hasMessageContaining("U+D83D");
  }

  @Test
  void accessorsExposeEverySegment() throws Exception {
    Version v = Version.parse("2!1.2.3rc4.post5.dev6+Ubuntu-7");
    assertThat(v.epoch()).isEqualTo(2);
    assertThat(v.release()).containsExactly(1L, 2L, 3L);
    assertThat(v.major()).isEqualTo(1);
    assertThat(v.minor()).isEqualTo(2);
    assertThat(v.micro()).isEqualTo(3);
    assertThat(v.pre()).contains(new PreRelease(PreRelease.Kind.RELEASE_CANDIDATE, 4));
    assertThat(v.post()).hasValue(5);
    assertThat(v.dev()).hasValue(6);
    assertThat(v.local()).contains("ubuntu.7");
    assertThat(v.isPrerelease()).isTrue();
    assertThat(v.isPostrelease()).isTrue();
    assertThat(v.isDevrelease()).isTrue();
    assertThat(v.isLocal()).isTrue();
    assertThat(v.baseVersion()).hasToString("2!1.2.3");
    assertThat(v.publicVersion()).hasToString("2!1.2.3rc4.post5.dev6");

    Version plain = Version.parse("2");
    assertThat(plain.epoch()).isZero();
    assertThat(plain.minor()).isZero();
    assertThat(plain.pre()).isEmpty();
    assertThat(plain.post()).isEmpty();
    assertThat(plain.dev()).isEmpty();
    assertThat(plain.local()).isEmpty();
    assertThat(plain.isPrerelease()).isFalse();
    assertThat(plain.publicVersion()).isSameAs(plain);
  }

  @ParameterizedTest
  @CsvSource({
    "1.0.dev0, true, false, true",
    "1.0a1, true, false, false",
    "1.0rc1.post1, true, true, false",
    "1.0a1.post1.dev1, true, true, true",
    "1.0, false, false, false",
    "1.0+dev, false, false, false",
    "1.0.post1, false, true, false",
    "1.0.post1.dev1, true, true, true"
  })
  void classifiesReleases(String text, boolean pre, boolean post, boolean dev) throws Exception {
    Version v = Version.parse(text);
    assertThat(v.isPrerelease()).isEqualTo(pre);
    assertThat(v.isPostrelease()).isEqualTo(post);
    assertThat(v.isDevrelease()).isEqualTo(dev);
  }

  @Test
  void equalityIgnoresTrailingZerosAndSpellingButNotLocal() throws Exception {
    assertThat(Version.parse("1.0")).isEqualTo(Version.parse("1.0.0.0")).hasSameHashCodeAs(Version.parse("1.0.0"));
    assertThat(Version.parse("1.0rc1")).isEqualTo(Version.parse("1.0c1"));
    assertThat(Version.parse("1.0+abc.05")).isEqualTo(Version.parse("1.0+ABC-5"));
    assertThat(Version.parse("1.0+0")).isNotEqualTo(Version.parse("1.0")).isGreaterThan(Version.parse("1.0"));
    assertThat(Version.parse("0!1.0")).isEqualTo(Version.parse("1.0"));
    // toString keeps the written release length; equality does not care.
    assertThat(Version.parse("1.0.0")).hasToString("1.0.0");
  }

  @Test
  void localNumericSegmentsCompareAsNumbersOfAnyLength() throws Exception {
    assertThat(Version.parse("1.0+99999999999999999999999"))
        .isGreaterThan(Version.parse("1.0+9999999999999999999999"))
        .isGreaterThan(Version.parse("1.0+zzz"));
  }

  @Test
  void tryParseReturnsEmptyForInvalid() {
    assertThat(Version.tryParse("nope")).isEmpty();
    assertThat(Version.tryParse("1.0")).isPresent();
  }
}
