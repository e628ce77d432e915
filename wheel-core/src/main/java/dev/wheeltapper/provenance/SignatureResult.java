package dev.wheeltapper.provenance;

import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of verifying one signature: its kind, status, who signed it, a one-line detail, and the findings it
 * raises ({@code signature.invalid} for {@link SignatureStatus#INVALID}, {@code signature.untrusted} as a warning for
 * {@link SignatureStatus#UNTRUSTED}, plus notes such as {@code signature.deprecated}).
 *
 * <p><b>A signature vouches for RECORD only</b> (RECORD.jws, RECORD.p7s) or for the file bytes the caller hashed
 * (PEP 740, OpenPGP). A wheel is validly signed only when its RECORD also verifies against its content; callers must
 * combine this result with RECORD verification.
 *
 * <pre>{@code
 * SignatureResult r = RecordJwsVerifier.verify(jwsBytes, recordBytes, policy, "foo-1.0.dist-info/RECORD.jws");
 * System.out.println(r.kind().label() + " " + r.status().label() + " " + r.signer().orElse("?"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind the signature form
 * @param status the verdict
 * @param signer a certificate subject, an OpenPGP user id, a key fingerprint or a publisher identity; empty when
 *     unknown (for example, garbage input)
 * @param detail one line for a person: what was checked, and what failed
 * @param findings the findings to add to the artifact's report
 * @param source the file the signature was read from ({@code NAME.whl.asc}, {@code foo-1.0.dist-info/RECORD.jws}),
 *     when the caller named it
 */
public record SignatureResult(
    SignatureKind kind, SignatureStatus status, Optional<String> signer, String detail, List<Finding> findings,
    Optional<String> source) {

  /** Rejects nulls and copies the findings. */
  public SignatureResult {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(detail, "detail");
    findings = List.copyOf(findings);
  }

  /**
   * A result whose source file is not named.
   *
   * @param kind the signature form
   * @param status the verdict
   * @param signer who signed, when known
   * @param detail one line for a person
   * @param findings the findings to add to the artifact's report
   */
  public SignatureResult(
      SignatureKind kind, SignatureStatus status, Optional<String> signer, String detail, List<Finding> findings) {
    this(kind, status, signer, detail, findings, Optional.empty());
  }

  /**
   * This result, read from the named file: what a report shows beside each signature line.
   *
   * @param file the signature file or entry, as the report names it
   * @return a copy with {@link #source()} set
   */
  public SignatureResult withSource(String file) {
    return new SignatureResult(kind, status, signer, detail, findings, Optional.of(file));
  }

  /**
   * The findings under a policy: with {@link TrustPolicy#requireSignature()}, {@code signature.untrusted} becomes an
   * error, as the report contract asks for {@code --require-signature}.
   *
   * @param policy the policy the signature was verified under
   * @return the findings, adjusted
   */
  public List<Finding> findingsUnder(TrustPolicy policy) {
    if (!policy.requireSignature()) {
      return findings;
    }
    List<Finding> out = new ArrayList<>();
    for (Finding f : findings) {
      out.add(f.code().equals(Codes.SIGNATURE_UNTRUSTED) && f.severity() != Severity.ERROR
          ? Finding.error(f.code(), f.path(), f.message()) : f);
    }
    return List.copyOf(out);
  }

  /**
   * Builds a result with the status finding derived from the status: an error {@code signature.invalid}, a warning
   * {@code signature.untrusted}, a note {@code signature.unsupported}, nothing for valid.
   *
   * @param kind the form
   * @param status the verdict
   * @param signer who signed, when known
   * @param detail one line
   * @param path the finding path (the signature file or entry), or empty
   * @param extra further findings (for example a deprecation note)
   * @return the result
   */
  public static SignatureResult of(
      SignatureKind kind,
      SignatureStatus status,
      Optional<String> signer,
      String detail,
      String path,
      List<Finding> extra) {
    List<Finding> f = new ArrayList<>();
    String message = kind.label() + " signature: " + detail;
    switch (status) {
      case INVALID:
        f.add(Finding.error(Codes.SIGNATURE_INVALID, path, message));
        break;
      case UNTRUSTED:
        f.add(Finding.warning(Codes.SIGNATURE_UNTRUSTED, path, message));
        break;
      case UNSUPPORTED:
        f.add(Finding.note(Codes.SIGNATURE_UNSUPPORTED, path, message));
        break;
      default:
        break;
    }
    f.addAll(extra);
    return new SignatureResult(kind, status, signer, detail, f);
  }
}
