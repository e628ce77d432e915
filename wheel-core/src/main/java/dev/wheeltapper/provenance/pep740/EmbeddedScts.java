package dev.wheeltapper.provenance.pep740;

import dev.wheeltapper.provenance.trust.SigstoreTrustedRoot;
import dev.wheeltapper.provenance.internal.Crypto;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;

/**
 * The signed certificate timestamps (RFC 6962 §3.3) a Fulcio certificate embeds: each is a CT log's promise that it
 * logged the certificate's precertificate. One of them must verify with a CT log of the trusted root, as
 * sigstore-python requires: a certificate that no public CT log has seen could have been issued in secret.
 *
 * <p>Verification rebuilds what the log signed: the precertificate's TBSCertificate (the certificate's, without the
 * SCT list extension) and the SHA-256 of the issuing CA's public key. Parsing is bounded by the extension's own
 * lengths; anything malformed is a reason, never an exception.
 */
final class EmbeddedScts {
  /** 1.3.6.1.4.1.11129.2.4.2: the embedded SCT list extension. */
  static final String SCT_LIST_OID = "1.3.6.1.4.1.11129.2.4.2";
  private static final int MAX_SCTS = 64;

  private EmbeddedScts() {}

  /** One SCT as it appears in the list. */
  record Sct(int version, byte[] logId, long timestamp, byte[] extensions, int hashAlgorithm, int signatureAlgorithm,
      byte[] signature) {}

  /**
   * Checks that some embedded SCT verifies with a CT log of the root valid at its timestamp.
   *
   * @return empty when one does, else why not
   */
  static Optional<String> check(X509Certificate leaf, X509Certificate issuer, List<SigstoreTrustedRoot.TransparencyLog> logs) {
    byte[] ext = leaf.getExtensionValue(SCT_LIST_OID);
    if (ext == null) {
      return Optional.of("the certificate embeds no signed certificate timestamp");
    }
    List<Sct> scts;
    byte[] tbs;
    try {
      scts = parse(ASN1OctetString.getInstance(ASN1OctetString.getInstance(ext).getOctets()).getOctets());
      tbs = precertificateTbs(leaf);
    } catch (IllegalArgumentException | IllegalStateException | BufferUnderflowException | IOException
        | CertificateEncodingException e) {
      return Optional.of("malformed signed certificate timestamp list (" + e.getMessage() + ")");
    }
    return check(scts, Crypto.sha256(issuer.getPublicKey().getEncoded()), tbs, logs);
  }

  /**
   * Checks parsed SCTs against what the logs signed: the issuer key hash and the precertificate's TBSCertificate.
   *
   * @return empty when one SCT verifies with a log of {@code logs} valid at its timestamp, else why none does
   */
  static Optional<String> check(List<Sct> scts, byte[] issuerKeyHash, byte[] tbs,
      List<SigstoreTrustedRoot.TransparencyLog> logs) {
    List<String> why = new ArrayList<>();
    for (Sct sct : scts) {
      String logId = Crypto.hex(sct.logId());
      Optional<SigstoreTrustedRoot.TransparencyLog> log = logs.stream()
          .filter(l -> Crypto.hex(Crypto.sha256(l.key().getEncoded())).equals(logId) || l.logIdHex().equals(logId))
          .findFirst();
      if (log.isEmpty()) {
        why.add("SCT from unknown log " + logId);
      } else if (sct.version() != 0 || sct.hashAlgorithm() != 4) {
        why.add("SCT version " + sct.version() + " / hash algorithm " + sct.hashAlgorithm() + " not supported");
      } else if (sct.signatureAlgorithm() != expectedSignatureAlgorithm(log.get())) {
        why.add("SCT of " + log.get().baseUrl() + " names signature algorithm " + sct.signatureAlgorithm()
            + ", not its log key's");
      } else if (!log.get().validAt(Instant.ofEpochMilli(sct.timestamp()))) {
        why.add("SCT of " + log.get().baseUrl() + " dated outside the log key's validity");
      } else if (!verify(log.get(), signedData(sct, issuerKeyHash, tbs), sct.signature())) {
        why.add("SCT of " + log.get().baseUrl() + " does not verify");
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(why.isEmpty() ? "empty signed certificate timestamp list" : String.join(", ", why));
  }

  /** The TLS 1.2 SignatureAlgorithm (RFC 5246 §7.4.1.4.1) of a CT log key: ecdsa(3) or rsa(1). */
  private static int expectedSignatureAlgorithm(SigstoreTrustedRoot.TransparencyLog log) {
    String alg = log.key().getAlgorithm();
    return alg.equals("RSA") ? 1 : alg.equals("EC") || alg.equals("ECDSA") ? 3 : -1;
  }

  /** SHA-256 (hash algorithm 4, required above) with the log key's algorithm, whatever the key's curve. */
  private static boolean verify(SigstoreTrustedRoot.TransparencyLog log, byte[] data, byte[] signature) {
    try {
      java.security.Signature s = java.security.Signature.getInstance(
          log.key().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA", Crypto.BC);
      s.initVerify(log.key());
      s.update(data);
      return s.verify(signature);
    } catch (java.security.GeneralSecurityException | RuntimeException e) {
      return false; // a malformed signature is a signature that does not verify
    }
  }

  /** Parses a TLS-encoded SignedCertificateTimestampList. */
  static List<Sct> parse(byte[] tls) {
    ByteBuffer b = ByteBuffer.wrap(tls);
    int total = u16(b);
    if (total != b.remaining()) {
      throw new IllegalArgumentException("list length " + total + " but " + b.remaining() + " bytes follow");
    }
    List<Sct> out = new ArrayList<>();
    while (b.hasRemaining()) {
      if (out.size() == MAX_SCTS) {
        throw new IllegalArgumentException("more than " + MAX_SCTS + " SCTs");
      }
      ByteBuffer one = slice(b, u16(b));
      int version = one.get() & 0xff;
      byte[] logId = bytes(one, 32);
      long timestamp = one.getLong();
      byte[] extensions = bytes(one, u16(one));
      int hash = one.get() & 0xff;
      int sig = one.get() & 0xff;
      byte[] signature = bytes(one, u16(one));
      if (one.hasRemaining()) {
        throw new IllegalArgumentException(one.remaining() + " bytes after an SCT");
      }
      out.add(new Sct(version, logId, timestamp, extensions, hash, sig, signature));
    }
    return out;
  }

  /** RFC 6962 §3.2: the digitally-signed struct of a precert_entry. */
  static byte[] signedData(Sct sct, byte[] issuerKeyHash, byte[] tbs) {
    ByteArrayOutputStream o = new ByteArrayOutputStream(tbs.length + 64 + sct.extensions().length);
    o.write(sct.version());
    o.write(0); // signature_type certificate_timestamp
    for (int i = 7; i >= 0; i--) {
      o.write((int) (sct.timestamp() >>> (8 * i)));
    }
    o.write(0);
    o.write(1); // entry_type precert_entry
    o.writeBytes(issuerKeyHash);
    o.write(tbs.length >>> 16);
    o.write(tbs.length >>> 8);
    o.write(tbs.length);
    o.writeBytes(tbs);
    o.write(sct.extensions().length >>> 8);
    o.write(sct.extensions().length);
    o.writeBytes(sct.extensions());
    return o.toByteArray();
  }

  /** The certificate's TBSCertificate without the SCT list extension: what the precertificate carried. */
  static byte[] precertificateTbs(X509Certificate leaf) throws CertificateEncodingException, IOException {
    ASN1Sequence tbs = ASN1Sequence.getInstance(leaf.getTBSCertificate());
    ASN1ObjectIdentifier sctOid = new ASN1ObjectIdentifier(SCT_LIST_OID);
    ASN1EncodableVector out = new ASN1EncodableVector();
    for (ASN1Encodable e : tbs) {
      if (e instanceof ASN1TaggedObject t && t.getTagNo() == 3) {
        Extensions exts = Extensions.getInstance(t.getExplicitBaseObject());
        ASN1EncodableVector kept = new ASN1EncodableVector();
        for (ASN1ObjectIdentifier oid : exts.getExtensionOIDs()) {
          if (!oid.equals(sctOid)) {
            Extension x = exts.getExtension(oid);
            kept.add(x);
          }
        }
        out.add(new DERTaggedObject(true, 3, new DERSequence(kept)));
      } else {
        out.add(e);
      }
    }
    return new DERSequence(out).getEncoded(ASN1Encoding.DER);
  }

  private static int u16(ByteBuffer b) {
    return b.getShort() & 0xffff;
  }

  private static byte[] bytes(ByteBuffer b, int n) {
    if (n > b.remaining()) {
      throw new IllegalArgumentException(n + " bytes declared, " + b.remaining() + " left");
    }
    byte[] out = new byte[n];
    b.get(out);
    return out;
  }

  private static ByteBuffer slice(ByteBuffer b, int n) {
    if (n > b.remaining()) {
      throw new IllegalArgumentException("SCT of " + n + " bytes, " + b.remaining() + " left");
    }
    ByteBuffer s = b.slice(b.position(), n);
    b.position(b.position() + n);
    return s;
  }
}
