package dev.wheeltapper.cli;

import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The totals of one run, kept as its reports are written: artifacts by verdict, findings by code and severity, bytes
 * read, time, and the run-level findings (a path that yielded no artifact). What the summaries of every format and the
 * end-of-run line on standard error are made of. Its size grows with the number of distinct codes and of PATH
 * arguments, never with the number of artifacts. Not thread-safe: the writing thread owns it.
 */
final class RunTally {
  private final long startNanos = System.nanoTime();
  private final List<Finding> runFindings;
  private final Map<String, Integer> byCode = new TreeMap<>();
  private final Map<String, Severity> severityOfCode = new TreeMap<>();
  private final int[] bySeverity = new int[Severity.values().length];
  private int artifacts;
  private int passed;
  private long bytes;
  private long suppressed;
  /** Artifacts replayed from {@code --cache}; -1 without a cache. */
  private int fromCache = -1;

  RunTally(List<Finding> runFindings) {
    this.runFindings = List.copyOf(runFindings);
  }

  /** Counts one written report and the size of its file. */
  void add(ArtifactReport r, long fileBytes) {
    artifacts++;
    if (r.passed()) {
      passed++;
    }
    bytes += Math.max(0, fileBytes);
    for (Finding f : r.findings()) {
      count(f);
      if (f.isSuppressed()) {
        suppressed++;
      }
    }
  }

  private void count(Finding f) {
    byCode.merge(f.code(), 1, Integer::sum);
    // a code can be emitted at more than one severity; the summary names the most severe
    severityOfCode.merge(f.code(), f.severity(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
    bySeverity[f.severity().ordinal()]++;
  }

  int artifacts() {
    return artifacts;
  }

  int passed() {
    return passed;
  }

  int failed() {
    return artifacts - passed;
  }

  /** Findings a waiver or the baseline suppressed. */
  long suppressed() {
    return suppressed;
  }

  /** Artifacts replayed from {@code --cache}, when the run has one. */
  java.util.OptionalInt fromCache() {
    return fromCache < 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(fromCache);
  }

  void fromCache(int n) {
    fromCache = n;
  }

  long bytes() {
    return bytes;
  }

  /** Seconds since the run started. */
  double seconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** Findings about the run's inputs rather than an artifact (an empty directory), in argument order. */
  List<Finding> runFindings() {
    return runFindings;
  }

  /** Findings per code over every artifact (not the run-level ones), in code order. */
  Map<String, Integer> byCode() {
    return java.util.Collections.unmodifiableMap(byCode);
  }

  /** The most severe severity a code was reported at. */
  Severity severityOf(String code) {
    return severityOfCode.getOrDefault(code, Severity.NOTE);
  }

  /** Findings of a severity over every artifact. */
  int count(Severity s) {
    return bySeverity[s.ordinal()];
  }

  /** Whether anything failed: an artifact, or an error about the run's inputs. */
  boolean anyFailed() {
    return failed() > 0 || runFindings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }

  /** The run-level findings and the artifacts' findings, counted together by severity, in words. */
  List<String> severityWords() {
    List<String> out = new ArrayList<>();
    for (Severity s : Severity.values()) {
      int n = count(s) + (int) runFindings.stream().filter(f -> f.severity() == s).count();
      if (n > 0) {
        out.add(n + " " + s.label() + (n == 1 ? "" : "s"));
      }
    }
    return out;
  }
}
