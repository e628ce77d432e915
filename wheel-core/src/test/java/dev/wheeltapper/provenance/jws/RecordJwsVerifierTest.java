package dev.wheeltapper.provenance.jws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.provenance.SignatureKind;
import dev.wheeltapper.provenance.SignatureResult;
import dev.wheeltapper.provenance.SignatureStatus;
import dev.wheeltapper.provenance.TestPki;
import dev.wheeltapper.provenance.TrustPolicy;
import dev.wheeltapper.provenance.internal.Crypto;
import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Severity;
import dev.wheeltapper.testsupport.Oracles.Oracle;
import dev.wheeltapper.testsupport.Oracles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordJwsVerifierTest {
  static final byte[] RECORD =
      "foo/__init__.py,sha256=AUVfJ1y1QKm4Nf8hMXQJ3y4hDEp5mbrbFAM7qybHbrk,20\nfoo-1.0.dist-info/RECORD,,\n"
          .getBytes(StandardCharsets.UTF_8);
  static final String PATH = "foo-1.0.dist-info/RECORD.jws";

  static String b64(byte[] b) {
    return Crypto.b64urlNoPad(b);
  }

  static String b64(String s) {
    return b64(s.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] rawKey(KeyPair kp) {
    return Crypto.rawEd25519(kp.getPublic()).orElseThrow();
  }

  /** Builds a RECORD.jws the way the historical wheel tool did. */
  static byte[] jws(KeyPair kp, String alg, byte[] record) throws Exception {
    String header = b64("{\"alg\":\"" + alg + "\",\"key\":{\"alg\":\"Ed25519\",\"vk\":\"" + b64(rawKey(kp))
        + "\"},\"typ\":\"JWT\"}");
    String payload = b64("{\"hash\":\"sha256=" + b64(Crypto.sha256(record)) + "\"}");
    Signature s = Signature.getInstance("Ed25519", Crypto.BC);
    s.initSign(kp.getPrivate());
    s.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
    return ("{\"recipients\":[{\"header\":\"" + header + "\",\"signature\":\"" + b64(s.sign())
        + "\"}],\"payload\":\"" + payload + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  static TrustPolicy trusting(KeyPair kp) throws Exception {
    return TrustPolicy.builder().ed25519Key(b64(rawKey(kp))).build();
  }

  @Test
  void trustedKeyIsValidWithDeprecationNote() throws Exception {
    KeyPair kp = TestPki.keys(TestPki.Alg.ED25519);
    SignatureResult r = RecordJwsVerifier.verify(jws(kp, "Ed25519", RECORD), RECORD, trusting(kp), PATH);
    assertThat(r.kind()).isEqualTo(SignatureKind.RECORD_JWS);
    assertThat(r.kind().label()).isEqualTo("RECORD.jws");
    assertThat(r.status()).isEqualTo(SignatureStatus.VALID);
    assertThat(r.signer()).contains("ed25519:" + b64(rawKey(kp)));
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo(Codes.SIGNATURE_DEPRECATED);
      assertThat(f.severity()).isEqualTo(Severity.NOTE);
      assertThat(f.message()).contains("PEP 815");
    });
  }

  @Test
  void pemKeyIsAcceptedAsTrust() throws Exception {
    KeyPair kp = TestPki.keys(TestPki.Alg.ED25519);
    String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(kp.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
    TrustPolicy p = TrustPolicy.builder().ed25519Key(pem).build();
    assertThat(RecordJwsVerifier.verify(jws(kp, "EdDSA", RECORD), RECORD, p, PATH).status())
        .isEqualTo(SignatureStatus.VALID);
  }

  @Test
  void twoRecipientsOneTrusted() throws Exception {
    KeyPair a = TestPki.keys(TestPki.Alg.ED25519);
    KeyPair b = TestPki.keys(TestPki.Alg.ED25519);
    String ja = new String(jws(a, "Ed25519", RECORD), StandardCharsets.UTF_8);
    String jb = new String(jws(b, "Ed25519", RECORD), StandardCharsets.UTF_8);
    String recA = ja.substring(ja.indexOf('[') + 1, ja.indexOf(']'));
    String two = jb.replace("\"recipients\":[", "\"recipients\":[" + recA + ",");
    SignatureResult r = RecordJwsVerifier.verify(two.getBytes(StandardCharsets.UTF_8), RECORD, trusting(b), PATH);
    assertThat(r.status()).isEqualTo(SignatureStatus.VALID);
    assertThat(r.signer()).contains("ed25519:" + b64(rawKey(b)));
    // every signature must verify: a broken second recipient makes the whole file invalid
    String broken = jb.replace("\"recipients\":[", "\"recipients\":[" + recA.replace("\"signature\":\"",
        "\"signature\":\"AAAA") + ",");
    assertThat(RecordJwsVerifier.verify(broken.getBytes(StandardCharsets.UTF_8), RECORD, trusting(b), PATH).status())
        .isEqualTo(SignatureStatus.INVALID);
  }

  @Test
  void unknownKeyIsUntrusted() throws Exception {
    KeyPair kp = TestPki.keys(TestPki.Alg.ED25519);
    KeyPair other = TestPki.keys(TestPki.Alg.ED25519);
    SignatureResult r = RecordJwsVerifier.verify(jws(kp, "Ed25519", RECORD), RECORD, trusting(other), PATH);
    assertThat(r.status()).isEqualTo(SignatureStatus.UNTRUSTED);
    assertThat(r.findings()).extracting(f -> f.code())
        .containsExactly(Codes.SIGNATURE_UNTRUSTED, Codes.SIGNATURE_DEPRECATED);
    assertThat(r.findings().get(0).severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void otherRecordIsInvalid() throws Exception {
    KeyPair kp = TestPki.keys(TestPki.Alg.ED25519);
    byte[] tampered = (new String(RECORD, StandardCharsets.UTF_8) + "evil.py,,\n").getBytes(StandardCharsets.UTF_8);
    SignatureResult r = RecordJwsVerifier.verify(jws(kp, "Ed25519", RECORD), tampered, trusting(kp), PATH);
    assertThat(r.status()).isEqualTo(SignatureStatus.INVALID);
    assertThat(r.detail()).contains("is not RECORD's");
    assertThat(r.findings().get(0).code()).isEqualTo(Codes.SIGNATURE_INVALID);
    assertThat(r.findings().get(0).severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void tamperedSignatureIsInvalid() throws Exception {
    KeyPair kp = TestPki.keys(TestPki.Alg.ED25519);
    String j = new String(jws(kp, "Ed25519", RECORD), StandardCharsets.UTF_8);
    int i = j.indexOf("\"signature\":\"") + 14;
    char c = j.charAt(i);
    String t = j.substring(0, i) + (c == 'A' ? 'B' : 'A') + j.substring(i + 1);
    SignatureResult r = RecordJwsVerifier.verify(t.getBytes(StandardCharsets.UTF_8), RECORD, trusting(kp), PATH);
    assertThat(r.status()).isEqualTo(SignatureStatus.INVALID);
    assertThat(r.detail()).contains("does not verify");
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "HS256", "ES256", "RS256", ""})
  void otherAlgorithmsAreInvalid(String alg) throws Exception {
    KeyPair kp = TestPki.keys(TestPki.Alg.ED25519);
    SignatureResult r = RecordJwsVerifier.verify(jws(kp, alg, RECORD), RECORD, trusting(kp), PATH);
    assertThat(r.status()).isEqualTo(SignatureStatus.INVALID);
    assertThat(r.detail()).contains("is not Ed25519");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "", "dummy file\r\n", "{}", "[]", "null", "{\"recipients\":[],\"payload\":\"e30\"}",
    "{\"recipients\":[{}],\"payload\":\"e30\"}", "{\"recipients\":[{\"header\":\"!!\",\"signature\":\"x\"}],"
        + "\"payload\":\"eyJoYXNoIjoic2hhMjU2PXgifQ\"}",
    "{\"recipients\":\"x\",\"payload\":1}", "{\"payload\":\"@@@\",\"recipients\":[1]}",
    "{\"recipients\":[{\"header\":\"e30\",\"signature\":\"e30\"}],\"payload\":\"eyJoYXNoIjoic2hhMjU2PXgifQ\"}",
    "{\"recipients\":[{\"header\":\"eyJhbGciOiJFZDI1NTE5Iiwia2V5Ijp7InZrIjoiQUFBQSJ9fQ\",\"signature\":\"AA\"}],"
        + "\"payload\":\"eyJoYXNoIjoic2hhMjU2PXgifQ\"}",
    "{\"a\":1,\"a\":2}", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
  })
  void garbageIsInvalidNeverValid(String text) {
    SignatureResult r = RecordJwsVerifier.verify(text.getBytes(StandardCharsets.UTF_8), RECORD,
        TrustPolicy.defaults(), PATH);
    assertThat(r.status()).isEqualTo(SignatureStatus.INVALID);
    assertThat(r.findings()).extracting(f -> f.code()).contains(Codes.SIGNATURE_INVALID);
  }

  @Test
  void hugeAndDeepInputsAreBounded() {
    byte[] huge = new byte[RecordJwsVerifier.MAX_BYTES + 1];
    assertThat(RecordJwsVerifier.verify(huge, RECORD, TrustPolicy.defaults(), PATH).status())
        .isEqualTo(SignatureStatus.INVALID);
    byte[] deep = "[".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
    SignatureResult r = RecordJwsVerifier.verify(deep, RECORD, TrustPolicy.defaults(), PATH);
    assertThat(r.status()).isEqualTo(SignatureStatus.INVALID);
    assertThat(r.detail()).contains("nested deeper");
  }

  @Test
  void interoperatesWithPythonCryptography(@TempDir Path dir) throws Exception {
    Oracles.require(Oracle.PYTHON_CRYPTOGRAPHY);
    Path record = dir.resolve("RECORD");
    Files.write(record, RECORD);
    Path script = Paths.get("src", "test", "resources", "dev", "wheeltapper", "provenance", "make_record_jws.py");
    Process p = new ProcessBuilder("python3", script.toAbsolutePath().toString(), record.toString(),
        dir.resolve("RECORD.jws").toString(), dir.resolve("vk.txt").toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    byte[] jws = Files.readAllBytes(dir.resolve("RECORD.jws"));
    TrustPolicy trust = TrustPolicy.builder().ed25519Key(Files.readAllBytes(dir.resolve("vk.txt"))).build();
    SignatureResult r = RecordJwsVerifier.verify(jws, RECORD, trust, PATH);
    assertThat(r.status()).as(r.detail()).isEqualTo(SignatureStatus.VALID);
    assertThat(RecordJwsVerifier.verify(jws, RECORD, TrustPolicy.defaults(), PATH).status())
        .isEqualTo(SignatureStatus.UNTRUSTED);
    assertThat(RecordJwsVerifier.verify(jws, "x".getBytes(StandardCharsets.UTF_8), trust, PATH).status())
        .isEqualTo(SignatureStatus.INVALID);
  }

  @Test
  void corpusPlaceholderIsInvalid() throws IOException {
    byte[] dummy = "dummy file\r\n".getBytes(StandardCharsets.US_ASCII);
    assertThat(RecordJwsVerifier.verify(dummy, RECORD, TrustPolicy.defaults(), PATH).status())
        .isEqualTo(SignatureStatus.INVALID);
  }
}
