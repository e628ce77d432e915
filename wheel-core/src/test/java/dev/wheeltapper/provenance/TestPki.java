package dev.wheeltapper.provenance;

import dev.wheeltapper.provenance.internal.Crypto;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Keys and certificates generated with Bouncy Castle for the signature tests. */
public final class TestPki {
  private TestPki() {}

  private static final AtomicLong SERIAL = new AtomicLong(1000);

  /** Key types under test. */
  public enum Alg {
    RSA("SHA256withRSA"),
    P256("SHA256withECDSA"),
    P384("SHA384withECDSA"),
    ED25519("Ed25519");

    public final String signature;

    Alg(String signature) {
      this.signature = signature;
    }
  }

  public static KeyPair keys(Alg alg) throws Exception {
    KeyPairGenerator g;
    switch (alg) {
      case RSA:
        g = KeyPairGenerator.getInstance("RSA", Crypto.BC);
        g.initialize(2048);
        break;
      case P256:
        g = KeyPairGenerator.getInstance("EC", Crypto.BC);
        g.initialize(new ECGenParameterSpec("secp256r1"));
        break;
      case P384:
        g = KeyPairGenerator.getInstance("EC", Crypto.BC);
        g.initialize(new ECGenParameterSpec("secp384r1"));
        break;
      default:
        g = KeyPairGenerator.getInstance("Ed25519", Crypto.BC);
    }
    return g.generateKeyPair();
  }

  /** An issued certificate with its key. */
  public record Issued(X509Certificate cert, PrivateKey key, Alg alg) {}

  public static Issued selfSignedCa(String cn, Alg alg) throws Exception {
    return selfSignedCa(cn, alg, Instant.now());
  }

  public static Issued selfSignedCa(String cn, Alg alg, Instant notBefore) throws Exception {
    KeyPair kp = keys(alg);
    return new Issued(build(cn, cn, kp.getPublic(), kp.getPrivate(), alg, true, notBefore), kp.getPrivate(), alg);
  }

  public static Issued issue(Issued ca, String cn, Alg alg, boolean isCa) throws Exception {
    return issue(ca, cn, alg, isCa, Instant.now());
  }

  public static Issued issue(Issued ca, String cn, Alg alg, boolean isCa, Instant notBefore) throws Exception {
    KeyPair kp = keys(alg);
    X509Certificate c = build(ca.cert().getSubjectX500Principal().getName(), cn, kp.getPublic(), ca.key(), ca.alg(),
        isCa, notBefore);
    return new Issued(c, kp.getPrivate(), alg);
  }

  private static X509Certificate build(String issuer, String cn, PublicKey pub, PrivateKey signer, Alg signerAlg,
      boolean ca, Instant notBefore) throws Exception {
    X500Name subject = new X500Name(cn.startsWith("CN=") ? cn : "CN=" + cn);
    X500Name iss = new X500Name(issuer.startsWith("CN=") ? issuer : "CN=" + issuer);
    JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(iss,
        BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore.minus(Duration.ofDays(1))),
        Date.from(notBefore.plus(Duration.ofDays(365))), subject, pub);
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    b.addExtension(Extension.keyUsage, true,
        new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
    X509CertificateHolder h = b.build(new JcaContentSignerBuilder(signerAlg.signature).setProvider(Crypto.BC)
        .build(signer));
    return new JcaX509CertificateConverter().setProvider(Crypto.BC).getCertificate(h);
  }

  public static String pem(X509Certificate c) throws Exception {
    return "-----BEGIN CERTIFICATE-----\n"
        + java.util.Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .encodeToString(c.getEncoded())
        + "\n-----END CERTIFICATE-----\n";
  }
}
