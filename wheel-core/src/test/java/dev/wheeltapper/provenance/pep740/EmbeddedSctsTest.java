package dev.wheeltapper.provenance.pep740;

import dev.wheeltapper.provenance.trust.SigstoreTrustedRoot;
import static dev.wheeltapper.provenance.pep740.Pep740VerifierTest.one;
import static dev.wheeltapper.provenance.pep740.Pep740VerifierTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.provenance.SignatureStatus;
import dev.wheeltapper.provenance.TrustPolicy;
import dev.wheeltapper.provenance.internal.Crypto;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Embedded SCTs of real Fulcio certificates against the CT logs of the real trusted roots, and the ways the check
 * fails: a CT log key that is not the one that signed, an SCT from a log the root does not list, an SCT dated outside
 * its log key's validity, and malformed lists.
 */
class EmbeddedSctsTest {
  private static final String DIST = "pypi_attestations-0.0.19.tar.gz";
  private static final String ATTESTATION = "pypi_attestations-0.0.19.tar.gz.publish.attestation";
  private static final Pattern CERT = Pattern.compile("\"certificate\"\\s*:\\s*\"([A-Za-z0-9+/=]+)\"");

  private static X509Certificate leaf(String attestation) throws Exception {
    Matcher m = CERT.matcher(new String(read(attestation), StandardCharsets.UTF_8));
    assertThat(m.find()).isTrue();
    return Crypto.certificate(Base64.getDecoder().decode(m.group(1)));
  }

  private static String productionRoot() throws Exception {
    return new String(read("sigstore-production-trusted_root.json"), StandardCharsets.UTF_8);
  }

  private static AttestationResult verifyUnder(String rootJson) throws Exception {
    TrustPolicy p = TrustPolicy.builder()
        .sigstoreRoot(SigstoreTrustedRoot.parse(rootJson.getBytes(StandardCharsets.UTF_8))).anyIdentity(true).build();
    return one(read(ATTESTATION), DIST, Crypto.hex(Crypto.sha256(read(DIST))), p);
  }

  /** The production root's ctfe 2022 log key, as base64 SPKI. */
  private static final String CTFE_2022_KEY_PREFIX = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEiPSlFi0CmFTfEjCUqF9HuCEcYXNKAaYalIJmBZ8yyez";

  @ParameterizedTest
  @ValueSource(strings = {ATTESTATION, "gitlab_oidc_project-0.0.3.tar.gz.publish.attestation",
      "pypi_attestation_models-0.0.4a2.tar.gz.attestation"})
  void realCertificatesCarryAnSctOfTheProductionCtLog(String attestation) throws Exception {
    X509Certificate leaf = leaf(attestation);
    byte[] ext = leaf.getExtensionValue(EmbeddedScts.SCT_LIST_OID);
    List<EmbeddedScts.Sct> scts = EmbeddedScts.parse(org.bouncycastle.asn1.ASN1OctetString.getInstance(
        org.bouncycastle.asn1.ASN1OctetString.getInstance(ext).getOctets()).getOctets());
    assertThat(scts).hasSize(1);
    SigstoreTrustedRoot root = SigstoreTrustedRoot.publicGood();
    SigstoreTrustedRoot.TransparencyLog ctfe = root.certificateTransparencyLogs().stream()
        .filter(l -> l.baseUrl().equals("https://ctfe.sigstore.dev/2022")).findFirst().orElseThrow();
    assertThat(Crypto.hex(scts.get(0).logId())).isEqualTo(Crypto.hex(Crypto.sha256(ctfe.key().getEncoded())));
    X509Certificate issuer = root.certificateAuthorities().stream().map(ca -> ca.chain().get(0))
        .filter(c -> c.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())).findFirst().orElseThrow();
    assertThat(EmbeddedScts.check(leaf, issuer, root.certificateTransparencyLogs())).isEmpty();
    // the same SCT over another issuer key hash does not verify: the precertificate binds its CA
    X509Certificate otherIssuer = root.certificateAuthorities().stream().map(ca -> ca.chain().get(0))
        .filter(c -> !c.getPublicKey().equals(issuer.getPublicKey())).findFirst().orElseThrow();
    assertThat(EmbeddedScts.check(leaf, otherIssuer, root.certificateTransparencyLogs()))
        .hasValueSatisfying(why -> assertThat(why).isEqualTo("SCT of https://ctfe.sigstore.dev/2022 does not verify"));
  }

  @Test
  void aCtLogKeyThatDidNotSignMakesTheAttestationUntrusted() throws Exception {
    String root = productionRoot();
    assertThat(root).contains(CTFE_2022_KEY_PREFIX);
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(256);
    String other = Base64.getEncoder().encodeToString(g.generateKeyPair().getPublic().getEncoded());
    // same declared log ID, another key: found by its ID, the signature fails
    String swapped = root.replaceAll(CTFE_2022_KEY_PREFIX + "[A-Za-z0-9+/=]*", other);
    AttestationResult r = verifyUnder(swapped);
    assertThat(r.signature().status()).isEqualTo(SignatureStatus.UNTRUSTED);
    assertThat(r.failedChecks()).containsExactly(Pep740Check.CERTIFICATE_TRANSPARENCY);
    assertThat(r.signature().detail())
        .isEqualTo("certificate transparency (embedded SCT) failed: SCT of https://ctfe.sigstore.dev/2022 does not verify");
    // another key and another declared ID: the SCT's log is unknown
    String unknown = swapped.replace("3T0wasbHETJjGR4cmWc3AqJKXrjePK3/h4pygC8p7o4=", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    AttestationResult u = verifyUnder(unknown);
    assertThat(u.signature().status()).isEqualTo(SignatureStatus.UNTRUSTED);
    assertThat(u.signature().detail())
        .startsWith("certificate transparency (embedded SCT) failed: SCT from unknown log dd3d30");
  }

  @Test
  void anUnreadableCtLogEntryIsLeftOutNotFatal() throws Exception {
    String root = productionRoot().replaceAll(CTFE_2022_KEY_PREFIX + "[A-Za-z0-9+/=]*", "AAAA");
    SigstoreTrustedRoot parsed = SigstoreTrustedRoot.parse(root.getBytes(StandardCharsets.UTF_8));
    assertThat(parsed.certificateTransparencyLogs()).extracting(SigstoreTrustedRoot.TransparencyLog::baseUrl)
        .containsExactly("https://ctfe.sigstore.dev/test");
    AttestationResult r = verifyUnder(root);
    assertThat(r.signature().status()).isEqualTo(SignatureStatus.UNTRUSTED);
    assertThat(r.signature().detail())
        .startsWith("certificate transparency (embedded SCT) failed: SCT from unknown log dd3d30");
  }

  @Test
  void anSctDatedBeforeItsLogKeyWasValidDoesNotCount() throws Exception {
    String root = productionRoot().replace("\"start\": \"2022-10-20T00:00:00Z\"", "\"start\": \"2030-01-01T00:00:00Z\"");
    assertThat(root).contains("2030-01-01");
    AttestationResult r = verifyUnder(root);
    assertThat(r.signature().status()).isEqualTo(SignatureStatus.UNTRUSTED);
    assertThat(r.signature().detail()).isEqualTo("certificate transparency (embedded SCT) failed: SCT of"
        + " https://ctfe.sigstore.dev/2022 dated outside the log key's validity");
  }

  @Test
  void aRootWithoutCtLogsRequiresNoSct() throws Exception {
    String root = productionRoot().replaceAll("(?s)\"ctlogs\"\\s*:\\s*\\[.*?\\]\\s*,\\s*\"timestampAuthorities\"",
        "\"ctlogs\": [], \"timestampAuthorities\"");
    assertThat(SigstoreTrustedRoot.parse(root.getBytes(StandardCharsets.UTF_8)).certificateTransparencyLogs()).isEmpty();
    assertThat(verifyUnder(root).signature().status()).isEqualTo(SignatureStatus.VALID);
  }

  @Test
  void malformedListsAreReasonsNotExceptions() {
    // list length that lies, SCT length past the end, trailing bytes inside an SCT, an empty list
    assertThat(parseError(new byte[] {0, 5, 0, 1})).contains("list length 5");
    assertThat(parseError(new byte[] {0, 2, 0, 9})).contains("SCT of 9 bytes");
    // an SCT of zeros (empty extensions, empty signature) followed by one byte more
    byte[] sct = new byte[1 + 32 + 8 + 2 + 1 + 1 + 2 + 1];
    byte[] list = new byte[4 + sct.length];
    list[1] = (byte) (2 + sct.length);
    list[3] = (byte) sct.length;
    System.arraycopy(sct, 0, list, 4, sct.length);
    assertThat(parseError(list)).contains("1 bytes after an SCT");
    assertThat(EmbeddedScts.parse(new byte[] {0, 0})).isEmpty();
    // 65 well-formed minimal SCTs (47 bytes each, empty signature): the cap answers at the 65th
    int one = 1 + 32 + 8 + 2 + 1 + 1 + 2;
    byte[] many = new byte[2 + 65 * (2 + one)];
    int total = many.length - 2;
    many[0] = (byte) (total >> 8);
    many[1] = (byte) total;
    for (int i = 0; i < 65; i++) {
      many[2 + i * (2 + one) + 1] = (byte) one;
    }
    assertThat(EmbeddedScts.parse(fixTotal(java.util.Arrays.copyOf(many, 2 + 64 * (2 + one))))).hasSize(64);
    assertThat(parseError(many)).contains("more than 64 SCTs");
  }

  private static byte[] fixTotal(byte[] list) {
    int total = list.length - 2;
    list[0] = (byte) (total >> 8);
    list[1] = (byte) total;
    return list;
  }

  @Test
  void everySingleByteChangeOfARealListIsAVerdict() throws Exception {
    X509Certificate leaf = leaf(ATTESTATION);
    byte[] tls = org.bouncycastle.asn1.ASN1OctetString.getInstance(org.bouncycastle.asn1.ASN1OctetString.getInstance(
        leaf.getExtensionValue(EmbeddedScts.SCT_LIST_OID)).getOctets()).getOctets();
    SigstoreTrustedRoot root = SigstoreTrustedRoot.publicGood();
    byte[] tbs = EmbeddedScts.precertificateTbs(leaf);
    byte[] issuerKeyHash = Crypto.sha256(root.certificateAuthorities().stream().map(ca -> ca.chain().get(0))
        .filter(c -> c.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())).findFirst().orElseThrow()
        .getPublicKey().getEncoded());
    var logs = root.certificateTransparencyLogs();
    assertThat(EmbeddedScts.check(EmbeddedScts.parse(tls), issuerKeyHash, tbs, logs)).isEmpty();
    int parsed = 0;
    for (int i = 0; i < tls.length; i++) {
      byte[] b = tls.clone();
      b[i] ^= 0x01;
      if (parseError(b).equals("parsed")) {
        // any change the parser accepts (log ID, timestamp, extensions, signature) fails the check, never passes
        parsed++;
        assertThat(EmbeddedScts.check(EmbeddedScts.parse(b), issuerKeyHash, tbs, logs)).as("flip at %d", i)
            .isPresent();
      }
    }
    assertThat(parsed).isGreaterThan(tls.length / 2);
  }

  private static String parseError(byte[] tls) {
    try {
      EmbeddedScts.parse(tls);
      return "parsed";
    } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }
}
