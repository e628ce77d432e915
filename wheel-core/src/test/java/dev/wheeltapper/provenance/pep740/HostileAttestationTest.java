package dev.wheeltapper.provenance.pep740;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.provenance.SignatureStatus;
import dev.wheeltapper.provenance.TrustPolicy;
import dev.wheeltapper.report.Codes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Garbage of every kind gives an invalid (or unsupported) result with a finding: never an exception, never valid. */
class HostileAttestationTest {
  static final byte[] SHA = HexFormat.of().parseHex(Pep740VerifierTest.RFC8785_SHA);

  static List<AttestationResult> verify(byte[] json) {
    return Pep740Verifier.verify(json, Pep740VerifierTest.RFC8785, SHA, TrustPolicy.defaults(), "a");
  }

  static void assertRejected(byte[] json) {
    List<AttestationResult> rs = verify(json);
    assertThat(rs).isNotEmpty();
    for (AttestationResult r : rs) {
      assertThat(r.signature().status()).isNotEqualTo(SignatureStatus.VALID);
      assertThat(r.signature().findings()).isNotEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "null", "[]", "{}", "1", "\"x\"", "{\"version\":1}", "{\"version\":2,"
      + "\"verification_material\":{},\"envelope\":{}}",
      "{\"version\":1,\"verification_material\":{\"certificate\":\"!!\",\"transparency_entries\":[]},"
          + "\"envelope\":{\"statement\":\"e30=\",\"signature\":\"AA==\"}}",
      "{\"version\":1,\"verification_material\":{\"certificate\":\"MAA=\",\"transparency_entries\":[]},"
          + "\"envelope\":{\"statement\":\"e30=\",\"signature\":\"AA==\"}}",
      "{\"version\":1,\"verification_material\":{\"certificate\":\"MAA=\",\"transparency_entries\":[{}]},"
          + "\"envelope\":{\"statement\":\"e30=\",\"signature\":\"AA==\"}}",
      "{\"version\":1,\"verification_material\":{\"certificate\":\"MAA=\",\"transparency_entries\":"
          + "[{\"logIndex\":\"1\",\"logId\":{\"keyId\":\"AA==\"},\"integratedTime\":\"-5\",\"canonicalizedBody\":\"e30=\"}]},"
          + "\"envelope\":{\"statement\":\"e30=\",\"signature\":\"AA==\"}}",
      "{\"version\":1,\"attestation_bundles\":[]}", "{\"version\":1,\"attestation_bundles\":[{\"publisher\":{},"
          + "\"attestations\":[1]}]}", "{\"version\":1,\"attestation_bundles\":[{\"attestations\":[]}]}",
      "{\"mediaType\":\"application/vnd.dev.sigstore.bundle.v0.3+json\"}",
      "{\"mediaType\":\"text/plain\",\"verificationMaterial\":{},\"dsseEnvelope\":{}}",
      "{\"mediaType\":\"application/vnd.dev.sigstore.bundle.v0.3+json\",\"verificationMaterial\":"
          + "{\"certificate\":{\"rawBytes\":\"MAA=\"},\"tlogEntries\":[]},\"dsseEnvelope\":{\"payload\":\"e30=\","
          + "\"payloadType\":\"x\",\"signatures\":[{\"sig\":\"AA==\"},{\"sig\":\"AA==\"}]}}"})
  void malformedObjectsAreInvalid(String json) {
    List<AttestationResult> rs = verify(json.getBytes(StandardCharsets.UTF_8));
    assertThat(rs).singleElement().satisfies(r -> {
      assertThat(r.signature().status()).isEqualTo(SignatureStatus.INVALID);
      assertThat(r.signature().findings()).anySatisfy(f -> assertThat(f.code()).isEqualTo(Codes.SIGNATURE_INVALID));
    });
  }

  @Test
  void absurdCertificatesAreInvalid() throws Exception {
    String j = new String(Pep740VerifierTest.read("rfc8785-0.1.2-py3-none-any.whl.publish.attestation"),
        StandardCharsets.UTF_8);
    String cert = Pep740VerifierTest.field(j, "certificate");
    // A well-formed but unrelated certificate (an Ed25519 CA): the envelope signature and the log entry disagree.
    dev.wheeltapper.provenance.TestPki.Issued ca =
        dev.wheeltapper.provenance.TestPki.selfSignedCa("CN=absurd", dev.wheeltapper.provenance.TestPki.Alg.ED25519);
    String other = java.util.Base64.getEncoder().encodeToString(ca.cert().getEncoded());
    AttestationResult r = Pep740VerifierTest.stagingRfc(j.replace(cert, other).getBytes(StandardCharsets.UTF_8));
    assertThat(r.signature().status()).isEqualTo(SignatureStatus.INVALID);
    assertThat(r.failedChecks()).contains(Pep740Check.ENVELOPE_SIGNATURE, Pep740Check.TLOG_BODY);
    // A "certificate" of 100 KB of DER-looking bytes.
    byte[] huge = new byte[100_000];
    huge[0] = 0x30;
    String hugeB64 = java.util.Base64.getEncoder().encodeToString(huge);
    AttestationResult h = Pep740VerifierTest.stagingRfc(j.replace(cert, hugeB64).getBytes(StandardCharsets.UTF_8));
    assertThat(h.failedChecks()).contains(Pep740Check.CERTIFICATE);
    assertThat(h.signature().status()).isEqualTo(SignatureStatus.INVALID);
  }

  @Test
  void messageSignatureBundleIsUnsupported() {
    byte[] json = ("{\"mediaType\":\"application/vnd.dev.sigstore.bundle.v0.3+json\",\"verificationMaterial\":{},"
        + "\"messageSignature\":{}}").getBytes(StandardCharsets.UTF_8);
    assertThat(verify(json)).singleElement().satisfies(r ->
        assertThat(r.signature().status()).isEqualTo(SignatureStatus.UNSUPPORTED));
  }

  @Test
  void everyTruncationOfARealAttestationIsRejected() throws Exception {
    byte[] real = Pep740VerifierTest.read("rfc8785-0.1.2-py3-none-any.whl.publish.attestation");
    for (int n = 0; n < real.length; n += 13) {
      assertRejected(Arrays.copyOf(real, n));
    }
  }

  @Test
  void byteFlipsOfARealAttestationAreNeverValid() throws Exception {
    byte[] real = Pep740VerifierTest.read("pypi_attestations-0.0.19.tar.gz.publish.attestation");
    TrustPolicy p = TrustPolicy.defaults();
    byte[] sha = HexFormat.of().parseHex("9bb1add04b1b4e182be6b0b80931593f7a291eb49d69b4fd728a5d4cbcdc4bd3");
    int valid = 0;
    for (int i = 0; i < real.length; i += 5) {
      byte[] m = real.clone();
      m[i] ^= 0x02;
      for (AttestationResult r : Pep740Verifier.verify(m, "pypi_attestations-0.0.19.tar.gz", sha, p, "a")) {
        if (r.signature().status() == SignatureStatus.VALID) {
          valid++;
        }
      }
    }
    // Flips in JSON syntax or base64 padding bits can leave the meaning unchanged (e.g. 'v' to 't' in a key the
    // verifier does not read); the count stays tiny and no flip in signed material survives.
    assertThat(valid).isLessThan(real.length / 5 / 20);
  }

  @Test
  void hugeAndDeepInputsAreBounded() {
    assertRejected(new byte[5 << 20]);
    assertRejected("[".repeat(200_000).getBytes(StandardCharsets.US_ASCII));
    assertRejected(("{\"version\":1,\"attestation_bundles\":[" + "{\"publisher\":{},\"attestations\":[{}]},"
        .repeat(1000) + "{}]}").getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void distributionNameComparison() {
    assertThat(DistributionFilename.sameDistribution("Foo_Bar-1.0-py3-none-any.whl", "foo.bar-1.0-py3-none-any.whl"))
        .isTrue();
    assertThat(DistributionFilename.sameDistribution("foo-1.0-1-py3-none-any.whl", "foo-1.0-py3-none-any.whl"))
        .isFalse();
    assertThat(DistributionFilename.sameDistribution("foo-1.0-py2.py3-none-any.whl", "foo-1.0-py3.py2-none-any.whl"))
        .isTrue();
    assertThat(DistributionFilename.sameDistribution("foo-1.0-py3-none-any.whl", "foo-1.0-py3-none-linux_x86_64.whl"))
        .isFalse();
    assertThat(DistributionFilename.sameDistribution("foo-1.0.tar.gz", "foo-1.0-py3-none-any.whl")).isFalse();
    assertThat(DistributionFilename.sameDistribution("Foo-1.0.tar.gz", "foo-1.0.tar.gz")).isTrue();
    assertThat(DistributionFilename.sameDistribution("foo-1.0.tar.gz", "foo-1.1.tar.gz")).isFalse();
    assertThat(DistributionFilename.parse("foo.whl")).isEmpty();
    assertThat(DistributionFilename.parse("foo--1.0-py3-none-any.whl")).isEmpty();
    assertThat(DistributionFilename.parse("../foo-1.0.tar.gz")).isEmpty();
    assertThat(DistributionFilename.parse("foo-1.0-" + "a.".repeat(40) + "b-" + "c.".repeat(40) + "d-"
        + "e.".repeat(40) + "f.whl")).isEmpty();
  }

  @Test
  void merkleProofEdgeCases() {
    byte[] leaf = Merkle.leafHash(new byte[] {1});
    assertThat(Merkle.rootFromProof(leaf, 0, 1, List.of())).isEqualTo(leaf);
    assertThat(Merkle.rootFromProof(leaf, 1, 1, List.of())).isNull();
    assertThat(Merkle.rootFromProof(leaf, -1, 5, List.of())).isNull();
    assertThat(Merkle.rootFromProof(leaf, 0, 2, List.of())).isNull();
    assertThat(Merkle.rootFromProof(leaf, 0, 2, List.of(new byte[31]))).isNull();
    assertThat(Merkle.rootFromProof(leaf, 0, 1, List.of(new byte[32]))).isNull();
  }
}
