package dev.wheeltapper.zip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.testsupport.Corpus;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shared corpus: malo's ZIP confusion specimens and the 140 structurally clean tool-test wheels. */
class ZipCorpusTest {

  /**
   * malo {@code iffy} specimens that are "weird but technically valid and unambiguous" and stay accepted, with why.
   * Every other {@code iffy}, {@code malicious} and {@code reject} file must give at least one error.
   */
  static final Map<String, String> BENIGN_IFFY = Map.of(
      "iffy/nosubdir.zip", "'foo/bar' without a 'foo/' entry: wheels never need directory entries, uv agrees",
      "iffy/crc_collision_empty_nonempty.zip", "two entries whose CRC-32s are equal and correct: the CRC is"
          + " checked per entry, identity comes from the RECORD sha256",
      "iffy/crc_collision_two_nonempty.zip", "as above, both entries non-empty",
      "iffy/crc_zero_nonempty.zip", "non-empty data crafted so its CRC-32 really is 0: the check passes, and any"
          + " tampering is still caught by the CRC and the RECORD hash");

  /** A code each of these specimens must give (others may come with it). */
  static final Map<String, String> EXPECTED_CODE = Map.ofEntries(
      Map.entry("iffy/8bitcomment.zip", Codes.ZIP_MULTIPLE_EOCD),
      Map.entry("malicious/zipinzip.zip", Codes.ZIP_MULTIPLE_EOCD),
      Map.entry("malicious/zip64_eocd_confusion.zip", Codes.ZIP_MULTIPLE_EOCD),
      Map.entry("iffy/prefix.zip", Codes.ZIP_EXTRA_DATA),
      Map.entry("iffy/suffix_not_comment.zip", Codes.ZIP_EXTRA_DATA),
      Map.entry("iffy/zip64_eocd_extensible_data.zip", Codes.ZIP_EXTRA_DATA),
      Map.entry("iffy/extra3byte.zip", Codes.ZIP_MALFORMED),
      Map.entry("iffy/non_ascii_original_name.zip", Codes.ZIP_UNSAFE_PATH),
      Map.entry("iffy/store_cdsize_3.zip", Codes.ZIP_HEADER_MISMATCH),
      Map.entry("iffy/trailing_slash_attr_mismatch.zip", Codes.ZIP_SPECIAL_FILE),
      Map.entry("iffy/zip64_extra_too_long.zip", Codes.ZIP_HEADER_MISMATCH),
      Map.entry("iffy/zip64_extra_too_short.zip", Codes.ZIP_MALFORMED),
      Map.entry("malicious/second_unicode_extra.zip", Codes.ZIP_MALFORMED),
      Map.entry("malicious/unicode_extra_chain.zip", Codes.ZIP_MALFORMED),
      Map.entry("malicious/short_usize.zip", Codes.ZIP_HEADER_MISMATCH),
      Map.entry("malicious/trailing_slash_name.zip", Codes.ZIP_SPECIAL_FILE),
      Map.entry("reject/cd_extra_entry.zip", Codes.ZIP_DUPLICATE_ENTRY),
      Map.entry("reject/cd_missing_entry.zip", Codes.ZIP_EXTRA_DATA),
      Map.entry("reject/data_descriptor_bad_crc.zip", Codes.ZIP_HEADER_MISMATCH),
      Map.entry("reject/data_descriptor_bad_content_zero_crc.zip", Codes.ZIP_CRC_MISMATCH),
      Map.entry("reject/shortextra.zip", Codes.ZIP_MALFORMED),
      Map.entry("reject/zip64_extra_usize.zip", Codes.ZIP_HEADER_MISMATCH));

  static Stream<Path> malo() throws IOException {
    Path root = Corpus.corpus("wheels/malo/zip");
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(".zip")).sorted().toList().stream();
    }
  }

  static Stream<Path> wheels() throws IOException {
    List<Path> all = new java.util.ArrayList<>();
    for (String tool : List.of("auditwheel", "delocate", "delvewheel")) {
      try (Stream<Path> s = Files.walk(Corpus.corpus("wheels/" + tool))) {
        s.filter(p -> p.toString().endsWith(".whl")).sorted().forEach(all::add);
      }
    }
    return all.stream();
  }

  private static String key(Path p) {
    return p.getParent().getFileName() + "/" + p.getFileName();
  }

  @Test
  void corpusIsComplete() throws IOException {
    assertThat(malo().count()).isEqualTo(79);
    assertThat(wheels().count()).isEqualTo(140);
    assertThat(malo().map(ZipCorpusTest::key)).containsAll(BENIGN_IFFY.keySet()).containsAll(EXPECTED_CODE.keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malo")
  void maloVerdict(Path file) {
    String key = key(file);
    String category = file.getParent().getFileName().toString();
    List<Finding> findings = Zips.verify(file);
    List<String> errors = Zips.errorCodes(findings);
    if (category.equals("accept") || BENIGN_IFFY.containsKey(key)) {
      assertThat(errors).as("%s should pass (%s)", key, BENIGN_IFFY.getOrDefault(key, "malo accept")).isEmpty();
      assertThat(findings).allSatisfy(f -> assertThat(f.code()).isEqualTo(Codes.ZIP_DATA_DESCRIPTOR));
    } else {
      assertThat(errors).as("%s (malo %s) must fail", key, category).isNotEmpty();
    }
    if (EXPECTED_CODE.containsKey(key)) {
      assertThat(errors).as(key).contains(EXPECTED_CODE.get(key));
    }
  }

  @Test
  void maloDataDescriptorAcceptsAreWarnedAboutLikePyPi() {
    for (String name : List.of("data_descriptor.zip", "data_descriptor_zip64.zip")) {
      List<Finding> findings = Zips.verify(Corpus.corpus("wheels/malo/zip/accept/" + name));
      assertThat(findings).extracting(Finding::code, Finding::path)
          .containsExactly(org.assertj.core.api.Assertions.tuple(Codes.ZIP_DATA_DESCRIPTOR, "fixme"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wheels")
  void corpusWheelsAreStructurallyClean(Path wheel) {
    assertThat(Zips.verify(wheel)).as(wheel.toString()).isEmpty();
  }

  /** Every wheel file of the corpus, tool-test wheels and the attestation and npm specimens alike. */
  static Stream<Path> everyWheel() throws IOException {
    List<Path> all = new java.util.ArrayList<>();
    for (String dir : List.of("wheels", "attest", "npm")) {
      try (Stream<Path> s = Files.walk(Corpus.corpus(dir))) {
        s.filter(p -> p.toString().endsWith(".whl")).sorted().forEach(all::add);
      }
    }
    return all.stream();
  }

  /** The differential run directly, not only when the strict scan passes: Commons Compress sees what pip sees. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("everyWheel")
  void corpusWheelsReadTheSameInCommonsCompress(Path wheel) throws IOException {
    try (FileChannel ch = FileChannel.open(wheel)) {
      ChannelSource src = new ChannelSource(ch);
      ZipScan strict = ZipScanner.strict(new ScanContext(src, ZipLimits.defaults()));
      assertThat(strict.complete()).isTrue();
      assertThat(strict.entries()).isNotEmpty();
      assertThat(ParserDifferential.compare(strict, src, ZipLimits.defaults())).as(wheel.toString()).isEmpty();
      assertThat(new ZipScanner().scan(ch).findings(Codes.ZIP_PARSER_CONFUSION)).isEmpty();
    }
  }

  /**
   * Every malo specimen that Commons Compress reads differently is one the strict scan already refuses, so the
   * confusion is reported once, under the strict code; the ones it reads the same way are listed here.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("malo")
  void maloSpecimensCommonsCompressReadsDifferentlyAreRefusedOnce(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file)) {
      ChannelSource src = new ChannelSource(ch);
      ZipScan strict = ZipScanner.strict(new ScanContext(src, ZipLimits.defaults()));
      List<Finding> differences = strict.complete()
          ? ParserDifferential.compare(strict, src, ZipLimits.defaults()) : List.of();
      assertThat(!differences.isEmpty()).as(key(file)).isEqualTo(COMMONS_COMPRESS_DIFFERS.contains(key(file)));
      if (!differences.isEmpty()) {
        assertThat(strict.hasErrors()).as(key(file)).isTrue();
      }
      assertThat(new ZipScanner().scan(ch).findings(Codes.ZIP_PARSER_CONFUSION)).isEmpty();
    }
  }

  /** The malo specimens on which Commons Compress, run directly, sees other entries or fails. */
  static final java.util.Set<String> COMMONS_COMPRESS_DIFFERS = java.util.Set.of(
      "iffy/8bitcomment.zip", "iffy/non_ascii_original_name.zip", "iffy/prefix_non_ascii_original_name.zip",
      "iffy/prefix_zip64_eocd.zip", "malicious/second_unicode_extra.zip", "malicious/unicode_extra_chain.zip",
      "malicious/zipinzip.zip", "reject/zip64_extra_csize.zip");
}
