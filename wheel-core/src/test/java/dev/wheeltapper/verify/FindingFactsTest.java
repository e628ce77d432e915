package dev.wheeltapper.verify;

import static dev.wheeltapper.verify.TestWheel.DIST;
import static dev.wheeltapper.verify.TestWheel.b64;
import static dev.wheeltapper.verify.TestWheel.digest;
import static dev.wheeltapper.verify.TestWheel.utf8;
import static dev.wheeltapper.verify.WheelVerifierTest.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The RECORD and dist-info findings carry their evidence as facts, so a program reads them without the message. */
class FindingFactsTest {

  private static Finding only(VerificationReport r, String code) {
    assertThat(r.findings()).extracting(Finding::code).containsOnlyOnce(code);
    return r.findings().stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow();
  }

  @Test
  void aHashMismatchNamesAlgorithmExpectedAndActual() throws IOException {
    TestWheel w = new TestWheel();
    w.recordRows = w.computedRows();
    w.file("demo/__init__.py", "VALUE = 2\n");
    Finding f = only(verify(w.build()), Codes.RECORD_HASH_MISMATCH);
    String expected = b64(digest("SHA-256", utf8("VALUE = 1\n")));
    String actual = b64(digest("SHA-256", utf8("VALUE = 2\n")));
    assertThat(f.facts()).containsExactly(entry("algorithm", "sha256"), entry("expected", expected),
        entry("actual", actual));
    assertThat(f.message()).contains(expected).contains(actual); // the message says the same
  }

  @Test
  void aSizeMismatchNamesExpectedAndActual() throws IOException {
    TestWheel w = new TestWheel();
    w.recordRows = w.computedRows().stream()
        .map(row -> row.startsWith("demo/__init__.py,") ? row.replaceAll(",10$", ",11") : row).toList();
    Finding f = only(verify(w.build()), Codes.RECORD_SIZE_MISMATCH);
    assertThat(f.facts()).containsExactly(entry("expected", "11"), entry("actual", "10"));
  }

  @Test
  void aMissingFileAndAMalformedLineNameTheirEntryAndLine() throws IOException {
    TestWheel w = new TestWheel();
    w.extraRows.add("demo/gone.py,sha256=" + b64(digest("SHA-256", new byte[0])) + ",0");
    w.extraRows.add("demo/broken.py,sha256=x");
    VerificationReport r = verify(w.build());
    assertThat(only(r, Codes.RECORD_MISSING_FILE).facts()).containsExactly(entry("entry", "demo/gone.py"));
    Finding invalid = r.findings().stream().filter(f -> f.code().equals(Codes.RECORD_INVALID)).findFirst()
        .orElseThrow();
    assertThat(invalid.facts()).containsKey("line");
    assertThat(invalid.message()).startsWith("RECORD line " + invalid.facts().get("line") + ": ");
  }

  @Test
  void distInfoAndMetadataMismatchesNameBothSides() throws IOException {
    VerificationReport r = verify(new TestWheel().build(), "demo-2.0-py3-none-any.whl");
    assertThat(only(r, Codes.WHEEL_DIST_INFO_MISMATCH).facts())
        .containsExactly(entry("field", "version"), entry("distInfo", "1.0"), entry("fileName", "2.0"));
    assertThat(only(r, Codes.METADATA_MISMATCH).facts())
        .containsExactly(entry("field", "Version"), entry("metadata", "1.0"), entry("fileName", "2.0"));
  }

  @Test
  void wheelVersionAndMissingFieldsAreFacts() throws IOException {
    TestWheel w = new TestWheel()
        .wheelFile("Wheel-Version: 1.9\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
        .metadata("Metadata-Version: 2.1\nName: demo\n");
    VerificationReport r = verify(w.build());
    assertThat(only(r, Codes.WHEEL_NEWER_VERSION).facts()).containsExactly(entry("wheelVersion", "1.9"));
    Finding missing = r.findings().stream()
        .filter(f -> f.code().equals(Codes.METADATA_INVALID) && f.path().equals(DIST + "/METADATA")).findFirst()
        .orElseThrow();
    assertThat(missing.facts()).containsExactly(entry("field", "Version"));
  }

  @Test
  void aWeakAlgorithmIsNamed() throws IOException {
    TestWheel w = new TestWheel();
    w.recordRows = w.computedRows().stream()
        .map(row -> row.startsWith("demo/__init__.py,")
            ? "demo/__init__.py,md5=" + b64(digest("MD5", utf8("VALUE = 1\n"))) + ",10" : row)
        .toList();
    assertThat(only(verify(w.build()), Codes.RECORD_WEAK_HASH).facts()).containsExactly(entry("algorithm", "md5"));
  }
}
