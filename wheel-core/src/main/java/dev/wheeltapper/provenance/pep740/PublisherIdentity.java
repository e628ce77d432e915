package dev.wheeltapper.provenance.pep740;

import dev.wheeltapper.provenance.ExpectedIdentity;
import dev.wheeltapper.provenance.TrustPolicy;
import dev.wheeltapper.provenance.json.JsonValue;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The publisher: the Trusted Publisher claims of the Fulcio certificate ({@link FulcioIdentity}) against the
 * identities the caller pins ({@link ExpectedIdentity}), and against the {@code publisher} a PyPI provenance object
 * names.
 */
final class PublisherIdentity {
  private PublisherIdentity() {}

  /** The provenance publisher in a few words: kind, repository, workflow, environment. */
  static String describe(JsonValue p) {
    StringJoiner j = new StringJoiner(" ");
    p.member("kind").flatMap(JsonValue::asString).ifPresent(j::add);
    p.member("repository").flatMap(JsonValue::asString).ifPresent(j::add);
    p.member("workflow").or(() -> p.member("workflow_filepath")).flatMap(JsonValue::asString)
        .ifPresent(w -> j.add("workflow " + w));
    p.member("environment").flatMap(JsonValue::asString).ifPresent(e -> j.add("environment " + e));
    return j.toString();
  }

  /** The provenance publisher's repository and workflow are the certificate's. */
  static void checkAgainstCertificate(Verification c, JsonValue p, FulcioIdentity id) {
    Optional<String> repo = p.member("repository").flatMap(JsonValue::asString);
    Optional<String> wf = p.member("workflow").or(() -> p.member("workflow_filepath")).flatMap(JsonValue::asString)
        .map(w -> w.substring(w.lastIndexOf('/') + 1));
    if (repo.isPresent() && !id.repository().map(r -> r.equalsIgnoreCase(repo.get())).orElse(false)) {
      c.fail(Pep740Check.PUBLISHER, "the provenance publisher repository " + repo.get()
          + " is not the certificate's " + id.repository().orElse("(none)"));
    }
    if (wf.isPresent() && !id.workflow().map(w -> w.equals(wf.get())).orElse(false)) {
      c.fail(Pep740Check.PUBLISHER, "the provenance publisher workflow " + wf.get()
          + " is not the certificate's " + id.workflow().orElse("(none)"));
    }
  }

  /** The certificate's identity is one the policy pins, or the policy accepts any signer explicitly. */
  static void checkPinned(Verification c, FulcioIdentity identity, TrustPolicy policy) {
    if (policy.identities().isEmpty() && !policy.anyIdentity()) {
      c.fail(Pep740Check.IDENTITY, "no publisher identity is pinned, so the signature of "
          + identity.describe() + " vouches for nothing: name the publisher (--identity REPO[@WORKFLOW], or a"
          + " trust policy's identity), or accept any signer with --any-identity");
    }
    if (!policy.identities().isEmpty()) {
      boolean any = false;
      for (ExpectedIdentity want : policy.identities()) {
        any |= identity.matches(want);
      }
      if (!any) {
        c.fail(Pep740Check.IDENTITY,
            "the certificate names " + identity.describe() + ", not " + policy.identities());
      }
    }
  }
}
