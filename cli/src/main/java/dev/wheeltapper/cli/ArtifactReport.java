package dev.wheeltapper.cli;

import dev.wheeltapper.audit.InstalledTogether;
import dev.wheeltapper.audit.NativeBinaries;
import dev.wheeltapper.inspect.BinaryInspection;
import dev.wheeltapper.policy.PolicyReport;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Severity;
import dev.wheeltapper.toolchain.MemorySafety;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the command line reports about one artifact: the shape of one element of the JSON {@code artifacts}
 * array of {@code docs/cli.md}.
 *
 * @param path the path as given, or as found under a directory
 * @param kind {@code wheel} or {@code binary}
 * @param sha256 lower-case hex SHA-256 of the whole file; empty when the file could not be read
 * @param wheel the wheel's name, version and tags, when its file name parses
 * @param findings every finding, in a stable order
 * @param signatures one entry per signature found
 * @param binaries every native binary: inspected, or recognised only
 * @param policy the platform-policy result of a wheel audit
 * @param overview the wheel-level facts (languages, memory safety, native code, signed) the command established
 * @param failAt the lowest severity of an unsuppressed finding that fails the artifact ({@code --fail-on}; error by
 *     default, warning under {@code --fail-on warning})
 * @param inventory what the artifact is made of: carried SBOMs, binary hashes and sonames (the CycloneDX SBOM's input)
 */
public record ArtifactReport(
    String path,
    String kind,
    String sha256,
    Optional<WheelSummary> wheel,
    List<Finding> findings,
    List<SignatureReport> signatures,
    Binaries binaries,
    Optional<Policy> policy,
    Optional<Overview> overview,
    Severity failAt,
    ArtifactInventory inventory) {

  /**
   * A report without wheel-level facts, judged at the default threshold (error).
   *
   * @param path the path as given
   * @param kind {@code wheel} or {@code binary}
   * @param sha256 hex SHA-256 of the file
   * @param wheel the wheel summary, when the file name parses
   * @param findings every finding
   * @param signatures the signatures found
   * @param binaries the native binaries
   * @param policy the platform-policy result
   */
  public ArtifactReport(String path, String kind, String sha256, Optional<WheelSummary> wheel, List<Finding> findings,
      List<SignatureReport> signatures, Binaries binaries, Optional<Policy> policy) {
    this(path, kind, sha256, wheel, findings, signatures, binaries, policy, Optional.empty(), Severity.ERROR,
        ArtifactInventory.NONE);
  }

  /** Copies the lists. */
  public ArtifactReport {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(wheel, "wheel");
    findings = List.copyOf(findings);
    signatures = List.copyOf(signatures);
    Objects.requireNonNull(binaries, "binaries");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(overview, "overview");
    Objects.requireNonNull(failAt, "failAt");
    Objects.requireNonNull(inventory, "inventory");
  }

  /**
   * Whether the artifact passed: no unsuppressed finding at or above {@link #failAt()} (by default: no error that
   * no waiver or baseline covers).
   *
   * @return true when no finding counts against it
   */
  public boolean passed() {
    return findings.stream().noneMatch(f -> !f.isSuppressed() && f.severity().compareTo(failAt) <= 0);
  }

  /**
   * This report with other findings (suppressions marked, notes added) judged at another threshold: the gate's.
   *
   * @param gated the findings
   * @param threshold the lowest severity that fails
   * @return a new report
   */
  public ArtifactReport gated(List<Finding> gated, Severity threshold) {
    return new ArtifactReport(path, kind, sha256, wheel, gated, signatures, binaries, policy, overview, threshold,
        inventory);
  }

  /**
   * The JSON verdict.
   *
   * @return {@code pass} or {@code fail}
   */
  public String verdict() {
    return passed() ? "pass" : "fail";
  }

  /**
   * The wheel-level facts of the JSON report, each present only where the command established it ({@code verify}
   * reads no native code, {@code inspect} judges no signature).
   *
   * @param natives the language mix and memory-safety verdict over the wheel's binaries ({@code inspect},
   *     {@code audit})
   * @param signed whether at least one signature verified as {@code valid} ({@code verify}, {@code audit})
   */
  public record Overview(Optional<Natives> natives, Optional<Boolean> signed) {
    /** Rejects nulls. */
    public Overview {
      Objects.requireNonNull(natives, "natives");
      Objects.requireNonNull(signed, "signed");
    }
  }

  /**
   * What the library concluded about a wheel's native code as a whole.
   *
   * @param languages the languages over every binary, in first-seen order
   * @param memorySafe the wheel's verdict ({@code YES} also for a fully read wheel without native code,
   *     {@code UNKNOWN} for one that could not be read in full)
   */
  public record Natives(List<String> languages, MemorySafety memorySafe) {
    /** Copies the list. */
    public Natives {
      languages = List.copyOf(languages);
      Objects.requireNonNull(memorySafe, "memorySafe");
    }
  }

  /**
   * The wheel summary of the JSON report.
   *
   * @param name the distribution name as in the file name
   * @param version the version as in the file name
   * @param build the build tag, when present
   * @param tags every tag, expanded from compressed tag sets
   * @param rootIsPurelib WHEEL's Root-Is-Purelib, when readable
   * @param wheelVersion WHEEL's Wheel-Version, when readable
   * @param metadataVersion METADATA's Metadata-Version, when readable
   * @param generator WHEEL's Generator, when present
   */
  public record WheelSummary(
      String name,
      String version,
      Optional<String> build,
      List<String> tags,
      Optional<Boolean> rootIsPurelib,
      Optional<String> wheelVersion,
      Optional<String> metadataVersion,
      Optional<String> generator) {
    /** Copies the tags. */
    public WheelSummary {
      tags = List.copyOf(tags);
    }
  }

  /**
   * One signature of the JSON report.
   *
   * @param kind {@code pep740}, {@code RECORD.p7s}, {@code RECORD.jws} or {@code openpgp}
   * @param status {@code valid}, {@code untrusted}, {@code invalid} or {@code unsupported}
   * @param signer who signed, when known
   * @param detail what was checked, in words
   * @param source the file or entry the signature was read from, when the verifier named it (the text report
   *     shows it; the JSON does not carry it yet)
   */
  public record SignatureReport(String kind, String status, Optional<String> signer, String detail,
      Optional<String> source) {}

  /**
   * The native binaries of an artifact, as the library found them.
   *
   * @param inspected the binaries read and inspected (one per ELF or PE file and per Mach-O slice), in entry order
   * @param recognised binaries recognised by magic number in a format without a reader, in entry order
   */
  public record Binaries(List<BinaryInspection> inspected, List<NativeBinaries.Recognised> recognised) {
    /** No binaries: what {@code verify} reports. */
    public static final Binaries NONE = new Binaries(List.of(), List.of());

    /** Copies the lists. */
    public Binaries {
      inspected = List.copyOf(inspected);
      recognised = List.copyOf(recognised);
    }

    /**
     * The binaries of a library result (its findings and linkage facts are not kept).
     *
     * @param r what {@link NativeBinaries} found
     * @return the inspected and recognised binaries
     */
    public static Binaries of(NativeBinaries.Result r) {
      return new Binaries(r.inspected(), r.recognised());
    }
  }

  /**
   * The platform policy of an audited wheel.
   *
   * @param report the wheel's own verdicts (manylinux/musllinux, abi3)
   * @param withDependencies per family whose verdict names external libraries: the verdict with the wheels it requires
   *     from the same run installed beside it; empty when none applies
   */
  public record Policy(PolicyReport report, List<InstalledTogether.Result> withDependencies) {
    /** Copies the list and rejects nulls. */
    public Policy {
      Objects.requireNonNull(report, "report");
      withDependencies = List.copyOf(withDependencies);
    }

    /**
     * The verdict with dependencies for one family.
     *
     * @param family {@code manylinux} or {@code musllinux}
     * @return the result, when the run provided some external library of that family's verdict
     */
    public Optional<InstalledTogether.Result> withDependencies(String family) {
      return withDependencies.stream().filter(t -> t.family().equals(family)).findFirst();
    }
  }
}
