package dev.wheeltapper.provenance;

/**
 * The form of a signature, named as in the report contract ({@code shared/spec/cli.md}).
 *
 * <pre>{@code
 * String json = SignatureKind.RECORD_P7S.label(); // "RECORD.p7s"
 * }</pre>
 */
public enum SignatureKind {
  /** A PEP 740 attestation (Sigstore-signed in-toto statement), alone or inside a PyPI provenance object. */
  PEP740("pep740"),
  /** A detached CMS/PKCS#7 signature over RECORD (deprecated by PEP 815). */
  RECORD_P7S("RECORD.p7s"),
  /** A JWS JSON serialization over the hash of RECORD (deprecated by PEP 815). */
  RECORD_JWS("RECORD.jws"),
  /** A detached OpenPGP signature over the whole wheel file ({@code NAME.whl.asc}). */
  OPENPGP("openpgp");

  private final String label;

  SignatureKind(String label) {
    this.label = label;
  }

  /**
   * The name written in reports.
   *
   * @return for example {@code "pep740"} or {@code "RECORD.jws"}
   */
  public String label() {
    return label;
  }
}
