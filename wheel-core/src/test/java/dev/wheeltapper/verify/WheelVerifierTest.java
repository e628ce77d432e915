package dev.wheeltapper.verify;

import static dev.wheeltapper.verify.TestWheel.DIST;
import static dev.wheeltapper.verify.TestWheel.NAME;
import static dev.wheeltapper.verify.TestWheel.b64;
import static dev.wheeltapper.verify.TestWheel.digest;
import static dev.wheeltapper.verify.TestWheel.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Severity;
import dev.wheeltapper.testing.ZipBuilder;
import dev.wheeltapper.zip.ZipLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile wheels written byte by byte: each check gives its exact code and path, and a sound wheel passes. */
class WheelVerifierTest {
  private static final WheelVerifier VERIFIER = WheelVerifier.defaults();

  @TempDir Path tmp;

  static VerificationReport verify(byte[] wheel) throws IOException {
    return verify(wheel, NAME);
  }

  static VerificationReport verify(byte[] wheel, String fileName) throws IOException {
    return VERIFIER.verify(new SeekableInMemoryByteChannel(wheel), fileName);
  }

  static List<String> codes(VerificationReport r) {
    return r.findings().stream().map(Finding::code).toList();
  }

  @Test
  void aSoundWheelPassesWithoutFindings() throws IOException {
    byte[] bytes = new TestWheel().build();
    VerificationReport r = verify(bytes);
    assertThat(r.findings()).isEmpty();
    assertThat(r.passed()).isTrue();
    assertThat(r.entriesChecked()).isEqualTo(5);
    assertThat(r.sha256()).isEqualTo(HexFormat.of().formatHex(digest("SHA-256", bytes)));
    assertThat(r.filename()).isPresent();
    assertThat(r.metadata().flatMap(m -> m.name())).contains("demo");
    assertThat(r.wheelInfo().flatMap(w -> w.rootIsPurelib())).contains(true);
    assertThat(r.record().orElseThrow().entries()).hasSize(5);
  }

  /**
   * onnx 1.23.1 ships a 2.5 MB test file of zeros compressed about 1,000 to 1: a ratio alone on a small entry is no
   * bomb (PyPI applies its ratio only past 64 MiB), so the default limits pass it.
   */
  @Test
  void aSmallEntryCompressedAThousandToOneIsNoBomb() throws IOException {
    TestWheel w = new TestWheel();
    w.files.put("demo/test_data/zeros.pb", new byte[2_500_000]);
    VerificationReport r = verify(w.build());
    assertThat(r.findings()).isEmpty();
  }

  /** A limit stop is one error; what was not read is not reported missing (no false dist-info or RECORD finding). */
  @Test
  void aLimitStopHasNoFollowOnFindings() throws IOException {
    TestWheel w = new TestWheel();
    for (int i = 0; i < 20; i++) {
      w.files.put("demo/m" + i + ".py", utf8("x = " + i + "\n"));
    }
    // the .dist-info files come last in the archive, beyond the entry limit
    byte[] bytes = w.build();
    VerificationReport r = WheelVerifier.builder().limits(ZipLimits.defaults().withMaxEntries(10)).build()
        .verify(new SeekableInMemoryByteChannel(bytes), NAME);
    assertThat(r.passed()).isFalse();
    assertThat(r.errors()).extracting(Finding::code).containsOnly(Codes.ZIP_LIMIT_EXCEEDED);
  }

  /** gmsh 4.15: RECORD hashes written with hexdigest(); the content still checks out, one warning says so. */
  @Test
  void hexadecimalRecordHashesAreCheckedAndWarnedOnce() throws IOException {
    TestWheel w = new TestWheel();
    List<String> rows = new java.util.ArrayList<>();
    for (var e : w.files.entrySet()) {
      rows.add(e.getKey() + ",sha256=" + HexFormat.of().formatHex(digest("SHA-256", e.getValue())) + ","
          + e.getValue().length);
    }
    rows.add(DIST + "/RECORD,,");
    w.recordRows = rows;
    VerificationReport r = verify(w.build());
    assertThat(r.findings()).extracting(Finding::code, Finding::severity)
        .containsExactly(tuple(Codes.RECORD_INVALID, Severity.WARNING));
    assertThat(r.findings().get(0).message()).contains("4 hashes").contains("hexadecimal");
    // a tampered file still fails against the hexadecimal hash
    w.files.put("demo/__init__.py", utf8("VALUE = 2\n"));
    assertThat(codes(verify(w.build()))).contains(Codes.RECORD_HASH_MISMATCH);
  }

  @Test
  void contentChangedAfterRecordIsAHashMismatchAtItsPath() throws IOException {
    TestWheel w = new TestWheel();
    w.recordRows = w.computedRows();
    w.file("demo/__init__.py", "VALUE = 2\n"); // same length, different bytes
    VerificationReport r = verify(w.build());
    assertThat(r.findings()).extracting(Finding::code, Finding::path)
        .containsExactly(tuple(Codes.RECORD_HASH_MISMATCH, "demo/__init__.py"));
    assertThat(r.passed()).isFalse();
  }

  @Test
  void aWrongSizeWithTheRightHashIsASizeMismatch() throws IOException {
    TestWheel w = new TestWheel();
    w.recordRows = w.computedRows().stream()
        .map(row -> row.startsWith("demo/__init__.py,") ? row.replaceAll(",10$", ",11") : row).toList();
    assertThat(verify(w.build()).findings()).extracting(Finding::code, Finding::path)
        .containsExactly(tuple(Codes.RECORD_SIZE_MISMATCH, "demo/__init__.py"));
  }

  @Test
  void aFileRecordDoesNotListIsUnlisted() throws IOException {
    TestWheel w = new TestWheel();
    w.unlisted.put("demo/evil.pth", utf8("import os\n"));
    assertThat(verify(w.build()).findings()).extracting(Finding::code, Finding::path)
        .containsExactly(tuple(Codes.RECORD_UNLISTED_FILE, "demo/evil.pth"));
  }

  @Test
  void aRowForAnAbsentFileIsAMissingFile() throws IOException {
    TestWheel w = new TestWheel();
    w.extraRows.add("demo/gone.py,sha256=" + b64(digest("SHA-256", new byte[0])) + ",0");
    assertThat(verify(w.build()).findings()).extracting(Finding::code, Finding::path)
        .containsExactly(tuple(Codes.RECORD_MISSING_FILE, "demo/gone.py"));
  }

  @Test
  void noRecordAtAll() throws IOException {
    TestWheel w = new TestWheel();
    w.withRecord = false;
    assertThat(verify(w.build()).findings()).extracting(Finding::code, Finding::path)
        .containsExactly(tuple(Codes.RECORD_MISSING, DIST + "/RECORD"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"md5", "sha1", "shake_128", "sha256x", "crc32"})
  void weakAndUnknownAlgorithmsAreRefused(String algorithm) throws IOException {
    TestWheel w = new TestWheel();
    w.recordRows = w.computedRows().stream()
        .map(row -> row.startsWith("demo/data.txt,")
            ? "demo/data.txt," + algorithm + "=" + b64(new byte[algorithm.equals("md5") ? 16 : 20]) + ",500"
            : row).toList();
    VerificationReport r = verify(w.build());
    assertThat(r.findings()).extracting(Finding::code, Finding::path)
        .containsExactly(tuple(Codes.RECORD_WEAK_HASH, "demo/data.txt"));
  }

  @Test
  void strongAlgorithmsOtherThanSha256AreComputedAndChecked() throws IOException {
    TestWheel w = new TestWheel();
    w.file("demo/empty1", "").file("demo/empty2", "").file("demo/x224", "abc").file("demo/x3", "abc")
        .file("demo/x512", "abc");
    List<String> rows = new java.util.ArrayList<>(w.computedRows().stream()
        .filter(r -> !r.startsWith("demo/empty") && !r.startsWith("demo/x")).toList());
    // Known answers: BLAKE2b-512 and BLAKE2s-256 of the empty input (RFC 7693, hashlib), SHA-224 and SHA3-256 of "abc".
    rows.add("demo/empty1,blake2b=" + b64(HexFormat.of().parseHex(
        "786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419"
            + "d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce")) + ",0");
    rows.add("demo/empty2,blake2s=" + b64(HexFormat.of().parseHex(
        "69217a3079908094e11121d042354a7c1f55b6482ca1a51e1b250dfd1ed0eef9")) + ",0");
    rows.add("demo/x224,sha224=" + b64(HexFormat.of().parseHex(
        "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7")) + ",3");
    rows.add("demo/x3,sha3_256=" + b64(HexFormat.of().parseHex(
        "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532")) + ",3");
    rows.add("demo/x512,sha512=" + b64(digest("SHA-512", utf8("abc"))) + ",3");
    w.recordRows = rows;
    assertThat(verify(w.build()).findings()).isEmpty();

    // and a wrong BLAKE2b value is caught
    rows.set(rows.size() - 5, "demo/empty1,blake2b=" + b64(new byte[64]) + ",0");
    w.recordRows = rows;
    assertThat(verify(w.build()).findings()).extracting(Finding::code, Finding::path)
        .containsExactly(tuple(Codes.RECORD_HASH_MISMATCH, "demo/empty1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "sha256=AAAA=", // padding
      "sha256=not+base64/", // standard alphabet, not URL-safe
      "sha256=AAAA", // wrong length for sha256
      "sha256=", // empty value
      "sha256" // no '='
  })
  void malformedHashValuesAreInvalidRows(String hash) throws IOException {
    TestWheel w = new TestWheel();
    w.recordRows = w.computedRows().stream()
        .map(row -> row.startsWith("demo/data.txt,") ? "demo/data.txt," + hash + ",500" : row).toList();
    VerificationReport r = verify(w.build());
    assertThat(r.findings()).extracting(Finding::code).contains(Codes.RECORD_INVALID);
    assertThat(r.findings()).allSatisfy(f -> assertThat(f.path()).isEqualTo("demo/data.txt"));
    assertThat(r.passed()).isFalse();
  }

  @Test
  void aRowWithoutHashIsNoHash() throws IOException {
    TestWheel w = new TestWheel();
    w.recordRows = w.computedRows().stream()
        .map(row -> row.startsWith("demo/data.txt,") ? "demo/data.txt,," : row).toList();
    assertThat(verify(w.build()).findings()).extracting(Finding::code, Finding::path)
        .containsExactly(tuple(Codes.RECORD_NO_HASH, "demo/data.txt"));
  }

  @Test
  void duplicateRowsAndUnsafeRowPathsAreFindings() throws IOException {
    TestWheel w = new TestWheel();
    List<String> rows = new java.util.ArrayList<>(w.computedRows());
    rows.add(rows.get(0));
    rows.add("../escape.py,sha256=" + b64(digest("SHA-256", new byte[0])) + ",0");
    w.recordRows = rows;
    VerificationReport r = verify(w.build());
    assertThat(r.findings()).extracting(Finding::code, Finding::path).containsExactly(
        tuple(Codes.RECORD_DUPLICATE_ROW, "demo/__init__.py"),
        tuple(Codes.RECORD_INVALID, "../escape.py"),
        tuple(Codes.RECORD_MISSING_FILE, "../escape.py"));
  }

  @Test
  void aMalformedRecordLineIsReportedWithItsLineAndTheRestIsStillChecked() throws IOException {
    TestWheel w = new TestWheel();
    List<String> rows = new java.util.ArrayList<>(w.computedRows());
    rows.add(1, "demo/data.txt,sha256=x,1,extra-field");
    w.recordRows = rows;
    w.file("demo/__init__.py", "VALUE = 3\n"); // rows were computed before: a mismatch is still found
    w.recordRows = rows;
    VerificationReport r = verify(w.build());
    assertThat(r.findings()).extracting(Finding::code).containsExactly(Codes.RECORD_INVALID, Codes.RECORD_HASH_MISMATCH);
    assertThat(r.findings().get(0).message()).contains("line 2");
  }

  @Test
  void signatureFilesAreExemptFromRecordButMustNotBeListed() throws IOException {
    TestWheel w = new TestWheel();
    w.unlisted.put(DIST + "/RECORD.jws", utf8("{}"));
    // not reported as unlisted; as a signature, "{}" is simply invalid
    assertThat(verify(w.build()).findings()).extracting(Finding::code, Finding::path)
        .containsExactly(tuple(Codes.SIGNATURE_INVALID, DIST + "/RECORD.jws"),
            tuple(Codes.SIGNATURE_DEPRECATED, DIST + "/RECORD.jws"));

    TestWheel listed = new TestWheel();
    listed.file(DIST + "/RECORD.p7s", "sig");
    assertThat(verify(listed.build()).findings()).extracting(Finding::code, Finding::path)
        .startsWith(tuple(Codes.RECORD_INVALID, DIST + "/RECORD.p7s"));
  }

  @Test
  void recordListingAHashForItselfIsAWarning() throws IOException {
    TestWheel w = new TestWheel();
    w.recordRows = w.computedRows().stream()
        .map(row -> row.equals(DIST + "/RECORD,,") ? DIST + "/RECORD,sha256=" + b64(new byte[32]) + ",1" : row).toList();
    VerificationReport r = verify(w.build());
    assertThat(r.findings()).extracting(Finding::code, Finding::severity)
        .containsExactly(tuple(Codes.RECORD_INVALID, Severity.WARNING));
    assertThat(r.passed()).isTrue();
  }

  @Test
  void distInfoMissingOrDoubled() throws IOException {
    byte[] none = new ZipBuilder().entry("demo/__init__.py", "x").build();
    assertThat(codes(verify(none))).containsExactly(Codes.WHEEL_DIST_INFO_MISSING);

    TestWheel two = new TestWheel();
    two.unlisted.put("other-2.0.dist-info/METADATA", utf8("Name: other\n"));
    VerificationReport r = verify(two.build());
    assertThat(codes(r)).containsExactly(Codes.WHEEL_DIST_INFO_MISSING);
    assertThat(r.findings().get(0).message()).contains("2 top-level .dist-info directories");
  }

  @Test
  void distInfoNamingAnotherVersionIsAMismatch() throws IOException {
    VerificationReport r = verify(new TestWheel().build(), "demo-2.0-py3-none-any.whl");
    assertThat(r.findings()).extracting(Finding::code, Finding::path).containsExactly(
        tuple(Codes.WHEEL_DIST_INFO_MISMATCH, DIST + "/"),
        tuple(Codes.METADATA_MISMATCH, DIST + "/METADATA"));
    VerificationReport other = verify(new TestWheel().build(), "Other-1.0-py3-none-any.whl");
    assertThat(codes(other)).containsExactly(Codes.WHEEL_DIST_INFO_MISMATCH, Codes.METADATA_MISMATCH);
  }

  @Test
  void namesAndVersionsCompareNormalised() throws IOException {
    TestWheel w = new TestWheel().metadata("Metadata-Version: 2.1\nName: Demo\nVersion: 1.0.0\n");
    assertThat(verify(w.build()).findings()).isEmpty();
  }

  @Test
  void anInvalidFileNameIsReportedAndTheRestStillChecked() throws IOException {
    VerificationReport r = verify(new TestWheel().build(), "demo.whl");
    assertThat(codes(r)).containsExactly(Codes.WHEEL_FILENAME_INVALID);
  }

  @Test
  void wheelFileChecks() throws IOException {
    assertThat(codes(verify(new TestWheel().wheelFile(
        "Wheel-Version: 2.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n").build())))
        .containsExactly(Codes.WHEEL_WHEEL_FILE_INVALID);
    VerificationReport newer = verify(new TestWheel().wheelFile(
        "Wheel-Version: 1.9\nRoot-Is-Purelib: true\nTag: py3-none-any\n").build());
    assertThat(newer.findings()).extracting(Finding::code, Finding::severity)
        .containsExactly(tuple(Codes.WHEEL_NEWER_VERSION, Severity.WARNING));
    assertThat(codes(verify(new TestWheel().wheelFile("Root-Is-Purelib: true\nTag: py3-none-any\n").build())))
        .containsExactly(Codes.WHEEL_WHEEL_FILE_INVALID);
    assertThat(codes(verify(new TestWheel().wheelFile("Wheel-Version: 1.0\nTag: py3-none-any\n").build())))
        .containsExactly(Codes.WHEEL_WHEEL_FILE_INVALID);
    TestWheel noWheel = new TestWheel();
    noWheel.files.remove(DIST + "/WHEEL");
    assertThat(verify(noWheel.build()).findings()).extracting(Finding::code, Finding::path)
        .containsExactly(tuple(Codes.WHEEL_WHEEL_FILE_INVALID, DIST + "/WHEEL"));
  }

  /** pip, installer and uv install by the file name's tags and never read Tag: a difference is a warning. */
  @Test
  void tagLinesThatDifferFromTheFileNameAreAWarningSayingWhoClaimsWhat() throws IOException {
    VerificationReport r = verify(new TestWheel().wheelFile(
        "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py2-none-any\n").build());
    assertThat(r.findings()).extracting(Finding::code, Finding::severity, Finding::path)
        .containsExactly(tuple(Codes.WHEEL_TAG_MISMATCH, Severity.WARNING, DIST + "/WHEEL"));
    assertThat(r.findings().get(0).message()).contains("only the file name claims [py3-none-any]")
        .contains("only WHEEL claims [py2-none-any]");
    assertThat(r.passed()).isTrue();
    // py-spy: the file name claims py2.py3, WHEEL lists py3 only
    VerificationReport pyspy = verify(new TestWheel().build(), "demo-1.0-py2.py3-none-any.whl");
    assertThat(pyspy.findings()).extracting(Finding::code, Finding::severity)
        .containsExactly(tuple(Codes.WHEEL_TAG_MISMATCH, Severity.WARNING));
    assertThat(pyspy.findings().get(0).message()).contains("only the file name claims [py2-none-any]");
    // maturin (clarabel, polars): a compressed tag set in WHEEL's Tag line equals the file name's expansion
    TestWheel maturin = new TestWheel().wheelFile("Wheel-Version: 1.0\nRoot-Is-Purelib: false\n"
        + "Tag: cp39-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64\n");
    assertThat(verify(maturin.build(), "demo-1.0-cp39-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64.whl")
        .findings()).isEmpty();
    // a compressed tag set equals its Tag lines in any order
    TestWheel both = new TestWheel().wheelFile(
        "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\nTag: py2-none-any\n");
    assertThat(verify(both.build(), "demo-1.0-py2.py3-none-any.whl").findings()).isEmpty();
  }

  @Test
  void buildLineMustMatchTheFileNameBuildTag() throws IOException {
    TestWheel w = new TestWheel().wheelFile(
        "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\nBuild: 2\n");
    assertThat(verify(w.build(), "demo-1.0-1-py3-none-any.whl").findings()).extracting(Finding::code, Finding::severity)
        .containsExactly(tuple(Codes.WHEEL_BUILD_MISMATCH, Severity.WARNING));
    assertThat(verify(w.build(), "demo-1.0-2-py3-none-any.whl").findings()).isEmpty();
    assertThat(verify(new TestWheel().build(), "demo-1.0-1-py3-none-any.whl").findings())
        .extracting(Finding::code, Finding::severity)
        .containsExactly(tuple(Codes.WHEEL_BUILD_MISMATCH, Severity.WARNING));
  }

  @Test
  void metadataChecks() throws IOException {
    TestWheel noMeta = new TestWheel();
    noMeta.files.remove(DIST + "/METADATA");
    assertThat(verify(noMeta.build()).findings()).extracting(Finding::code, Finding::path)
        .containsExactly(tuple(Codes.METADATA_INVALID, DIST + "/METADATA"));
    assertThat(verify(new TestWheel().metadata("Metadata-Version: 2.1\nVersion: 1.0\n").build()).findings())
        .extracting(Finding::code, Finding::message)
        .containsExactly(tuple(Codes.METADATA_INVALID, "METADATA lacks the required field Name."));
    assertThat(codes(verify(new TestWheel().metadata("Metadata-Version: 2.1\nName: other\nVersion: 1.0\n").build())))
        .containsExactly(Codes.METADATA_MISMATCH);
    assertThat(codes(verify(new TestWheel().metadata("Metadata-Version: 2.1\nName: demo\nVersion: 1.1\n").build())))
        .containsExactly(Codes.METADATA_MISMATCH);
    TestWheel bad = new TestWheel();
    bad.files.put(DIST + "/METADATA", new byte[] {'N', 'a', 'm', 'e', ':', ' ', (byte) 0xff, '\n'});
    assertThat(codes(verify(bad.build()))).containsExactly(Codes.METADATA_INVALID);
  }

  @Test
  void notAZipIsOneFinding() throws IOException {
    VerificationReport r = verify("this is not a wheel".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThat(codes(r)).containsExactly(Codes.ZIP_NOT_A_ZIP);
    assertThat(r.sha256()).hasSize(64);
  }

  @Test
  void aCorruptCrcIsFoundByTheContentPass() throws IOException {
    TestWheel w = new TestWheel();
    ZipBuilder zb = w.builder();
    byte[] good = zb.build();
    // rebuild with a wrong CRC in both headers for demo/data.txt
    ZipBuilder bad = new ZipBuilder();
    for (var e : w.files.entrySet()) {
      bad.entry(e.getKey(), e.getValue());
      if (e.getKey().equals("demo/data.txt")) {
        bad.crc(ZipBuilder.crc32(e.getValue()) ^ 1);
      }
    }
    bad.entry(DIST + "/RECORD", utf8(String.join("\n", w.computedRows()) + "\n"));
    assertThat(verify(good).findings()).isEmpty();
    assertThat(verify(bad.build()).findings()).extracting(Finding::code, Finding::path)
        .containsExactly(tuple(Codes.ZIP_CRC_MISMATCH, "demo/data.txt"));
  }

  @Test
  void aShadowingDuplicateEntryIsCheckedAgainstRecordToo() throws IOException {
    TestWheel w = new TestWheel();
    w.unlisted.put("demo/__init__.py", utf8("import os; os.system('id')\n"));
    VerificationReport r = verify(w.build());
    assertThat(r.findings()).extracting(Finding::code, Finding::path).contains(
        tuple(Codes.ZIP_DUPLICATE_ENTRY, "demo/__init__.py"),
        tuple(Codes.RECORD_HASH_MISMATCH, "demo/__init__.py"));
  }

  @Test
  void aDataDescriptorIsAWarningOnly() throws IOException {
    TestWheel w = new TestWheel();
    ZipBuilder zb = new ZipBuilder();
    for (var e : w.files.entrySet()) {
      zb.entry(e.getKey(), e.getValue()).dataDescriptor();
    }
    zb.entry(DIST + "/RECORD", utf8(String.join("\n", w.computedRows()) + "\n"));
    VerificationReport r = verify(zb.build());
    assertThat(r.findings()).isNotEmpty().allSatisfy(f -> {
      assertThat(f.code()).isEqualTo(Codes.ZIP_DATA_DESCRIPTOR);
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
    });
    assertThat(r.passed()).isTrue();
  }

  @Test
  void exceedingTheTotalLimitStopsReadingWithAFinding() throws IOException {
    TestWheel w = new TestWheel();
    w.file("demo/big.bin", "x".repeat(20_000));
    WheelVerifier tight = WheelVerifier.builder()
        .limits(ZipLimits.defaults().withMaxTotalUncompressed(4_000)).build();
    VerificationReport r = tight.verify(new SeekableInMemoryByteChannel(w.build()), NAME);
    assertThat(codes(r)).contains(Codes.ZIP_LIMIT_EXCEEDED);
    assertThat(r.bytesInflated()).isLessThanOrEqualTo(4_000 + 64 * 1024);
    assertThat(r.passed()).isFalse();
  }

  @Test
  void parallelVerificationGivesTheSameReport() throws IOException {
    TestWheel w = new TestWheel();
    for (int i = 0; i < 40; i++) {
      w.file("demo/m" + i + ".py", ("# module " + i + "\n").repeat(100 + i));
    }
    w.recordRows = w.computedRows();
    w.file("demo/m7.py", "tampered");
    w.file("demo/m30.py", "tampered too");
    w.unlisted.put("demo/extra.py", utf8("x"));
    Path file = Files.write(tmp.resolve(NAME), w.build());
    VerificationReport one = WheelVerifier.builder().parallelism(1).build().verify(file);
    for (int threads : new int[] {2, 3, 8}) {
      VerificationReport many = WheelVerifier.builder().parallelism(threads).build().verify(file);
      assertThat(many.findings()).isEqualTo(one.findings());
      assertThat(many.sha256()).isEqualTo(one.sha256());
      assertThat(many.bytesInflated()).isEqualTo(one.bytesInflated());
    }
    assertThat(one.findings()).extracting(Finding::code, Finding::path).containsExactly(
        tuple(Codes.RECORD_HASH_MISMATCH, "demo/m7.py"),
        tuple(Codes.RECORD_SIZE_MISMATCH, "demo/m7.py"),
        tuple(Codes.RECORD_HASH_MISMATCH, "demo/m30.py"),
        tuple(Codes.RECORD_SIZE_MISMATCH, "demo/m30.py"),
        tuple(Codes.RECORD_UNLISTED_FILE, "demo/extra.py"));
  }

  @Test
  void theInputFileIsNotModified() throws IOException {
    Path file = Files.write(tmp.resolve(NAME), new TestWheel().build());
    byte[] before = Files.readAllBytes(file);
    var modified = Files.getLastModifiedTime(file);
    WheelVerifier.builder().parallelism(2).build().verify(file);
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
  }

  @Test
  void aLargeEntryHashedOnASecondThreadGivesTheSameVerdicts() throws IOException {
    byte[] big = new byte[6 << 20];
    new java.util.Random(7).nextBytes(big);
    TestWheel w = new TestWheel();
    w.files.put("demo/big.bin", big);
    Path good = Files.write(tmp.resolve(NAME), w.build());
    WheelVerifier two = WheelVerifier.builder().parallelism(2).build();
    assertThat(two.verify(good).findings()).isEmpty();

    w.recordRows = w.computedRows();
    big[3 << 20] ^= 1;
    Path bad = Files.write(Files.createDirectories(tmp.resolve("bad")).resolve(NAME), w.build());
    assertThat(two.verify(bad).findings()).extracting(Finding::code, Finding::path)
        .containsExactly(tuple(Codes.RECORD_HASH_MISMATCH, "demo/big.bin"));
    assertThat(two.verify(bad).findings()).isEqualTo(WheelVerifier.defaults().verify(bad).findings());

    // stopped half-way by the total limit: the hashing thread is ended, the verdict is the limit
    WheelVerifier tight = WheelVerifier.builder().parallelism(2)
        .limits(ZipLimits.defaults().withMaxTotalUncompressed(5 << 20)).build();
    assertThat(codes(tight.verify(good))).contains(Codes.ZIP_LIMIT_EXCEEDED);
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (hashThreads() > 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(hashThreads()).as("hashing threads left running").isZero();
  }

  private static long hashThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("wheeltapper-hash") && t.isAlive()).count();
  }
}
