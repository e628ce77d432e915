package dev.wheeltapper.provenance.pep740;

import dev.wheeltapper.provenance.trust.SigstoreTrustedRoot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.provenance.ExpectedIdentity;
import dev.wheeltapper.provenance.SignatureStatus;
import dev.wheeltapper.provenance.TrustPolicy;
import dev.wheeltapper.provenance.internal.Crypto;
import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Severity;
import dev.wheeltapper.testsupport.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Pep740VerifierTest {

  static final String RFC8785 = "rfc8785-0.1.2-py3-none-any.whl";
  static final String RFC8785_SHA = "c4e92e9ecc828bef2aa7dba1de8ac983511f7532a0df11c770d39099a25cf201";

  static byte[] read(String name) throws IOException {
    return Files.readAllBytes(Corpus.corpus("attest/" + name));
  }

  static TrustPolicy staging() throws Exception {
    return TrustPolicy.builder()
        .sigstoreRoot(SigstoreTrustedRoot.parse(read("sigstore-staging-trusted_root.json")))
        .anyIdentity(true)
        .build();
  }

  /** The bundled public-good root; any identity, for the tests about the log and the certificate. */
  static TrustPolicy production() {
    return TrustPolicy.builder().anyIdentity(true).build();
  }

  static List<AttestationResult> verify(byte[] json, String dist, String sha, TrustPolicy p) {
    return Pep740Verifier.verify(json, dist, HexFormat.of().parseHex(sha), p, "x.attestation");
  }

  static AttestationResult one(byte[] json, String dist, String sha, TrustPolicy p) {
    List<AttestationResult> rs = verify(json, dist, sha, p);
    assertThat(rs).hasSize(1);
    return rs.get(0);
  }

  static void assertValid(AttestationResult r) {
    assertThat(r.failedChecks()).as(r.signature().detail()).isEmpty();
    assertThat(r.signature().status()).isEqualTo(SignatureStatus.VALID);
    assertThat(r.signature().findings()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "gitlab_oidc_project-0.0.3.tar.gz.publish.attestation, gitlab_oidc_project-0.0.3.tar.gz,"
        + " https://gitlab.com/facutuesca/gitlab-oidc-project//.gitlab-ci.yml@refs/heads/main",
    "pypi_attestation_models-0.0.4a2.tar.gz.attestation, pypi_attestation_models-0.0.4a2.tar.gz,"
        + " https://github.com/trailofbits/pypi-attestation-models/.github/workflows/release.yml@refs/tags/v0.0.4a2",
    "pypi_attestation_models-0.0.4a2.tar.gz.sigstore, pypi_attestation_models-0.0.4a2.tar.gz,"
        + " https://github.com/trailofbits/pypi-attestation-models/.github/workflows/release.yml@refs/tags/v0.0.4a2",
    "pypi_attestations-0.0.19.tar.gz.publish.attestation, pypi_attestations-0.0.19.tar.gz,"
        + " https://github.com/trailofbits/pypi-attestations/.github/workflows/release.yml@refs/tags/v0.0.19",
    "pypi_attestations-0.0.19.tar.gz.slsa.attestation, pypi_attestations-0.0.19.tar.gz,"
        + " https://github.com/trailofbits/pypi-attestations/.github/workflows/release.yml@refs/tags/v0.0.19",
    "pypi_attestations-0.0.19.tar.gz.provenance, pypi_attestations-0.0.19.tar.gz,"
        + " https://github.com/trailofbits/pypi-attestations/.github/workflows/release.yml@refs/tags/v0.0.19",
  })
  void productionAttestationsVerifyAgainstTheBundledRoot(String file, String dist, String signer) throws Exception {
    String sha = Crypto.hex(Crypto.sha256(read(dist)));
    AttestationResult r = one(read(file), dist, sha, production());
    assertValid(r);
    assertThat(r.signature().signer()).contains(signer);
    assertThat(r.integratedTime()).isPresent();
  }

  @Test
  void verifiesAgainstAStreamedFile() throws Exception {
    List<AttestationResult> rs = Pep740Verifier.verify(read("rfc8785-0.1.2-py3-none-any.whl.sigstore"),
        Corpus.corpus("attest/" + RFC8785), staging(), "x");
    assertThat(rs).singleElement().satisfies(Pep740VerifierTest::assertValid);
  }

  @Test
  void untrustedBecomesAnErrorWhenASignatureIsRequired() throws Exception {
    AttestationResult r = one(read("rfc8785-0.1.2-py3-none-any.whl.publish.attestation"), RFC8785, RFC8785_SHA,
        production());
    TrustPolicy required = TrustPolicy.builder().requireSignature(true).build();
    assertThat(r.signature().findingsUnder(production())).singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    assertThat(r.signature().findingsUnder(required)).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo(Codes.SIGNATURE_UNTRUSTED);
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
    });
    assertThat(required.missingSignature("a.whl")).hasValueSatisfying(f -> {
      assertThat(f.code()).isEqualTo(Codes.SIGNATURE_MISSING);
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
    });
    assertThat(production().missingSignature("a.whl")).isEmpty();
  }

  @Test
  void sigstorePythonProvenanceVerifiesAgainstItsStatedSubject() throws Exception {
    AttestationResult r = one(read("sigstore-3.6.1.tar.gz.provenance"), "sigstore-3.6.1.tar.gz",
        "ee60fdc9236fd6709271ad53b44027461360c3fde155d2af15482e4c451ff865", production());
    assertValid(r);
    assertThat(r.publisher()).contains("GitHub sigstore/sigstore-python workflow release.yml");
    FulcioIdentity id = r.identity().orElseThrow();
    assertThat(id.issuer()).contains("https://token.actions.githubusercontent.com");
    assertThat(id.sourceRepositoryUri()).contains("https://github.com/sigstore/sigstore-python");
    assertThat(id.repository()).contains("sigstore/sigstore-python");
    assertThat(id.workflow()).contains("release.yml");
    assertThat(id.sourceRepositoryRef()).contains("refs/tags/v3.6.1");
    assertThat(id.buildConfigUri()).hasValueSatisfying(u -> assertThat(u).startsWith("https://github.com/"));
  }

  @Test
  void slsaPredicateIsReported() throws Exception {
    AttestationResult r = one(read("pypi_attestations-0.0.19.tar.gz.slsa.attestation"),
        "pypi_attestations-0.0.19.tar.gz", Crypto.hex(Crypto.sha256(read("pypi_attestations-0.0.19.tar.gz"))),
        production());
    assertThat(r.predicateType()).contains(Pep740Verifier.SLSA_PROVENANCE_V1);
  }

  @ParameterizedTest
  @CsvSource({
    "rfc8785-0.1.2-py3-none-any.whl.attestation",
    "rfc8785-0.1.2-py3-none-any.whl.publish.attestation",
    "rfc8785-0.1.2-py3-none-any.whl.sigstore"
  })
  void stagingAttestationsVerifyWithTheStagingRoot(String file) throws Exception {
    AttestationResult r = one(read(file), RFC8785, RFC8785_SHA, staging());
    assertValid(r);
    assertThat(r.signature().signer()).contains("william@yossarian.net");
    assertThat(r.identity().orElseThrow().issuer()).contains("https://github.com/login/oauth");
  }

  @Test
  void stagingAttestationIsUntrustedUnderTheProductionRootAndSaysWhy() throws Exception {
    AttestationResult r = one(read("rfc8785-0.1.2-py3-none-any.whl.publish.attestation"), RFC8785, RFC8785_SHA,
        production());
    assertThat(r.signature().status()).isEqualTo(SignatureStatus.UNTRUSTED);
    assertThat(r.failedChecks()).containsExactlyInAnyOrder(Pep740Check.LOG_TRUST, Pep740Check.CERTIFICATE_CHAIN);
    assertThat(r.signature().detail()).contains("rekor.sigstage.dev").contains("not in the trusted root");
    assertThat(r.signature().findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo(Codes.SIGNATURE_UNTRUSTED);
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.path()).isEqualTo("x.attestation");
    });
  }

  @Test
  void productionAttestationIsUntrustedUnderTheStagingRoot() throws Exception {
    AttestationResult r = one(read("pypi_attestations-0.0.19.tar.gz.publish.attestation"),
        "pypi_attestations-0.0.19.tar.gz", "9bb1add04b1b4e182be6b0b80931593f7a291eb49d69b4fd728a5d4cbcdc4bd3",
        staging());
    assertThat(r.signature().status()).isEqualTo(SignatureStatus.UNTRUSTED);
    assertThat(r.failedChecks()).contains(Pep740Check.LOG_TRUST, Pep740Check.CERTIFICATE_CHAIN);
  }

  @Test
  void differentTagOrderStillNamesTheSameWheel() throws Exception {
    AttestationResult r = one(
        read("spt3g-1.0-cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64.whl.publish.attestation"),
        "spt3g-1.0-cp310-cp310-manylinux2014_x86_64.manylinux_2_17_x86_64.whl",
        "d2772f9a5199f05ed1be8d9aa78b879e51772e3ead9d73fe8057257b1aec7cf8", staging());
    assertValid(r);
  }

  // ------------------------------------------------------------------ identities

  @Test
  void requiredIdentityMatchesRepositoryAndWorkflow() throws Exception {
    byte[] att = read("pypi_attestation_models-0.0.4a2.tar.gz.attestation");
    String dist = "pypi_attestation_models-0.0.4a2.tar.gz";
    String sha = "c9709ce6fd5b67b59b4a28758cf14d3f411803c4b89b6068b1f1a8e4ee94c8ef";
    TrustPolicy good = TrustPolicy.builder()
        .identity(ExpectedIdentity.parse("trailofbits/pypi-attestation-models@release.yml")).build();
    assertValid(one(att, dist, sha, good));
    TrustPolicy repoOnly = TrustPolicy.builder()
        .identity(ExpectedIdentity.parse("TrailOfBits/pypi-attestation-models")).build();
    assertValid(one(att, dist, sha, repoOnly));
    TrustPolicy wrongWorkflow = TrustPolicy.builder()
        .identity(ExpectedIdentity.parse("trailofbits/pypi-attestation-models@other.yml")).build();
    AttestationResult r = one(att, dist, sha, wrongWorkflow);
    assertThat(r.signature().status()).isEqualTo(SignatureStatus.UNTRUSTED);
    assertThat(r.failedChecks()).containsExactly(Pep740Check.IDENTITY);
    TrustPolicy wrongRepo = TrustPolicy.builder().identity(ExpectedIdentity.parse("pypa/sampleproject")).build();
    assertThat(one(att, dist, sha, wrongRepo).failedChecks()).containsExactly(Pep740Check.IDENTITY);
  }

  @Test
  void gitlabAndEmailIdentities() throws Exception {
    TrustPolicy gitlab = TrustPolicy.builder()
        .identity(ExpectedIdentity.parse("facutuesca/gitlab-oidc-project@.gitlab-ci.yml")).build();
    assertValid(one(read("gitlab_oidc_project-0.0.3.tar.gz.publish.attestation"), "gitlab_oidc_project-0.0.3.tar.gz",
        "c1ca9b0d85df1606451098233018534497bf584362e10e4a8c21dfaea92c02a8", gitlab));
    TrustPolicy email = TrustPolicy.builder()
        .sigstoreRoot(staging().sigstoreRoot())
        .identity(ExpectedIdentity.parse("william@yossarian.net")).build();
    assertValid(one(read("rfc8785-0.1.2-py3-none-any.whl.attestation"), RFC8785, RFC8785_SHA, email));
    TrustPolicy otherEmail = TrustPolicy.builder()
        .sigstoreRoot(staging().sigstoreRoot())
        .identity(ExpectedIdentity.parse("mallory@example.com")).build();
    assertThat(one(read("rfc8785-0.1.2-py3-none-any.whl.attestation"), RFC8785, RFC8785_SHA, otherEmail)
        .failedChecks()).containsExactly(Pep740Check.IDENTITY);
  }

  // ------------------------------------------------------------------ mutations, one per check

  static String text(String file) throws IOException {
    return new String(read(file), StandardCharsets.UTF_8);
  }

  static byte[] mutateBase64Field(String json, String b64, int index) {
    byte[] b = Base64.getDecoder().decode(b64);
    int i = index < 0 ? b.length + index : index;
    b[i] ^= 0x01;
    String replaced = json.replace(b64, Base64.getEncoder().encodeToString(b));
    assertThat(replaced).isNotEqualTo(json);
    return replaced.getBytes(StandardCharsets.UTF_8);
  }

  static String field(String json, String name) {
    int k = json.indexOf("\"" + name + "\"");
    int start = json.indexOf('"', json.indexOf(':', k) + 1) + 1;
    return json.substring(start, json.indexOf('"', start));
  }

  static AttestationResult stagingRfc(byte[] json) throws Exception {
    return one(json, RFC8785, RFC8785_SHA, staging());
  }

  @Test
  void signatureByteFlipBreaksTheEnvelopeSignature() throws Exception {
    String j = text("rfc8785-0.1.2-py3-none-any.whl.publish.attestation");
    // The last byte of the DER ECDSA signature's s integer.
    AttestationResult r = stagingRfc(mutateBase64Field(j, field(j, "signature"), -1));
    assertThat(r.signature().status()).isEqualTo(SignatureStatus.INVALID);
    assertThat(r.failedChecks()).contains(Pep740Check.ENVELOPE_SIGNATURE, Pep740Check.TLOG_BODY)
        .doesNotContain(Pep740Check.INCLUSION_PROOF, Pep740Check.CHECKPOINT, Pep740Check.SUBJECT_DIGEST);
    assertThat(r.signature().findings()).anySatisfy(f -> {
      assertThat(f.code()).isEqualTo(Codes.SIGNATURE_INVALID);
      assertThat(f.message()).contains("DSSE envelope signature failed");
    });
  }

  @Test
  void certificateSignatureFlipBreaksTheChainAndTheLoggedVerifier() throws Exception {
    String j = text("rfc8785-0.1.2-py3-none-any.whl.publish.attestation");
    AttestationResult r = stagingRfc(mutateBase64Field(j, field(j, "certificate"), -2));
    assertThat(r.signature().status()).isEqualTo(SignatureStatus.INVALID);
    assertThat(r.failedChecks()).contains(Pep740Check.CERTIFICATE_CHAIN, Pep740Check.TLOG_BODY)
        .doesNotContain(Pep740Check.ENVELOPE_SIGNATURE, Pep740Check.INCLUSION_PROOF);
    assertThat(r.signature().detail()).contains("logged verifier is not the attestation's certificate");
  }

  @Test
  void garbageCertificateIsInvalid() throws Exception {
    String j = text("rfc8785-0.1.2-py3-none-any.whl.publish.attestation");
    byte[] json = j.replace(field(j, "certificate"), "AAAA").getBytes(StandardCharsets.UTF_8);
    AttestationResult r = stagingRfc(json);
    assertThat(r.signature().status()).isEqualTo(SignatureStatus.INVALID);
    assertThat(r.failedChecks()).contains(Pep740Check.CERTIFICATE);
  }

  @Test
  void inclusionProofHashFlipBreaksTheProofOnly() throws Exception {
    String j = text("pypi_attestations-0.0.19.tar.gz.publish.attestation");
    String firstHash = "Ys0Xl1UkpNskWt6zZj4IF0V4C0hQnG2rcYT7yITCgxs=";
    AttestationResult r = one(mutateBase64Field(j, firstHash, 5), "pypi_attestations-0.0.19.tar.gz",
        "9bb1add04b1b4e182be6b0b80931593f7a291eb49d69b4fd728a5d4cbcdc4bd3", production());
    assertThat(r.signature().status()).isEqualTo(SignatureStatus.INVALID);
    assertThat(r.failedChecks()).containsExactly(Pep740Check.INCLUSION_PROOF);
    assertThat(r.signature().detail()).contains("Merkle inclusion proof failed");
  }

  @Test
  void checkpointSignatureFlipBreaksTheCheckpointOnly() throws Exception {
    String j = text("pypi_attestations-0.0.19.tar.gz.publish.attestation");
    String sig = "wNI9ajBFAiBegciq2ELY5ENvqNVWFm9cEfG5dKBwBegOEaoDVWLdVwIhAJAOwu2VWIQojdyGzsV/t4MRCOkduH9SVKL8yoK9qMc2";
    AttestationResult r = one(mutateBase64Field(j, sig, 20), "pypi_attestations-0.0.19.tar.gz",
        "9bb1add04b1b4e182be6b0b80931593f7a291eb49d69b4fd728a5d4cbcdc4bd3", production());
    assertThat(r.failedChecks()).containsExactly(Pep740Check.CHECKPOINT);
    assertThat(r.signature().status()).isEqualTo(SignatureStatus.INVALID);
  }

  @Test
  void checkpointOfAnotherTreeSizeBreaksTheCheckpoint() throws Exception {
    String j = text("pypi_attestations-0.0.19.tar.gz.publish.attestation");
    byte[] json = j.replace("rekor.sigstore.dev - 1193050959916656506\\n31550402\\n",
        "rekor.sigstore.dev - 1193050959916656506\\n31550403\\n").getBytes(StandardCharsets.UTF_8);
    assertThat(new String(json, StandardCharsets.UTF_8)).isNotEqualTo(j);
    AttestationResult r = one(json, "pypi_attestations-0.0.19.tar.gz",
        "9bb1add04b1b4e182be6b0b80931593f7a291eb49d69b4fd728a5d4cbcdc4bd3", production());
    assertThat(r.failedChecks()).containsExactly(Pep740Check.CHECKPOINT);
    assertThat(r.signature().detail()).contains("tree size 31550403");
  }

  @Test
  void signedEntryTimestampFlipBreaksThePromiseOnly() throws Exception {
    String j = text("pypi_attestations-0.0.19.tar.gz.publish.attestation");
    AttestationResult r = one(mutateBase64Field(j, field(j, "signedEntryTimestamp"), -1),
        "pypi_attestations-0.0.19.tar.gz", "9bb1add04b1b4e182be6b0b80931593f7a291eb49d69b4fd728a5d4cbcdc4bd3",
        production());
    assertThat(r.failedChecks()).containsExactly(Pep740Check.INCLUSION_PROMISE);
  }

  @Test
  void integratedTimeChangeBreaksThePromise() throws Exception {
    String j = text("pypi_attestations-0.0.19.tar.gz.publish.attestation");
    byte[] json = j.replaceFirst("\"integratedTime\":\\s*\"1733354041\"", "\"integratedTime\":\"1733354042\"")
        .getBytes(StandardCharsets.UTF_8);
    assertThat(new String(json, StandardCharsets.UTF_8)).isNotEqualTo(j);
    AttestationResult r = one(json, "pypi_attestations-0.0.19.tar.gz",
        "9bb1add04b1b4e182be6b0b80931593f7a291eb49d69b4fd728a5d4cbcdc4bd3", production());
    assertThat(r.failedChecks()).containsExactly(Pep740Check.INCLUSION_PROMISE);
  }

  /**
   * Found by fuzzing: an integratedTime past what {@link java.time.Instant} holds made the verifier's defence in depth
   * report "unexpected error" ({@code DateTimeException}). Beyond year 9999 is now a malformed entry, like a negative
   * time.
   */
  @ParameterizedTest
  @ValueSource(strings = {"253402300800", "31556889864403200", "9223372036854775807"})
  void integratedTimeBeyondYear9999IsAMalformedEntry(String seconds) throws Exception {
    String j = text("pypi_attestations-0.0.19.tar.gz.publish.attestation");
    byte[] json = j.replaceFirst("\"integratedTime\":\\s*\"1733354041\"", "\"integratedTime\":\"" + seconds + "\"")
        .getBytes(StandardCharsets.UTF_8);
    AttestationResult r = one(json, "pypi_attestations-0.0.19.tar.gz",
        "9bb1add04b1b4e182be6b0b80931593f7a291eb49d69b4fd728a5d4cbcdc4bd3", production());
    assertThat(r.failedChecks()).contains(Pep740Check.FORMAT);
    assertThat(r.toString()).contains("invalid transparency log entry").doesNotContain("unexpected error");
  }

  @Test
  void kindVersionMustNameTheBodyKind() throws Exception {
    String j = text("pypi_attestations-0.0.19.tar.gz.publish.attestation");
    byte[] json = j.replaceFirst("\"kind\":\\s*\"dsse\"", "\"kind\":\"intoto\"").getBytes(StandardCharsets.UTF_8);
    assertThat(new String(json, StandardCharsets.UTF_8)).isNotEqualTo(j);
    AttestationResult r = one(json, "pypi_attestations-0.0.19.tar.gz",
        "9bb1add04b1b4e182be6b0b80931593f7a291eb49d69b4fd728a5d4cbcdc4bd3", production());
    assertThat(r.failedChecks()).containsExactly(Pep740Check.TLOG_BODY);
  }

  @Test
  void otherDistributionNameBreaksTheSubjectName() throws Exception {
    AttestationResult r = one(read("rfc8785-0.1.2-py3-none-any.whl.publish.attestation"),
        "rfc8785-0.1.3-py3-none-any.whl", RFC8785_SHA, staging());
    assertThat(r.failedChecks()).containsExactly(Pep740Check.SUBJECT_NAME);
    assertThat(r.signature().detail())
        .contains("subject does not match distribution name: rfc8785-0.1.2-py3-none-any.whl != rfc8785-0.1.3");
    assertThat(r.signature().status()).isEqualTo(SignatureStatus.INVALID);
  }

  @Test
  void normalisedNameStillMatches() throws Exception {
    assertValid(one(read("rfc8785-0.1.2-py3-none-any.whl.publish.attestation"), "RFC8785-0.1.2-py3-none-any.whl",
        RFC8785_SHA, staging()));
    assertValid(one(read("pypi_attestations-0.0.19.tar.gz.publish.attestation"), "pypi-attestations-0.0.19.tar.gz",
        "9bb1add04b1b4e182be6b0b80931593f7a291eb49d69b4fd728a5d4cbcdc4bd3", production()));
  }

  @Test
  void otherDigestBreaksTheSubjectDigest() throws Exception {
    AttestationResult r = one(read("rfc8785-0.1.2-py3-none-any.whl.publish.attestation"), RFC8785,
        "00" + RFC8785_SHA.substring(2), staging());
    assertThat(r.failedChecks()).containsExactly(Pep740Check.SUBJECT_DIGEST);
    assertThat(r.signature().detail()).contains("subject does not match distribution digest");
  }

  @Test
  void otherPredicateTypeIsRejectedEvenBeforeTheSignature() throws Exception {
    String j = text("rfc8785-0.1.2-py3-none-any.whl.publish.attestation");
    String stmtB64 = field(j, "statement");
    String stmt = new String(Base64.getDecoder().decode(stmtB64), StandardCharsets.UTF_8);
    String changed = stmt.replace(Pep740Verifier.PUBLISH_V1, "https://example.com/predicate/v1");
    assertThat(changed).isNotEqualTo(stmt);
    byte[] json = j.replace(stmtB64, Base64.getEncoder().encodeToString(changed.getBytes(StandardCharsets.UTF_8)))
        .getBytes(StandardCharsets.UTF_8);
    AttestationResult r = stagingRfc(json);
    // Changing the statement also breaks the signature and the logged payload hash; the predicate check names it.
    assertThat(r.failedChecks()).contains(Pep740Check.PREDICATE_TYPE, Pep740Check.ENVELOPE_SIGNATURE,
        Pep740Check.TLOG_BODY).doesNotContain(Pep740Check.SUBJECT_NAME, Pep740Check.SUBJECT_DIGEST);
    assertThat(r.signature().detail()).contains("unknown attestation type: https://example.com/predicate/v1");
  }

  @Test
  void provenancePublisherMustAgreeWithTheCertificate() throws Exception {
    String j = text("pypi_attestations-0.0.19.tar.gz.provenance");
    byte[] json = j.replaceFirst("\"workflow\":\\s*\"release.yml\"", "\"workflow\":\"other.yml\"")
        .getBytes(StandardCharsets.UTF_8);
    assertThat(new String(json, StandardCharsets.UTF_8)).isNotEqualTo(j);
    AttestationResult r = one(json, "pypi_attestations-0.0.19.tar.gz",
        "9bb1add04b1b4e182be6b0b80931593f7a291eb49d69b4fd728a5d4cbcdc4bd3", production());
    assertThat(r.failedChecks()).containsExactly(Pep740Check.PUBLISHER);
  }
}
