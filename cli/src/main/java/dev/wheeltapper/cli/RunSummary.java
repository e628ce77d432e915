package dev.wheeltapper.cli;

import dev.wheeltapper.report.Severity;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The summary of a run on standard error, for an operator: artifacts by verdict, findings by severity, the most
 * frequent codes, bytes read, time and throughput. Written after the report, unless the report itself is text on
 * standard output (it ends with the same summary there).
 */
final class RunSummary {
  /** The codes named on the summary's second line, most severe and most frequent first. */
  static final int MAX_CODES = 8;

  private RunSummary() {}

  static void print(PrintWriter err, RunTally t, CommonOptions o) {
    if (o.format == Format.text && o.output().isEmpty()) {
      return;
    }
    err.println("wheeltapper: " + verdicts(t) + "; " + String.join(", ", t.severityWords().isEmpty()
        ? List.of("no findings") : t.severityWords()) + "; " + volume(t));
    String codes = codes(t.byCode(), t);
    if (!codes.isEmpty()) {
      err.println("wheeltapper: codes: " + codes);
    }
    err.flush();
  }

  /** {@code 967 artifacts: 930 passed, 37 failed}, and {@code (812 from cache)} under {@code --cache}. */
  static String verdicts(RunTally t) {
    return t.artifacts() + " artifact" + (t.artifacts() == 1 ? "" : "s") + ": " + t.passed() + " passed, "
        + t.failed() + " failed" + (t.fromCache().isPresent() ? " (" + t.fromCache().getAsInt() + " from cache)" : "");
  }

  /** {@code 8.0 GB in 91.2 s (88.0 MB/s)}. */
  static String volume(RunTally t) {
    double s = Math.max(1e-3, t.seconds());
    return Progress.size(t.bytes()) + " in " + String.format(Locale.ROOT, "%.1f s", t.seconds()) + " ("
        + Progress.size((long) (t.bytes() / s)) + "/s)";
  }

  /** The most frequent codes, errors first: {@code hardening.no-canary 60, ...}; "and N more" past the bound. */
  static String codes(Map<String, Integer> byCode, RunTally t) {
    List<Map.Entry<String, Integer>> sorted = byCode.entrySet().stream()
        .sorted(Comparator.<Map.Entry<String, Integer>, Severity>comparing(e -> t.severityOf(e.getKey()))
            .thenComparing(Map.Entry::getValue, Comparator.reverseOrder()).thenComparing(Map.Entry::getKey))
        .toList();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(MAX_CODES, sorted.size()); i++) {
      sb.append(i == 0 ? "" : ", ").append(sorted.get(i).getKey()).append(' ').append(sorted.get(i).getValue());
    }
    if (sorted.size() > MAX_CODES) {
      sb.append(", and ").append(sorted.size() - MAX_CODES).append(" more");
    }
    return sb.toString();
  }
}
