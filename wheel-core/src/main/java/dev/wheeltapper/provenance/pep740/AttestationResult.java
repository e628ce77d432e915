package dev.wheeltapper.provenance.pep740;

import dev.wheeltapper.provenance.SignatureResult;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The outcome of verifying one PEP 740 attestation: the common {@link SignatureResult} plus what only attestations
 * have (the Fulcio identity, the predicate type, the Rekor integration time, the publisher of a provenance object) and
 * the exact set of checks that failed.
 *
 * <pre>{@code
 * for (AttestationResult a : Pep740Verifier.verify(json, "foo-1.0-py3-none-any.whl", sha256, policy, path)) {
 *   if (a.failedChecks().contains(Pep740Check.SUBJECT_DIGEST)) { ... }
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param signature the common result (kind {@code pep740})
 * @param identity the signer identity from the leaf certificate, when it could be read
 * @param predicateType the statement's predicate type, when it could be read
 * @param integratedTime when Rekor logged the entry, when it could be read
 * @param publisher the publisher a PyPI provenance object declares for the bundle holding this attestation
 * @param failedChecks the checks that failed; empty for a valid attestation
 */
public record AttestationResult(
    SignatureResult signature,
    Optional<FulcioIdentity> identity,
    Optional<String> predicateType,
    Optional<Instant> integratedTime,
    Optional<String> publisher,
    Set<Pep740Check> failedChecks) {

  /** Rejects nulls and copies the set. */
  public AttestationResult {
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(predicateType, "predicateType");
    Objects.requireNonNull(integratedTime, "integratedTime");
    Objects.requireNonNull(publisher, "publisher");
    failedChecks = Set.copyOf(failedChecks);
  }
}
