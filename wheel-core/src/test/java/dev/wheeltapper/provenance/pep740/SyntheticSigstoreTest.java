package dev.wheeltapper.provenance.pep740;

import dev.wheeltapper.provenance.trust.SigstoreTrustedRoot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.provenance.ExpectedIdentity;
import dev.wheeltapper.provenance.SignatureStatus;
import dev.wheeltapper.provenance.TestPki;
import dev.wheeltapper.provenance.TrustPolicy;
import dev.wheeltapper.provenance.internal.Crypto;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A complete Sigstore world generated with Bouncy Castle (Fulcio CA, leaf with Fulcio claims, Rekor log key, Merkle
 * tree, checkpoint, SET, trusted root), so that one field can be changed and everything else re-signed: each check
 * then fails alone.
 */
class SyntheticSigstoreTest {
  static final String DIST = "widget-1.0-py3-none-any.whl";
  static final byte[] DIST_SHA = Crypto.sha256("widget".getBytes(StandardCharsets.UTF_8));
  static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
  static final String SAN = "https://github.com/acme/widget/.github/workflows/release.yml@refs/tags/v1.0";

  static TestPki.Issued root;
  static TestPki.Issued intermediate;
  static X509Certificate leaf;
  static PrivateKey leafKey;
  static KeyPair logKey;
  static TrustPolicy policy;

  static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  @BeforeAll
  static void world() throws Exception {
    root = TestPki.selfSignedCa("CN=synthetic fulcio root", TestPki.Alg.P384,
        Instant.parse("2025-01-01T00:00:00Z"));
    intermediate = TestPki.issue(root, "CN=synthetic fulcio intermediate", TestPki.Alg.P384, true,
        Instant.parse("2025-01-01T00:00:00Z"));
    KeyPair kp = TestPki.keys(TestPki.Alg.P256);
    leafKey = kp.getPrivate();
    JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
        new X500Name(intermediate.cert().getSubjectX500Principal().getName()), BigInteger.valueOf(77),
        Date.from(T0.minusSeconds(60)), Date.from(T0.plusSeconds(600)), new X500Name(new RDN[0]), kp.getPublic());
    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_codeSigning));
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    b.addExtension(Extension.subjectAlternativeName, true,
        new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, SAN)));
    String arc = "1.3.6.1.4.1.57264.1.";
    b.addExtension(new ASN1ObjectIdentifier(arc + "8"), false,
        new DERUTF8String("https://token.actions.githubusercontent.com"));
    b.addExtension(new ASN1ObjectIdentifier(arc + "12"), false, new DERUTF8String("https://github.com/acme/widget"));
    b.addExtension(new ASN1ObjectIdentifier(arc + "14"), false, new DERUTF8String("refs/tags/v1.0"));
    b.addExtension(new ASN1ObjectIdentifier(arc + "18"), false, new DERUTF8String(SAN));
    leaf = new JcaX509CertificateConverter().getCertificate(b.build(
        new JcaContentSignerBuilder("SHA384withECDSA").setProvider(Crypto.BC).build(intermediate.key())));
    logKey = TestPki.keys(TestPki.Alg.P256);
    String trustedRoot = "{\"mediaType\":\"application/vnd.dev.sigstore.trustedroot+json;version=0.1\","
        + "\"tlogs\":[{\"baseUrl\":\"https://rekor.example\",\"hashAlgorithm\":\"SHA2_256\",\"publicKey\":{"
        + "\"rawBytes\":\"" + b64(logKey.getPublic().getEncoded()) + "\",\"keyDetails\":\"PKIX_ECDSA_P256_SHA_256\","
        + "\"validFor\":{\"start\":\"2025-01-01T00:00:00Z\"}},\"logId\":{\"keyId\":\""
        + b64(Crypto.sha256(logKey.getPublic().getEncoded())) + "\"}}],"
        + "\"certificateAuthorities\":[{\"subject\":{},\"uri\":\"https://fulcio.example\",\"certChain\":{"
        + "\"certificates\":[{\"rawBytes\":\"" + b64(intermediate.cert().getEncoded()) + "\"},{\"rawBytes\":\""
        + b64(root.cert().getEncoded()) + "\"}]},\"validFor\":{\"start\":\"2025-01-01T00:00:00Z\"}}]}";
    policy = TrustPolicy.builder()
        .sigstoreRoot(SigstoreTrustedRoot.parse(trustedRoot.getBytes(StandardCharsets.UTF_8))).anyIdentity(true)
        .build();
  }

  /** What to put into the attestation; every field is signed and logged consistently. */
  static final class Spec {
    String type = Pep740Verifier.IN_TOTO_STATEMENT_V1;
    String subjects = "[{\"name\":\"" + DIST + "\",\"digest\":{\"sha256\":\"" + Crypto.hex(DIST_SHA) + "\"}}]";
    String predicateType = Pep740Verifier.PUBLISH_V1;
    long integratedTime = T0.getEpochSecond() + 5;
    String kind = "dsse";
    boolean promise = true;
  }

  static byte[] sign(PrivateKey k, byte[] data) throws Exception {
    Signature s = Signature.getInstance("SHA256withECDSA", Crypto.BC);
    s.initSign(k);
    s.update(data);
    return s.sign();
  }

  static byte[] node(byte[] l, byte[] r) {
    return Crypto.sha256(new byte[] {1}, l, r);
  }

  static byte[] mth(List<byte[]> leaves, int from, int to) {
    int n = to - from;
    if (n == 1) {
      return leaves.get(from);
    }
    int k = Integer.highestOneBit(n - 1);
    return node(mth(leaves, from, from + k), mth(leaves, from + k, to));
  }

  static void path(int m, List<byte[]> leaves, int from, int to, List<byte[]> out) {
    int n = to - from;
    if (n == 1) {
      return;
    }
    int k = Integer.highestOneBit(n - 1);
    if (m < k) {
      path(m, leaves, from, from + k, out);
      out.add(mth(leaves, from + k, to));
    } else {
      path(m - k, leaves, from + k, to, out);
      out.add(mth(leaves, from, from + k));
    }
  }

  static byte[] attestation(Spec s) throws Exception {
    byte[] statement = ("{\"_type\":\"" + s.type + "\",\"subject\":" + s.subjects + ",\"predicateType\":\""
        + s.predicateType + "\",\"predicate\":null}").getBytes(StandardCharsets.UTF_8);
    byte[] sig = sign(leafKey, DsseEnvelope.pae(Pep740Verifier.IN_TOTO_PAYLOAD_TYPE, statement));
    String pem = TestPki.pem(leaf);
    String payloadHash = "{\"algorithm\":\"sha256\",\"value\":\"" + Crypto.hex(Crypto.sha256(statement)) + "\"}";
    String pemB64 = b64(pem.getBytes(StandardCharsets.US_ASCII));
    String body = s.kind.equals("intoto")
        ? "{\"apiVersion\":\"0.0.2\",\"kind\":\"intoto\",\"spec\":{\"content\":{\"envelope\":{\"payloadType\":\""
            + Pep740Verifier.IN_TOTO_PAYLOAD_TYPE + "\",\"signatures\":[{\"publicKey\":\"" + pemB64 + "\",\"sig\":\""
            + b64(b64(sig).getBytes(StandardCharsets.US_ASCII)) + "\"}]},\"hash\":{\"algorithm\":\"sha256\",\"value\":\""
            + "00".repeat(32) + "\"},\"payloadHash\":" + payloadHash + "}}}"
        : "{\"apiVersion\":\"0.0.1\",\"kind\":\"" + s.kind + "\",\"spec\":{\"payloadHash\":" + payloadHash
            + ",\"signatures\":[{\"signature\":\"" + b64(sig) + "\",\"verifier\":\"" + pemB64 + "\"}]}}";
    String bodyB64 = b64(body.getBytes(StandardCharsets.UTF_8));
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      leaves.add(Merkle.leafHash(new byte[] {(byte) i}));
    }
    int index = 4;
    leaves.set(index, Merkle.leafHash(body.getBytes(StandardCharsets.UTF_8)));
    byte[] rootHash = mth(leaves, 0, leaves.size());
    List<byte[]> proof = new ArrayList<>();
    path(index, leaves, 0, leaves.size(), proof);
    String note = "rekor.example - 42\n7\n" + b64(rootHash) + "\n";
    byte[] logId = Crypto.sha256(logKey.getPublic().getEncoded());
    byte[] noteSig = sign(logKey.getPrivate(), note.getBytes(StandardCharsets.UTF_8));
    byte[] blob = new byte[4 + noteSig.length];
    System.arraycopy(logId, 0, blob, 0, 4);
    System.arraycopy(noteSig, 0, blob, 4, noteSig.length);
    String checkpoint = note + "\n\u2014 rekor.example " + b64(blob) + "\n";
    long logIndex = 1000 + index;
    String set = "{\"body\":\"" + bodyB64 + "\",\"integratedTime\":" + s.integratedTime + ",\"logID\":\""
        + Crypto.hex(logId) + "\",\"logIndex\":" + logIndex + "}";
    StringBuilder hashes = new StringBuilder();
    for (byte[] h : proof) {
      hashes.append(hashes.length() == 0 ? "" : ",").append('"').append(b64(h)).append('"');
    }
    String entry = "{\"logIndex\":\"" + logIndex + "\",\"logId\":{\"keyId\":\"" + b64(logId) + "\"},"
        + "\"kindVersion\":{\"kind\":\"" + s.kind + "\",\"version\":\"" + (s.kind.equals("intoto") ? "0.0.2" : "0.0.1")
        + "\"},\"integratedTime\":\""
        + s.integratedTime + "\","
        + (s.promise ? "\"inclusionPromise\":{\"signedEntryTimestamp\":\""
            + b64(sign(logKey.getPrivate(), set.getBytes(StandardCharsets.UTF_8))) + "\"}," : "")
        + "\"inclusionProof\":{\"logIndex\":\"" + index + "\",\"rootHash\":\"" + b64(rootHash) + "\",\"treeSize\":\"7\","
        + "\"hashes\":[" + hashes + "],\"checkpoint\":{\"envelope\":\"" + checkpoint.replace("\n", "\\n") + "\"}},"
        + "\"canonicalizedBody\":\"" + bodyB64 + "\"}";
    return ("{\"version\":1,\"verification_material\":{\"certificate\":\"" + b64(leaf.getEncoded())
        + "\",\"transparency_entries\":[" + entry + "]},\"envelope\":{\"statement\":\"" + b64(statement)
        + "\",\"signature\":\"" + b64(sig) + "\"}}").getBytes(StandardCharsets.UTF_8);
  }

  static AttestationResult verify(Spec s, TrustPolicy p) throws Exception {
    List<AttestationResult> rs = Pep740Verifier.verify(attestation(s), DIST, DIST_SHA, p, DIST + ".attestation");
    assertThat(rs).hasSize(1);
    return rs.get(0);
  }

  @Test
  void consistentWorldVerifies() throws Exception {
    AttestationResult r = verify(new Spec(), policy);
    assertThat(r.failedChecks()).as(r.signature().detail()).isEmpty();
    assertThat(r.signature().status()).isEqualTo(SignatureStatus.VALID);
    assertThat(r.signature().signer()).contains(SAN);
    assertThat(r.identity().orElseThrow().repository()).contains("acme/widget");
    assertThat(r.integratedTime()).contains(T0.plusSeconds(5));
  }

  @Test
  void otherPredicateTypeFailsOnlyThePredicateCheck() throws Exception {
    Spec s = new Spec();
    s.predicateType = "https://example.com/custom/v1";
    AttestationResult r = verify(s, policy);
    assertThat(r.failedChecks()).containsExactly(Pep740Check.PREDICATE_TYPE);
    assertThat(r.signature().status()).isEqualTo(SignatureStatus.INVALID);
    Spec slsa = new Spec();
    slsa.predicateType = Pep740Verifier.SLSA_PROVENANCE_V1;
    assertThat(verify(slsa, policy).failedChecks()).isEmpty();
  }

  @Test
  void statementShapeIsChecked() throws Exception {
    Spec t = new Spec();
    t.type = "https://in-toto.io/Statement/v0.1";
    assertThat(verify(t, policy).failedChecks()).containsExactly(Pep740Check.STATEMENT);
    Spec two = new Spec();
    two.subjects = "[{\"name\":\"a-1.0.tar.gz\",\"digest\":{}},{\"name\":\"b-1.0.tar.gz\",\"digest\":{}}]";
    AttestationResult r = verify(two, policy);
    assertThat(r.failedChecks()).containsExactly(Pep740Check.STATEMENT);
    assertThat(r.signature().detail()).contains("2 subjects in statement (must be exactly one)");
    Spec noName = new Spec();
    noName.subjects = "[{\"digest\":{\"sha256\":\"" + Crypto.hex(DIST_SHA) + "\"}}]";
    assertThat(verify(noName, policy).failedChecks()).containsExactly(Pep740Check.SUBJECT_NAME);
  }

  @Test
  void integrationOutsideTheCertificateLifetimeFailsValidity() throws Exception {
    Spec s = new Spec();
    s.integratedTime = T0.getEpochSecond() + 3600;
    AttestationResult r = verify(s, policy);
    assertThat(r.failedChecks()).containsExactly(Pep740Check.CERTIFICATE_VALIDITY);
  }

  @Test
  void integrationBeforeTheLogKeyWasValidIsUntrusted() throws Exception {
    Spec s = new Spec();
    s.integratedTime = Instant.parse("2024-06-01T00:00:00Z").getEpochSecond();
    AttestationResult r = verify(s, policy);
    // also before the leaf was valid, and before the CA was valid: one integrity and two trust failures
    assertThat(r.failedChecks()).contains(Pep740Check.LOG_TRUST, Pep740Check.CERTIFICATE_VALIDITY);
    assertThat(r.signature().status()).isEqualTo(SignatureStatus.INVALID);
  }

  @Test
  void intotoEntriesVerifyToo() throws Exception {
    Spec s = new Spec();
    s.kind = "intoto";
    AttestationResult r = verify(s, policy);
    assertThat(r.failedChecks()).as(r.signature().detail()).isEmpty();
    assertThat(r.signature().status()).isEqualTo(SignatureStatus.VALID);
  }

  @Test
  void otherEntryKindsAreUnsupported() throws Exception {
    Spec s = new Spec();
    s.kind = "hashedrekord";
    AttestationResult r = verify(s, policy);
    assertThat(r.signature().status()).isEqualTo(SignatureStatus.UNSUPPORTED);
    assertThat(r.signature().detail()).contains("Rekor entry kind hashedrekord");
    assertThat(r.signature().findings()).singleElement()
        .satisfies(f -> assertThat(f.code()).isEqualTo(dev.wheeltapper.report.Codes.SIGNATURE_UNSUPPORTED));
  }

  @Test
  void missingPromiseIsNotedNotFailed() throws Exception {
    Spec s = new Spec();
    s.promise = false;
    AttestationResult r = verify(s, policy);
    assertThat(r.signature().status()).isEqualTo(SignatureStatus.VALID);
    assertThat(r.signature().detail()).contains("no inclusion promise");
  }

  @Test
  void identityPolicy() throws Exception {
    TrustPolicy good = TrustPolicy.builder().sigstoreRoot(policy.sigstoreRoot())
        .identity(ExpectedIdentity.parse("acme/widget@release.yml")).build();
    assertThat(verify(new Spec(), good).signature().status()).isEqualTo(SignatureStatus.VALID);
    TrustPolicy exact = TrustPolicy.builder().sigstoreRoot(policy.sigstoreRoot())
        .identity(ExpectedIdentity.parse(SAN)).build();
    assertThat(verify(new Spec(), exact).signature().status()).isEqualTo(SignatureStatus.VALID);
    TrustPolicy bad = TrustPolicy.builder().sigstoreRoot(policy.sigstoreRoot())
        .identity(ExpectedIdentity.parse("acme/widget@nightly.yml"))
        .identity(ExpectedIdentity.parse("evil/widget")).build();
    AttestationResult r = verify(new Spec(), bad);
    assertThat(r.signature().status()).isEqualTo(SignatureStatus.UNTRUSTED);
    assertThat(r.failedChecks()).containsExactly(Pep740Check.IDENTITY);
  }

  @Test
  void withoutAPinnedIdentityAConsistentWorldIsUntrustedOnTheIdentityAlone() throws Exception {
    AttestationResult r = verify(new Spec(), TrustPolicy.builder().sigstoreRoot(policy.sigstoreRoot()).build());
    assertThat(r.signature().status()).isEqualTo(SignatureStatus.UNTRUSTED);
    assertThat(r.failedChecks()).containsExactly(Pep740Check.IDENTITY);
    assertThat(r.signature().detail()).contains("no publisher identity is pinned");
  }

  @Test
  void productionRootDoesNotTrustTheSyntheticWorld() throws Exception {
    AttestationResult r = verify(new Spec(), TrustPolicy.builder().anyIdentity(true).build());
    assertThat(r.signature().status()).isEqualTo(SignatureStatus.UNTRUSTED);
    assertThat(r.failedChecks()).containsExactlyInAnyOrder(Pep740Check.LOG_TRUST, Pep740Check.CERTIFICATE_CHAIN);
  }
}
