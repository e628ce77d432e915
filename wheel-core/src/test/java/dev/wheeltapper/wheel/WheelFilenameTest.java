package dev.wheeltapper.wheel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheeltapper.testsupport.Corpus;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WheelFilenameTest {

  @Test
  void parsesPlainName() throws Exception {
    WheelFilename f = WheelFilename.parse("plumbum-1.6.8-py2.py3-none-any.whl");
    assertThat(f.distribution()).isEqualTo("plumbum");
    assertThat(f.version()).isEqualTo("1.6.8");
    assertThat(f.build()).isEmpty();
    assertThat(f.pythonTags()).containsExactly("py2", "py3");
    assertThat(f.tags()).extracting(Tag::toString).containsExactly("py2-none-any", "py3-none-any");
    assertThat(f).hasToString("plumbum-1.6.8-py2.py3-none-any.whl");
  }

  @Test
  void expandsCompressedTagSetsInOrder() throws Exception {
    WheelFilename f = WheelFilename.parse("simpleext-0.0.1-cp36.cp312-cp36m.cp312-win_amd64.whl");
    assertThat(f.tags())
        .extracting(Tag::toString)
        .containsExactly(
            "cp36-cp36m-win_amd64", "cp36-cp312-win_amd64", "cp312-cp36m-win_amd64", "cp312-cp312-win_amd64");
    WheelFilename g =
        WheelFilename.parse("spt3g-1.0-cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
    assertThat(g.platformTags()).containsExactly("manylinux_2_17_x86_64", "manylinux2014_x86_64");
    assertThat(g.tags())
        .containsExactly(
            new Tag("cp310", "cp310", "manylinux_2_17_x86_64"), new Tag("cp310", "cp310", "manylinux2014_x86_64"));
  }

  @Test
  void buildTagSortsByNumberThenSuffix() throws Exception {
    WheelFilename f = WheelFilename.parse("simpleext-0.0.1-0record-cp312-cp312-win_amd64.whl");
    assertThat(f.build()).contains(BuildTag.of("0record"));
    assertThat(f.build().orElseThrow().number()).isEqualTo(BigInteger.ZERO);
    assertThat(f.build().orElseThrow().suffix()).isEqualTo("record");
    List<BuildTag> tags =
        new ArrayList<>(
            List.of(BuildTag.of("10namespace"), BuildTag.of("9namespace"), BuildTag.of("1b"), BuildTag.of("1a")));
    tags.sort(null);
    assertThat(tags).extracting(BuildTag::value).containsExactly("1a", "1b", "9namespace", "10namespace");
    assertThat(BuildTag.of("12345678901234567890123x").number()).isEqualTo(new BigInteger("12345678901234567890123"));
  }

  @Test
  void normalisesAndEscapesNames() throws Exception {
    assertThat(WheelFilename.parse("python_mscl-67.0.1.0-cp313-cp313-manylinux2014_aarch64.whl").normalizedName())
        .isEqualTo("python-mscl");
    assertThat(WheelFilename.normalizeName("Foo.__Bar--baz")).isEqualTo("foo-bar-baz");
    assertThat(WheelFilename.escapeName("Foo.__Bar--baz")).isEqualTo("foo_bar_baz");
    assertThat(WheelFilename.escapeVersion("1.0-1")).isEqualTo("1.0_1");
  }

  @Test
  void sameWheelIgnoresTagOrderAsPypiAttestationsDoes() throws Exception {
    // corpus/attest/spt3g-...publish.attestation names the wheel with its platform tags in the other order.
    WheelFilename file =
        WheelFilename.parse("spt3g-1.0-cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
    WheelFilename subject =
        WheelFilename.parse("spt3g-1.0-cp310-cp310-manylinux2014_x86_64.manylinux_2_17_x86_64.whl");
    assertThat(file).isNotEqualTo(subject);
    assertThat(file.sameWheelAs(subject)).isTrue();
    assertThat(WheelFilename.parse("Python.Mscl-1.0-01-py3-none-any.whl")
            .sameWheelAs(WheelFilename.parse("python_mscl-1.0-1-PY3-none-any.whl")))
        .isTrue();
    assertThat(file.sameWheelAs(WheelFilename.parse("spt3g-1.0-cp310-cp310-manylinux2014_x86_64.whl"))).isFalse();
    assertThat(file.sameWheelAs(WheelFilename.parse("spt3g-1.1-cp310-cp310-manylinux2014_x86_64.whl"))).isFalse();
    assertThat(WheelFilename.parse("a-1.0-1-py3-none-any.whl")
            .sameWheelAs(WheelFilename.parse("a-1.0-py3-none-any.whl")))
        .isFalse();
  }

  @Test
  void attestationSubjectMatchesWheelWhosePlatformTagsAreReordered() throws Exception {
    // pypi-attestations verifies this attestation against a dist whose file name lists the two platform tags in the
    // other order; the comparison is on parsed names, so tag order must not matter.
    String json =
        Files.readString(
            Corpus.corpus(
                "attest/spt3g-1.0-cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64.whl.publish.attestation"));
    Matcher st = Pattern.compile("\"statement\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    assertThat(st.find()).isTrue();
    String statement = new String(Base64.getDecoder().decode(st.group(1)), StandardCharsets.UTF_8);
    Matcher nm = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"").matcher(statement);
    assertThat(nm.find()).isTrue();
    WheelFilename subject = WheelFilename.parse(nm.group(1));
    WheelFilename dist =
        WheelFilename.parse("spt3g-1.0-cp310-cp310-manylinux2014_x86_64.manylinux_2_17_x86_64.whl");
    assertThat(subject.toString()).isNotEqualTo(dist.toString());
    assertThat(subject.sameWheelAs(dist)).isTrue();
    assertThat(dist.sameWheelAs(subject)).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "foo-1.0-py3-none-any.zip|does not end with '.whl'",
        "foo-1.0.whl|expected 5 or 6 '-'-separated components, found 2",
        "foo-bar-1.0-1-py3-none-any.whl|expected 5 or 6 '-'-separated components, found 7",
        "-1.0-py3-none-any.whl|empty distribution name",
        "foo!-1.0-py3-none-any.whl|distribution name 'foo!' contains '!'; only ASCII letters, digits, '.' and '_' are"
            + " allowed",
        "_foo-1.0-py3-none-any.whl|distribution name '_foo' must start and end with a letter or digit",
        "foo--py3-none-any.whl|empty version",
        "foo-1.0~1-py3-none-any.whl|version '1.0~1' contains '~', which a version cannot contain",
        "foo-1.0-b1-py3-none-any.whl|build tag 'b1' does not start with a digit",
        "foo-1.0--py3-none-any.whl|empty build tag",
        "foo-1.0-1.2-py3-none-any.whl|build tag '1.2' contains characters other than ASCII letters, digits and '_'",
        "foo-1.0-py2..py3-none-any.whl|python tag set 'py2..py3' contains an empty tag",
        "foo-1.0-py3--any.whl|abi tag set '' contains an empty tag",
        "foo-1.0-py3-none-any+x.whl|platform tag 'any+x' contains characters other than ASCII letters, digits and"
            + " '_'",
        "dir/foo-1.0-py3-none-any.whl|contains a path separator",
      })
  void rejectsInvalidNamesWithExactReason(String name, String reason) {
    assertThatThrownBy(() -> WheelFilename.parse(name))
        .isInstanceOf(InvalidWheelFilenameException.class)
        .hasMessage("invalid wheel filename '" + name + "': " + reason)
        .satisfies(
            e -> {
              assertThat(((InvalidWheelFilenameException) e).reason()).isEqualTo(reason);
              assertThat(((InvalidWheelFilenameException) e).filename()).isEqualTo(name);
            });
  }

  @Test
  void rejectsControlCharacters() {
    assertThatThrownBy(() -> WheelFilename.parse("foo-1.0-py3-none-any\n.whl"))
        .isInstanceOf(InvalidWheelFilenameException.class)
        .hasMessage("invalid wheel filename 'foo-1.0-py3-none-any\\n.whl': contains a control character at index 20")
        .satisfies(e -> assertThat(((InvalidWheelFilenameException) e).filename()).contains("\n"));
    // Bidirectional overrides and escapes are shown escaped, so a name cannot reorder or recolour a report line.
    assertThatThrownBy(() -> WheelFilename.parse("foo\u202e-1.0-py3-none-any.whl"))
        .isInstanceOf(InvalidWheelFilenameException.class)
        .hasMessage(
            "invalid wheel filename 'foo\\u202e-1.0-py3-none-any.whl': distribution name 'foo\\u202e' contains"
                + " '\\u202e'; only ASCII letters, digits, '.' and '_' are allowed");
  }

  @Test
  void refusesTagSetsThatExpandBeyondTheLimit() {
    String tags = String.join(".", java.util.Collections.nCopies(17, "t"));
    String name = "foo-1.0-" + tags + "-" + tags + "-" + tags + ".whl";
    assertThatThrownBy(() -> WheelFilename.parse(name))
        .isInstanceOf(InvalidWheelFilenameException.class)
        .hasMessage("invalid wheel filename '" + name + "': compressed tag sets expand to 4913 tags, more than 4096");
    String ok = String.join(".", java.util.Collections.nCopies(16, "t"));
    assertThatCode(() -> WheelFilename.parse("foo-1.0-" + ok + "-" + ok + "-" + ok + ".whl")).doesNotThrowAnyException();
  }

  @Test
  void compactConstructorValidatesLikeParse() {
    assertThatThrownBy(
            () -> new WheelFilename("foo", "1-0", Optional.empty(), List.of("py3"), List.of("none"), List.of("any")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("version '1-0' contains '-', which a version cannot contain");
    assertThatThrownBy(() -> new WheelFilename("foo", "1.0", Optional.empty(), List.of(), List.of("x"), List.of("y")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("empty python tag");
  }

  @Test
  void tagParsing() {
    assertThat(Tag.parse("cp312-abi3-manylinux_2_17_x86_64"))
        .contains(new Tag("cp312", "abi3", "manylinux_2_17_x86_64"));
    assertThat(Tag.parse("py3-none")).isEmpty();
    assertThat(Tag.parse("py3-none-any-x")).isEmpty();
    assertThat(Tag.parse("py3.py2-none-any")).isEmpty();
    assertThat(new Tag("CP312", "None", "ANY").normalized()).hasToString("cp312-none-any");
    assertThatThrownBy(() -> new Tag("py3", "", "any")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parsesEveryPyodideLockFilename() throws IOException, InvalidWheelFilenameException {
    List<String> lines =
        Files.readAllLines(
            Corpus.corpus("npm/pyodide-314.0.7-lock-wheel-filenames.tsv"), StandardCharsets.UTF_8);
    assertThat(lines).hasSize(287);
    int emscripten = 0;
    for (String line : lines) {
      String name = line.split("\t")[0];
      WheelFilename f = WheelFilename.parse(name);
      assertThat(f).hasToString(name);
      assertThat(f.tags()).isNotEmpty();
      if (f.platformTags().contains("pyemscripten_2026_0_wasm32")) {
        emscripten++;
      }
    }
    assertThat(emscripten).isEqualTo(148);
    WheelFilename aiohttp = WheelFilename.parse("aiohttp-3.13.5-cp314-cp314-pyemscripten_2026_0_wasm32.whl");
    assertThat(aiohttp.tags()).containsExactly(new Tag("cp314", "cp314", "pyemscripten_2026_0_wasm32"));
  }
}
