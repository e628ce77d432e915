package dev.wheeltapper.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One conclusion of a check: a stable code, a severity, where it applies and a sentence a user understands.
 *
 * <p>Every check of the library (ZIP structure, RECORD, metadata, signatures, hardening, platform policy) reports
 * through this one record. Codes follow the {@code area.kebab-name} style of the command-line contract, for example
 * {@code record.hash-mismatch}; the known codes are listed in {@link Codes} and described (severity, summary, help,
 * emitting classes) in {@link CodeRegistry}.
 *
 * <pre>{@code
 * Finding f = Finding.error(Codes.RECORD_HASH_MISMATCH, "foo/_x.abi3.so",
 *         "content does not match the sha256 in RECORD")
 *     .withFact("algorithm", "sha256")
 *     .withFact("expected", "1Vr...")
 *     .withFact("actual", "q0c...");
 * }</pre>
 *
 * <p>The facts are the finding's evidence as key/value pairs (expected, actual, algorithm, offset, ...), in the order
 * they were added, so that a program reads them without parsing the message, as Google Truth's failures carry theirs.
 * Keys are lower camel case.
 *
 * <p>A finding a waiver or a baseline covers carries its {@link Suppression} ({@link #withSuppression}): it stays in
 * the report, marked, and no longer counts against its artifact.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the finding code, {@code area.kebab-name}
 * @param severity how much it matters
 * @param path the entry path inside the archive, or the file path for a bare binary; empty when the finding is about
 *     the artifact as a whole
 * @param message one sentence for a person
 * @param facts the evidence as key/value pairs, in insertion order; empty when the message says it all
 * @param suppression why the finding no longer counts, when a waiver or a baseline covers it
 */
public record Finding(String code, Severity severity, String path, String message, Map<String, String> facts,
    Optional<Suppression> suppression) {

  private static final Pattern CODE = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*(?:\\.[a-z0-9]+(?:-[a-z0-9]+)*)+");
  private static final Pattern FACT_KEY = Pattern.compile("[a-z][a-zA-Z0-9]*");

  /** Validates the code and rejects nulls. */
  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("finding code must look like area.kebab-name: " + code);
    }
    Map<String, String> copy = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : Objects.requireNonNull(facts, "facts").entrySet()) {
      if (!FACT_KEY.matcher(e.getKey()).matches()) {
        throw new IllegalArgumentException("fact key must be lower camel case: " + e.getKey());
      }
      copy.put(e.getKey(), Objects.requireNonNull(e.getValue(), e.getKey()));
    }
    facts = Collections.unmodifiableMap(copy);
    Objects.requireNonNull(suppression, "suppression");
  }

  /**
   * A finding with facts and no suppression.
   *
   * @param code the finding code, {@code area.kebab-name}
   * @param severity how much it matters
   * @param path the entry path, or empty
   * @param message one sentence for a person
   * @param facts the evidence as key/value pairs
   */
  public Finding(String code, Severity severity, String path, String message, Map<String, String> facts) {
    this(code, severity, path, message, facts, Optional.empty());
  }

  /**
   * A finding without facts.
   *
   * @param code the finding code, {@code area.kebab-name}
   * @param severity how much it matters
   * @param path the entry path, or empty
   * @param message one sentence for a person
   */
  public Finding(String code, Severity severity, String path, String message) {
    this(code, severity, path, message, Map.of());
  }

  /**
   * This finding with one more fact (a later value replaces an earlier one of the same key).
   *
   * @param key lower camel case, such as {@code expected}
   * @param value the value, as it would be written
   * @return a new finding
   */
  public Finding withFact(String key, String value) {
    Map<String, String> more = new LinkedHashMap<>(facts);
    more.put(key, value);
    return new Finding(code, severity, path, message, more, suppression);
  }

  /**
   * This finding with another sentence and the same code, severity, path and facts (a message completed with context,
   * such as the slice of a universal binary it was found in).
   *
   * @param other the new message
   * @return a new finding
   */
  public Finding withMessage(String other) {
    return new Finding(code, severity, path, other, facts, suppression);
  }

  /**
   * This finding with the same code and facts at another severity (a waiver, a profile that lowers or raises it).
   *
   * @param other the severity
   * @return a new finding
   */
  public Finding withSeverity(Severity other) {
    return new Finding(code, other, path, message, facts, suppression);
  }

  /**
   * This finding, suppressed: kept in the report and marked, no longer counted against its artifact.
   *
   * @param why the waiver or baseline that covers it
   * @return a new finding
   */
  public Finding withSuppression(Suppression why) {
    return new Finding(code, severity, path, message, facts, Optional.of(why));
  }

  /**
   * Whether a waiver or a baseline covers this finding.
   *
   * @return true when {@link #suppression()} is present
   */
  public boolean isSuppressed() {
    return suppression.isPresent();
  }

  /**
   * An error finding.
   *
   * @param code the finding code
   * @param path the entry path, or empty
   * @param message one sentence for a person
   * @return the finding
   */
  public static Finding error(String code, String path, String message) {
    return new Finding(code, Severity.ERROR, path, message);
  }

  /**
   * A warning finding.
   *
   * @param code the finding code
   * @param path the entry path, or empty
   * @param message one sentence for a person
   * @return the finding
   */
  public static Finding warning(String code, String path, String message) {
    return new Finding(code, Severity.WARNING, path, message);
  }

  /**
   * A note finding.
   *
   * @param code the finding code
   * @param path the entry path, or empty
   * @param message one sentence for a person
   * @return the finding
   */
  public static Finding note(String code, String path, String message) {
    return new Finding(code, Severity.NOTE, path, message);
  }

  /**
   * Whether this finding makes its artifact fail.
   *
   * @return true for {@link Severity#ERROR}
   */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * The area of the code, the part before the first dot ({@code record} for {@code record.hash-mismatch}).
   *
   * @return the area
   */
  public String area() {
    return code.substring(0, code.indexOf('.'));
  }
}
