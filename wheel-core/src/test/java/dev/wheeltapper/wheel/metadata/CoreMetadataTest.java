package dev.wheeltapper.wheel.metadata;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CoreMetadataTest {

  private static CoreMetadata parse(String s) throws MetadataFormatException {
    return CoreMetadata.parse(s.getBytes(UTF_8));
  }

  @Test
  void readsEveryMetadata24FieldAndKeepsUnknownOnesInOrder() throws Exception {
    CoreMetadata md =
        parse(
            "Metadata-Version: 2.4\n"
                + "Name: Example.Pkg\n"
                + "Version: 1.0.post1\n"
                + "Dynamic: Requires-Dist\n"
                + "Platform: Linux\n"
                + "Supported-Platform: RedHat 7.2\n"
                + "Summary: A summary\n"
                + "Description-Content-Type: text/markdown; charset=UTF-8\n"
                + "Keywords: a,b\n"
                + "Home-page: https://example.org\n"
                + "Download-URL: https://example.org/dl\n"
                + "Author: A\n"
                + "Author-email: a@example.org\n"
                + "Maintainer: M\n"
                + "Maintainer-email: m@example.org\n"
                + "License-Expression: MIT OR Apache-2.0\n"
                + "License-File: LICENSE\n"
                + "License-File: licenses/NOTICE\n"
                + "X-Custom: first\n"
                + "Classifier: Programming Language :: Python :: 3\n"
                + "Classifier: Typing :: Typed\n"
                + "Requires-Dist: requests>=2; extra == \"http\"\n"
                + "Requires-Python: >=3.9\n"
                + "Requires-External: libpng (>=1.5)\n"
                + "Project-URL: Source, https://example.org/src\n"
                + "Provides-Extra: http\n"
                + "Provides-Dist: example\n"
                + "Obsoletes-Dist: old-example\n"
                + "Import-Name: example\n"
                + "Import-Namespace: ns\n"
                + "x-another: second\n"
                + "\n"
                + "# Title\n\nBody text.\n");
    assertThat(md.metadataVersion()).contains("2.4");
    assertThat(md.name()).contains("Example.Pkg");
    assertThat(md.version()).contains("1.0.post1");
    assertThat(md.dynamic()).containsExactly("Requires-Dist");
    assertThat(md.platforms()).containsExactly("Linux");
    assertThat(md.supportedPlatforms()).containsExactly("RedHat 7.2");
    assertThat(md.summary()).contains("A summary");
    assertThat(md.descriptionContentType()).contains("text/markdown; charset=UTF-8");
    assertThat(md.keywords()).contains("a,b");
    assertThat(md.homePage()).contains("https://example.org");
    assertThat(md.downloadUrl()).contains("https://example.org/dl");
    assertThat(md.author()).contains("A");
    assertThat(md.authorEmail()).contains("a@example.org");
    assertThat(md.maintainer()).contains("M");
    assertThat(md.maintainerEmail()).contains("m@example.org");
    assertThat(md.license()).isEmpty();
    assertThat(md.licenseExpression()).contains("MIT OR Apache-2.0");
    assertThat(md.licenseFiles()).containsExactly("LICENSE", "licenses/NOTICE");
    assertThat(md.classifiers()).containsExactly("Programming Language :: Python :: 3", "Typing :: Typed");
    assertThat(md.requiresDist()).containsExactly("requests>=2; extra == \"http\"");
    assertThat(md.requiresPython()).contains(">=3.9");
    assertThat(md.requiresExternal()).containsExactly("libpng (>=1.5)");
    assertThat(md.projectUrls()).containsExactly("Source, https://example.org/src");
    assertThat(md.providesExtra()).containsExactly("http");
    assertThat(md.providesDist()).containsExactly("example");
    assertThat(md.obsoletesDist()).containsExactly("old-example");
    assertThat(md.importNames()).containsExactly("example");
    assertThat(md.importNamespaces()).containsExactly("ns");
    assertThat(md.unknownFields())
        .containsExactly(new MetadataField("X-Custom", "first"), new MetadataField("x-another", "second"));
    assertThat(md.description()).contains("# Title\n\nBody text.\n");
    assertThat(md.fields()).hasSize(31);
    assertThat(md.get("home-PAGE")).contains("https://example.org");
  }

  @Test
  void legacyFieldsOfMetadata11() throws Exception {
    CoreMetadata md =
        parse(
            "Metadata-Version: 1.1\nName: old\nVersion: 0.1\nRequires: re\nProvides: old\nObsoletes: older\n"
                + "License: GPL\n");
    assertThat(md.requires()).containsExactly("re");
    assertThat(md.provides()).containsExactly("old");
    assertThat(md.obsoletes()).containsExactly("older");
    assertThat(md.license()).contains("GPL");
    assertThat(md.body()).isEmpty();
    assertThat(md.description()).isEmpty();
    assertThat(md.unknownFields()).isEmpty();
  }

  @Test
  void legacyDescriptionHeaderWithEightSpaceAndPipeContinuations() throws Exception {
    CoreMetadata eight =
        parse(
            "Metadata-Version: 1.0\nName: a\nVersion: 1\nDescription: First line\n        second line\n"
                + "        \n            indented\nAuthor: x\n");
    assertThat(eight.description()).contains("First line\nsecond line\n\n    indented");
    assertThat(eight.author()).contains("x");
    CoreMetadata pipe =
        parse(
            "Metadata-Version: 1.2\nName: a\nVersion: 1\nDescription: First line\n       |\n       |  indented\n"
                + "       |last\n");
    assertThat(pipe.description()).contains("First line\n\n  indented\nlast");
    // Without markers on every line, a leading '|' is content: here an RST line block.
    CoreMetadata table =
        parse("Name: a\nDescription: Lines:\n        \n        | one\n        | two\n");
    assertThat(table.description()).contains("Lines:\n\n| one\n| two");
  }

  @Test
  void foldedLicenseKeepsItsLines() throws Exception {
    CoreMetadata md = parse("Name: a\nLicense: Line one\n        Line two\n");
    assertThat(md.license()).contains("Line one\nLine two");
  }

  @Test
  void bodyWinsOverDescriptionHeader() throws Exception {
    CoreMetadata md = parse("Name: a\nDescription: header\n\nbody\n");
    assertThat(md.description()).contains("body\n");
    assertThat(md.get("Description")).contains("header");
  }

  @Test
  void crlfMetadataAsDelvewheelWheelsHaveIt() throws Exception {
    CoreMetadata md = parse("Metadata-Version: 2.1\r\nName: simpleext\r\nVersion: 0.0.1\r\n\r\nbody\r\n");
    assertThat(md.name()).contains("simpleext");
    assertThat(md.version()).contains("0.0.1");
    assertThat(md.body()).contains("body\r\n");
  }

  @Test
  void emptyInputHasNoFields() throws Exception {
    CoreMetadata md = parse("");
    assertThat(md.fields()).isEmpty();
    assertThat(md.name()).isEmpty();
  }

  @Test
  void rejectsBytesThatAreNotUtf8() {
    byte[] bytes = "Name: caf\u00e9\nSummary: x\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> CoreMetadata.parse(bytes))
        .isInstanceOf(MetadataFormatException.class)
        .hasMessage("METADATA line 1: not valid UTF-8 (byte offset 9)")
        .satisfies(
            e -> {
              MetadataFormatException m = (MetadataFormatException) e;
              assertThat(m.file()).isEqualTo("METADATA");
              assertThat(m.line()).isEqualTo(1);
              assertThat(m.reason()).isEqualTo("not valid UTF-8 (byte offset 9)");
            });
  }

  @Test
  void rejectsMalformedHeaderLines() {
    assertThatThrownBy(() -> parse("Name: a\nthis is not a header\n"))
        .isInstanceOf(MetadataFormatException.class)
        .hasMessage("METADATA line 2: not a header field (no ':')");
    assertThatThrownBy(() -> parse("  continued\nName: a\n"))
        .isInstanceOf(MetadataFormatException.class)
        .hasMessage("METADATA line 1: continuation line without a field before it");
    assertThatThrownBy(() -> parse("Name: a\n: value\n"))
        .isInstanceOf(MetadataFormatException.class)
        .hasMessage("METADATA line 2: empty field name");
    assertThatThrownBy(() -> parse("Bad Name: a\n"))
        .isInstanceOf(MetadataFormatException.class)
        .hasMessage("METADATA line 1: field name 'Bad Name' contains a blank, control or non-ASCII character");
  }

  @Test
  void rejectsByteOrderMark() {
    assertThatThrownBy(() -> parse("\uFEFFMetadata-Version: 2.1\nName: a\n"))
        .isInstanceOf(MetadataFormatException.class)
        .hasMessage("METADATA line 1: starts with a byte order mark");
    assertThatThrownBy(() -> parse("Name: a\nX\u0007Y: b\n"))
        .isInstanceOf(MetadataFormatException.class)
        .hasMessage("METADATA line 2: field name 'X\\u0007Y' contains a blank, control or non-ASCII character");
  }

  @Test
  void wheelInfoFields() throws Exception {
    WheelInfo info =
        WheelInfo.parse(
            ("Wheel-Version: 1.0\nGenerator: bdist_wheel (0.43.0)\nRoot-Is-Purelib: False\n"
                    + "Tag: cp36-cp36m-win_amd64\nTag: cp312-cp312-win_amd64\nBuild: 0record\n\n")
                .getBytes(UTF_8));
    assertThat(info.wheelVersion()).contains("1.0");
    assertThat(info.generator()).contains("bdist_wheel (0.43.0)");
    assertThat(info.rootIsPurelib()).contains(false);
    assertThat(info.tags()).containsExactly("cp36-cp36m-win_amd64", "cp312-cp312-win_amd64");
    assertThat(info.build()).contains("0record");
    assertThat(WheelInfo.parse("Root-Is-Purelib: yes\n".getBytes(UTF_8)).rootIsPurelib()).isEmpty();
    assertThat(WheelInfo.parse(new byte[0]).wheelVersion()).isEqualTo(Optional.empty());
    assertThatThrownBy(() -> WheelInfo.parse("Tag py3-none-any\n".getBytes(UTF_8)))
        .isInstanceOf(MetadataFormatException.class)
        .hasMessage("WHEEL line 1: not a header field (no ':')");
  }
}
