package dev.wheeltapper.provenance.pep740;

import dev.wheeltapper.provenance.internal.Crypto;
import dev.wheeltapper.provenance.json.Json;
import dev.wheeltapper.provenance.json.JsonException;
import dev.wheeltapper.provenance.json.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The in-toto statement inside the envelope: in-toto v1, a PyPI publish or SLSA provenance predicate, and exactly
 * one subject whose name is the distribution's file name (parsed and normalised) and whose sha256 is the
 * distribution's.
 */
final class InTotoStatement {
  private InTotoStatement() {}

  /** Checks the statement against the distribution; answers its predicate type when it names one. */
  static Optional<String> check(Verification c, byte[] statement, String dist, byte[] sha) {
    JsonValue s;
    try {
      s = Json.parse(statement, Json.Limits.DEFAULT);
    } catch (JsonException e) {
      c.fail(Pep740Check.STATEMENT, "invalid statement: " + e.getMessage());
      return Optional.empty();
    }
    String type = s.member("_type").flatMap(JsonValue::asString).orElse("");
    if (!Pep740Verifier.IN_TOTO_STATEMENT_V1.equals(type)) {
      c.fail(Pep740Check.STATEMENT, "_type is \"" + type + "\", not " + Pep740Verifier.IN_TOTO_STATEMENT_V1);
    }
    Optional<String> predicate = s.member("predicateType").flatMap(JsonValue::asString);
    if (predicate.isEmpty()
        || !(predicate.get().equals(Pep740Verifier.PUBLISH_V1)
            || predicate.get().equals(Pep740Verifier.SLSA_PROVENANCE_V1))) {
      c.fail(Pep740Check.PREDICATE_TYPE, "unknown attestation type: " + predicate.orElse("(none)"));
    }
    List<JsonValue> subjects = s.member("subject").flatMap(JsonValue::asArray).orElse(List.of());
    if (subjects.size() != 1) {
      c.fail(Pep740Check.STATEMENT, subjects.size() + " subjects in statement (must be exactly one)");
      return predicate;
    }
    JsonValue subject = subjects.get(0);
    Optional<String> name = subject.member("name").flatMap(JsonValue::asString);
    if (name.isEmpty()) {
      c.fail(Pep740Check.SUBJECT_NAME, "invalid subject: missing name");
    } else if (DistributionFilename.parse(name.get()).isEmpty()) {
      c.fail(Pep740Check.SUBJECT_NAME, "subject name is not a distribution file name: " + name.get());
    } else if (!DistributionFilename.sameDistribution(name.get(), dist)) {
      c.fail(Pep740Check.SUBJECT_NAME, "subject does not match distribution name: " + name.get() + " != " + dist);
    }
    Optional<String> digest = subject.member("digest").flatMap(d -> d.member("sha256")).flatMap(JsonValue::asString);
    if (digest.isEmpty()) {
      c.fail(Pep740Check.SUBJECT_DIGEST, "subject has no sha256 digest");
    } else if (!digest.get().toLowerCase(Locale.ROOT).equals(Crypto.hex(sha))) {
      c.fail(Pep740Check.SUBJECT_DIGEST,
          "subject does not match distribution digest (" + digest.get() + " != " + Crypto.hex(sha) + ")");
    }
    return predicate;
  }
}
