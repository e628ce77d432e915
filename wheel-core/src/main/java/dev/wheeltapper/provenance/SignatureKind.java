package dev.wheeltapper.provenance;

import java.util.Optional;

/**
 * The form of a signature, named as in the report contract ({@code docs/cli.md}).
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
   * The kind of signature a file holds, judged by its name: {@code NAME.whl.asc} (OpenPGP), {@code
   * NAME.whl.publish.attestation}, any {@code NAME.whl.*.attestation}, {@code NAME.whl.provenance} and {@code
   * NAME.whl.sigstore} (PEP 740, beside the wheel), or an archive entry {@code *.dist-info/RECORD.jws} / {@code
   * *.dist-info/RECORD.p7s} (inside it). Also accepts sdist names ({@code NAME.tar.gz.provenance}).
   *
   * <pre>{@code
   * SignatureKind.ofFileName("foo-1.0-py3-none-any.whl.publish.attestation"); // Optional[PEP740]
   * }</pre>
   *
   * @param name a file name beside the distribution, or an entry path inside the wheel
   * @return the kind, or empty when the name is not a signature file
   */
  public static Optional<SignatureKind> ofFileName(String name) {
    if (name.endsWith(".dist-info/RECORD.jws")) {
      return Optional.of(RECORD_JWS);
    }
    if (name.endsWith(".dist-info/RECORD.p7s")) {
      return Optional.of(RECORD_P7S);
    }
    if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
      return Optional.empty();
    }
    for (String dist : new String[] {".whl.", ".tar.gz.", ".zip."}) {
      int i = name.lastIndexOf(dist);
      if (i <= 0) {
        continue;
      }
      String suffix = name.substring(i + dist.length());
      if (suffix.equals("asc")) {
        return Optional.of(OPENPGP);
      }
      if (suffix.equals("provenance") || suffix.equals("sigstore") || suffix.equals("attestation")
          || (suffix.endsWith(".attestation") && suffix.indexOf('.') == suffix.length() - ".attestation".length())) {
        return Optional.of(PEP740);
      }
    }
    return Optional.empty();
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
