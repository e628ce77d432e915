package dev.wheeltapper.provenance.pep740;

import dev.wheeltapper.digest.HashAlgorithm;
import dev.wheeltapper.provenance.SignatureKind;
import dev.wheeltapper.provenance.SignatureResult;
import dev.wheeltapper.provenance.SignatureStatus;
import dev.wheeltapper.provenance.TrustPolicy;
import dev.wheeltapper.provenance.internal.Crypto;
import dev.wheeltapper.provenance.json.Json;
import dev.wheeltapper.provenance.json.JsonException;
import dev.wheeltapper.provenance.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offline verification of PEP 740 attestations: an attestation object ({@code NAME.whl.publish.attestation}), a PyPI
 * provenance object ({@code NAME.whl.provenance}, one result per attestation it holds) or a Sigstore bundle v0.3 with
 * a DSSE envelope ({@code .sigstore}).
 *
 * <p>Checks, each reported as a {@link Pep740Check} when it fails, each stage in its own package-private class (this
 * class reads the container and walks the stages in order):
 *
 * <ul>
 *   <li>{@code DsseEnvelope}: the DSSE signature over the PAE encoding of the statement, with the leaf certificate's
 *       key;
 *   <li>{@code InTotoStatement}: in-toto v1, exactly one subject whose name is the distribution's file name (parsed
 *       and normalised) and whose sha256 is the distribution's, predicate type publish/v1 or SLSA provenance v1;
 *   <li>{@code TransparencyLogEntry}, for each Rekor entry (kind {@code dsse} 0.0.1 or {@code intoto} 0.0.2): its
 *       canonicalized body records the statement's hash, the signature and the certificate ({@code RekorEntryBody});
 *       the RFC 6962/9162 inclusion proof leads from the leaf hash to the proof's root ({@code Merkle}); the log is one
 *       of the trusted root's Rekor logs (matched by log ID); the signed entry timestamp (inclusion promise), when
 *       present, verifies with the log's key;
 *   <li>{@code Checkpoint}: the checkpoint (a signed note) commits to that root and tree size and is signed by the
 *       log's key;
 *   <li>{@code FulcioCertificate}: the leaf certificate chains to one of the trusted root's Fulcio CAs, valid at the
 *       integrated time, and embeds a signed certificate timestamp (RFC 6962) that verifies with one of the trusted
 *       root's CT logs, over the precertificate and the issuing CA's key, when the root lists CT logs ({@code
 *       EmbeddedScts});
 *   <li>{@code PublisherIdentity}: the identity in the certificate ({@link FulcioIdentity}) is one the caller requires,
 *       and agrees with a provenance object's publisher.
 * </ul>
 *
 * <p>Integrity failures give {@code invalid}; an attestation that is intact but whose log, CA or identity is outside
 * the trust given is {@code untrusted}. The Rekor body's {@code envelopeHash} is not compared (Rekor computes it over
 * its own serialisation, as sigstore-python also ignores it; likewise {@code intoto}'s {@code content.hash}), and RFC
 * 3161 timestamps are not checked. No network access, ever.
 *
 * <p>An attestation vouches for the file whose name and sha256 the caller passes; the caller must hash the exact file.
 *
 * <pre>{@code
 * byte[] sha = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(wheel));
 * List<AttestationResult> rs = Pep740Verifier.verify(
 *     Files.readAllBytes(Path.of(wheel + ".publish.attestation")), wheel.getFileName().toString(), sha,
 *     TrustPolicy.defaults(), wheel.getFileName() + ".publish.attestation");
 * }</pre>
 *
 * <p>Stateless and thread-safe. Never throws on hostile input: every problem is a result.
 */
public final class Pep740Verifier {
  private Pep740Verifier() {}

  private static final Logger LOG = LoggerFactory.getLogger(Pep740Verifier.class);

  /** The PyPI publish attestation predicate. */
  public static final String PUBLISH_V1 = "https://docs.pypi.org/attestations/publish/v1";
  /** The SLSA provenance v1 predicate. */
  public static final String SLSA_PROVENANCE_V1 = "https://slsa.dev/provenance/v1";
  /** The in-toto statement type. */
  public static final String IN_TOTO_STATEMENT_V1 = "https://in-toto.io/Statement/v1";
  /** The DSSE payload type of in-toto statements. */
  public static final String IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";

  private static final int MAX_TLOG_ENTRIES = 8;

  /**
   * Verifies every attestation in an attestation object, provenance object or Sigstore bundle.
   *
   * @param json the file content
   * @param distributionFilename the distribution's file name, e.g. {@code foo-1.0-py3-none-any.whl}
   * @param distributionSha256 the SHA-256 of the distribution file (32 bytes)
   * @param policy the trust (Sigstore root, required identities)
   * @param path the path to put in findings (the attestation file), or empty
   * @return one result per attestation; at least one (a single {@code invalid} result for garbage)
   */
  public static List<AttestationResult> verify(
      byte[] json, String distributionFilename, byte[] distributionSha256, TrustPolicy policy, String path) {
    try {
      return verifyAll(json, distributionFilename, distributionSha256.clone(), policy, path);
    } catch (RuntimeException e) {
      // Defence in depth: a parser bug must not turn hostile input into a crash or a pass.
      LOG.debug("PEP 740 verification failed unexpectedly", e);
      return List.of(formatFailure("unexpected error while reading the attestation: " + e, path));
    }
  }

  /**
   * Verifies the attestations for a distribution file, streaming the file to hash it.
   *
   * @param json the attestation, provenance object or bundle
   * @param distribution the distribution file; its file name is the expected subject name
   * @param policy the trust
   * @param path the path to put in findings, or empty
   * @return one result per attestation
   * @throws IOException when the distribution cannot be read
   */
  public static List<AttestationResult> verify(byte[] json, Path distribution, TrustPolicy policy, String path)
      throws IOException {
    MessageDigest md = HashAlgorithm.SHA256.newDigest();
    try (InputStream in = Files.newInputStream(distribution)) {
      byte[] buf = new byte[64 * 1024];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    Path name = distribution.getFileName();
    return verify(json, name == null ? "" : name.toString(), md.digest(), policy, path);
  }

  private static AttestationResult formatFailure(String message, String path) {
    return result(
        SignatureStatus.INVALID, Optional.empty(), "malformed attestation: " + message, path,
        Map.of(Pep740Check.FORMAT, message), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static AttestationResult result(
      SignatureStatus status,
      Optional<String> signer,
      String detail,
      String path,
      Map<Pep740Check, String> failed,
      Optional<FulcioIdentity> identity,
      Optional<String> predicate,
      Optional<Instant> time,
      Optional<String> publisher) {
    SignatureResult s = SignatureResult.of(SignatureKind.PEP740, status, signer, detail, path, List.of());
    return new AttestationResult(s, identity, predicate, time, publisher, failed.keySet());
  }

  private static List<AttestationResult> verifyAll(
      byte[] json, String dist, byte[] sha, TrustPolicy policy, String path) {
    JsonValue root;
    try {
      root = Json.parse(json, Json.Limits.DEFAULT);
    } catch (JsonException e) {
      return List.of(formatFailure("not valid JSON: " + e.getMessage(), path));
    }
    List<Attestation> raws = new ArrayList<>();
    String problem;
    if (root.member("attestation_bundles").isPresent()) {
      problem = AttestationContainers.readProvenance(root, raws);
    } else if (root.member("mediaType").isPresent()) {
      String mt = root.member("mediaType").flatMap(JsonValue::asString).orElse("");
      if (mt.startsWith("application/vnd.dev.sigstore.bundle") && root.member("messageSignature").isPresent()) {
        return List.of(
            result(SignatureStatus.UNSUPPORTED, Optional.empty(),
                "Sigstore bundle with a message signature, not a DSSE attestation", path, Map.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
      }
      problem = AttestationContainers.readBundle(root, raws);
    } else {
      problem = AttestationContainers.readAttestation(root, Optional.empty(), raws);
    }
    if (problem != null) {
      return List.of(formatFailure(problem, path));
    }
    List<AttestationResult> out = new ArrayList<>();
    for (Attestation r : raws) {
      out.add(verifyOne(r, dist, sha, policy, path));
    }
    return List.copyOf(out);
  }

  // ---------------------------------------------------------------- the stages, in order

  private static AttestationResult verifyOne(
      Attestation raw, String dist, byte[] sha, TrustPolicy policy, String path) {
    Verification c = new Verification();
    X509Certificate leaf = null;
    try {
      leaf = Crypto.certificate(raw.certDer());
    } catch (GeneralSecurityException e) {
      c.fail(Pep740Check.CERTIFICATE, "invalid X.509 certificate (" + e.getMessage() + ")");
    }
    Optional<FulcioIdentity> identity = Optional.ofNullable(leaf).map(FulcioIdentity::of);

    DsseEnvelope.check(c, raw, leaf);
    Optional<String> predicate = InTotoStatement.check(c, raw.statement(), dist, sha);

    Instant integrated = null;
    if (raw.tlogEntries().isEmpty()) {
      c.fail(Pep740Check.FORMAT, "no transparency log entry");
    } else if (raw.tlogEntries().size() > MAX_TLOG_ENTRIES) {
      c.fail(Pep740Check.FORMAT, "more than " + MAX_TLOG_ENTRIES + " transparency log entries");
    } else {
      for (JsonValue e : raw.tlogEntries()) {
        Instant t = TransparencyLogEntry.check(c, e, raw, policy.sigstoreRoot());
        if (t != null && (integrated == null || t.isBefore(integrated))) {
          integrated = t;
        }
      }
    }
    if (leaf != null && integrated != null) {
      FulcioCertificate.check(c, leaf, integrated, policy.sigstoreRoot());
    }
    Optional<String> publisher = raw.publisher().map(PublisherIdentity::describe);
    if (raw.publisher().isPresent() && identity.isPresent()) {
      PublisherIdentity.checkAgainstCertificate(c, raw.publisher().get(), identity.get());
    }
    if (identity.isPresent()) {
      PublisherIdentity.checkPinned(c, identity.get(), policy);
    }

    boolean integrity = c.failed().keySet().stream().anyMatch(k -> !k.isTrustCheck());
    SignatureStatus status;
    if (integrity) {
      status = SignatureStatus.INVALID;
    } else if (c.unsupportedReason().isPresent()) {
      status = SignatureStatus.UNSUPPORTED;
    } else if (!c.failed().isEmpty()) {
      status = SignatureStatus.UNTRUSTED;
    } else {
      status = SignatureStatus.VALID;
    }
    StringJoiner detail = new StringJoiner("; ");
    if (status == SignatureStatus.VALID) {
      detail.add("verified offline: " + identity.map(FulcioIdentity::describe).orElse("?"));
      predicate.ifPresent(p -> detail.add("predicate " + p));
    } else if (status == SignatureStatus.UNSUPPORTED) {
      detail.add(c.unsupportedReason().orElseThrow());
    } else {
      for (Map.Entry<Pep740Check, String> f : c.failed().entrySet()) {
        detail.add(f.getKey().description() + " failed: " + f.getValue());
      }
    }
    c.notes().forEach(detail::add);
    Instant time = integrated;
    return result(status, identity.flatMap(FulcioIdentity::san), detail.toString(), path, c.failed(), identity,
        predicate, Optional.ofNullable(time), publisher);
  }
}
