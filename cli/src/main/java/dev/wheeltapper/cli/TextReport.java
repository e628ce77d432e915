package dev.wheeltapper.cli;

import dev.wheeltapper.audit.NativeBinaries;
import dev.wheeltapper.inspect.BinaryInspection;
import dev.wheeltapper.policy.PlatformResult;
import dev.wheeltapper.policy.PolicyReport;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Severity;
import dev.wheeltapper.report.Untrusted;
import java.io.PrintWriter;
import java.util.List;

/**
 * Renders reports for a person, as the run goes: one block per artifact (a PASS/FAIL line, findings grouped by
 * severity), written as each artifact is done, and the run's summary at the end.
 */
final class TextReport implements ReportSink {
  /** How much of each artifact is written. */
  enum Detail {
    /** Only the run's summary. */
    SUMMARY,
    /** One line per artifact, then the summary. */
    QUIET,
    /** One block per artifact, findings that repeat grouped by code, then the summary. */
    NORMAL,
    /** As NORMAL, with every finding in full. */
    VERBOSE
  }

  /**
   * How the text is written.
   *
   * @param color ANSI colours
   * @param detail how much of each artifact
   */
  record Options(boolean color, Detail detail) {}

  private final PrintWriter out;
  private final boolean color;

  TextReport(PrintWriter out, Options options) {
    this.out = out;
    this.color = options.color();
  }

  @Override
  public void begin() {
    // nothing before the first artifact
  }

  @Override
  public void artifact(ArtifactReport r) {
    block(r);
    out.flush();
  }

  @Override
  public void end(RunTally tally) {
    out.printf("%d artifact%s: %d passed, %d failed%n",
        tally.artifacts(), tally.artifacts() == 1 ? "" : "s", tally.passed(), tally.failed());
    out.flush();
  }

  private void block(ArtifactReport r) {
    String verdict = r.passed() ? paint("PASS", "32;1") : paint("FAIL", "31;1");
    out.printf("%s  %s (%s)%n", verdict, p(r.path()), r.kind());
    if (!r.sha256().isEmpty()) {
      out.printf("      sha256 %s%n", r.sha256());
    }
    r.wheel().ifPresent(w -> {
      out.printf("      %s %s%s  tags %s%n", p(w.name()), p(w.version()),
          w.build().map(b -> " build " + p(b)).orElse(""), p(String.join(", ", w.tags())));
      out.printf("      Wheel-Version %s, Metadata-Version %s, Root-Is-Purelib %s, Generator %s%n",
          p(w.wheelVersion().orElse("?")), p(w.metadataVersion().orElse("?")),
          w.rootIsPurelib().map(String::valueOf).orElse("?"), p(w.generator().orElse("?")));
    });
    for (ArtifactReport.SignatureReport s : r.signatures()) {
      out.printf("      signature %-10s %-9s %s%n", s.kind(), s.status(), p(s.signer().orElse("")));
    }
    for (BinaryInspection b : r.binaries().inspected()) {
      BinaryTable.render(out, BinariesJson.inspection(b));
    }
    for (NativeBinaries.Recognised b : r.binaries().recognised()) {
      // a format without a reader: no identity beyond the format, no hardening, no toolchain
      out.printf("      binary %s  %s - -%n", p(b.path()), b.format().label());
    }
    r.policy().ifPresent(this::policy);
    for (Severity sev : Severity.values()) {
      List<Finding> group = r.findings().stream().filter(f -> f.severity() == sev).toList();
      if (group.isEmpty()) {
        continue;
      }
      String head = switch (sev) {
        case ERROR -> paint("errors", "31");
        case WARNING -> paint("warnings", "33");
        case NOTE -> paint("notes", "36");
      };
      out.printf("      %s (%d)%n", head, group.size());
      for (Finding f : group) {
        out.printf("        %-28s %s%s%n", f.code(), f.path().isEmpty() ? "" : p(f.path()) + ": ", p(f.message()));
      }
    }
    out.println();
  }

  private void policy(ArtifactReport.Policy policy) {
    PolicyReport pol = policy.report();
    pol.manylinux().ifPresent(this::platform);
    pol.musllinux().ifPresent(this::platform);
    pol.abi3().ifPresent(a -> out.printf("      abi3: claimed %s, %s, %d extension(s) checked%n", a.claimed(),
        a.ok() ? paint("ok", "32") : paint("not ok", "31"), a.extensions()));
  }

  private void platform(PlatformResult m) {
    out.printf("      %s: claimed %s, satisfied %s, %s%s%n", m.family(), m.claimed().map(TextReport::p).orElse("none"),
        m.satisfied(), m.ok() ? paint("ok", "32") : paint("not ok", "31"),
        m.symbolVersions().isEmpty() ? "" : " (needs " + p(String.valueOf(m.symbolVersions())) + ")");
  }

  /** Every string from an artifact is untrusted: no escape sequence or bidi control reaches the terminal. */
  private static String p(String s) {
    return Untrusted.printable(s);
  }

  private String paint(String s, String sgr) {
    return color ? "\u001b[" + sgr + "m" + s + "\u001b[0m" : s;
  }
}
