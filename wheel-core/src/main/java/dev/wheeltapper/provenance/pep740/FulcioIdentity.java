package dev.wheeltapper.provenance.pep740;

import dev.wheeltapper.provenance.ExpectedIdentity;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;

/**
 * The signer identity a Fulcio certificate carries: its SAN (a workflow URI or an e-mail address) and the OIDC claims
 * in the extensions 1.3.6.1.4.1.57264.1.* (1.8 onwards DER UTF8String-wrapped; 1.1 to 1.6 legacy raw strings).
 *
 * <pre>{@code
 * FulcioIdentity id = FulcioIdentity.of(leafCertificate);
 * String repo = id.sourceRepositoryUri().orElse("?");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param san the subject alternative name (URI or e-mail), the {@code signer} of reports
 * @param issuer the OIDC issuer (1.8, else legacy 1.1), e.g. {@code https://token.actions.githubusercontent.com}
 * @param sourceRepositoryUri Source Repository URI (1.12)
 * @param sourceRepositoryRef Source Repository Ref (1.14, else legacy 1.6)
 * @param sourceRepositoryDigest Source Repository Digest (1.13, else legacy 1.3)
 * @param buildConfigUri Build Config URI (1.18)
 * @param buildSignerUri Build Signer URI (1.9)
 * @param legacyRepository GitHub Workflow Repository (legacy 1.5), {@code owner/name}
 */
public record FulcioIdentity(
    Optional<String> san,
    Optional<String> issuer,
    Optional<String> sourceRepositoryUri,
    Optional<String> sourceRepositoryRef,
    Optional<String> sourceRepositoryDigest,
    Optional<String> buildConfigUri,
    Optional<String> buildSignerUri,
    Optional<String> legacyRepository) {

  private static final String ARC = "1.3.6.1.4.1.57264.1.";
  private static final int MAX_CLAIM = 8192;

  /** Rejects nulls. */
  public FulcioIdentity {
    Objects.requireNonNull(san, "san");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(sourceRepositoryUri, "sourceRepositoryUri");
    Objects.requireNonNull(sourceRepositoryRef, "sourceRepositoryRef");
    Objects.requireNonNull(sourceRepositoryDigest, "sourceRepositoryDigest");
    Objects.requireNonNull(buildConfigUri, "buildConfigUri");
    Objects.requireNonNull(buildSignerUri, "buildSignerUri");
    Objects.requireNonNull(legacyRepository, "legacyRepository");
  }

  /**
   * Reads the identity of a certificate; unreadable parts are left empty.
   *
   * @param cert the Fulcio leaf certificate
   * @return the identity
   */
  public static FulcioIdentity of(X509Certificate cert) {
    return new FulcioIdentity(
        san(cert),
        utf8(cert, 8).or(() -> raw(cert, 1)),
        utf8(cert, 12),
        utf8(cert, 14).or(() -> raw(cert, 6)),
        utf8(cert, 13).or(() -> raw(cert, 3)),
        utf8(cert, 18),
        utf8(cert, 9),
        raw(cert, 5));
  }

  private static Optional<String> san(X509Certificate cert) {
    try {
      Collection<List<?>> names = cert.getSubjectAlternativeNames();
      if (names == null) {
        return Optional.empty();
      }
      for (List<?> n : names) {
        // 6 = URI, 1 = rfc822Name
        if (n.size() >= 2 && (Integer.valueOf(6).equals(n.get(0)) || Integer.valueOf(1).equals(n.get(0)))
            && n.get(1) instanceof String) {
          return Optional.of((String) n.get(1));
        }
      }
      return Optional.empty();
    } catch (CertificateParsingException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<byte[]> extension(X509Certificate cert, int n) {
    try {
      byte[] v = cert.getExtensionValue(ARC + n);
      if (v == null || v.length > MAX_CLAIM) {
        return Optional.empty();
      }
      return Optional.of(ASN1OctetString.getInstance(v).getOctets());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> raw(X509Certificate cert, int n) {
    return extension(cert, n).map(b -> new String(b, StandardCharsets.UTF_8));
  }

  private static Optional<String> utf8(X509Certificate cert, int n) {
    return extension(cert, n)
        .flatMap(
            b -> {
              try {
                ASN1Primitive p = ASN1Primitive.fromByteArray(b);
                return p instanceof ASN1String ? Optional.of(((ASN1String) p).getString()) : Optional.empty();
              } catch (java.io.IOException | RuntimeException e) {
                return Optional.empty();
              }
            });
  }

  /**
   * The repository path ({@code owner/name}) of the Source Repository URI, else the legacy repository claim.
   *
   * @return the path without leading or trailing slash
   */
  public Optional<String> repository() {
    Optional<String> fromUri =
        sourceRepositoryUri.map(
            u -> {
              int scheme = u.indexOf("://");
              int slash = scheme < 0 ? -1 : u.indexOf('/', scheme + 3);
              return slash < 0 ? "" : u.substring(slash + 1).replaceAll("/+$", "");
            });
    return fromUri.filter(s -> !s.isEmpty()).or(() -> legacyRepository);
  }

  /**
   * The workflow file name: the last path segment of the Build Config URI (else of a URI SAN), without {@code @ref}.
   *
   * @return for example {@code release.yml}
   */
  public Optional<String> workflow() {
    return buildConfigUri
        .or(() -> san.filter(s -> s.contains("://")))
        .map(
            u -> {
              int at = u.lastIndexOf('@');
              String path = at >= 0 ? u.substring(0, at) : u;
              return path.substring(path.lastIndexOf('/') + 1);
            })
        .filter(s -> !s.isEmpty());
  }

  /**
   * Whether this identity is the expected one (rules in {@link ExpectedIdentity}).
   *
   * @param expected the expected identity
   * @return true when it matches
   */
  public boolean matches(ExpectedIdentity expected) {
    if (expected.isExactSigner()) {
      return san.map(s -> s.equals(expected.repository())).orElse(false);
    }
    boolean repo =
        repository()
            .map(r -> r.toLowerCase(Locale.ROOT).equals(expected.repository().toLowerCase(Locale.ROOT)))
            .orElse(false);
    boolean wf = expected.workflow().map(w -> workflow().map(w::equals).orElse(false)).orElse(true);
    return repo && wf;
  }

  /**
   * A short description: issuer, repository, workflow and ref.
   *
   * @return text for reports
   */
  public String describe() {
    StringBuilder b = new StringBuilder();
    b.append(san.orElse("(no SAN)"));
    issuer.ifPresent(i -> b.append(", issuer ").append(i));
    repository().ifPresent(r -> b.append(", repository ").append(r));
    workflow().ifPresent(w -> b.append(", workflow ").append(w));
    sourceRepositoryRef.ifPresent(r -> b.append(", ref ").append(r));
    return b.toString();
  }
}
