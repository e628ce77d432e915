package dev.wheeltapper.provenance.pep740;

import dev.wheeltapper.provenance.internal.Crypto;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;

/**
 * The DSSE envelope (in-toto's Dead Simple Signing Envelope): its payload type and the signature over the
 * pre-authentication encoding of the payload, verified with the leaf certificate's key.
 */
final class DsseEnvelope {
  private DsseEnvelope() {}

  /** The payload type is in-toto's, and the signature over PAE(type, statement) verifies with the leaf's key. */
  static void check(Verification c, Attestation raw, X509Certificate leaf) {
    if (!Pep740Verifier.IN_TOTO_PAYLOAD_TYPE.equals(raw.payloadType())) {
      c.fail(Pep740Check.FORMAT, "expected payload type " + Pep740Verifier.IN_TOTO_PAYLOAD_TYPE + ", got "
          + raw.payloadType());
    }
    if (leaf != null && !Crypto.verify(leaf.getPublicKey(), pae(raw.payloadType(), raw.statement()), raw.signature())) {
      c.fail(Pep740Check.ENVELOPE_SIGNATURE, "the signature does not verify with the leaf certificate's key");
    }
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
}
