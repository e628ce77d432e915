package dev.wheeltapper.provenance.jws;

import dev.wheeltapper.provenance.SignatureKind;
import dev.wheeltapper.provenance.SignatureResult;
import dev.wheeltapper.provenance.SignatureStatus;
import dev.wheeltapper.provenance.TrustPolicy;
import dev.wheeltapper.provenance.internal.Crypto;
import dev.wheeltapper.provenance.internal.Deprecation;
import dev.wheeltapper.provenance.json.Json;
import dev.wheeltapper.provenance.json.JsonException;
import dev.wheeltapper.provenance.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;

/**
 * Verifies {@code RECORD.jws}, the signed-RECORD form of the historical {@code wheel} tool (deprecated by PEP 815).
 *
 * <p>Layout: {@code {"recipients":[{"header":B64URL,"signature":B64URL}],"payload":B64URL}}; the header decodes to
 * {@code {"alg":"Ed25519","key":{"alg":"Ed25519","vk":B64URL},"typ":"JWT"}}, the payload to {@code
 * {"hash":"sha256=B64URL-NOPAD(SHA-256(RECORD))"}}; each signature is Ed25519 over the ASCII text {@code
 * header + "." + payload} exactly as written in the file. {@code alg} must be {@code Ed25519} (or {@code EdDSA});
 * {@code none} and every other algorithm are {@code invalid}.
 *
 * <p>Every signature must verify; the result is {@code valid} when a signing key is one of the policy's Ed25519 keys,
 * {@code untrusted} otherwise. The signer is the key, written {@code ed25519:B64URL(vk)}. <b>The signature vouches
 * for RECORD only</b>: the caller must also verify RECORD against the archive content.
 *
 * <pre>{@code
 * SignatureResult r = RecordJwsVerifier.verify(jws, record, policy, "foo-1.0.dist-info/RECORD.jws");
 * }</pre>
 *
 * <p>Stateless and thread-safe; never throws on hostile input.
 */
public final class RecordJwsVerifier {
  private RecordJwsVerifier() {}

  /** Largest RECORD.jws accepted. */
  public static final int MAX_BYTES = 1 << 20;

  private static final int MAX_RECIPIENTS = 16;

  /**
   * Verifies a RECORD.jws against the exact RECORD bytes.
   *
   * @param jws the RECORD.jws content
   * @param record the RECORD content the archive holds
   * @param policy the trusted Ed25519 keys
   * @param path the path to put in findings, or empty
   * @return the result (kind {@code RECORD.jws}), always with a deprecation note
   */
  public static SignatureResult verify(byte[] jws, byte[] record, TrustPolicy policy, String path) {
    try {
      return check(jws, record, policy, path);
    } catch (RuntimeException e) {
      return invalid("unreadable RECORD.jws (" + e + ")", path, Optional.empty());
    }
  }

  private static SignatureResult invalid(String detail, String path, Optional<String> signer) {
    return SignatureResult.of(SignatureKind.RECORD_JWS, SignatureStatus.INVALID, signer, detail, path,
        List.of(Deprecation.pep815("RECORD.jws", path)));
  }

  private static SignatureResult check(byte[] jws, byte[] record, TrustPolicy policy, String path) {
    if (jws.length > MAX_BYTES) {
      return invalid("RECORD.jws larger than " + MAX_BYTES + " bytes", path, Optional.empty());
    }
    JsonValue root;
    try {
      root = Json.parse(jws, Json.Limits.DEFAULT);
    } catch (JsonException e) {
      return invalid("RECORD.jws is not JSON: " + e.getMessage(), path, Optional.empty());
    }
    Optional<String> payloadB64 = root.member("payload").flatMap(JsonValue::asString);
    List<JsonValue> recipients = root.member("recipients").flatMap(JsonValue::asArray).orElse(List.of());
    if (payloadB64.isEmpty() || recipients.isEmpty()) {
      return invalid("not the RECORD.jws layout {\"recipients\":[...],\"payload\":...}", path, Optional.empty());
    }
    if (recipients.size() > MAX_RECIPIENTS) {
      return invalid("more than " + MAX_RECIPIENTS + " recipients", path, Optional.empty());
    }
    // The payload must name this RECORD.
    Optional<JsonValue> payload = payloadB64.get().chars().allMatch(RecordJwsVerifier::isB64Url)
        ? Crypto.b64url(payloadB64.get()).flatMap(RecordJwsVerifier::json) : Optional.empty();
    if (payload.isEmpty()) {
      return invalid("payload is not base64url JSON", path, Optional.empty());
    }
    String hash = payload.get().member("hash").flatMap(JsonValue::asString).orElse("");
    String expected = "sha256=" + Crypto.b64urlNoPad(Crypto.sha256(record));
    if (!hash.startsWith("sha256=")) {
      return invalid("payload hash \"" + hash + "\" is not sha256=...", path, Optional.empty());
    }
    boolean hashMatches = MessageDigest.isEqual(
        hash.replaceAll("=+$", "").getBytes(StandardCharsets.US_ASCII),
        expected.getBytes(StandardCharsets.US_ASCII));

    Optional<String> trustedSigner = Optional.empty();
    Optional<String> firstSigner = Optional.empty();
    for (JsonValue r : recipients) {
      Optional<String> headerB64 = r.member("header").flatMap(JsonValue::asString)
          .or(() -> r.member("protected").flatMap(JsonValue::asString));
      Optional<String> sigB64 = r.member("signature").flatMap(JsonValue::asString);
      if (headerB64.isEmpty() || sigB64.isEmpty() || !headerB64.get().chars().allMatch(RecordJwsVerifier::isB64Url)) {
        return invalid("recipient without base64url header and signature", path, firstSigner);
      }
      Optional<JsonValue> header = Crypto.b64url(headerB64.get()).flatMap(RecordJwsVerifier::json);
      if (header.isEmpty()) {
        return invalid("header is not base64url JSON", path, firstSigner);
      }
      String alg = header.get().member("alg").flatMap(JsonValue::asString).orElse("(missing)");
      if (!alg.equals("Ed25519") && !alg.equals("EdDSA")) {
        return invalid("alg \"" + alg + "\" is not Ed25519", path, firstSigner);
      }
      Optional<byte[]> vk = header.get().member("key").or(() -> header.get().member("jwk"))
          .flatMap(k -> k.member("vk")).flatMap(JsonValue::asString).flatMap(Crypto::b64url);
      if (vk.isEmpty() || vk.get().length != 32) {
        return invalid("header without a 32-byte Ed25519 key.vk", path, firstSigner);
      }
      String signer = "ed25519:" + Crypto.b64urlNoPad(vk.get());
      firstSigner = firstSigner.or(() -> Optional.of(signer));
      Optional<byte[]> sig = Crypto.b64url(sigB64.get());
      PublicKey key;
      try {
        key = Crypto.ed25519(vk.get());
      } catch (GeneralSecurityException e) {
        return invalid("key.vk is not an Ed25519 public key", path, Optional.of(signer));
      }
      byte[] input = (headerB64.get() + "." + payloadB64.get()).getBytes(StandardCharsets.US_ASCII);
      if (sig.isEmpty() || sig.get().length != 64 || !Crypto.verify(key, input, sig.get())) {
        return invalid("the Ed25519 signature of " + signer + " does not verify", path, Optional.of(signer));
      }
      for (PublicKey trusted : policy.ed25519Keys()) {
        if (Crypto.rawEd25519(trusted).map(t -> MessageDigest.isEqual(t, vk.get())).orElse(false)) {
          trustedSigner = trustedSigner.or(() -> Optional.of(signer));
        }
      }
    }
    if (!hashMatches) {
      return invalid("the signed hash " + hash + " is not RECORD's " + expected, path, firstSigner);
    }
    if (trustedSigner.isPresent()) {
      return SignatureResult.of(SignatureKind.RECORD_JWS, SignatureStatus.VALID, trustedSigner,
          "Ed25519 signature over sha256(RECORD) by trusted key " + trustedSigner.get(), path,
          List.of(Deprecation.pep815("RECORD.jws", path)));
    }
    return SignatureResult.of(SignatureKind.RECORD_JWS, SignatureStatus.UNTRUSTED, firstSigner,
        "intact Ed25519 signature over sha256(RECORD), but key " + firstSigner.orElse("?")
            + " is not among the trusted keys", path, List.of(Deprecation.pep815("RECORD.jws", path)));
  }

  private static boolean isB64Url(int c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
        || c == '=';
  }

  private static Optional<JsonValue> json(byte[] b) {
    try {
      return Optional.of(Json.parse(b, Json.Limits.DEFAULT));
    } catch (JsonException e) {
      return Optional.empty();
    }
  }
}
