package dev.wheeltapper.provenance.trust;

import dev.wheeltapper.provenance.trust.InvalidTrustMaterialException;
import dev.wheeltapper.provenance.internal.Crypto;
import dev.wheeltapper.provenance.json.Json;
import dev.wheeltapper.provenance.json.JsonException;
import dev.wheeltapper.provenance.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * A Sigstore trusted root ({@code trusted_root.json}, media type {@code
 * application/vnd.dev.sigstore.trustedroot+json;version=0.1}): the Rekor transparency logs and Fulcio certificate
 * authorities an attestation may chain to, and the certificate transparency logs whose signed certificate timestamps
 * a Fulcio certificate must carry. Timestamp authorities are read past but not used. A Rekor log or CA that cannot be
 * read makes the whole root unreadable; a CT log entry that cannot be read is left out (an SCT from it then does not
 * count, which can only make an attestation less trusted).
 *
 * <p>{@link #publicGood()} is the Sigstore public-good production root shipped with this library (origin and SHA-256
 * in {@code dev/wheeltapper/provenance/sigstore-production-trusted_root.txt}); callers replace it with {@link
 * #parse(byte[])}. Nothing is ever fetched from the network.
 *
 * <pre>{@code
 * SigstoreTrustedRoot staging = SigstoreTrustedRoot.parse(Files.readAllBytes(Path.of("trusted_root.json")));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class SigstoreTrustedRoot {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SigstoreTrustedRoot.class);
  private static final String RESOURCE = "/dev/wheeltapper/provenance/sigstore-production-trusted_root.json";
  private static final int MAX_ENTRIES = 64;

  /**
   * A transparency log: a Rekor log ({@code tlogs}) or a certificate transparency log ({@code ctlogs}).
   *
   * @param baseUrl where it lives (informational)
   * @param logIdHex its log ID, lower-case hex, as declared by the root
   * @param key its signing key (Rekor: checkpoints and inclusion promises; CT: signed certificate timestamps)
   * @param validFrom start of the key's validity
   * @param validUntil end of the key's validity, when bounded
   */
  public record TransparencyLog(
      String baseUrl, String logIdHex, PublicKey key, Instant validFrom, Optional<Instant> validUntil) {
    /** Rejects nulls. */
    public TransparencyLog {
      Objects.requireNonNull(baseUrl, "baseUrl");
      Objects.requireNonNull(logIdHex, "logIdHex");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(validFrom, "validFrom");
      Objects.requireNonNull(validUntil, "validUntil");
    }

    /**
     * Whether the key was valid at an instant.
     *
     * @param t the instant
     * @return true inside the window
     */
    public boolean validAt(Instant t) {
      return !t.isBefore(validFrom) && validUntil.map(u -> !t.isAfter(u)).orElse(true);
    }
  }

  /**
   * A Fulcio certificate authority.
   *
   * @param uri where it lives (informational)
   * @param chain its certificates, issuing CA first, root last
   * @param validFrom start of its validity for issuing
   * @param validUntil end of its validity, when bounded
   */
  public record CertificateAuthority(
      String uri, List<X509Certificate> chain, Instant validFrom, Optional<Instant> validUntil) {
    /** Rejects nulls and empty chains; copies the chain. */
    public CertificateAuthority {
      Objects.requireNonNull(uri, "uri");
      chain = List.copyOf(chain);
      if (chain.isEmpty()) {
        throw new IllegalArgumentException("empty certificate chain");
      }
      Objects.requireNonNull(validFrom, "validFrom");
      Objects.requireNonNull(validUntil, "validUntil");
    }

    /**
     * Whether the CA was valid at an instant.
     *
     * @param t the instant
     * @return true inside the window
     */
    public boolean validAt(Instant t) {
      return !t.isBefore(validFrom) && validUntil.map(u -> !t.isAfter(u)).orElse(true);
    }
  }

  private final List<TransparencyLog> tlogs;
  private final List<TransparencyLog> ctLogs;
  private final List<CertificateAuthority> cas;
  private final String description;

  private SigstoreTrustedRoot(List<TransparencyLog> tlogs, List<TransparencyLog> ctLogs, List<CertificateAuthority> cas,
      String description) {
    this.tlogs = List.copyOf(tlogs);
    this.ctLogs = List.copyOf(ctLogs);
    this.cas = List.copyOf(cas);
    this.description = description;
  }

  private static final class PublicGood {
    static final SigstoreTrustedRoot ROOT = load();

    private static SigstoreTrustedRoot load() {
      try (InputStream in = SigstoreTrustedRoot.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("bundled resource missing: " + RESOURCE);
        }
        return parse(in.readNBytes(Json.Limits.DEFAULT.maxBytes()), "Sigstore public-good production root");
      } catch (IOException | InvalidTrustMaterialException e) {
        throw new IllegalStateException("bundled Sigstore trusted root unreadable", e);
      }
    }
  }

  /**
   * The Sigstore public-good production root bundled with the library.
   *
   * @return the root
   */
  public static SigstoreTrustedRoot publicGood() {
    return PublicGood.ROOT;
  }

  /**
   * Parses a {@code trusted_root.json}.
   *
   * @param json the file content
   * @return the root
   * @throws InvalidTrustMaterialException when it is not a trusted root with at least one log and one CA
   */
  public static SigstoreTrustedRoot parse(byte[] json) throws InvalidTrustMaterialException {
    return parse(json, "caller-given Sigstore trusted root");
  }

  private static SigstoreTrustedRoot parse(byte[] json, String description) throws InvalidTrustMaterialException {
    JsonValue root;
    try {
      root = Json.parse(json, Json.Limits.DEFAULT);
    } catch (JsonException e) {
      throw new InvalidTrustMaterialException("Sigstore trusted root is not valid JSON: " + e.getMessage(), e);
    }
    String mediaType = root.member("mediaType").flatMap(JsonValue::asString).orElse("");
    if (!mediaType.startsWith("application/vnd.dev.sigstore.trustedroot")) {
      throw new InvalidTrustMaterialException("not a Sigstore trusted root (mediaType \"" + mediaType + "\")");
    }
    List<TransparencyLog> logs = logs(root, "tlogs", false);
    List<TransparencyLog> ctLogs = logs(root, "ctlogs", true);
    List<CertificateAuthority> authorities = new ArrayList<>();
    for (JsonValue ca : list(root, "certificateAuthorities")) {
      List<X509Certificate> chain = new ArrayList<>();
      JsonValue certChain = ca.member("certChain").orElseThrow(() -> bad("CA without certChain"));
      for (JsonValue c : list(certChain, "certificates")) {
        try {
          chain.add(Crypto.certificate(b64(c, "rawBytes")));
        } catch (GeneralSecurityException e) {
          throw new InvalidTrustMaterialException("CA certificate unreadable: " + e.getMessage(), e);
        }
      }
      if (chain.isEmpty()) {
        throw bad("CA with an empty certificate chain");
      }
      JsonValue valid = ca.member("validFor").orElseThrow(() -> bad("CA without validFor"));
      authorities.add(
          new CertificateAuthority(
              ca.member("uri").flatMap(JsonValue::asString).orElse(""),
              chain,
              instant(valid, "start").orElseThrow(() -> bad("CA without validFor.start")),
              instant(valid, "end")));
    }
    if (logs.isEmpty() || authorities.isEmpty()) {
      throw bad("trusted root without transparency logs or certificate authorities");
    }
    return new SigstoreTrustedRoot(logs, ctLogs, authorities, description);
  }

  /**
   * The Rekor ({@code tlogs}) or certificate transparency ({@code ctlogs}) logs: the same JSON shape. With {@code
   * skipUnreadable}, an entry that cannot be read is left out instead of failing the root.
   */
  private static List<TransparencyLog> logs(JsonValue root, String name, boolean skipUnreadable)
      throws InvalidTrustMaterialException {
    List<TransparencyLog> logs = new ArrayList<>();
    for (JsonValue t : list(root, name)) {
      try {
        logs.add(log(t, name));
      } catch (InvalidTrustMaterialException e) {
        if (!skipUnreadable) {
          throw e;
        }
        LOG.debug("{} entry left out: {}", name, e.getMessage());
      }
    }
    return logs;
  }

  private static TransparencyLog log(JsonValue t, String name) throws InvalidTrustMaterialException {
    JsonValue pk = t.member("publicKey").orElseThrow(() -> bad(name + " entry without publicKey"));
    byte[] der = b64(pk, "rawBytes");
    byte[] logId = b64(t.member("logId").orElseThrow(() -> bad(name + " entry without logId")), "keyId");
    PublicKey key;
    try {
      if (pk.member("keyDetails").flatMap(JsonValue::asString).orElse("").startsWith("PKCS1_RSA")) {
        // a bare PKCS#1 RSAPublicKey (the staging CT log of 2021): wrap it as a SubjectPublicKeyInfo
        der = new SubjectPublicKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption,
            DERNull.INSTANCE), org.bouncycastle.asn1.ASN1Primitive.fromByteArray(der)).getEncoded();
      }
      key = Crypto.publicKey(der);
    } catch (GeneralSecurityException | IOException | RuntimeException e) {
      throw new InvalidTrustMaterialException(name + " public key unreadable: " + e.getMessage(), e);
    }
    JsonValue valid = pk.member("validFor").orElseThrow(() -> bad(name + " key without validFor"));
    return new TransparencyLog(
        t.member("baseUrl").flatMap(JsonValue::asString).orElse(""),
        Crypto.hex(logId),
        key,
        instant(valid, "start").orElseThrow(() -> bad(name + " key without validFor.start")),
        instant(valid, "end"));
  }

  private static InvalidTrustMaterialException bad(String message) {
    return new InvalidTrustMaterialException("Sigstore trusted root: " + message);
  }

  private static List<JsonValue> list(JsonValue v, String name) throws InvalidTrustMaterialException {
    List<JsonValue> l = v.member(name).flatMap(JsonValue::asArray).orElse(List.of());
    if (l.size() > MAX_ENTRIES) {
      throw bad("more than " + MAX_ENTRIES + " entries in " + name);
    }
    return l;
  }

  private static byte[] b64(JsonValue v, String name) throws InvalidTrustMaterialException {
    return v.member(name)
        .flatMap(JsonValue::asString)
        .flatMap(Crypto::b64)
        .orElseThrow(() -> bad("missing or non-base64 " + name));
  }

  private static Optional<Instant> instant(JsonValue v, String name) throws InvalidTrustMaterialException {
    Optional<String> s = v.member(name).flatMap(JsonValue::asString);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(s.get()));
    } catch (DateTimeParseException e) {
      throw bad("invalid time " + s.get());
    }
  }

  /**
   * The Rekor logs.
   *
   * @return the logs, in file order
   */
  public List<TransparencyLog> transparencyLogs() {
    return tlogs;
  }

  /**
   * The certificate transparency logs ({@code ctlogs}) whose signed certificate timestamps a Fulcio certificate
   * must carry. Empty when the root lists none; then no SCT is required.
   *
   * @return the CT logs, in file order
   */
  public List<TransparencyLog> certificateTransparencyLogs() {
    return ctLogs;
  }

  /**
   * The Fulcio CAs.
   *
   * @return the CAs, in file order
   */
  public List<CertificateAuthority> certificateAuthorities() {
    return cas;
  }

  /**
   * The log with a log ID: the SHA-256 of the log's public key (DER SubjectPublicKeyInfo), as Rekor v1 computes it,
   * or else the log ID the root declares for it (newer logs derive it differently).
   *
   * @param logIdHex lower-case hex
   * @return the log, when the root lists it
   */
  public Optional<TransparencyLog> log(String logIdHex) {
    Optional<TransparencyLog> byKey = tlogs.stream()
        .filter(l -> Crypto.hex(Crypto.sha256(l.key().getEncoded())).equals(logIdHex))
        .findFirst();
    return byKey.or(() -> tlogs.stream().filter(l -> l.logIdHex().equals(logIdHex)).findFirst());
  }

  @Override
  public String toString() {
    return description + " (" + tlogs.size() + " logs, " + cas.size() + " CAs, " + ctLogs.size() + " CT logs)";
  }
}
