package dev.wheeltapper.pe;

import dev.wheeltapper.bytes.ByteSource;
import dev.wheeltapper.pe.PeRecords.CertificateTable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/**
 * Verifies the Authenticode signature of a PE image, offline: the first PKCS#7 {@code SignedData} entry of the
 * certificate table must carry an {@code SpcIndirectDataContent} whose digest equals the Authenticode hash of the
 * image (the file without the CheckSum field, the certificate table's directory entry and the table itself), and its
 * signer's signature must verify with the certificate embedded beside it. Whether that certificate chains to a
 * trusted publisher is not decided here: {@link Result#signer()} names it for policy.
 *
 * <pre>{@code
 * Authenticode.Result r = Authenticode.verify(pe);
 * r.status();   // VALID
 * r.signer();   // Optional[CN=personalcodesigning@notarealdomain.test]
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Authenticode {
  private Authenticode() {}

  /** {@code SPC_INDIRECT_DATA_OBJID}. */
  public static final String SPC_INDIRECT_DATA = "1.3.6.1.4.1.311.2.1.4";

  /** The largest signature read (certificate tables of real files are a few KiB to a few hundred KiB). */
  public static final int MAX_SIGNATURE = 16 << 20;

  private static final Map<String, String> DIGESTS = Map.of(
      "1.3.14.3.2.26", "SHA-1",
      "2.16.840.1.101.3.4.2.1", "SHA-256",
      "2.16.840.1.101.3.4.2.2", "SHA-384",
      "2.16.840.1.101.3.4.2.3", "SHA-512",
      "1.2.840.113549.2.5", "MD5");

  /** The outcome. */
  public enum Status {
    /** The image hash matches and the signature verifies with the embedded signer certificate. */
    VALID,
    /** The signature was read but the image hash or the signature does not match: the file changed after signing. */
    INVALID,
    /** The certificate table or the PKCS#7 structure cannot be read. */
    MALFORMED,
    /** No certificate table. */
    ABSENT
  }

  /**
   * What the verification found.
   *
   * @param status the outcome
   * @param digestAlgorithm the image digest algorithm ({@code SHA-256}), when read
   * @param signer the signer certificate's subject, when read
   * @param reason a sentence: what matched, or what did not
   */
  public record Result(Status status, Optional<String> digestAlgorithm, Optional<String> signer, String reason) {
    /** Rejects nulls. */
    public Result {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(digestAlgorithm, "digestAlgorithm");
      Objects.requireNonNull(signer, "signer");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Verifies the image's Authenticode signature.
   *
   * @param pe the image
   * @return the result; never throws on a damaged signature
   */
  public static Result verify(PeFile pe) {
    Optional<CertificateTable> table = pe.certificateTable();
    if (table.isEmpty()) {
      return new Result(Status.ABSENT, Optional.empty(), Optional.empty(), "no certificate table");
    }
    CertificateTable t = table.get();
    ByteSource src = pe.source();
    byte[] pkcs7;
    try {
      if (t.size() < 8 || !src.contains(t.offset(), t.size())) {
        return malformed("certificate table 0x" + Long.toHexString(t.offset()) + "+" + t.size()
            + " does not fit the file");
      }
      ByteBuffer w = src.slice(t.offset(), 8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      long length = w.getInt(0) & 0xffffffffL;
      int type = w.getShort(6) & 0xffff;
      if (type != 2) {
        return malformed("first WIN_CERTIFICATE has type " + type + ", not PKCS#7 SignedData (2)");
      }
      if (length < 8 || length > t.size() || length - 8 > MAX_SIGNATURE) {
        return malformed("WIN_CERTIFICATE length " + length + " does not fit the " + t.size() + "-byte table");
      }
      pkcs7 = new byte[(int) (length - 8)];
      src.read(t.offset() + 8, pkcs7, 0, pkcs7.length);
    } catch (IOException e) {
      return malformed("certificate table unreadable: " + e.getMessage());
    }
    String alg;
    byte[] signedDigest;
    CMSSignedData cms;
    try {
      ContentInfo ci = ContentInfo.getInstance(ASN1Primitive.fromByteArray(pkcs7));
      SignedData sd = SignedData.getInstance(ci.getContent());
      ContentInfo encap = sd.getEncapContentInfo();
      if (!SPC_INDIRECT_DATA.equals(encap.getContentType().getId())) {
        return malformed("signed content type " + encap.getContentType().getId() + " is not SpcIndirectDataContent");
      }
      ASN1Sequence spc = ASN1Sequence.getInstance(encap.getContent());
      ASN1Sequence digestInfo = ASN1Sequence.getInstance(spc.getObjectAt(1));
      ASN1ObjectIdentifier oid = AlgorithmIdentifier.getInstance(digestInfo.getObjectAt(0)).getAlgorithm();
      alg = DIGESTS.get(oid.getId());
      if (alg == null) {
        return malformed("unknown image digest algorithm " + oid.getId());
      }
      signedDigest = ASN1OctetString.getInstance(digestInfo.getObjectAt(1)).getOctets();
      cms = new CMSSignedData(pkcs7);
    } catch (IOException | RuntimeException | org.bouncycastle.cms.CMSException e) {
      // Bouncy Castle reports malformed ASN.1 with IllegalArgumentException and friends
      return malformed("PKCS#7 SignedData cannot be read: " + e.getMessage());
    }
    byte[] actual;
    try {
      actual = imageHash(pe, alg);
    } catch (IOException | NoSuchAlgorithmException e) {
      return malformed("image hash cannot be computed: " + e.getMessage());
    }
    Optional<String> signer = Optional.empty();
    boolean signatureOk = false;
    String why;
    try {
      Iterator<SignerInformation> it = cms.getSignerInfos().getSigners().iterator();
      if (!it.hasNext()) {
        return new Result(Status.INVALID, Optional.of(alg), Optional.empty(), "no SignerInfo");
      }
      SignerInformation si = it.next();
      X509CertificateHolder cert = null;
      for (X509CertificateHolder c : cms.getCertificates().getMatches(null)) {
        if (si.getSID().match(c)) {
          cert = c;
          break;
        }
      }
      if (cert == null) {
        return new Result(Status.INVALID, Optional.of(alg), Optional.empty(), "the signer certificate is not embedded");
      }
      signer = Optional.of(cert.getSubject().toString());
      signatureOk = si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
      why = signatureOk ? "the signature verifies with the embedded certificate" : "the signature does not verify";
    } catch (Exception e) {
      // CMSException, OperatorCreationException, CertificateException, and BC's runtime exceptions on bad input
      why = "the signature does not verify: " + e.getMessage();
    }
    boolean hashOk = Arrays.equals(actual, signedDigest);
    String hashWhy = alg + " image hash " + (hashOk ? "matches" : "is " + HexFormat.of().formatHex(actual)
        + " but the signature covers " + HexFormat.of().formatHex(signedDigest));
    Status status = hashOk && signatureOk ? Status.VALID : Status.INVALID;
    return new Result(status, Optional.of(alg), signer, hashWhy + "; " + why
        + (status == Status.VALID ? " (the publisher is not checked against any trust root)" : ""));
  }

  private static Result malformed(String why) {
    return new Result(Status.MALFORMED, Optional.empty(), Optional.empty(), why);
  }

  /**
   * The Authenticode image hash: the file up to the certificate table (or the end), skipping the optional header's
   * CheckSum field and the certificate table's data directory entry.
   *
   * @param pe the image
   * @param algorithm the JCA digest name
   * @return the digest
   * @throws IOException when the file cannot be read
   * @throws NoSuchAlgorithmException when the digest is unavailable
   */
  static byte[] imageHash(PeFile pe, String algorithm) throws IOException, NoSuchAlgorithmException {
    MessageDigest md = MessageDigest.getInstance(algorithm);
    ByteSource src = pe.source();
    long lfanew = src.slice(0x3c, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(0) & 0xffffffffL;
    long opt = lfanew + 24;
    long checksum = opt + 64;
    long certDir = opt + (pe.header().pe32Plus() ? 112 : 96) + 8L * PeRecords.DataDirectory.SECURITY;
    long end = pe.certificateTable().map(CertificateTable::offset).filter(o -> o <= src.size()).orElse(src.size());
    feed(md, src, 0, checksum);
    feed(md, src, checksum + 4, certDir);
    feed(md, src, certDir + 8, end);
    return md.digest();
  }

  private static void feed(MessageDigest md, ByteSource src, long from, long to) throws IOException {
    long off = from;
    while (off < to) {
      int n = (int) Math.min(1 << 20, to - off);
      md.update(src.slice(off, n));
      off += n;
    }
  }
}
