package dev.wheeltapper.provenance.pep740;

import dev.wheeltapper.provenance.internal.Crypto;
import dev.wheeltapper.provenance.json.Json;
import dev.wheeltapper.provenance.json.JsonException;
import dev.wheeltapper.provenance.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The canonicalized body of a Rekor entry, kind {@code dsse} 0.0.1 or {@code intoto} 0.0.2: it must record this
 * envelope's payload hash, signature and certificate. Rekor's {@code envelopeHash} (and {@code intoto}'s {@code
 * content.hash}) are computed over Rekor's own serialisation and not compared, as sigstore-python does not.
 */
final class RekorEntryBody {
  private RekorEntryBody() {}

  /** Checks the body against the attestation; a kind other than dsse 0.0.1 or intoto 0.0.2 is unsupported. */
  static void check(Verification c, byte[] bodyBytes, Attestation raw, Optional<JsonValue> kindVersion) {
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
          .flatMap(RekorEntryBody::anyB64).map(b -> java.security.MessageDigest.isEqual(b, raw.statement()))
          .orElse(false)) {
        c.fail(Pep740Check.TLOG_BODY, "the logged payload is not the statement");
      }
      checkLogged(c, raw, content.flatMap(ct -> ct.member("payloadHash")),
          envelope.flatMap(e -> e.member("signatures")), "sig", "publicKey", true);
    } else {
      c.unsupported("Rekor entry kind " + kind + " " + api + " is not supported (dsse 0.0.1 and intoto 0.0.2 are)");
    }
  }

  /** Standard or url-safe base64, padded or not. */
  static Optional<byte[]> anyB64(String s) {
    String t = s.replace('-', '+').replace('_', '/');
    while (t.length() % 4 != 0) {
      t = t + "=";
    }
    return Crypto.b64(t);
  }

  /** Compares the logged payload hash, signature and certificate with the attestation's. */
  static void checkLogged(
      Verification c, Attestation raw, Optional<JsonValue> payloadHash, Optional<JsonValue> signatures,
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
      sig = sig.map(b -> new String(b, StandardCharsets.US_ASCII)).flatMap(RekorEntryBody::anyB64);
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
}
