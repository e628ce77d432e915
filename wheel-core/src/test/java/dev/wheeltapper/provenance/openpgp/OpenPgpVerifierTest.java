package dev.wheeltapper.provenance.openpgp;

import dev.wheeltapper.provenance.trust.OpenPgpKeyring;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheeltapper.provenance.trust.InvalidTrustMaterialException;
import dev.wheeltapper.provenance.SignatureKind;
import dev.wheeltapper.provenance.SignatureResult;
import dev.wheeltapper.provenance.SignatureStatus;
import dev.wheeltapper.provenance.TestPki;
import dev.wheeltapper.provenance.TrustPolicy;
import dev.wheeltapper.provenance.internal.Crypto;
import dev.wheeltapper.report.Codes;
import dev.wheeltapper.testsupport.Corpus;
import dev.wheeltapper.testsupport.Oracles.Oracle;
import dev.wheeltapper.testsupport.Oracles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class OpenPgpVerifierTest {
  static final String PATH = "rfc8785-0.1.2-py3-none-any.whl.asc";

  static byte[] wheel() throws Exception {
    return Files.readAllBytes(Corpus.corpus("attest/rfc8785-0.1.2-py3-none-any.whl"));
  }

  /** A generated OpenPGP key: its public keyring (armored) and a signing function. */
  record Key(byte[] publicRing, JcaPGPKeyPair pair, int alg, long keyId) {
    byte[] sign(byte[] data, boolean armor) throws Exception {
      PGPSignatureGenerator g = new PGPSignatureGenerator(
          new JcaPGPContentSignerBuilder(alg, HashAlgorithmTags.SHA256).setProvider(Crypto.BC), pair.getPublicKey());
      g.init(PGPSignature.BINARY_DOCUMENT, pair.getPrivateKey());
      g.update(data);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (OutputStream o = armor ? new ArmoredOutputStream(out) : out) {
        g.generate().encode(o);
      }
      return out.toByteArray();
    }
  }

  static Key key(TestPki.Alg alg, String uid, Date created, long expirySeconds) throws Exception {
    KeyPair kp = TestPki.keys(alg);
    int tag = alg == TestPki.Alg.RSA ? PublicKeyAlgorithmTags.RSA_GENERAL
        : alg == TestPki.Alg.ED25519 ? PublicKeyAlgorithmTags.EDDSA_LEGACY : PublicKeyAlgorithmTags.ECDSA;
    JcaPGPKeyPair pair = new JcaPGPKeyPair(org.bouncycastle.bcpg.PublicKeyPacket.VERSION_4, tag, kp, created);
    PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
    if (expirySeconds > 0) {
      hashed.setKeyExpirationTime(true, expirySeconds);
    }
    PGPKeyRingGenerator g = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, pair, uid,
        new JcaPGPDigestCalculatorProviderBuilder().build().get(HashAlgorithmTags.SHA1), hashed.generate(), null,
        new JcaPGPContentSignerBuilder(tag, HashAlgorithmTags.SHA256).setProvider(Crypto.BC), null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ArmoredOutputStream a = new ArmoredOutputStream(out)) {
      g.generatePublicKeyRing().encode(a);
    }
    return new Key(out.toByteArray(), pair, tag, pair.getKeyID());
  }

  static Key key(TestPki.Alg alg) throws Exception {
    return key(alg, "Tester " + alg + " <" + alg.name().toLowerCase(java.util.Locale.ROOT) + "@example.test>",
        new Date(System.currentTimeMillis() - 60_000), 0);
  }

  static TrustPolicy trusting(byte[]... rings) throws Exception {
    TrustPolicy.Builder b = TrustPolicy.builder();
    for (byte[] r : rings) {
      b.openPgpKeyring(OpenPgpKeyring.parse(r));
    }
    return b.build();
  }

  static SignatureResult verify(byte[] data, byte[] asc, TrustPolicy p) {
    return OpenPgpVerifier.verify(new ByteArrayInputStream(data), asc, p, PATH);
  }

  @ParameterizedTest
  @EnumSource(value = TestPki.Alg.class, names = {"RSA", "P256", "P384", "ED25519"})
  void validForEveryKeyType(TestPki.Alg alg) throws Exception {
    Key k = key(alg);
    byte[] data = wheel();
    for (boolean armor : new boolean[] {true, false}) {
      SignatureResult r = verify(data, k.sign(data, armor), trusting(k.publicRing()));
      assertThat(r.kind()).isEqualTo(SignatureKind.OPENPGP);
      assertThat(r.status()).as(r.detail()).isEqualTo(SignatureStatus.VALID);
      assertThat(r.signer()).hasValueSatisfying(s -> assertThat(s).startsWith("Tester " + alg + " <"));
      assertThat(r.findings()).isEmpty();
    }
  }

  @Test
  void keyOutsideTheKeyringsIsUntrusted() throws Exception {
    Key k = key(TestPki.Alg.ED25519);
    Key other = key(TestPki.Alg.RSA);
    byte[] data = wheel();
    SignatureResult r = verify(data, k.sign(data, true), trusting(other.publicRing()));
    assertThat(r.status()).isEqualTo(SignatureStatus.UNTRUSTED);
    assertThat(r.detail()).contains("no keyring holds");
    assertThat(r.findings()).singleElement().satisfies(f -> assertThat(f.code()).isEqualTo(Codes.SIGNATURE_UNTRUSTED));
    assertThat(verify(data, k.sign(data, true), TrustPolicy.defaults()).status())
        .isEqualTo(SignatureStatus.UNTRUSTED);
  }

  @Test
  void expiredKeyIsUntrusted() throws Exception {
    Key k = key(TestPki.Alg.P256, "Old <old@example.test>",
        new Date(System.currentTimeMillis() - 10L * 86400_000), 86400);
    byte[] data = wheel();
    SignatureResult r = verify(data, k.sign(data, true), trusting(k.publicRing()));
    assertThat(r.status()).isEqualTo(SignatureStatus.UNTRUSTED);
    assertThat(r.detail()).contains("had expired");
  }

  @Test
  void revokedKeyIsUntrusted() throws Exception {
    Key k = key(TestPki.Alg.ED25519);
    PGPSignatureGenerator g = new PGPSignatureGenerator(
        new JcaPGPContentSignerBuilder(k.alg(), HashAlgorithmTags.SHA256).setProvider(Crypto.BC),
        k.pair().getPublicKey());
    g.init(PGPSignature.KEY_REVOCATION, k.pair().getPrivateKey());
    PGPSignature revocation = g.generateCertification(k.pair().getPublicKey());
    org.bouncycastle.openpgp.PGPPublicKey revoked =
        org.bouncycastle.openpgp.PGPPublicKey.addCertification(k.pair().getPublicKey(), revocation);
    ByteArrayOutputStream ring = new ByteArrayOutputStream();
    revoked.encode(ring);
    byte[] data = wheel();
    SignatureResult r = verify(data, k.sign(data, true), trusting(ring.toByteArray()));
    assertThat(r.status()).isEqualTo(SignatureStatus.UNTRUSTED);
    assertThat(r.detail()).contains("is revoked");
  }

  @Test
  void tamperedFileIsInvalid() throws Exception {
    Key k = key(TestPki.Alg.RSA);
    byte[] data = wheel();
    byte[] asc = k.sign(data, true);
    byte[] tampered = data.clone();
    tampered[tampered.length / 2] ^= 1;
    SignatureResult r = verify(tampered, asc, trusting(k.publicRing()));
    assertThat(r.status()).isEqualTo(SignatureStatus.INVALID);
    assertThat(r.findings()).singleElement().satisfies(f -> assertThat(f.code()).isEqualTo(Codes.SIGNATURE_INVALID));
    assertThat(verify(Arrays.copyOf(data, data.length - 1), asc, trusting(k.publicRing())).status())
        .isEqualTo(SignatureStatus.INVALID);
  }

  @Test
  void tamperedSignatureIsNeverValid() throws Exception {
    Key k = key(TestPki.Alg.ED25519);
    byte[] data = "small".getBytes(StandardCharsets.UTF_8);
    byte[] sig = k.sign(data, false);
    TrustPolicy trust = trusting(k.publicRing());
    // v4 signature packet: 2-byte header, version, type, key and hash algorithms, hashed and unhashed subpackets,
    // then the two-byte "quick check" hash prefix, which RFC 4880 (5.2.3) leaves unauthenticated, then the MPIs R and S,
    // whose bit counts Bouncy Castle only uses to size the value (a flip that keeps the byte count is harmless): skip
    // those four bytes; every other byte is either signed or the signature itself.
    assertThat(sig[0] & 0xff).isEqualTo(0xc2);
    int hashed = ((sig[6] & 0xff) << 8) | (sig[7] & 0xff);
    int unhashedAt = 8 + hashed;
    int prefixAt = unhashedAt + 2 + (((sig[unhashedAt] & 0xff) << 8) | (sig[unhashedAt + 1] & 0xff));
    int mpiR = prefixAt + 2;
    int mpiS = mpiR + 2 + ((((sig[mpiR] & 0xff) << 8) | (sig[mpiR + 1] & 0xff)) + 7) / 8;
    java.util.Set<Integer> skip = java.util.Set.of(prefixAt, prefixAt + 1, mpiR, mpiR + 1, mpiS, mpiS + 1);
    for (int i = 0; i < sig.length; i++) {
      if (skip.contains(i)) {
        continue;
      }
      byte[] m = sig.clone();
      m[i] ^= 0x01;
      assertThat(verify(data, m, trust).status()).as("flip at %d", i).isNotEqualTo(SignatureStatus.VALID);
    }
    for (int n = 0; n < sig.length; n++) {
      assertThat(verify(data, Arrays.copyOf(sig, n), trust).status()).as("truncated to %d", n)
          .isNotEqualTo(SignatureStatus.VALID);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "dummy", "-----BEGIN PGP SIGNATURE-----\n\n!!!!\n-----END PGP SIGNATURE-----\n",
      "\u0088\u00ff", "\u00c2\u00ff\u00ff\u00ff\u00ff\u00ff"})
  void garbageIsInvalid(String s) throws Exception {
    SignatureResult r = verify("x".getBytes(StandardCharsets.UTF_8), s.getBytes(StandardCharsets.ISO_8859_1),
        trusting(key(TestPki.Alg.P256).publicRing()));
    assertThat(r.status()).isEqualTo(SignatureStatus.INVALID);
  }

  @Test
  void signatureFollowedByAnotherPacketIsInvalid() throws Exception {
    Key k = key(TestPki.Alg.P256);
    byte[] data = "x".getBytes(StandardCharsets.UTF_8);
    byte[] sig = k.sign(data, false);
    byte[] two = Arrays.copyOf(sig, sig.length * 2);
    System.arraycopy(k.sign("y".getBytes(StandardCharsets.UTF_8), false), 0, two, sig.length, sig.length);
    // Two signature packets form one list; both must verify, and the second is over other data.
    assertThat(verify(data, two, trusting(k.publicRing())).status()).isEqualTo(SignatureStatus.INVALID);
    org.bouncycastle.openpgp.PGPPublicKeyRing ring = new org.bouncycastle.openpgp.PGPPublicKeyRing(
        org.bouncycastle.openpgp.PGPUtil.getDecoderStream(new ByteArrayInputStream(k.publicRing())),
        new org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator());
    byte[] withKey = org.bouncycastle.util.Arrays.concatenate(sig, ring.getEncoded());
    SignatureResult r = verify(data, withKey, trusting(k.publicRing()));
    assertThat(r.status()).isEqualTo(SignatureStatus.INVALID);
    assertThat(r.detail()).contains("data after the signature packets");
  }

  @Test
  void publicKeyInsteadOfSignatureIsInvalid() throws Exception {
    Key k = key(TestPki.Alg.P256);
    SignatureResult r = verify("x".getBytes(StandardCharsets.UTF_8), k.publicRing(), trusting(k.publicRing()));
    assertThat(r.status()).isEqualTo(SignatureStatus.INVALID);
    assertThat(r.detail()).contains("not a detached OpenPGP signature");
  }

  @Test
  void badKeyringsAreRejectedAsTrustMaterial() {
    assertThatThrownBy(() -> OpenPgpKeyring.parse(new byte[0])).isInstanceOf(InvalidTrustMaterialException.class);
    assertThatThrownBy(() -> OpenPgpKeyring.parse("garbage".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidTrustMaterialException.class);
  }

  // ------------------------------------------------------------------ gpg interop

  static String run(Path home, String... args) throws Exception {
    Oracles.require(Oracle.GPG);
    String[] cmd = new String[args.length + 4];
    cmd[0] = "gpg";
    cmd[1] = "--batch";
    cmd[2] = "--homedir";
    cmd[3] = home.toString();
    System.arraycopy(args, 0, cmd, 4, args.length);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + out).isZero();
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"rsa2048", "ed25519"})
  void interoperatesWithGpg(String algo) throws Exception {
    Oracles.require(Oracle.GPG);
    Path home = Paths.get("target", "gpg-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
    Files.createDirectories(home);
    home.toFile().setReadable(false, false);
    home.toFile().setReadable(true, true);
    home.toFile().setExecutable(false, false);
    home.toFile().setExecutable(true, true);
    try {
      String uid = "GPG " + algo + " <" + algo + "@example.test>";
      run(home, "--pinentry-mode", "loopback", "--passphrase", "", "--quick-gen-key", uid, algo, "sign", "never");
      Path file = home.resolve("rfc8785-0.1.2-py3-none-any.whl");
      Files.write(file, wheel());
      run(home, "--pinentry-mode", "loopback", "--passphrase", "", "--local-user", algo + "@example.test",
          "--detach-sign", "--armor", "-o", file + ".asc", file.toString());
      run(home, "--export", "--armor", "-o", home.resolve("pub.asc").toString(), algo + "@example.test");
      run(home, "--export", "-o", home.resolve("pub.gpg").toString(), algo + "@example.test");
      byte[] asc = Files.readAllBytes(Paths.get(file + ".asc"));
      for (String ring : new String[] {"pub.asc", "pub.gpg"}) {
        TrustPolicy trust = trusting(Files.readAllBytes(home.resolve(ring)));
        SignatureResult r;
        try (InputStream in = Files.newInputStream(file)) {
          r = OpenPgpVerifier.verify(in, asc, trust, PATH);
        }
        assertThat(r.status()).as(ring + ": " + r.detail()).isEqualTo(SignatureStatus.VALID);
        assertThat(r.signer()).hasValueSatisfying(s -> assertThat(s).startsWith(uid));
        assertThat(r.detail()).contains(algo.startsWith("rsa") ? "(RSA, key ID " : "(Ed25519, key ID ");
        byte[] tampered = wheel();
        tampered[100] ^= 1;
        assertThat(verify(tampered, asc, trust).status()).isEqualTo(SignatureStatus.INVALID);
      }
      assertThat(verify(wheel(), asc, trusting(key(TestPki.Alg.RSA).publicRing())).status())
          .isEqualTo(SignatureStatus.UNTRUSTED);
    } finally {
      new ProcessBuilder("gpgconf", "--homedir", home.toString(), "--kill", "gpg-agent").start()
          .waitFor(30, TimeUnit.SECONDS);
    }
  }
}
