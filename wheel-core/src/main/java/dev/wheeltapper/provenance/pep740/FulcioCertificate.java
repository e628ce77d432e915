package dev.wheeltapper.provenance.pep740;

import dev.wheeltapper.provenance.internal.Crypto;
import dev.wheeltapper.provenance.trust.SigstoreTrustedRoot;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The leaf certificate issued by Fulcio: valid at the integrated time, for code signing, chained to a Fulcio CA of the
 * trusted root valid at that time, and, when the root lists CT logs, carrying an embedded signed certificate timestamp
 * ({@link EmbeddedScts}).
 */
final class FulcioCertificate {
  private FulcioCertificate() {}

  private static final String CODE_SIGNING_EKU = "1.3.6.1.5.5.7.3.3";

  /** Checks validity at {@code t}, code signing, the chain to a Fulcio CA and the embedded SCTs. */
  static void check(Verification c, X509Certificate leaf, Instant t, SigstoreTrustedRoot root) {
    Date at = Date.from(t);
    try {
      leaf.checkValidity(at);
    } catch (GeneralSecurityException e) {
      c.fail(Pep740Check.CERTIFICATE_VALIDITY, "the certificate (valid " + leaf.getNotBefore().toInstant() + " to "
          + leaf.getNotAfter().toInstant() + ") was not valid at the integrated time " + t);
    }
    try {
      List<String> eku = leaf.getExtendedKeyUsage();
      if (eku == null || !eku.contains(CODE_SIGNING_EKU)) {
        c.fail(Pep740Check.CERTIFICATE_CHAIN, "the leaf certificate is not for code signing");
        return;
      }
    } catch (GeneralSecurityException e) {
      c.fail(Pep740Check.CERTIFICATE, "unreadable extended key usage");
      return;
    }
    for (SigstoreTrustedRoot.CertificateAuthority ca : root.certificateAuthorities()) {
      if (!ca.validAt(t) || !chains(leaf, ca.chain(), at)) {
        continue;
      }
      if (!root.certificateTransparencyLogs().isEmpty()) {
        EmbeddedScts.check(leaf, ca.chain().get(0), root.certificateTransparencyLogs())
            .ifPresent(why -> c.fail(Pep740Check.CERTIFICATE_TRANSPARENCY, why));
      }
      return;
    }
    c.fail(Pep740Check.CERTIFICATE_CHAIN, "the certificate (issuer " + leaf.getIssuerX500Principal().getName()
        + ") does not chain to a Fulcio CA of the trusted root (" + root + ") valid at " + t);
  }

  /** Whether the leaf chains through {@code chain} to its self-issued last certificate, all valid at {@code at}. */
  static boolean chains(X509Certificate leaf, List<X509Certificate> chain, Date at) {
    try {
      X509Certificate child = leaf;
      for (X509Certificate issuer : chain) {
        if (!child.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())
            || issuer.getBasicConstraints() < 0) {
          return false;
        }
        child.verify(issuer.getPublicKey(), Crypto.BC);
        issuer.checkValidity(at);
        child = issuer;
      }
      // The last certificate of the chain is the trust anchor; it must be self-issued.
      return child.getIssuerX500Principal().equals(child.getSubjectX500Principal());
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }
}
