package dev.wheeltapper.verify;

import dev.wheeltapper.provenance.SignatureResult;
import dev.wheeltapper.provenance.SignatureStatus;
import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Severity;
import dev.wheeltapper.wheel.DistInfoDirectory;
import dev.wheeltapper.wheel.WheelFilename;
import dev.wheeltapper.wheel.metadata.CoreMetadata;
import dev.wheeltapper.wheel.metadata.WheelInfo;
import dev.wheeltapper.wheel.record.Record;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link WheelVerifier} concluded about one wheel: every finding, in a stable order, and what it could read.
 *
 * <pre>{@code
 * VerificationReport r = WheelVerifier.defaults().verify(Path.of("foo-1.0-py3-none-any.whl"));
 * if (!r.passed()) {
 *   r.errors().forEach(f -> System.out.println(f.code() + " " + f.path() + ": " + f.message()));
 * }
 * }</pre>
 *
 * <p>The order of {@link #findings()} is the same whatever the verifier's parallelism: file name, ZIP structure,
 * dist-info, WHEEL, METADATA, RECORD rows, then each entry's content in central directory order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param fileName the wheel's file name (last path element)
 * @param sha256 lower-case hex SHA-256 of the whole file
 * @param size the file's size in bytes
 * @param filename the parsed file name, when it parses
 * @param distInfo the single {@code .dist-info} directory, when there is exactly one
 * @param wheelInfo WHEEL, when present and readable
 * @param metadata METADATA, when present and readable
 * @param record the well-formed rows of RECORD, when present
 * @param signatures every signature found beside or inside the wheel, verified under the verifier's trust policy
 * @param findings every finding
 * @param entriesChecked how many archive entries had their content inflated and checked
 * @param bytesInflated how many uncompressed bytes were produced and checked
 */
public record VerificationReport(
    String fileName,
    String sha256,
    long size,
    Optional<WheelFilename> filename,
    Optional<DistInfoDirectory> distInfo,
    Optional<WheelInfo> wheelInfo,
    Optional<CoreMetadata> metadata,
    Optional<Record> record,
    List<SignatureResult> signatures,
    List<Finding> findings,
    int entriesChecked,
    long bytesInflated) {

  /** Copies the findings and rejects nulls. */
  public VerificationReport {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(distInfo, "distInfo");
    Objects.requireNonNull(wheelInfo, "wheelInfo");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(record, "record");
    signatures = List.copyOf(signatures);
    findings = List.copyOf(findings);
  }

  /**
   * Whether every entry's content was read: no finding says the archive, or part of it, could not be (not a ZIP,
   * structural damage, a limit that stopped reading, a compression method without a reader). What was not read may
   * hold anything, so a verdict about the whole content ({@code memorySafe}, "no native code") needs this.
   *
   * @return true when the content pass saw every entry
   */
  public boolean fullyRead() {
    return findings.stream().noneMatch(f -> f.code().equals(Codes.ZIP_NOT_A_ZIP)
        || f.code().equals(Codes.ZIP_LIMIT_EXCEEDED) || f.code().equals(Codes.ZIP_UNSUPPORTED_METHOD)
        || f.code().equals(Codes.ZIP_MALFORMED) && f.severity() == Severity.ERROR);
  }

  /**
   * Whether the wheel is intact and vouched for: it passed, and at least one signature is valid. A signature vouches
   * only for the bytes it covers (RECORD, or the whole file), so this needs both.
   *
   * @return true when intact and validly signed
   */
  public boolean validlySigned() {
    return passed() && signatures.stream().anyMatch(s -> s.status() == SignatureStatus.VALID);
  }

  /**
   * Whether the wheel passed: no finding of severity error.
   *
   * @return true when no finding is an error
   */
  public boolean passed() {
    return findings.stream().noneMatch(Finding::isError);
  }

  /**
   * The error findings.
   *
   * @return the findings of severity error, in report order
   */
  public List<Finding> errors() {
    return findings.stream().filter(Finding::isError).toList();
  }

  /**
   * The findings with one code.
   *
   * @param code a finding code such as {@code record.hash-mismatch}
   * @return those findings, in report order
   */
  public List<Finding> findings(String code) {
    return findings.stream().filter(f -> f.code().equals(code)).toList();
  }

  /**
   * Whether some finding has the code.
   *
   * @param code a finding code
   * @return true when at least one finding has it
   */
  public boolean has(String code) {
    return findings.stream().anyMatch(f -> f.code().equals(code));
  }
}
