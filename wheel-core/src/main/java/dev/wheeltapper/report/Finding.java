package dev.wheeltapper.report;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One conclusion of a check: a stable code, a severity, where it applies and a sentence a user understands.
 *
 * <p>Every check of the library (ZIP structure, RECORD, metadata, signatures, hardening, platform policy) reports
 * through this one record. Codes follow the {@code area.kebab-name} style of the command-line contract, for example
 * {@code record.hash-mismatch}; the known codes are listed in {@link Codes}.
 *
 * <pre>{@code
 * Finding f = Finding.error(Codes.RECORD_HASH_MISMATCH, "foo/_x.abi3.so",
 *     "content does not match the sha256 in RECORD");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the finding code, {@code area.kebab-name}
 * @param severity how much it matters
 * @param path the entry path inside the archive, or the file path for a bare binary; empty when the finding is about
 *     the artifact as a whole
 * @param message one sentence for a person
 */
public record Finding(String code, Severity severity, String path, String message) {

  private static final Pattern CODE = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*(?:\\.[a-z0-9]+(?:-[a-z0-9]+)*)+");

  /** Validates the code and rejects nulls. */
  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("finding code must look like area.kebab-name: " + code);
    }
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
