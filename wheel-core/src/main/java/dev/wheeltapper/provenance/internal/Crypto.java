package dev.wheeltapper.provenance.internal;

import dev.wheeltapper.digest.HashAlgorithm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/** Encodings, hashing, key and certificate parsing with one shared Bouncy Castle provider (never registered). */
public final class Crypto {
  private Crypto() {}

  /** The provider used for every signature, key and certificate operation; not added to {@code Security}. */
  public static final BouncyCastleProvider BC = new BouncyCastleProvider();

  /** Upper bound on a certificate or key in DER, far above any real one. */
  public static final int MAX_DER = 64 * 1024;

  /**
   * SHA-256 of bytes.
   *
   * @param data the bytes
   * @return the digest
   */
  public static byte[] sha256(byte[]... data) {
    MessageDigest md = HashAlgorithm.SHA256.newDigest();
    for (byte[] d : data) {
      md.update(d);
    }
    return md.digest();
  }

  /**
   * Lower-case hex.
   *
   * @param b bytes
   * @return hex text
   */
  public static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  /**
   * Decodes standard base64 (with or without padding), strictly.
   *
   * @param s the text
   * @return the bytes, or empty when it is not base64
   */
  public static Optional<byte[]> b64(String s) {
    try {
      return Optional.of(Base64.getDecoder().decode(s));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Decodes url-safe base64 without padding (padding tolerated), strictly.
   *
   * @param s the text
   * @return the bytes, or empty when it is not url-safe base64
   */
  public static Optional<byte[]> b64url(String s) {
    try {
      return Optional.of(Base64.getUrlDecoder().decode(s));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Encodes url-safe base64 without padding.
   *
   * @param b bytes
   * @return text
   */
  public static String b64urlNoPad(byte[] b) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** Largest PEM text read (4 MiB, the JSON limit): 256 trust anchors take about 0.5 MiB. */
  public static final int MAX_PEM_CHARS = 4 << 20;

  /** Most PEM objects of any label read from one text before it is refused. */
  public static final int MAX_PEM_OBJECTS = 1024;

  /**
   * The DER bodies of the PEM blocks with the given label in a text, split by Bouncy Castle's {@link PemReader} (RFC
   * 7468: text before, between and after blocks is ignored, as in certificate files that start with a comment line;
   * boundaries start a line; header lines are skipped).
   *
   * @param text the text
   * @param label for example {@code CERTIFICATE}
   * @param max most blocks to return (reading stops there)
   * @return the decoded blocks; empty when the text is larger than {@link #MAX_PEM_CHARS}, holds more than {@link
   *     #MAX_PEM_OBJECTS} objects before {@code max} matching ones, or a block is unterminated or not base64
   */
  public static Optional<List<byte[]>> pemBlocks(String text, String label, int max) {
    if (text.length() > MAX_PEM_CHARS) {
      return Optional.empty();
    }
    List<byte[]> out = new ArrayList<>();
    try (PemReader reader = new PemReader(new StringReader(text))) {
      for (int seen = 0; out.size() < max; seen++) {
        if (seen >= MAX_PEM_OBJECTS) {
          return Optional.empty();
        }
        PemObject o = reader.readPemObject();
        if (o == null) {
          break;
        }
        if (o.getType().equals(label)) {
          out.add(o.getContent());
        }
      }
    } catch (IOException | RuntimeException e) {
      // PemReader reports a missing END line and bad base64 as IOException; Bouncy Castle's decoder may also throw
      // runtime exceptions for malformed base64.
      return Optional.empty();
    }
    return Optional.of(out);
  }

  /**
   * Parses one DER X.509 certificate.
   *
   * @param der the encoding
   * @return the certificate
   * @throws GeneralSecurityException when it is not one certificate
   */
  public static X509Certificate certificate(byte[] der) throws GeneralSecurityException {
    if (der.length == 0 || der.length > MAX_DER || der[0] != 0x30) {
      throw new java.security.cert.CertificateException("not a DER certificate");
    }
    try {
      CertificateFactory cf = CertificateFactory.getInstance("X.509", BC);
      X509Certificate c = (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der));
      if (c == null) {
        throw new java.security.cert.CertificateException("empty certificate");
      }
      // Bouncy Castle decodes the public key and the signature bits lazily and throws IllegalStateException for an
      // invalid key (an EC point off the curve) or a signature BIT STRING that is not octet-aligned, from
      // getPublicKey(), getSignature(), verify() and toString(); decoding both here makes that a malformed certificate.
      c.getPublicKey();
      c.getSignature();
      return c;
    } catch (RuntimeException e) {
      // Bouncy Castle signals some malformed encodings with runtime exceptions.
      throw new java.security.cert.CertificateException("malformed certificate: " + e.getMessage(), e);
    }
  }

  /**
   * Parses a SubjectPublicKeyInfo (EC, RSA or Ed25519).
   *
   * @param der the encoding
   * @return the key
   * @throws GeneralSecurityException when it is not a supported key
   */
  public static PublicKey publicKey(byte[] der) throws GeneralSecurityException {
    if (der.length == 0 || der.length > MAX_DER) {
      throw new java.security.spec.InvalidKeySpecException("key encoding of absurd size");
    }
    try {
      SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(der);
      ASN1ObjectIdentifier alg = spki.getAlgorithm().getAlgorithm();
      String name;
      if (alg.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
        name = "EC";
      } else if (alg.equals(EdECObjectIdentifiers.id_Ed25519)) {
        name = "Ed25519";
      } else if (alg.equals(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.rsaEncryption)) {
        name = "RSA";
      } else {
        throw new java.security.spec.InvalidKeySpecException("unsupported key algorithm " + alg);
      }
      return KeyFactory.getInstance(name, BC).generatePublic(new X509EncodedKeySpec(der));
    } catch (RuntimeException e) {
      throw new java.security.spec.InvalidKeySpecException("malformed public key: " + e.getMessage(), e);
    }
  }

  /**
   * The raw 32-byte Ed25519 key of an Ed25519 public key.
   *
   * @param key the key
   * @return the raw key, or empty when it is not Ed25519
   */
  public static Optional<byte[]> rawEd25519(PublicKey key) {
    try {
      SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(key.getEncoded());
      if (!spki.getAlgorithm().getAlgorithm().equals(EdECObjectIdentifiers.id_Ed25519)) {
        return Optional.empty();
      }
      byte[] raw = spki.getPublicKeyData().getOctets();
      return raw.length == 32 ? Optional.of(raw) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * An Ed25519 public key from its raw 32 bytes.
   *
   * @param raw the key
   * @return the key
   * @throws GeneralSecurityException when not 32 bytes or not a valid point
   */
  public static PublicKey ed25519(byte[] raw) throws GeneralSecurityException {
    if (raw.length != 32) {
      throw new java.security.spec.InvalidKeySpecException("an Ed25519 key is 32 bytes, not " + raw.length);
    }
    byte[] prefix = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    byte[] der = new byte[prefix.length + 32];
    System.arraycopy(prefix, 0, der, 0, prefix.length);
    System.arraycopy(raw, 0, der, prefix.length, 32);
    return publicKey(der);
  }

  /**
   * Verifies a signature, choosing the algorithm from the key: ECDSA with SHA-256 (P-256) or SHA-384 (P-384 and
   * larger), Ed25519, or RSA PKCS#1 v1.5 with SHA-256.
   *
   * @param key the public key
   * @param data the signed bytes
   * @param signature the signature (DER for ECDSA)
   * @return whether it verifies; malformed signatures answer false
   */
  public static boolean verify(PublicKey key, byte[] data, byte[] signature) {
    try {
      String alg;
      String ka = key.getAlgorithm();
      if (ka.equals("EC") || ka.equals("ECDSA")) {
        int bits = ((java.security.interfaces.ECPublicKey) key).getParams().getCurve().getField().getFieldSize();
        alg = bits <= 256 ? "SHA256withECDSA" : bits <= 384 ? "SHA384withECDSA" : "SHA512withECDSA";
      } else if (ka.equals("Ed25519") || ka.equals("EdDSA")) {
        alg = "Ed25519";
      } else if (ka.equals("RSA")) {
        alg = "SHA256withRSA";
      } else {
        return false;
      }
      Signature s = Signature.getInstance(alg, BC);
      s.initVerify(key);
      s.update(data);
      return s.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  /**
   * UTF-8 bytes of a string.
   *
   * @param s text
   * @return bytes
   */
  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
