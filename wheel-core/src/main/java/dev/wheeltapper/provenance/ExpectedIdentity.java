package dev.wheeltapper.provenance;

import java.util.Objects;
import java.util.Optional;

/**
 * A publisher a PEP 740 attestation must name: a source repository with an optional workflow file, written {@code
 * REPO[@WORKFLOW]} as on the command line ({@code --identity pypa/sampleproject@release.yml}), or, without a {@code
 * /}, an exact signer identity such as an e-mail address.
 *
 * <p>Matching (see {@code Pep740Verifier}): the repository equals the path of the certificate's Source Repository URI
 * (OID 1.3.6.1.4.1.57264.1.12; legacy 1.5), case-insensitively; the workflow equals the file name of the Build
 * Config URI (1.18) or of the certificate's URI SAN, without its {@code @ref}. An identity without {@code /} matches a
 * certificate whose SAN (e-mail or URI) equals it exactly.
 *
 * <pre>{@code
 * ExpectedIdentity id = ExpectedIdentity.parse("pypa/sampleproject@release.yml");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param repository {@code owner/name} (any path for GitLab groups), or an exact signer identity
 * @param workflow the workflow file name, when required
 */
public record ExpectedIdentity(String repository, Optional<String> workflow) {

  /** Rejects nulls and empty values. */
  public ExpectedIdentity {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(workflow, "workflow");
    if (repository.isBlank() || workflow.map(String::isBlank).orElse(false)) {
      throw new IllegalArgumentException("identity parts must not be empty");
    }
  }

  /**
   * Parses {@code REPO[@WORKFLOW]}; a value without {@code /} is an exact signer identity (e-mail or URI).
   *
   * @param value for example {@code pypa/sampleproject@release.yml}
   * @return the identity
   * @throws IllegalArgumentException when empty
   */
  public static ExpectedIdentity parse(String value) {
    String v = value.strip();
    int slash = v.indexOf('/');
    if (slash < 0 || v.contains("://")) {
      return new ExpectedIdentity(v, Optional.empty());
    }
    int at = v.indexOf('@', slash);
    if (at < 0) {
      return new ExpectedIdentity(v, Optional.empty());
    }
    return new ExpectedIdentity(v.substring(0, at), Optional.of(v.substring(at + 1)));
  }

  /**
   * Whether this is an exact signer identity rather than a repository.
   *
   * @return true when the value holds no {@code /} or is a URI
   */
  public boolean isExactSigner() {
    return repository.indexOf('/') < 0 || repository.contains("://");
  }

  @Override
  public String toString() {
    return repository + workflow.map(w -> "@" + w).orElse("");
  }
}
