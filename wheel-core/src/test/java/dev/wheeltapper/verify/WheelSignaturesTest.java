package dev.wheeltapper.verify;

import static dev.wheeltapper.verify.TestWheel.DIST;
import static dev.wheeltapper.verify.TestWheel.NAME;
import static dev.wheeltapper.verify.TestWheel.b64;
import static dev.wheeltapper.verify.TestWheel.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.wheeltapper.provenance.ExpectedIdentity;
import dev.wheeltapper.provenance.SignatureKind;
import dev.wheeltapper.provenance.SignatureResult;
import dev.wheeltapper.provenance.SignatureStatus;
import dev.wheeltapper.provenance.TrustPolicy;
import dev.wheeltapper.provenance.trust.SigstoreTrustedRoot;
import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Severity;
import dev.wheeltapper.testsupport.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signatures beside and inside a wheel are verified with its integrity, and vouch only for an intact wheel. */
class WheelSignaturesTest {
  @TempDir Path tmp;

  static final Path RFC8785 = Corpus.corpus("attest/rfc8785-0.1.2-py3-none-any.whl");

  /**
   * A signature gate that is one: with the right root but no pinned publisher, a valid Sigstore signature by anyone
   * vouches for nothing (sigstore-python and pypi-attestations always take an identity); a required signature then
   * fails with a message that says to pin the publisher.
   */
  @Test
  void withoutAPinnedIdentityTheStagingAttestationsAreUntrusted() throws Exception {
    SigstoreTrustedRoot root = SigstoreTrustedRoot.parse(
        Files.readAllBytes(Corpus.corpus("attest/sigstore-staging-trusted_root.json")));
    VerificationReport r = WheelVerifier.builder().trustPolicy(TrustPolicy.builder().sigstoreRoot(root).build())
        .build().verify(RFC8785);
    assertThat(r.signatures()).hasSize(3).allSatisfy(s -> {
      assertThat(s.status()).isEqualTo(SignatureStatus.UNTRUSTED);
      assertThat(s.detail()).contains("no publisher identity is pinned").contains("--identity");
    });
    assertThat(r.validlySigned()).isFalse();
    VerificationReport required = WheelVerifier.builder().trustPolicy(TrustPolicy.builder().sigstoreRoot(root)
        .requireSignature(true).build()).build().verify(RFC8785);
    assertThat(required.passed()).isFalse();
    assertThat(required.errors()).extracting(Finding::code).containsOnly(Codes.SIGNATURE_UNTRUSTED);
    VerificationReport pinned = WheelVerifier.builder().trustPolicy(TrustPolicy.builder().sigstoreRoot(root)
        .identity(ExpectedIdentity.parse("william@yossarian.net")).requireSignature(true).build()).build()
        .verify(RFC8785);
    assertThat(pinned.passed()).isTrue();
    assertThat(pinned.validlySigned()).isTrue();
  }

  @Test
  void theCorpusAttestationsVerifyAgainstTheStagingRoot() throws Exception {
    TrustPolicy staging = TrustPolicy.builder().sigstoreRoot(SigstoreTrustedRoot.parse(
        Files.readAllBytes(Corpus.corpus("attest/sigstore-staging-trusted_root.json")))).anyIdentity(true).build();
    VerificationReport r = WheelVerifier.builder().trustPolicy(staging).build().verify(RFC8785);
    // .attestation, .publish.attestation and .sigstore sit beside the wheel
    assertThat(r.signatures()).hasSize(3).allSatisfy(s -> {
      assertThat(s.kind()).isEqualTo(SignatureKind.PEP740);
      assertThat(s.status()).isEqualTo(SignatureStatus.VALID);
      assertThat(s.signer()).contains("william@yossarian.net");
    });
    assertThat(r.findings()).isEmpty();
    assertThat(r.validlySigned()).isTrue();
  }

  @Test
  void againstTheProductionRootTheyAreUntrustedNotInvalid() throws Exception {
    VerificationReport r = WheelVerifier.defaults().verify(RFC8785);
    assertThat(r.signatures()).extracting(SignatureResult::status).containsOnly(SignatureStatus.UNTRUSTED);
    assertThat(r.findings()).extracting(Finding::code, Finding::severity)
        .containsOnly(tuple(Codes.SIGNATURE_UNTRUSTED, Severity.WARNING));
    assertThat(r.passed()).isTrue();
    assertThat(r.validlySigned()).isFalse();

    VerificationReport required = WheelVerifier.builder()
        .trustPolicy(TrustPolicy.builder().requireSignature(true).build()).build().verify(RFC8785);
    assertThat(required.findings()).extracting(Finding::code, Finding::severity)
        .containsOnly(tuple(Codes.SIGNATURE_UNTRUSTED, Severity.ERROR));
    assertThat(required.passed()).isFalse();
  }

  @Test
  void aRequiredSignatureThatIsAbsentIsMissing() throws Exception {
    Path wheel = Files.write(tmp.resolve(NAME), new TestWheel().build());
    VerificationReport r = WheelVerifier.builder()
        .trustPolicy(TrustPolicy.builder().requireSignature(true).build()).build().verify(wheel);
    assertThat(r.findings()).extracting(Finding::code).containsExactly(Codes.SIGNATURE_MISSING);
    assertThat(WheelVerifier.defaults().verify(wheel).findings()).isEmpty();
  }

  @Test
  void aRecordJwsIsValidOnlyWhileRecordMatchesTheContent() throws Exception {
    KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] spki = keys.getPublic().getEncoded();
    String vk = b64(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
    TrustPolicy trust = TrustPolicy.builder().ed25519Key(vk).build();

    TestWheel w = new TestWheel();
    w.recordRows = w.computedRows();
    byte[] record = utf8(String.join("\n", w.recordRows) + "\n");
    w.unlisted.put(DIST + "/RECORD.jws", jws(keys, vk, record));
    Path good = Files.write(tmp.resolve(NAME), w.build());
    VerificationReport ok = WheelVerifier.builder().trustPolicy(trust).build().verify(good);
    assertThat(ok.signatures()).singleElement().satisfies(s -> {
      assertThat(s.kind()).isEqualTo(SignatureKind.RECORD_JWS);
      assertThat(s.status()).isEqualTo(SignatureStatus.VALID);
    });
    assertThat(ok.errors()).isEmpty();
    assertThat(ok.validlySigned()).isTrue();
    // an untrusted key: intact but untrusted
    VerificationReport untrusted = WheelVerifier.defaults().verify(good);
    assertThat(untrusted.signatures()).extracting(SignatureResult::status).containsExactly(SignatureStatus.UNTRUSTED);

    // the same signed RECORD over changed content vouches for nothing
    w.file("demo/__init__.py", "VALUE = 9\n");
    Path bad = Files.write(Files.createDirectories(tmp.resolve("bad")).resolve(NAME), w.build());
    VerificationReport tampered = WheelVerifier.builder().trustPolicy(trust).build().verify(bad);
    assertThat(tampered.signatures()).singleElement().satisfies(s -> {
      assertThat(s.status()).isEqualTo(SignatureStatus.INVALID);
      assertThat(s.detail()).contains("vouches for nothing");
    });
    assertThat(tampered.findings()).extracting(Finding::code)
        .contains(Codes.RECORD_HASH_MISMATCH, Codes.SIGNATURE_INVALID);
    assertThat(tampered.validlySigned()).isFalse();
  }

  /** The historical {@code wheel} JWS layout, signed with the JDK's Ed25519. */
  static byte[] jws(KeyPair keys, String vk, byte[] record) throws Exception {
    String header = b64(utf8("{\"alg\":\"Ed25519\",\"key\":{\"alg\":\"Ed25519\",\"vk\":\"" + vk + "\"},\"typ\":\"JWT\"}"));
    String payload = b64(utf8("{\"hash\":\"sha256=" + b64(TestWheel.digest("SHA-256", record)) + "\"}"));
    Signature sig = Signature.getInstance("Ed25519");
    sig.initSign(keys.getPrivate());
    sig.update(utf8(header + "." + payload));
    String s = b64(sig.sign());
    return utf8("{\"recipients\":[{\"header\":\"" + header + "\",\"signature\":\"" + s + "\"}],\"payload\":\""
        + payload + "\"}");
  }
}
