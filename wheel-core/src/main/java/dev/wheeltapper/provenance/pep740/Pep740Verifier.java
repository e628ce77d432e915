package dev.wheeltapper.provenance.pep740;

import dev.wheeltapper.digest.HashAlgorithm;
import dev.wheeltapper.provenance.trust.SigstoreTrustedRoot;
import dev.wheeltapper.provenance.ExpectedIdentity;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

// Over 400 lines: one verification run walks the stages in order with shared state; issue 18 cuts it along the
// stages, DSSE, statement, transparency log, checkpoint, certificate, publisher.
/**
 * Offline verification of PEP 740 attestations: an attestation object ({@code NAME.whl.publish.attestation}), a PyPI
 * provenance object ({@code NAME.whl.provenance}, one result per attestation it holds) or a Sigstore bundle v0.3 with
 * a DSSE envelope ({@code .sigstore}).
 *
 * <p>Checks, each reported as a {@link Pep740Check} when it fails:
 *
 * <ul>
 *   <li>the DSSE signature over the PAE encoding of the statement, with the leaf certificate's key;
 *   <li>the statement: in-toto v1, exactly one subject whose name is the distribution's file name (parsed and
 *       normalised) and whose sha256 is the distribution's, predicate type publish/v1 or SLSA provenance v1;
 *   <li>each Rekor entry (kind {@code dsse} 0.0.1 or {@code intoto} 0.0.2): its canonicalized body records the
 *       statement's hash, the signature and the certificate; the RFC 6962/9162 inclusion proof leads from the leaf hash to the proof's root;
 *       the checkpoint (a signed note) commits to that root and tree size and is signed by the log's key; the signed
 *       entry timestamp (inclusion promise), when present, verifies with the log's key;
 *   <li>the log is one of the trusted root's Rekor logs (matched by log ID) and the leaf certificate chains to one of
 *       its Fulcio CAs, valid at the integrated time;
 *   <li>the leaf certificate embeds a signed certificate timestamp (RFC 6962) that verifies with one of the trusted
 *       root's CT logs, over the precertificate and the issuing CA's key, when the root lists CT logs;
 *   <li>the identity in the certificate is one the caller requires, and agrees with a provenance object's publisher.
 * </ul>
 *
 * <p>Integrity failures give {@code invalid}; an attestation that is intact but whose log, CA or identity is outside
 * the trust given is {@code untrusted}. The Rekor body's {@code envelopeHash} is not compared (Rekor computes it over
 * its own serialisation, as sigstore-python also ignores it; likewise {@code intoto}'s {@code content.hash}), and RFC 3161
 * timestamps are not checked. No network access, ever.
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

  private static final int MAX_ATTESTATIONS = 64;
  private static final int MAX_TLOG_ENTRIES = 8;
  private static final int MAX_NOTE_SIGNATURES = 16;
  private static final String CODE_SIGNING_EKU = "1.3.6.1.5.5.7.3.3";

  /** One attestation, whatever container it came in. */
  private record Raw(
      byte[] certDer,
      byte[] statement,
      byte[] signature,
      String payloadType,
      List<JsonValue> tlogEntries,
      Optional<JsonValue> publisher) {}

  /** Accumulates failed checks and notes for one attestation. */
  private static final class Ctx {
    final Map<Pep740Check, String> failed = new EnumMap<>(Pep740Check.class);
    final List<String> notes = new ArrayList<>();
    String unsupported;

    void fail(Pep740Check check, String message) {
      failed.merge(check, message, (a, b) -> a + "; " + b);
    }
  }

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
    List<Raw> raws = new ArrayList<>();
    String problem;
    if (root.member("attestation_bundles").isPresent()) {
      problem = readProvenance(root, raws);
    } else if (root.member("mediaType").isPresent()) {
      String mt = root.member("mediaType").flatMap(JsonValue::asString).orElse("");
      if (mt.startsWith("application/vnd.dev.sigstore.bundle") && root.member("messageSignature").isPresent()) {
        return List.of(
            result(SignatureStatus.UNSUPPORTED, Optional.empty(),
                "Sigstore bundle with a message signature, not a DSSE attestation", path, Map.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
      }
      problem = readBundle(root, raws);
    } else {
      problem = readAttestation(root, Optional.empty(), raws);
    }
    if (problem != null) {
      return List.of(formatFailure(problem, path));
    }
    List<AttestationResult> out = new ArrayList<>();
    for (Raw r : raws) {
      out.add(verifyOne(r, dist, sha, policy, path));
    }
    return List.copyOf(out);
  }

  // ---------------------------------------------------------------- reading the containers

  private static String readProvenance(JsonValue root, List<Raw> out) {
    if (!root.member("version").flatMap(JsonValue::asLong).equals(Optional.of(1L))) {
      return "provenance object without \"version\": 1";
    }
    List<JsonValue> bundles = root.member("attestation_bundles").flatMap(JsonValue::asArray).orElse(null);
    if (bundles == null || bundles.isEmpty()) {
      return "provenance object with no attestation bundles";
    }
    for (JsonValue b : bundles) {
      Optional<JsonValue> publisher = b.member("publisher").filter(p -> p.asObject().isPresent());
      if (publisher.isEmpty()) {
        return "attestation bundle without a publisher object";
      }
      List<JsonValue> atts = b.member("attestations").flatMap(JsonValue::asArray).orElse(null);
      if (atts == null || atts.isEmpty()) {
        return "attestation bundle with no attestations";
      }
      for (JsonValue a : atts) {
        if (out.size() >= MAX_ATTESTATIONS) {
          return "more than " + MAX_ATTESTATIONS + " attestations";
        }
        String p = readAttestation(a, publisher, out);
        if (p != null) {
          return p;
        }
      }
    }
    return null;
  }

  private static String readAttestation(JsonValue a, Optional<JsonValue> publisher, List<Raw> out) {
    if (a.asObject().isEmpty()) {
      return "attestation is not a JSON object";
    }
    if (!a.member("version").flatMap(JsonValue::asLong).equals(Optional.of(1L))) {
      return "attestation without \"version\": 1";
    }
    JsonValue vm = a.member("verification_material").orElse(null);
    JsonValue env = a.member("envelope").orElse(null);
    if (vm == null || env == null) {
      return "attestation without verification_material or envelope";
    }
    Optional<byte[]> cert = vm.member("certificate").flatMap(JsonValue::asString).flatMap(Crypto::b64);
    Optional<byte[]> stmt = env.member("statement").flatMap(JsonValue::asString).flatMap(Crypto::b64);
    Optional<byte[]> sig = env.member("signature").flatMap(JsonValue::asString).flatMap(Crypto::b64);
    Optional<List<JsonValue>> tlog = vm.member("transparency_entries").flatMap(JsonValue::asArray);
    if (cert.isEmpty()) {
      return "missing or non-base64 verification_material.certificate";
    }
    if (stmt.isEmpty() || sig.isEmpty()) {
      return "missing or non-base64 envelope.statement or envelope.signature";
    }
    if (tlog.isEmpty()) {
      return "missing verification_material.transparency_entries";
    }
    out.add(new Raw(cert.get(), stmt.get(), sig.get(), IN_TOTO_PAYLOAD_TYPE, tlog.get(), publisher));
    return null;
  }

  private static String readBundle(JsonValue b, List<Raw> out) {
    String mt = b.member("mediaType").flatMap(JsonValue::asString).orElse("");
    if (!mt.startsWith("application/vnd.dev.sigstore.bundle")) {
      return "unknown mediaType \"" + mt + "\"";
    }
    JsonValue vm = b.member("verificationMaterial").orElse(null);
    JsonValue env = b.member("dsseEnvelope").orElse(null);
    if (vm == null || env == null) {
      return "Sigstore bundle without verificationMaterial or dsseEnvelope";
    }
    Optional<byte[]> cert =
        vm.member("certificate")
            .flatMap(c -> c.member("rawBytes"))
            .or(
                () ->
                    vm.member("x509CertificateChain")
                        .flatMap(c -> c.member("certificates"))
                        .flatMap(JsonValue::asArray)
                        .filter(l -> !l.isEmpty())
                        .flatMap(l -> l.get(0).member("rawBytes")))
            .flatMap(JsonValue::asString)
            .flatMap(Crypto::b64);
    if (cert.isEmpty()) {
      return "Sigstore bundle without a readable certificate";
    }
    Optional<byte[]> payload = env.member("payload").flatMap(JsonValue::asString).flatMap(Crypto::b64);
    String type = env.member("payloadType").flatMap(JsonValue::asString).orElse("");
    List<JsonValue> sigs = env.member("signatures").flatMap(JsonValue::asArray).orElse(List.of());
    if (sigs.size() != 1) {
      return "expected exactly one signature, got " + sigs.size();
    }
    Optional<byte[]> sig = sigs.get(0).member("sig").flatMap(JsonValue::asString).flatMap(Crypto::b64);
    if (payload.isEmpty() || sig.isEmpty()) {
      return "missing or non-base64 dsseEnvelope payload or signature";
    }
    Optional<List<JsonValue>> tlog = vm.member("tlogEntries").flatMap(JsonValue::asArray);
    if (tlog.isEmpty()) {
      return "missing verificationMaterial.tlogEntries";
    }
    out.add(new Raw(cert.get(), payload.get(), sig.get(), type, tlog.get(), Optional.empty()));
    return null;
  }

  // ---------------------------------------------------------------- verification

  private static AttestationResult verifyOne(Raw raw, String dist, byte[] sha, TrustPolicy policy, String path) {
    Ctx c = new Ctx();
    X509Certificate leaf = null;
    try {
      leaf = Crypto.certificate(raw.certDer());
    } catch (GeneralSecurityException e) {
      c.fail(Pep740Check.CERTIFICATE, "invalid X.509 certificate (" + e.getMessage() + ")");
    }
    Optional<FulcioIdentity> identity = Optional.ofNullable(leaf).map(FulcioIdentity::of);

    if (!IN_TOTO_PAYLOAD_TYPE.equals(raw.payloadType())) {
      c.fail(Pep740Check.FORMAT, "expected payload type " + IN_TOTO_PAYLOAD_TYPE + ", got " + raw.payloadType());
    }
    if (leaf != null && !Crypto.verify(leaf.getPublicKey(), pae(raw.payloadType(), raw.statement()), raw.signature())) {
      c.fail(Pep740Check.ENVELOPE_SIGNATURE, "the signature does not verify with the leaf certificate's key");
    }
    Optional<String> predicate = checkStatement(c, raw.statement(), dist, sha);

    Instant integrated = null;
    if (raw.tlogEntries().isEmpty()) {
      c.fail(Pep740Check.FORMAT, "no transparency log entry");
    } else if (raw.tlogEntries().size() > MAX_TLOG_ENTRIES) {
      c.fail(Pep740Check.FORMAT, "more than " + MAX_TLOG_ENTRIES + " transparency log entries");
    } else {
      for (JsonValue e : raw.tlogEntries()) {
        Instant t = checkEntry(c, e, raw, policy.sigstoreRoot());
        if (t != null && (integrated == null || t.isBefore(integrated))) {
          integrated = t;
        }
      }
    }
    if (leaf != null && integrated != null) {
      checkCertificate(c, leaf, integrated, policy.sigstoreRoot());
    }
    Optional<String> publisher = raw.publisher().map(Pep740Verifier::describePublisher);
    if (raw.publisher().isPresent() && identity.isPresent()) {
      checkPublisher(c, raw.publisher().get(), identity.get());
    }
    if (policy.identities().isEmpty() && !policy.anyIdentity() && identity.isPresent()) {
      c.fail(Pep740Check.IDENTITY, "no publisher identity is pinned, so the signature of "
          + identity.get().describe() + " vouches for nothing: name the publisher (--identity REPO[@WORKFLOW], or a"
          + " trust policy's identity), or accept any signer with --any-identity");
    }
    if (!policy.identities().isEmpty() && identity.isPresent()) {
      boolean any = false;
      for (ExpectedIdentity want : policy.identities()) {
        any |= identity.get().matches(want);
      }
      if (!any) {
        c.fail(Pep740Check.IDENTITY,
            "the certificate names " + identity.get().describe() + ", not " + policy.identities());
      }
    }

    boolean integrity = c.failed.keySet().stream().anyMatch(k -> !k.isTrustCheck());
    SignatureStatus status;
    if (integrity) {
      status = SignatureStatus.INVALID;
    } else if (c.unsupported != null) {
      status = SignatureStatus.UNSUPPORTED;
    } else if (!c.failed.isEmpty()) {
      status = SignatureStatus.UNTRUSTED;
    } else {
      status = SignatureStatus.VALID;
    }
    StringJoiner detail = new StringJoiner("; ");
    if (status == SignatureStatus.VALID) {
      detail.add("verified offline: " + identity.map(FulcioIdentity::describe).orElse("?"));
      predicate.ifPresent(p -> detail.add("predicate " + p));
    } else if (status == SignatureStatus.UNSUPPORTED) {
      detail.add(c.unsupported);
    } else {
      for (Map.Entry<Pep740Check, String> f : c.failed.entrySet()) {
        detail.add(f.getKey().description() + " failed: " + f.getValue());
      }
    }
    c.notes.forEach(detail::add);
    Instant time = integrated;
    return result(status, identity.flatMap(FulcioIdentity::san), detail.toString(), path, c.failed, identity,
        predicate, Optional.ofNullable(time), publisher);
  }

  /** DSSE pre-authentication encoding: {@code "DSSEv1" SP len(type) SP type SP len(body) SP body}. */
  static byte[] pae(String type, byte[] body) {
    byte[] t = type.getBytes(StandardCharsets.UTF_8);
    byte[] head =
        ("DSSEv1 " + t.length + " " + type + " " + body.length + " ").getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[head.length + body.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(body, 0, out, head.length, body.length);
    return out;
  }

  private static Optional<String> checkStatement(Ctx c, byte[] statement, String dist, byte[] sha) {
    JsonValue s;
    try {
      s = Json.parse(statement, Json.Limits.DEFAULT);
    } catch (JsonException e) {
      c.fail(Pep740Check.STATEMENT, "invalid statement: " + e.getMessage());
      return Optional.empty();
    }
    String type = s.member("_type").flatMap(JsonValue::asString).orElse("");
    if (!IN_TOTO_STATEMENT_V1.equals(type)) {
      c.fail(Pep740Check.STATEMENT, "_type is \"" + type + "\", not " + IN_TOTO_STATEMENT_V1);
    }
    Optional<String> predicate = s.member("predicateType").flatMap(JsonValue::asString);
    if (predicate.isEmpty()
        || !(predicate.get().equals(PUBLISH_V1) || predicate.get().equals(SLSA_PROVENANCE_V1))) {
      c.fail(Pep740Check.PREDICATE_TYPE, "unknown attestation type: " + predicate.orElse("(none)"));
    }
    List<JsonValue> subjects = s.member("subject").flatMap(JsonValue::asArray).orElse(List.of());
    if (subjects.size() != 1) {
      c.fail(Pep740Check.STATEMENT, subjects.size() + " subjects in statement (must be exactly one)");
      return predicate;
    }
    JsonValue subject = subjects.get(0);
    Optional<String> name = subject.member("name").flatMap(JsonValue::asString);
    if (name.isEmpty()) {
      c.fail(Pep740Check.SUBJECT_NAME, "invalid subject: missing name");
    } else if (DistributionFilename.parse(name.get()).isEmpty()) {
      c.fail(Pep740Check.SUBJECT_NAME, "subject name is not a distribution file name: " + name.get());
    } else if (!DistributionFilename.sameDistribution(name.get(), dist)) {
      c.fail(Pep740Check.SUBJECT_NAME, "subject does not match distribution name: " + name.get() + " != " + dist);
    }
    Optional<String> digest = subject.member("digest").flatMap(d -> d.member("sha256")).flatMap(JsonValue::asString);
    if (digest.isEmpty()) {
      c.fail(Pep740Check.SUBJECT_DIGEST, "subject has no sha256 digest");
    } else if (!digest.get().toLowerCase(Locale.ROOT).equals(Crypto.hex(sha))) {
      c.fail(Pep740Check.SUBJECT_DIGEST,
          "subject does not match distribution digest (" + digest.get() + " != " + Crypto.hex(sha) + ")");
    }
    return predicate;
  }

  /** 9999-12-31T23:59:59Z, the last instant an X.509 certificate can name. */
  private static final long LAST_SECOND_OF_9999 = 253_402_300_799L;

  /** Checks one Rekor entry; answers its integrated time when readable. */
  private static Instant checkEntry(Ctx c, JsonValue e, Raw raw, SigstoreTrustedRoot root) {
    Optional<Long> logIndex = e.member("logIndex").flatMap(JsonValue::asLong);
    Optional<byte[]> logId = e.member("logId").flatMap(l -> l.member("keyId")).flatMap(JsonValue::asString)
        .flatMap(Crypto::b64);
    Optional<Long> time = e.member("integratedTime").flatMap(JsonValue::asLong);
    Optional<String> bodyB64 = e.member("canonicalizedBody").flatMap(JsonValue::asString);
    Optional<byte[]> body = bodyB64.flatMap(Crypto::b64);
    // integratedTime is a count of seconds from the log; beyond year 9999 it is no time at all (and Instant
    // overflows past year 1,000,000,000)
    if (logIndex.isEmpty() || logId.isEmpty() || time.isEmpty() || body.isEmpty() || time.get() < 0
        || time.get() > LAST_SECOND_OF_9999) {
      c.fail(Pep740Check.FORMAT, "invalid transparency log entry (logIndex, logId, integratedTime or body)");
      return null;
    }
    Instant integrated = Instant.ofEpochSecond(time.get());
    checkBody(c, body.get(), raw, e.member("kindVersion"));

    // Inclusion proof: leaf hash to the proof's root.
    JsonValue proof = e.member("inclusionProof").orElse(null);
    byte[] rootHash = null;
    long treeSize = -1;
    if (proof == null) {
      c.fail(Pep740Check.INCLUSION_PROOF, "the entry has no inclusion proof");
    } else {
      Optional<Long> idx = proof.member("logIndex").flatMap(JsonValue::asLong);
      Optional<Long> size = proof.member("treeSize").flatMap(JsonValue::asLong);
      rootHash = proof.member("rootHash").flatMap(JsonValue::asString).flatMap(Crypto::b64).orElse(null);
      List<byte[]> hashes = new ArrayList<>();
      boolean ok = idx.isPresent() && size.isPresent() && rootHash != null;
      List<JsonValue> hs = proof.member("hashes").flatMap(JsonValue::asArray).orElse(null);
      if (hs == null || hs.size() > Merkle.MAX_PROOF) {
        ok = false;
      } else {
        for (JsonValue h : hs) {
          Optional<byte[]> b = h.asString().flatMap(Crypto::b64);
          if (b.isEmpty()) {
            ok = false;
            break;
          }
          hashes.add(b.get());
        }
      }
      if (!ok) {
        c.fail(Pep740Check.INCLUSION_PROOF, "malformed inclusion proof");
      } else {
        treeSize = size.get();
        byte[] computed = Merkle.rootFromProof(Merkle.leafHash(body.get()), idx.get(), treeSize, hashes);
        if (computed == null) {
          c.fail(Pep740Check.INCLUSION_PROOF, "the proof does not fit index " + idx.get() + " in a tree of " + treeSize);
        } else if (!Merkle.equal(computed, rootHash)) {
          c.fail(Pep740Check.INCLUSION_PROOF, "the proof leads to root " + Crypto.hex(computed) + ", not the stated "
              + Crypto.hex(rootHash));
        }
      }
    }

    // Which log, and do we trust it?
    String logHex = Crypto.hex(logId.get());
    Optional<String> checkpoint = proof == null ? Optional.empty()
        : proof.member("checkpoint").flatMap(cp -> cp.member("envelope")).flatMap(JsonValue::asString);
    Optional<SigstoreTrustedRoot.TransparencyLog> log = root.log(logHex);
    if (log.isEmpty()) {
      String origin = checkpoint.map(cp -> cp.lines().findFirst().orElse("")).orElse("?");
      c.fail(Pep740Check.LOG_TRUST, "Rekor log " + logHex + " (checkpoint origin \"" + origin
          + "\") is not in the trusted root (" + root + "); checkpoint and inclusion promise signatures not checked");
    } else if (!log.get().validAt(integrated)) {
      c.fail(Pep740Check.LOG_TRUST, "the key of Rekor log " + log.get().baseUrl() + " was not valid at " + integrated);
    }

    if (proof != null) {
      if (checkpoint.isEmpty()) {
        c.fail(Pep740Check.CHECKPOINT, "the inclusion proof has no checkpoint");
      } else if (rootHash != null) {
        checkCheckpoint(c, checkpoint.get(), treeSize, rootHash, log);
      }
    }

    Optional<JsonValue> promise = e.member("inclusionPromise");
    if (promise.isPresent()) {
      Optional<byte[]> set = promise.get().member("signedEntryTimestamp").flatMap(JsonValue::asString)
          .flatMap(Crypto::b64);
      if (set.isEmpty()) {
        c.fail(Pep740Check.INCLUSION_PROMISE, "malformed signed entry timestamp");
      } else if (log.isPresent()) {
        String canonical = "{\"body\":\"" + bodyB64.get() + "\",\"integratedTime\":" + time.get()
            + ",\"logID\":\"" + logHex + "\",\"logIndex\":" + logIndex.get() + "}";
        if (!Crypto.verify(log.get().key(), Crypto.utf8(canonical), set.get())) {
          c.fail(Pep740Check.INCLUSION_PROMISE, "the signed entry timestamp does not verify with the log key");
        }
      }
    } else {
      c.notes.add("no inclusion promise");
    }
    return integrated;
  }

  private static void checkBody(Ctx c, byte[] bodyBytes, Raw raw, Optional<JsonValue> kindVersion) {
    JsonValue body;
    try {
      body = Json.parse(bodyBytes, Json.Limits.DEFAULT);
    } catch (JsonException ex) {
      c.fail(Pep740Check.TLOG_BODY, "the entry body is not JSON: " + ex.getMessage());
      return;
    }
    String kind = body.member("kind").flatMap(JsonValue::asString).orElse("");
    String api = body.member("apiVersion").flatMap(JsonValue::asString).orElse("");
    JsonValue spec = body.member("spec").orElse(null);
    if (kindVersion.isPresent()
        && (!kindVersion.flatMap(k -> k.member("kind")).flatMap(JsonValue::asString).orElse("").equals(kind)
            || !kindVersion.flatMap(k -> k.member("version")).flatMap(JsonValue::asString).orElse("").equals(api))) {
      c.fail(Pep740Check.TLOG_BODY, "the entry's kindVersion does not name the body's kind " + kind + " " + api);
    }
    if (kind.equals("dsse") && api.equals("0.0.1")) {
      if (spec == null) {
        c.fail(Pep740Check.TLOG_BODY, "the entry body has no spec");
        return;
      }
      checkLogged(c, raw, spec.member("payloadHash"), spec.member("signatures"), "signature", "verifier", false);
    } else if (kind.equals("intoto") && api.equals("0.0.2")) {
      // Rekor intoto 0.0.2: spec.content.{payloadHash, envelope{payloadType, signatures[{sig, publicKey}]}}, where
      // sig holds base64 of the DSSE signature's base64 text; content.hash covers Rekor's own serialisation.
      Optional<JsonValue> content = Optional.ofNullable(spec).flatMap(sp -> sp.member("content"));
      Optional<JsonValue> envelope = content.flatMap(ct -> ct.member("envelope"));
      String type = envelope.flatMap(e -> e.member("payloadType")).flatMap(JsonValue::asString).orElse("");
      if (!type.equals(raw.payloadType())) {
        c.fail(Pep740Check.TLOG_BODY, "the logged payload type is not the envelope's");
      }
      Optional<String> payload = envelope.flatMap(e -> e.member("payload")).flatMap(JsonValue::asString);
      if (payload.isPresent() && !payload.flatMap(Crypto::b64).map(b -> new String(b, StandardCharsets.US_ASCII))
          .flatMap(Pep740Verifier::anyB64).map(b -> java.security.MessageDigest.isEqual(b, raw.statement()))
          .orElse(false)) {
        c.fail(Pep740Check.TLOG_BODY, "the logged payload is not the statement");
      }
      checkLogged(c, raw, content.flatMap(ct -> ct.member("payloadHash")),
          envelope.flatMap(e -> e.member("signatures")), "sig", "publicKey", true);
    } else {
      c.unsupported = "Rekor entry kind " + kind + " " + api + " is not supported (dsse 0.0.1 and intoto 0.0.2 are)";
    }
  }

  /** Standard or url-safe base64, padded or not. */
  private static Optional<byte[]> anyB64(String s) {
    String t = s.replace('-', '+').replace('_', '/');
    while (t.length() % 4 != 0) {
      t = t + "=";
    }
    return Crypto.b64(t);
  }

  /** Compares the logged payload hash, signature and certificate with the attestation's. */
  private static void checkLogged(Ctx c, Raw raw, Optional<JsonValue> payloadHash, Optional<JsonValue> signatures,
      String sigName, String certName, boolean doubleEncodedSig) {
    String alg = payloadHash.flatMap(p -> p.member("algorithm")).flatMap(JsonValue::asString).orElse("");
    String value = payloadHash.flatMap(p -> p.member("value")).flatMap(JsonValue::asString).orElse("");
    if (!alg.equals("sha256") || !value.equalsIgnoreCase(Crypto.hex(Crypto.sha256(raw.statement())))) {
      c.fail(Pep740Check.TLOG_BODY, "the logged payload hash is not the statement's sha256");
    }
    List<JsonValue> sigs = signatures.flatMap(JsonValue::asArray).orElse(List.of());
    if (sigs.size() != 1) {
      c.fail(Pep740Check.TLOG_BODY, "the entry body holds " + sigs.size() + " signatures, not one");
      return;
    }
    Optional<byte[]> sig = sigs.get(0).member(sigName).flatMap(JsonValue::asString).flatMap(Crypto::b64);
    if (doubleEncodedSig) {
      sig = sig.map(b -> new String(b, StandardCharsets.US_ASCII)).flatMap(Pep740Verifier::anyB64);
    }
    if (sig.isEmpty() || !java.security.MessageDigest.isEqual(sig.get(), raw.signature())) {
      c.fail(Pep740Check.TLOG_BODY, "the logged signature is not the envelope's signature");
    }
    Optional<byte[]> verifierDer = sigs.get(0).member(certName).flatMap(JsonValue::asString)
        .flatMap(Crypto::b64)
        .flatMap(pem -> Crypto.pemBlocks(new String(pem, StandardCharsets.UTF_8), "CERTIFICATE", 2))
        .filter(l -> l.size() == 1)
        .map(l -> l.get(0));
    if (verifierDer.isEmpty() || !java.security.MessageDigest.isEqual(verifierDer.get(), raw.certDer())) {
      c.fail(Pep740Check.TLOG_BODY, "the logged verifier is not the attestation's certificate");
    }
  }

  private static void checkCheckpoint(
      Ctx c, String note, long treeSize, byte[] rootHash, Optional<SigstoreTrustedRoot.TransparencyLog> log) {
    int split = note.indexOf("\n\n");
    if (split < 0 || note.length() > 64 * 1024) {
      c.fail(Pep740Check.CHECKPOINT, "the checkpoint is not a signed note");
      return;
    }
    String text = note.substring(0, split + 1);
    String[] lines = text.split("\n", -1);
    if (lines.length < 4) {
      c.fail(Pep740Check.CHECKPOINT, "the checkpoint lacks origin, size or root");
      return;
    }
    Optional<byte[]> cpRoot = Crypto.b64(lines[2]);
    if (!lines[1].equals(Long.toString(treeSize))) {
      c.fail(Pep740Check.CHECKPOINT, "the checkpoint's tree size " + lines[1] + " is not the proof's " + treeSize);
    }
    if (cpRoot.isEmpty() || !Merkle.equal(cpRoot.get(), rootHash)) {
      c.fail(Pep740Check.CHECKPOINT, "the checkpoint's root hash is not the proof's");
    }
    if (log.isEmpty()) {
      return;
    }
    byte[] signed = text.getBytes(StandardCharsets.UTF_8);
    boolean verified = false;
    String[] sigLines = note.substring(split + 2).split("\n");
    for (int i = 0; i < sigLines.length && i < MAX_NOTE_SIGNATURES && !verified; i++) {
      String l = sigLines[i];
      if (!l.startsWith("\u2014 ")) {
        continue;
      }
      int sp = l.lastIndexOf(' ');
      Optional<byte[]> blob = Crypto.b64(l.substring(sp + 1));
      if (blob.isPresent() && blob.get().length > 4) {
        byte[] sig = java.util.Arrays.copyOfRange(blob.get(), 4, blob.get().length);
        verified = Crypto.verify(log.get().key(), signed, sig);
      }
    }
    if (!verified) {
      c.fail(Pep740Check.CHECKPOINT, "no checkpoint signature verifies with the key of " + log.get().baseUrl());
    }
  }

  private static void checkCertificate(Ctx c, X509Certificate leaf, Instant t, SigstoreTrustedRoot root) {
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

  private static boolean chains(X509Certificate leaf, List<X509Certificate> chain, Date at) {
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

  private static String describePublisher(JsonValue p) {
    StringJoiner j = new StringJoiner(" ");
    p.member("kind").flatMap(JsonValue::asString).ifPresent(j::add);
    p.member("repository").flatMap(JsonValue::asString).ifPresent(j::add);
    p.member("workflow").or(() -> p.member("workflow_filepath")).flatMap(JsonValue::asString)
        .ifPresent(w -> j.add("workflow " + w));
    p.member("environment").flatMap(JsonValue::asString).ifPresent(e -> j.add("environment " + e));
    return j.toString();
  }

  private static void checkPublisher(Ctx c, JsonValue p, FulcioIdentity id) {
    Optional<String> repo = p.member("repository").flatMap(JsonValue::asString);
    Optional<String> wf = p.member("workflow").or(() -> p.member("workflow_filepath")).flatMap(JsonValue::asString)
        .map(w -> w.substring(w.lastIndexOf('/') + 1));
    if (repo.isPresent() && !id.repository().map(r -> r.equalsIgnoreCase(repo.get())).orElse(false)) {
      c.fail(Pep740Check.PUBLISHER, "the provenance publisher repository " + repo.get()
          + " is not the certificate's " + id.repository().orElse("(none)"));
    }
    if (wf.isPresent() && !id.workflow().map(w -> w.equals(wf.get())).orElse(false)) {
      c.fail(Pep740Check.PUBLISHER, "the provenance publisher workflow " + wf.get()
          + " is not the certificate's " + id.workflow().orElse("(none)"));
    }
  }
}
