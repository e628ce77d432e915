package dev.wheeltapper.provenance.pep740;

import dev.wheeltapper.provenance.json.JsonValue;
import java.util.List;
import java.util.Optional;

/**
 * One attestation as read from its container ({@link AttestationContainers}): the leaf certificate, the DSSE payload
 * (the in-toto statement) and its signature, the payload type, the transparency log entries and, from a PyPI
 * provenance object, the Trusted Publisher that uploaded it.
 */
record Attestation(
    byte[] certDer,
    byte[] statement,
    byte[] signature,
    String payloadType,
    List<JsonValue> tlogEntries,
    Optional<JsonValue> publisher) {}
