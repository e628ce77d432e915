package dev.wheeltapper.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Severity;
import dev.wheeltapper.testsupport.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every wheel of the shared corpus: the sound ones pass, and each broken one (as {@code corpus/SOURCES.md} lists them)
 * fails with exactly the expected codes.
 */
class CorpusVerificationTest {

  /** The defective wheels of corpus/SOURCES.md ("Summary of expected findings") and their codes, in report order. */
  static final Map<String, List<String>> BROKEN = Map.of(
      "wheels/delvewheel/history/simpleext-0.0.1-pp39-pypy39_pp73-win_amd64.whl",
      List.of(Codes.RECORD_HASH_MISMATCH, Codes.RECORD_SIZE_MISMATCH), // METADATA rewritten after RECORD
      "wheels/delvewheel/simpleext/simpleext-0.0.1-0combase-cp312-cp312-win_amd64.whl",
      List.of(Codes.RECORD_UNLISTED_FILE, Codes.RECORD_MISSING_FILE),
      "wheels/delvewheel/simpleext/simpleext-0.0.1-0fixed-cp39-cp39-win_amd64.whl",
      List.of(Codes.RECORD_UNLISTED_FILE, Codes.RECORD_UNLISTED_FILE, Codes.RECORD_MISSING_FILE),
      // RECORD.jws and RECORD.p7s hold the placeholder bytes "dummy file\r\n"
      "wheels/delvewheel/simpleext/simpleext-0.0.1-1sign-cp312-cp312-win_amd64.whl",
      List.of(Codes.SIGNATURE_INVALID),
      "wheels/delvewheel/simpleext/simpleext-0.0.1-2sign-cp312-cp312-win_amd64.whl",
      List.of(Codes.SIGNATURE_INVALID));

  static List<Path> corpusWheels() throws IOException {
    try (Stream<Path> s = Files.walk(Corpus.root())) {
      return s.filter(f -> f.toString().endsWith(".whl")).sorted().toList();
    }
  }

  @Test
  void everyCorpusWheelGetsItsExpectedVerdict() throws IOException {
    List<Path> wheels = corpusWheels();
    assertThat(wheels).hasSizeGreaterThanOrEqualTo(146);
    WheelVerifier verifier = WheelVerifier.builder().parallelism(2).build();
    int buildWarnings = 0;
    List<String> tagWarnings = new java.util.ArrayList<>();
    java.util.Map<String, Integer> layoutWarnings = new java.util.TreeMap<>();
    List<String> toplevelNonModules = new java.util.ArrayList<>();
    for (Path p : wheels) {
      String rel = Corpus.root().relativize(p).toString();
      VerificationReport r = verifier.verify(p);
      List<String> errors = r.errors().stream().map(Finding::code).toList();
      assertThat(errors).as(rel).isEqualTo(BROKEN.getOrDefault(rel, List.of()));
      for (Finding f : r.findings()) {
        if (f.severity() == Severity.WARNING && f.code().equals(Codes.WHEEL_BUILD_MISMATCH)) {
          buildWarnings++; // delvewheel's build tags that WHEEL does not repeat
        } else if (f.severity() == Severity.WARNING && f.code().equals(Codes.WHEEL_TAG_MISMATCH)) {
          tagWarnings.add(rel); // installers go by the file name's tags; SOURCES.md lists these as defects
        } else if (f.severity() == Severity.WARNING && f.area().equals("layout")) {
          layoutWarnings.merge(f.code(), 1, Integer::sum); // check-wheel-contents' lints: counted below
          if (f.code().equals(Codes.LAYOUT_TOPLEVEL_NON_MODULE)) {
            toplevelNonModules.add(p.getFileName() + "!" + f.path());
          }
        } else if (f.severity() == Severity.WARNING) {
          // The only other warning: the rfc8785 attestation was logged on Sigstore staging, not production.
          assertThat(rel).isEqualTo("attest/rfc8785-0.1.2-py3-none-any.whl");
          assertThat(f.code()).isEqualTo(Codes.SIGNATURE_UNTRUSTED);
        }
      }
    }
    assertThat(buildWarnings).isEqualTo(70); // "70 delvewheel test wheels" in SOURCES.md
    // delvewheel's namespace and top-level test wheels copy one extension into several packages; gepetto's four
    // wheels put their package under .data/data/lib/python3.x/site-packages and the 0ignore wheels their extension
    // under .data/data: neither installs anything importable
    assertThat(layoutWarnings).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
        Codes.LAYOUT_DUPLICATE_FILES, 31, Codes.LAYOUT_EMPTY_LIBRARY, 6, Codes.LAYOUT_TOPLEVEL_NON_MODULE, 3));
    assertThat(toplevelNonModules).containsExactlyInAnyOrder(
        "simpleext-0.0.1-0analyze-cp312-cp312-win_amd64.whl!icuuc74.dll", // a DLL loose in site-packages
        "simpleext-0.0.1-1custom-cp312-cp312-win_amd64.whl!c.txt",
        // check-wheel-contents' module suffixes are case-sensitive, as Python's import system is on Linux
        "simpleext-0.0.1-1custom-cp312-cp312-win_amd64.whl!simpleext-0.0.1.data/purelib/e.PY");
    assertThat(tagWarnings).containsExactlyInAnyOrder(
        "wheels/auditwheel/glibc/testsimple-0.0.1-cp313-cp313-linux_mips64.whl", // WHEEL says cp311
        // WHEEL lists one of the four expanded tags
        "wheels/delvewheel/simpleext/simpleext-0.0.1-cp36.cp312-cp36m.cp312-win_amd64.whl",
        "wheels/delvewheel/history/simpleext-0.0.1-cp36.cp310-cp36m.cp310-win_amd64.whl");
  }

  @Test
  void theTamperedMetadataIsNamedWithBothSizes() throws IOException {
    VerificationReport r = WheelVerifier.defaults().verify(Corpus.corpus(
        "wheels/delvewheel/history/simpleext-0.0.1-pp39-pypy39_pp73-win_amd64.whl"));
    assertThat(r.findings(Codes.RECORD_SIZE_MISMATCH)).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("simpleext-0.0.1.dist-info/METADATA");
      assertThat(f.message()).contains("479 bytes").contains("533");
    });
  }

  @Test
  void theLargestCorpusWheelInflatesEveryByteOnce() throws IOException {
    Path mscl = Corpus.corpus("wheels/auditwheel/python_mscl-67.0.1.0-cp313-cp313-manylinux2014_aarch64.whl");
    VerificationReport r = WheelVerifier.defaults().verify(mscl);
    assertThat(r.passed()).isTrue();
    // the sha256 recorded in corpus/SOURCES.md
    assertThat(r.sha256()).isEqualTo("4b739d7e8a8d10810486b864768dcd88559a4a3323149f644e20ec6cacc9ee67");
    assertThat(r.size()).isEqualTo(4038227);
    long declared = new dev.wheeltapper.zip.ZipScanner().scan(mscl).entries().stream()
        .mapToLong(dev.wheeltapper.zip.ScannedEntry::uncompressedSize).sum();
    assertThat(r.bytesInflated()).isEqualTo(declared);
  }
}
