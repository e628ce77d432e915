package dev.wheeltapper.provenance.cms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.provenance.SignatureKind;
import dev.wheeltapper.provenance.SignatureResult;
import dev.wheeltapper.provenance.SignatureStatus;
import dev.wheeltapper.provenance.TestPki.Alg;
import dev.wheeltapper.provenance.TestPki.Issued;
import dev.wheeltapper.provenance.TestPki;
import dev.wheeltapper.provenance.TrustPolicy;
import dev.wheeltapper.provenance.internal.Crypto;
import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Severity;
import dev.wheeltapper.testsupport.Oracles.Oracle;
import dev.wheeltapper.testsupport.Oracles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecordP7sVerifierTest {
  static final byte[] RECORD = "foo/__init__.py,sha256=AUVfJ1y1QKm4Nf8hMXQJ3y4hDEp5mbrbFAM7qybHbrk,20\n"
      .getBytes(StandardCharsets.UTF_8);
  static final String PATH = "foo-1.0.dist-info/RECORD.p7s";

  static Issued root;
  static Issued intermediate;
  static Issued otherRoot;

  @BeforeAll
  static void pki() throws Exception {
    root = TestPki.selfSignedCa("Test Root", Alg.P256);
    intermediate = TestPki.issue(root, "Test Intermediate", Alg.P384, true);
    otherRoot = TestPki.selfSignedCa("Other Root", Alg.P256);
  }

  static byte[] sign(Issued signer, byte[] content, boolean detached, Issued... extraCerts) throws Exception {
    CMSSignedDataGenerator g = new CMSSignedDataGenerator();
    g.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
        new JcaDigestCalculatorProviderBuilder().setProvider(Crypto.BC).build())
        .build(new JcaContentSignerBuilder(signer.alg().signature).setProvider(Crypto.BC).build(signer.key()),
            signer.cert()));
    List<java.security.cert.X509Certificate> certs = new ArrayList<>();
    certs.add(signer.cert());
    for (Issued e : extraCerts) {
      certs.add(e.cert());
    }
    g.addCertificates(new JcaCertStore(certs));
    return g.generate(new CMSProcessableByteArray(content), !detached).getEncoded();
  }

  static TrustPolicy anchoredAt(Issued anchor) throws Exception {
    return TrustPolicy.builder().x509AnchorsPem(TestPki.pem(anchor.cert())).build();
  }

  @ParameterizedTest
  @EnumSource(Alg.class)
  void validThroughAnIntermediateForEveryAlgorithm(Alg alg) throws Exception {
    Issued leaf = TestPki.issue(intermediate, "CN=Signer " + alg, alg, false);
    byte[] p7s = sign(leaf, RECORD, true, intermediate);
    SignatureResult r = RecordP7sVerifier.verify(p7s, RECORD, anchoredAt(root), PATH);
    assertThat(r.kind()).isEqualTo(SignatureKind.RECORD_P7S);
    assertThat(r.status()).as(r.detail()).isEqualTo(SignatureStatus.VALID);
    assertThat(r.signer()).contains("CN=Signer " + alg);
    assertThat(r.detail()).contains("issuer CN=Test Intermediate").contains("serial ");
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo(Codes.SIGNATURE_DEPRECATED);
      assertThat(f.severity()).isEqualTo(Severity.NOTE);
    });
  }

  @Test
  void pemFormIsAccepted() throws Exception {
    Issued leaf = TestPki.issue(intermediate, "CN=PEM signer", Alg.RSA, false);
    String pem = "-----BEGIN PKCS7-----\n" + Base64.getMimeEncoder().encodeToString(sign(leaf, RECORD, true,
        intermediate)) + "\n-----END PKCS7-----\n";
    assertThat(RecordP7sVerifier.verify(pem.getBytes(StandardCharsets.US_ASCII), RECORD, anchoredAt(root), PATH)
        .status()).isEqualTo(SignatureStatus.VALID);
  }

  @Test
  void otherAnchorOrNoAnchorIsUntrusted() throws Exception {
    Issued leaf = TestPki.issue(intermediate, "CN=Signer", Alg.P256, false);
    byte[] p7s = sign(leaf, RECORD, true, intermediate);
    SignatureResult r = RecordP7sVerifier.verify(p7s, RECORD, anchoredAt(otherRoot), PATH);
    assertThat(r.status()).isEqualTo(SignatureStatus.UNTRUSTED);
    assertThat(r.detail()).contains("no valid certificate path");
    assertThat(r.findings().get(0).code()).isEqualTo(Codes.SIGNATURE_UNTRUSTED);
    SignatureResult none = RecordP7sVerifier.verify(p7s, RECORD, TrustPolicy.defaults(), PATH);
    assertThat(none.status()).isEqualTo(SignatureStatus.UNTRUSTED);
    assertThat(none.detail()).contains("no X.509 trust anchors given");
  }

  @Test
  void signerThatIsItselfAnAnchorIsValid() throws Exception {
    Issued leaf = TestPki.issue(intermediate, "CN=Pinned signer", Alg.P256, false);
    SignatureResult r = RecordP7sVerifier.verify(sign(leaf, RECORD, true), RECORD, anchoredAt(leaf), PATH);
    assertThat(r.status()).isEqualTo(SignatureStatus.VALID);
  }

  @Test
  void caCertificateAsSignerIsUntrusted() throws Exception {
    // A CA certificate (key usage keyCertSign only) signing RECORD directly.
    Issued ca = TestPki.issue(root, "CN=Sub CA", Alg.P256, true);
    SignatureResult r = RecordP7sVerifier.verify(sign(ca, RECORD, true), RECORD, anchoredAt(root), PATH);
    assertThat(r.status()).isEqualTo(SignatureStatus.UNTRUSTED);
    assertThat(r.detail()).contains("key usage");
  }

  @Test
  void missingIntermediateIsUntrusted() throws Exception {
    Issued leaf = TestPki.issue(intermediate, "CN=Signer", Alg.P256, false);
    SignatureResult r = RecordP7sVerifier.verify(sign(leaf, RECORD, true), RECORD, anchoredAt(root), PATH);
    assertThat(r.status()).isEqualTo(SignatureStatus.UNTRUSTED);
  }

  @Test
  void expiredAtValidationTimeIsUntrusted() throws Exception {
    Issued leaf = TestPki.issue(intermediate, "CN=Signer", Alg.P256, false);
    byte[] p7s = sign(leaf, RECORD, true, intermediate);
    SignatureResult r = RecordP7sVerifier.verify(p7s, RECORD, anchoredAt(root), PATH,
        Instant.now().plusSeconds(3L * 365 * 86400));
    assertThat(r.status()).isEqualTo(SignatureStatus.UNTRUSTED);
  }

  @Test
  void tamperedRecordIsInvalid() throws Exception {
    Issued leaf = TestPki.issue(intermediate, "CN=Signer", Alg.ED25519, false);
    byte[] p7s = sign(leaf, RECORD, true, intermediate);
    byte[] other = Arrays.copyOf(RECORD, RECORD.length + 1);
    SignatureResult r = RecordP7sVerifier.verify(p7s, other, anchoredAt(root), PATH);
    assertThat(r.status()).isEqualTo(SignatureStatus.INVALID);
    assertThat(r.detail()).contains("does not verify over RECORD");
    assertThat(r.findings().get(0).code()).isEqualTo(Codes.SIGNATURE_INVALID);
  }

  @Test
  void tamperedSignatureValueIsInvalid() throws Exception {
    Issued leaf = TestPki.issue(intermediate, "CN=Signer", Alg.RSA, false);
    byte[] p7s = sign(leaf, RECORD, true, intermediate);
    p7s[p7s.length - 3] ^= 0x40; // inside the RSA signature value, the last field
    SignatureResult r = RecordP7sVerifier.verify(p7s, RECORD, anchoredAt(root), PATH);
    assertThat(r.status()).isEqualTo(SignatureStatus.INVALID);
  }

  @Test
  void attachedContentMustBeRecord() throws Exception {
    Issued leaf = TestPki.issue(intermediate, "CN=Signer", Alg.P256, false);
    assertThat(RecordP7sVerifier.verify(sign(leaf, RECORD, false, intermediate), RECORD, anchoredAt(root), PATH)
        .status()).isEqualTo(SignatureStatus.VALID);
    SignatureResult r = RecordP7sVerifier.verify(sign(leaf, "other".getBytes(StandardCharsets.UTF_8), false,
        intermediate), RECORD, anchoredAt(root), PATH);
    assertThat(r.status()).isEqualTo(SignatureStatus.INVALID);
    assertThat(r.detail()).contains("encapsulates content that is not RECORD");
  }

  @Test
  void everyTruncationIsInvalidNeverValid() throws Exception {
    Issued leaf = TestPki.issue(intermediate, "CN=Signer", Alg.P256, false);
    byte[] p7s = sign(leaf, RECORD, true, intermediate);
    for (int n = 0; n < p7s.length; n += 7) {
      SignatureResult r = RecordP7sVerifier.verify(Arrays.copyOf(p7s, n), RECORD, anchoredAt(root), PATH);
      assertThat(r.status()).as("truncated to %d", n).isEqualTo(SignatureStatus.INVALID);
    }
  }

  @Test
  void everySingleByteFlipIsNeverValid() throws Exception {
    Issued leaf = TestPki.issue(intermediate, "CN=Signer", Alg.P256, false);
    byte[] p7s = sign(leaf, RECORD, true);
    TrustPolicy trust = anchoredAt(intermediate);
    int valid = 0;
    for (int i = 0; i < p7s.length; i++) {
      byte[] m = p7s.clone();
      m[i] ^= 0x01;
      SignatureResult r = RecordP7sVerifier.verify(m, RECORD, trust, PATH);
      if (r.status() == SignatureStatus.VALID) {
        valid++;
      }
    }
    // CMS is malleable outside what the signer signs: the SignedData digestAlgorithms set (bytes 19 to 34 here)
    // and a few encoding-neutral bytes can change without effect (measured: 15 of 703). What is signed (RECORD's
    // digest in the signed attributes), the signature value and the certificates cannot.
    assertThat(valid).isLessThan(p7s.length / 20);
  }

  @Test
  void wrongContentTypesAreInvalid() throws Exception {
    byte[] data = new ContentInfo(CMSObjectIdentifiers.data, new DEROctetString(RECORD)).getEncoded();
    SignatureResult r = RecordP7sVerifier.verify(data, RECORD, TrustPolicy.defaults(), PATH);
    assertThat(r.status()).isEqualTo(SignatureStatus.INVALID);
    assertThat(r.detail()).contains("is not signedData");
    byte[] cert = root.cert().getEncoded();
    assertThat(RecordP7sVerifier.verify(cert, RECORD, TrustPolicy.defaults(), PATH).status())
        .isEqualTo(SignatureStatus.INVALID);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "dummy file\r\n", "-----BEGIN PKCS7-----\n!!!\n-----END PKCS7-----\n", "0",
      "\u0030\u0080", "\u0030\u0084\u00ff\u00ff\u00ff\u00ff", "\u0030\u0003\u0006\u0001\u0000"})
  void garbageIsInvalid(String s) {
    SignatureResult r = RecordP7sVerifier.verify(s.getBytes(StandardCharsets.ISO_8859_1), RECORD,
        TrustPolicy.defaults(), PATH);
    assertThat(r.status()).isEqualTo(SignatureStatus.INVALID);
    assertThat(r.findings()).extracting(f -> f.code()).contains(Codes.SIGNATURE_INVALID, Codes.SIGNATURE_DEPRECATED);
  }

  @Test
  void deeplyNestedDerIsInvalid() {
    byte[] deep = new byte[200_000];
    for (int i = 0; i + 1 < deep.length; i += 2) {
      deep[i] = 0x30;
      deep[i + 1] = (byte) 0x80; // indefinite length, nested forever
    }
    assertThat(RecordP7sVerifier.verify(deep, RECORD, TrustPolicy.defaults(), PATH).status())
        .isEqualTo(SignatureStatus.INVALID);
  }

  // ------------------------------------------------------------------ openssl interop

  static void run(Path dir, String... cmd) throws Exception {
    Oracles.require(Oracle.OPENSSL);
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + out).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"rsa:2048", "ec"})
  void interoperatesWithOpensslCms(String keyType, @TempDir Path dir) throws Exception {
    Files.write(dir.resolve("RECORD"), RECORD);
    if (keyType.equals("ec")) {
      run(dir, "openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "key.pem");
      run(dir, "openssl", "req", "-x509", "-new", "-key", "key.pem", "-subj", "/CN=openssl ec signer", "-days", "30",
          "-out", "cert.pem");
    } else {
      run(dir, "openssl", "req", "-x509", "-newkey", keyType, "-nodes", "-keyout", "key.pem", "-subj",
          "/CN=openssl rsa signer", "-days", "30", "-out", "cert.pem");
    }
    run(dir, "openssl", "cms", "-sign", "-binary", "-in", "RECORD", "-signer", "cert.pem", "-inkey", "key.pem",
        "-outform", "DER", "-out", "RECORD.p7s");
    run(dir, "openssl", "cms", "-sign", "-binary", "-in", "RECORD", "-signer", "cert.pem", "-inkey", "key.pem",
        "-outform", "PEM", "-out", "RECORD.p7s.pem");
    run(dir, "openssl", "cms", "-sign", "-binary", "-in", "RECORD", "-signer", "cert.pem", "-inkey", "key.pem",
        "-out", "RECORD.smime");
    TrustPolicy trust = TrustPolicy.builder().x509AnchorsPem(Files.readString(dir.resolve("cert.pem"))).build();
    for (String f : List.of("RECORD.p7s", "RECORD.p7s.pem", "RECORD.smime")) {
      byte[] p7s = Files.readAllBytes(dir.resolve(f));
      SignatureResult r = RecordP7sVerifier.verify(p7s, RECORD, trust, PATH);
      assertThat(r.status()).as(f + ": " + r.detail()).isEqualTo(SignatureStatus.VALID);
      assertThat(r.signer()).hasValueSatisfying(s -> assertThat(s).startsWith("CN=openssl"));
      assertThat(RecordP7sVerifier.verify(p7s, RECORD, anchoredAt(otherRoot), PATH).status())
          .isEqualTo(SignatureStatus.UNTRUSTED);
      assertThat(RecordP7sVerifier.verify(p7s, "tampered".getBytes(StandardCharsets.UTF_8), trust, PATH).status())
          .isEqualTo(SignatureStatus.INVALID);
    }
  }
}
