package dev.wheeltapper.cli.cache;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rows of the operators' query tables for one stored artifact ({@code docs/cache.md}): plain values, so that the
 * database knows nothing of the report model; the command line fills them from its report.
 *
 * <pre>{@code
 * CacheRows rows = new CacheRows(artifact, List.of(binary), List.of(finding));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param artifact the {@code artifacts} row's query columns
 * @param binaries the {@code binaries} rows (with their {@code hardening} and {@code libraries} rows), in order
 * @param findings the {@code findings} rows, in report order
 */
public record CacheRows(Artifact artifact, List<Binary> binaries, List<Finding> findings) {
  /** Copies the lists. */
  public CacheRows {
    Objects.requireNonNull(artifact, "artifact");
    binaries = List.copyOf(binaries);
    findings = List.copyOf(findings);
  }

  /**
   * The query columns of one {@code artifacts} row.
   *
   * @param kind {@code wheel} (the only kind stored today)
   * @param name the project name from the file name
   * @param version the version from the file name
   * @param build the build tag
   * @param tags every tag of the file name
   * @param verdict {@code pass} or {@code fail} before any waiver or baseline, at {@code --fail-on error}
   * @param errors error findings
   * @param warnings warning findings
   * @param notes note findings
   * @param languages the languages of the wheel's native code, in first-seen order
   * @param memorySafe {@code yes}, {@code mixed}, {@code no} or {@code unknown}
   * @param binaries native binaries inspected or recognised
   * @param manylinux the manylinux claim and verdict, when the wheel claims or satisfies one
   * @param musllinux the musllinux claim and verdict
   * @param signed whether a signature verified under the run's trust
   */
  public record Artifact(String kind, Optional<String> name, Optional<String> version, Optional<String> build,
      List<String> tags, String verdict, int errors, int warnings, int notes, List<String> languages,
      Optional<String> memorySafe, int binaries, Optional<Platform> manylinux, Optional<Platform> musllinux,
      Optional<Boolean> signed) {
    /** Copies the lists and rejects nulls. */
    public Artifact {
      Objects.requireNonNull(kind, "kind");
      tags = List.copyOf(tags);
      Objects.requireNonNull(verdict, "verdict");
      languages = List.copyOf(languages);
    }
  }

  /**
   * One family's platform verdict.
   *
   * @param claimed the best tag the file name claims
   * @param satisfied the best tag the binaries satisfy
   * @param ok whether the claim holds
   */
  public record Platform(Optional<String> claimed, String satisfied, boolean ok) {}

  /**
   * One native binary.
   *
   * @param path its entry path in the wheel
   * @param format {@code elf}, {@code pe}, {@code macho}, or the format of a binary recognised only
   * @param inspected whether it was read (else only recognised by its magic number)
   * @param machine the machine label, empty when only recognised
   * @param type the file type label, empty when only recognised
   * @param soname its {@code DT_SONAME}
   * @param languages its languages
   * @param memorySafe its memory-safety label
   * @param needed the libraries it needs, in order
   * @param hardening its hardening checks: key to status and value
   */
  public record Binary(String path, String format, boolean inspected, String machine, String type,
      Optional<String> soname, List<String> languages, Optional<String> memorySafe, List<String> needed,
      List<Check> hardening) {
    /** Copies the lists. */
    public Binary {
      languages = List.copyOf(languages);
      needed = List.copyOf(needed);
      hardening = List.copyOf(hardening);
    }
  }

  /**
   * One hardening check of a binary.
   *
   * @param check the check's key ({@code relro}, {@code nx}, {@code canary}, ...)
   * @param status {@code pass}, {@code fail}, ... as the JSON report writes it
   * @param value the check's value label ({@code full}, {@code partial}, {@code yes}, ...)
   */
  public record Check(String check, String status, String value) {}

  /**
   * One finding, before any waiver or baseline.
   *
   * @param code the finding code
   * @param severity {@code error}, {@code warning} or {@code note}
   * @param entryPath the entry it is about, empty for the whole wheel
   * @param message the sentence
   * @param facts the evidence, key to value
   */
  public record Finding(String code, String severity, Optional<String> entryPath, String message,
      Map<String, String> facts) {
    /** Copies the facts. */
    public Finding {
      facts = Map.copyOf(facts);
    }
  }
}
