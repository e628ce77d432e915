package dev.wheeltapper.cli;

import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Suppression;
import dev.wheeltapper.report.Untrusted;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gate of a run: marks the findings that a waiver or the baseline covers (they stay in the report, suppressed),
 * notes waivers that have expired, and judges verdicts and the exit code on what is left at or above
 * {@code --fail-on}.
 *
 * <p>Order: a finding a live waiver matches is waived; else one the baseline holds is baselined; a finding whose
 * first matching waiver has expired is not waived by it (the baseline may still hold it), and its artifact gets one
 * {@code gate.waiver-expired} note per expired waiver line, naming the line and the findings it no longer covers.
 */
final class Gate {
  private final FailOn failOn;
  private final Optional<Waivers> waivers;
  private final Optional<Baseline> baseline;

  Gate(FailOn failOn, Optional<Waivers> waivers, Optional<Baseline> baseline) {
    this.failOn = failOn;
    this.waivers = waivers;
    this.baseline = baseline;
  }

  /** Each report with its findings marked and its verdict judged at the gate's threshold. */
  List<ArtifactReport> apply(List<ArtifactReport> reports) {
    List<ArtifactReport> out = new ArrayList<>(reports.size());
    for (ArtifactReport r : reports) {
      out.add(apply(r));
    }
    return out;
  }

  ArtifactReport apply(ArtifactReport r) {
    String fileName = Baseline.fileName(r.path());
    List<Finding> findings = new ArrayList<>(r.findings().size());
    Map<Waivers.Waiver, List<Finding>> expired = new LinkedHashMap<>();
    for (Finding f : r.findings()) {
      Optional<Waivers.Waiver> w = waivers.flatMap(ws -> ws.match(fileName, f));
      if (w.isPresent() && !w.get().expired()) {
        findings.add(f.withSuppression(new Suppression(Suppression.Kind.WAIVED, w.get().reason(), w.get().source())));
        continue;
      }
      w.ifPresent(x -> expired.computeIfAbsent(x, k -> new ArrayList<>()).add(f));
      if (baseline.isPresent() && baseline.get().contains(fileName, f)) {
        findings.add(f.withSuppression(new Suppression(Suppression.Kind.BASELINED,
            "in the baseline report " + baseline.get().source(), baseline.get().source())));
      } else {
        findings.add(f);
      }
    }
    expired.forEach((w, covered) -> findings.add(expiredNote(w, covered)));
    return r.gated(findings, failOn.verdictThreshold());
  }

  private static Finding expiredNote(Waivers.Waiver w, List<Finding> covered) {
    String until = w.until().map(Object::toString).orElse("?");
    Finding first = covered.get(0);
    String which = covered.size() == 1 ? first.code() + (first.path().isEmpty() ? "" : " at " + first.path())
        : covered.size() + " findings (" + first.code() + (first.path().isEmpty() ? "" : " at " + first.path())
            + ", ...)";
    return Finding.note(Codes.GATE_WAIVER_EXPIRED, first.path(), "The waiver at " + w.source() + " expired on "
        + until + " and no longer waives " + which + "; renew or remove it.")
        .withFact("waiver", w.source())
        .withFact("until", until)
        .withFact("findings", String.valueOf(covered.size()));
  }

  /** The exit code: 1 when an artifact fails the gate, 0 otherwise (always 0 under {@code --fail-on never}). */
  int exitCode(List<ArtifactReport> reports) {
    if (failOn.exitThreshold().isEmpty()) {
      return Main.EXIT_PASS;
    }
    return reports.stream().allMatch(ArtifactReport::passed) ? Main.EXIT_PASS : Main.EXIT_FAIL;
  }

  /** The exit code of a streamed run, from its totals of gated reports (always 0 under {@code --fail-on never}). */
  int exitCode(RunTally tally) {
    if (failOn.exitThreshold().isEmpty()) {
      return Main.EXIT_PASS;
    }
    return tally.anyFailed() ? Main.EXIT_FAIL : Main.EXIT_PASS;
  }

  /** The text format's mark of a suppressed finding ({@code  [waived: REASON (FILE:LINE)]}), or nothing. */
  static String mark(Finding f) {
    return f.suppression().map(s -> " [" + s.kind().label() + ": " + Untrusted.printable(s.reason())
        + (s.kind() == Suppression.Kind.WAIVED ? " (" + Untrusted.printable(s.source()) + ")" : "") + "]")
        .orElse("");
  }
}
