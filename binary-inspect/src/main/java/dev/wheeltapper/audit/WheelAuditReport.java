package dev.wheeltapper.audit;

import dev.wheeltapper.policy.PolicyReport;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Severity;
import dev.wheeltapper.toolchain.MemorySafety;
import dev.wheeltapper.verify.VerificationReport;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@link WheelAudit} found in one wheel: the verification report, every native binary with its
 * inspection, the wheel's language mix and memory-safety verdict, the platform policy and abi3 verdicts, and all
 * findings together.
 *
 * <pre>{@code
 * WheelAuditReport r = WheelAudit.defaults().audit(Path.of("foo-1.0-cp312-abi3-manylinux_2_17_x86_64.whl"));
 * r.passed();                          // no error finding from any part
 * r.languages();                       // [c, rust]
 * r.policy().manylinux();             // the manylinux verdict, when the wheel claims or needs one
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param verification the integrity and signature verification
 * @param binaries the native binaries found by magic number, their inspections and linkage facts
 * @param languages the languages over every binary, in first-seen order
 * @param memorySafe the wheel's verdict: {@code YES} when every binary is (or there is no native code), {@code NO}
 *     when none is, {@code MIXED} between, {@code UNKNOWN} when some binary gives no evidence
 * @param policy the platform policy and abi3 verdicts
 * @param findings verification findings, then binary findings, then contradictions and policy findings
 * @param entryNames the names of the wheel's file entries (for {@link InstalledTogether}: which libraries it provides)
 */
public record WheelAuditReport(
    VerificationReport verification,
    NativeBinaries.Result binaries,
    List<String> languages,
    MemorySafety memorySafe,
    PolicyReport policy,
    List<Finding> findings,
    java.util.Set<String> entryNames) {

  /** Copies and rejects nulls. */
  public WheelAuditReport {
    Objects.requireNonNull(verification, "verification");
    Objects.requireNonNull(binaries, "binaries");
    languages = List.copyOf(languages);
    Objects.requireNonNull(memorySafe, "memorySafe");
    Objects.requireNonNull(policy, "policy");
    findings = List.copyOf(findings);
    entryNames = java.util.Set.copyOf(entryNames);
  }

  /**
   * Whether no part found an error.
   *
   * @return true when no finding is an error
   */
  public boolean passed() {
    return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
  }

  /**
   * The findings with a code.
   *
   * @param code a finding code
   * @return those findings, in order
   */
  public List<Finding> findings(String code) {
    return findings.stream().filter(f -> f.code().equals(code)).toList();
  }
}
