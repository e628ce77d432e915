package dev.wheeltapper.fuzz;

import dev.wheeltapper.testsupport.Accessors;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wheeltapper.provenance.trust.InvalidTrustMaterialException;
import dev.wheeltapper.provenance.SignatureResult;
import dev.wheeltapper.provenance.TrustPolicy;
import dev.wheeltapper.provenance.json.Json;
import dev.wheeltapper.provenance.json.JsonException;
import dev.wheeltapper.provenance.jws.RecordJwsVerifier;
import dev.wheeltapper.provenance.pep740.AttestationResult;
import dev.wheeltapper.provenance.pep740.Pep740Verifier;
import dev.wheeltapper.provenance.trust.SigstoreTrustedRoot;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Fuzz targets for the bounded JSON parser and the readers on top of it: the Sigstore trusted root, PEP 740
 * attestations and RECORD.jws. The verifiers
 * turn any unexpected runtime exception into an {@code invalid} result (defence in depth); here such a result is
 * itself a finding, since it means a parser bug was caught rather than avoided.
 */
class ProvenanceFuzzTest {
  /**
   * The verifiers' own wording when their defence in depth caught a runtime exception (anchored at the start, so
   * that input text echoed later in a message cannot match).
   */
  private static final Pattern RUNTIME_BUG = Pattern.compile(
      "^(malformed attestation: unexpected error|unreadable RECORD\\.jws \\(java\\.)");
  private static final byte[] RECORD =
      "fuzz/__init__.py,sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU,0\n".getBytes(StandardCharsets.UTF_8);

  @FuzzTest
  void json(byte[] bytes) throws Exception {
    try {
      Json.parse(bytes, new Json.Limits(1 << 16, 32, 10_000)).toString();
    } catch (JsonException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @FuzzTest
  void trustedRoot(byte[] bytes) throws Exception {
    try {
      Accessors.touch(SigstoreTrustedRoot.parse(bytes));
    } catch (InvalidTrustMaterialException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @FuzzTest
  void attestation(FuzzedDataProvider data) {
    boolean jws = data.consumeBoolean();
    byte[] bytes = data.consumeRemainingAsBytes();
    if (jws) {
      SignatureResult r = RecordJwsVerifier.verify(bytes, RECORD, TrustPolicy.defaults(), "x.dist-info/RECORD.jws");
      assertThat(r.detail()).doesNotContainPattern(RUNTIME_BUG);
      return;
    }
    List<AttestationResult> results = Pep740Verifier.verify(
        bytes, WheelFuzzTest.NAME, new byte[32], TrustPolicy.defaults(), WheelFuzzTest.NAME + ".publish.attestation");
    assertThat(results).isNotEmpty();
    for (AttestationResult r : results) {
      assertThat(r.signature().detail()).doesNotContainPattern(RUNTIME_BUG);
    }
  }
}
