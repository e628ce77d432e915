package dev.wheeltapper.provenance.cms;

import dev.wheeltapper.provenance.SignatureKind;
import dev.wheeltapper.provenance.SignatureResult;
import dev.wheeltapper.provenance.SignatureStatus;
import dev.wheeltapper.provenance.TrustPolicy;
import dev.wheeltapper.provenance.internal.Crypto;
import dev.wheeltapper.provenance.internal.Deprecation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Selector;
import org.bouncycastle.util.Store;

/**
 * Verifies {@code RECORD.p7s}: a detached CMS/PKCS#7 SignedData over the exact RECORD bytes (deprecated by PEP 815).
 *
 * <p>Accepts DER, PEM ({@code PKCS7}, {@code CMS}) and the S/MIME {@code application/pkcs7-signature} part. Every
 * SignerInfo must verify over RECORD (RSA, ECDSA P-256/P-384, Ed25519, as Bouncy Castle supports); the signer
 * certificate is then validated (PKIX, no revocation, at the current time or the policy's clock) to one of the
 * policy's X.509 anchors, using the certificates the signature carries as intermediates. {@code valid} when a path
 * exists, {@code untrusted} when not (or when no anchor is given), {@code invalid} for anything broken. <b>The
 * signature vouches for RECORD only</b>: the caller must also verify RECORD against the archive content.
 *
 * <pre>{@code
 * SignatureResult r = RecordP7sVerifier.verify(p7s, record, policy, "foo-1.0.dist-info/RECORD.p7s");
 * }</pre>
 *
 * <p>Stateless and thread-safe; never throws on hostile input.
 */
public final class RecordP7sVerifier {
  private RecordP7sVerifier() {}

  /** Largest RECORD.p7s accepted. */
  public static final int MAX_BYTES = 1 << 20;

  private static final int MAX_SIGNERS = 8;
  private static final int MAX_CERTS = 32;

  /**
   * Verifies a RECORD.p7s against the exact RECORD bytes, validating paths at the current time.
   *
   * @param p7s the RECORD.p7s content (DER, PEM or S/MIME)
   * @param record the RECORD content the archive holds
   * @param policy the X.509 anchors
   * @param path the path to put in findings, or empty
   * @return the result (kind {@code RECORD.p7s}), always with a deprecation note
   */
  public static SignatureResult verify(byte[] p7s, byte[] record, TrustPolicy policy, String path) {
    return verify(p7s, record, policy, path, Instant.now());
  }

  /**
   * Verifies a RECORD.p7s, validating certificate paths at a given instant.
   *
   * @param p7s the RECORD.p7s content (DER, PEM or S/MIME)
   * @param record the RECORD content the archive holds
   * @param policy the X.509 anchors
   * @param path the path to put in findings, or empty
   * @param at the validation time
   * @return the result (kind {@code RECORD.p7s}), always with a deprecation note
   */
  public static SignatureResult verify(byte[] p7s, byte[] record, TrustPolicy policy, String path, Instant at) {
    try {
      return check(p7s, record, policy, path, at);
    } catch (RuntimeException e) {
      return result(SignatureStatus.INVALID, Optional.empty(), "unreadable RECORD.p7s (" + e + ")", path);
    }
  }

  private static SignatureResult result(SignatureStatus s, Optional<String> signer, String detail, String path) {
    return SignatureResult.of(SignatureKind.RECORD_P7S, s, signer, detail, path,
        List.of(Deprecation.pep815("RECORD.p7s", path)));
  }

  /** DER from DER, PEM or S/MIME; empty when none of these. */
  static Optional<byte[]> der(byte[] in) {
    if (in.length > 0 && in[0] == 0x30) {
      return Optional.of(in);
    }
    String text = new String(in, StandardCharsets.ISO_8859_1);
    for (String label : List.of("PKCS7", "CMS", "PKCS #7 SIGNED DATA")) {
      Optional<List<byte[]>> blocks = Crypto.pemBlocks(text, label, 2);
      if (blocks.isPresent() && blocks.get().size() == 1) {
        return Optional.of(blocks.get().get(0));
      }
    }
    // S/MIME: the base64 body of the application/(x-)pkcs7-signature part (the last mention: the multipart
    // header names the protocol first), up to the next boundary.
    int ct = text.toLowerCase(java.util.Locale.ROOT).lastIndexOf("pkcs7-signature");
    if (ct >= 0) {
      int body = text.indexOf("\n\n", ct);
      int bodyCr = text.indexOf("\r\n\r\n", ct);
      int start = body < 0 ? (bodyCr < 0 ? -1 : bodyCr + 4) : (bodyCr >= 0 && bodyCr < body ? bodyCr + 4 : body + 2);
      if (start > 0) {
        int end = text.indexOf("\n--", start);
        String b64 = (end < 0 ? text.substring(start) : text.substring(start, end)).replaceAll("\\s", "");
        return Crypto.b64(b64);
      }
    }
    return Optional.empty();
  }

  private static SignatureResult check(byte[] p7s, byte[] record, TrustPolicy policy, String path, Instant at) {
    if (p7s.length > MAX_BYTES) {
      return result(SignatureStatus.INVALID, Optional.empty(), "RECORD.p7s larger than " + MAX_BYTES + " bytes", path);
    }
    Optional<byte[]> der = der(p7s);
    if (der.isEmpty()) {
      return result(SignatureStatus.INVALID, Optional.empty(), "not DER, PEM or S/MIME PKCS#7", path);
    }
    ContentInfo ci;
    try (ASN1InputStream in = new ASN1InputStream(der.get())) {
      ASN1Primitive p = in.readObject();
      if (p == null || in.readObject() != null) {
        return result(SignatureStatus.INVALID, Optional.empty(), "not exactly one DER object", path);
      }
      ci = ContentInfo.getInstance(p);
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      return result(SignatureStatus.INVALID, Optional.empty(), "malformed DER: " + e.getMessage(), path);
    }
    if (!CMSObjectIdentifiers.signedData.equals(ci.getContentType())) {
      return result(SignatureStatus.INVALID, Optional.empty(),
          "content type " + ci.getContentType() + " is not signedData", path);
    }
    CMSSignedData signed;
    try {
      CMSSignedData attached = new CMSSignedData(ci);
      if (attached.getSignedContent() != null) {
        Object content = attached.getSignedContent().getContent();
        if (!(content instanceof byte[]) || !Arrays.equals((byte[]) content, record)) {
          return result(SignatureStatus.INVALID, Optional.empty(),
              "the signature encapsulates content that is not RECORD", path);
        }
        signed = attached;
      } else {
        signed = new CMSSignedData(new CMSProcessableByteArray(record), ci);
      }
    } catch (CMSException | RuntimeException e) {
      return result(SignatureStatus.INVALID, Optional.empty(), "malformed SignedData: " + e.getMessage(), path);
    }
    Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
    @SuppressWarnings("unchecked")
    Store<X509CertificateHolder> store = signed.getCertificates();
    Collection<X509CertificateHolder> all = store.getMatches(null);
    if (signers.isEmpty() || signers.size() > MAX_SIGNERS || all.size() > MAX_CERTS) {
      return result(SignatureStatus.INVALID, Optional.empty(),
          signers.size() + " signers and " + all.size() + " certificates: expected 1 to " + MAX_SIGNERS
              + " signers and at most " + MAX_CERTS + " certificates", path);
    }
    JcaX509CertificateConverter conv = new JcaX509CertificateConverter();
    List<X509Certificate> carried = new ArrayList<>();
    try {
      for (X509CertificateHolder h : all) {
        carried.add(conv.getCertificate(h));
      }
    } catch (GeneralSecurityException e) {
      return result(SignatureStatus.INVALID, Optional.empty(), "unreadable certificate: " + e.getMessage(), path);
    }
    DefaultAlgorithmNameFinder names = new DefaultAlgorithmNameFinder();
    List<String> details = new ArrayList<>();
    Optional<String> firstSigner = Optional.empty();
    String untrusted = null;
    for (SignerInformation si : signers) {
      @SuppressWarnings("unchecked")
      Collection<X509CertificateHolder> matches = store.getMatches((Selector<X509CertificateHolder>) si.getSID());
      if (matches.isEmpty()) {
        for (X509Certificate a : policy.x509Anchors()) {
          try {
            X509CertificateHolder h = new X509CertificateHolder(a.getEncoded());
            if (si.getSID().match(h)) {
              matches = List.of(h);
            }
          } catch (IOException | GeneralSecurityException e) {
            // an anchor that cannot be re-encoded cannot be the signer
          }
        }
      }
      if (matches.isEmpty()) {
        untrusted = "the signer certificate is neither in the signature nor among the anchors; not checked";
        continue;
      }
      X509CertificateHolder cert = matches.iterator().next();
      String subject = cert.getSubject().toString();
      firstSigner = firstSigner.or(() -> Optional.of(subject));
      try {
        if (!si.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Crypto.BC).build(cert))) {
          return result(SignatureStatus.INVALID, Optional.of(subject),
              "the signature of " + subject + " does not verify over RECORD", path);
        }
      } catch (CMSException | OperatorCreationException | GeneralSecurityException | RuntimeException e) {
        return result(SignatureStatus.INVALID, Optional.of(subject),
            "the signature of " + subject + " does not verify over RECORD: " + e.getMessage(), path);
      }
      String alg = names.getAlgorithmName(si.getDigestAlgorithmID()) + " / "
          + names.getAlgorithmName(si.getEncryptionAlgOID().isEmpty() ? null
              : new org.bouncycastle.asn1.ASN1ObjectIdentifier(si.getEncryptionAlgOID()));
      details.add("signed by " + subject + " (issuer " + cert.getIssuer() + ", serial "
          + cert.getSerialNumber().toString(16) + ", " + alg + ")");
      String why;
      try {
        why = pathProblem(conv.getCertificate(cert), carried, policy, at);
      } catch (GeneralSecurityException e) {
        why = "unreadable signer certificate: " + e.getMessage();
      }
      if (why != null && untrusted == null) {
        untrusted = why;
      }
    }
    String detail = String.join("; ", details);
    if (untrusted != null) {
      return result(SignatureStatus.UNTRUSTED, firstSigner,
          (detail.isEmpty() ? "" : detail + "; ") + "untrusted: " + untrusted, path);
    }
    return result(SignatureStatus.VALID, firstSigner, detail + "; path to a trusted anchor", path);
  }

  /** Null when a PKIX path from the signer to an anchor exists, else why not. */
  private static String pathProblem(X509Certificate signer, List<X509Certificate> carried, TrustPolicy policy,
      Instant at) {
    if (policy.x509Anchors().isEmpty()) {
      return "no X.509 trust anchors given";
    }
    boolean[] ku = signer.getKeyUsage();
    if (ku != null && !(ku[0] || ku[1])) {
      return "the signer certificate's key usage allows neither digitalSignature nor nonRepudiation";
    }
    try {
      Set<TrustAnchor> anchors = new HashSet<>();
      for (X509Certificate a : policy.x509Anchors()) {
        if (a.equals(signer)) {
          return null; // the signer itself is trusted directly
        }
        anchors.add(new TrustAnchor(a, null));
      }
      X509CertSelector target = new X509CertSelector();
      target.setCertificate(signer);
      PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
      params.setRevocationEnabled(false);
      params.setDate(Date.from(at));
      params.setMaxPathLength(8);
      List<X509Certificate> pool = new ArrayList<>(carried);
      pool.add(signer);
      params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
      CertPathBuilder.getInstance("PKIX").build(params);
      return null;
    } catch (GeneralSecurityException | RuntimeException e) {
      return "no valid certificate path to a trusted anchor (" + e.getMessage() + ")";
    }
  }
}
