package dev.wheeltapper.provenance.pep740;

import dev.wheeltapper.provenance.internal.Crypto;
import dev.wheeltapper.provenance.json.JsonValue;
import java.util.List;
import java.util.Optional;

/**
 * The containers an attestation arrives in, read into {@link Attestation}s: a PEP 740 attestation object ({@code
 * version 1}, {@code verification_material}, {@code envelope}), a PyPI provenance object ({@code
 * attestation_bundles}, each with its {@code publisher}) and a Sigstore bundle v0.3 with a DSSE envelope. Each reader
 * answers null when it read everything, else what is wrong (a {@link Pep740Check#FORMAT} failure).
 */
final class AttestationContainers {
  private AttestationContainers() {}

  private static final int MAX_ATTESTATIONS = 64;

  /** A PyPI provenance object: version 1, its bundles, each with a publisher and attestations. */
  static String readProvenance(JsonValue root, List<Attestation> out) {
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

  /** A PEP 740 attestation object, version 1. */
  static String readAttestation(JsonValue a, Optional<JsonValue> publisher, List<Attestation> out) {
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
    out.add(new Attestation(
        cert.get(), stmt.get(), sig.get(), Pep740Verifier.IN_TOTO_PAYLOAD_TYPE, tlog.get(), publisher));
    return null;
  }

  /** A Sigstore bundle with a DSSE envelope of one signature. */
  static String readBundle(JsonValue b, List<Attestation> out) {
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
    out.add(new Attestation(cert.get(), payload.get(), sig.get(), type, tlog.get(), Optional.empty()));
    return null;
  }
}
