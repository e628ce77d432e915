package dev.wheeltapper.provenance.pep740;

/**
 * The individual checks of PEP 740 verification. A failure of an integrity check makes the attestation {@code
 * invalid}; a failure of a trust check ({@link #isTrustCheck()}) only makes it {@code untrusted}.
 */
public enum Pep740Check {
  /** The object has the shape of an attestation, provenance object or Sigstore bundle (JSON, fields, base64). */
  FORMAT("format"),
  /** The leaf certificate is a readable X.509 certificate. */
  CERTIFICATE("certificate"),
  /** The leaf certificate was valid at the Rekor integrated time. */
  CERTIFICATE_VALIDITY("certificate validity at integration time"),
  /** The DSSE signature over the PAE encoding verifies with the leaf certificate's key. */
  ENVELOPE_SIGNATURE("DSSE envelope signature"),
  /** The statement is an in-toto v1 statement with exactly one subject. */
  STATEMENT("in-toto statement"),
  /** The subject name is the distribution's file name (parsed and normalised). */
  SUBJECT_NAME("subject name"),
  /** The subject's sha256 is the distribution's. */
  SUBJECT_DIGEST("subject digest"),
  /** The predicate type is PyPI publish/v1 or SLSA provenance v1. */
  PREDICATE_TYPE("predicate type"),
  /** The Rekor entry body records this envelope's payload hash, signature and certificate. */
  TLOG_BODY("Rekor entry body"),
  /** The Merkle inclusion proof leads from the entry to the proof's root hash. */
  INCLUSION_PROOF("Merkle inclusion proof"),
  /** The checkpoint commits to the proof's tree size and root and is signed by the log key. */
  CHECKPOINT("checkpoint"),
  /** The signed entry timestamp (inclusion promise) verifies with the log key. */
  INCLUSION_PROMISE("inclusion promise"),
  /** The publisher of a PyPI provenance object agrees with the certificate. */
  PUBLISHER("provenance publisher"),
  /** The Rekor log is one of the trusted root's logs, valid at the integrated time. */
  LOG_TRUST("transparency log trust"),
  /** The leaf certificate chains to a Fulcio CA of the trusted root. */
  CERTIFICATE_CHAIN("certificate chain"),
  /**
   * The leaf certificate embeds a signed certificate timestamp that verifies with a CT log of the trusted root (when
   * the root lists CT logs): the certificate was publicly logged.
   */
  CERTIFICATE_TRANSPARENCY("certificate transparency (embedded SCT)"),
  /** The signer is one of the identities the caller requires. */
  IDENTITY("publisher identity");

  private final String description;

  Pep740Check(String description) {
    this.description = description;
  }

  /**
   * A short name for messages.
   *
   * @return for example {@code "Merkle inclusion proof"}
   */
  public String description() {
    return description;
  }

  /**
   * Whether a failure only means the attestation is outside the trust given.
   *
   * @return true for {@link #LOG_TRUST}, {@link #CERTIFICATE_CHAIN}, {@link #CERTIFICATE_TRANSPARENCY} and
   *     {@link #IDENTITY}
   */
  public boolean isTrustCheck() {
    return this == LOG_TRUST || this == CERTIFICATE_CHAIN || this == CERTIFICATE_TRANSPARENCY || this == IDENTITY;
  }
}
