package dev.wheeltapper.cli;

import dev.wheeltapper.audit.NativeBinaries;
import dev.wheeltapper.inspect.BinaryInspection;
import dev.wheeltapper.policy.PlatformResult;
import dev.wheeltapper.policy.PolicyReport;
import dev.wheeltapper.report.Code;
import dev.wheeltapper.report.CodeRegistry;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Severity;
import dev.wheeltapper.report.Untrusted;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Renders reports for a person, as the run goes: one block per artifact (a PASS/FAIL line, its binaries, findings by
 * severity, a code that repeats on one line with its count and the files named), written as each artifact is done,
 * then the run's summary (verdicts, findings by code). {@link Detail} chooses how much: {@code --summary}, {@code
 * --quiet} (one line per artifact), the default, or {@code --verbose} (every finding and every piece of evidence in
 * full).
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
    /** As NORMAL, with every finding and every piece of toolchain evidence in full. */
    VERBOSE
  }

  /**
   * How the text is written.
   *
   * @param color ANSI colours
   * @param detail how much of each artifact
   */
  record Options(boolean color, Detail detail) {}

  /** A grouped code names this many files, then says how many more. */
  static final int NAMED_FILES = 6;

  private final PrintWriter out;
  private final boolean color;
  private final Detail detail;
  /** The guide's per-option share of the run, for the summary. */
  private final GuideText.RunShare guide = new GuideText.RunShare();

  TextReport(PrintWriter out, Options options) {
    this.out = out;
    this.color = options.color();
    this.detail = options.detail();
  }

  @Override
  public void begin() {
    // nothing before the first artifact
  }

  @Override
  public void artifact(ArtifactReport r) {
    guide.add(r);
    switch (detail) {
      case SUMMARY -> {
        return;
      }
      case QUIET -> out.printf("%s  %s (%s)  %s%n", verdict(r), p(r.path()), r.kind(), counts(r.findings()));
      default -> block(r);
    }
    out.flush();
  }

  @Override
  public void end(RunTally tally) {
    if (!tally.runFindings().isEmpty()) {
      for (Finding f : tally.runFindings()) {
        out.printf("%s  %s: %s%n", severityWord(f.severity()), f.code(), p(f.message()));
      }
      out.println();
    }
    out.printf("%s%n", RunSummary.verdicts(tally));
    if (!tally.byCode().isEmpty()) {
      out.printf("findings: %s%n", String.join(", ", tally.severityWords()));
      tally.byCode().entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
          .sorted((a, b) -> tally.severityOf(a.getKey()).compareTo(tally.severityOf(b.getKey())))
          .forEach(e -> out.printf("  %-8s %-32s %d%n", tally.severityOf(e.getKey()).label(), e.getKey(),
              e.getValue()));
    }
    // the guide's share per option closes the summary: the verdict and the codes come first
    guide.print(out);
    out.flush();
  }

  private void block(ArtifactReport r) {
    out.printf("%s  %s (%s)%n", verdict(r), p(r.path()), r.kind());
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
      out.printf("      signature %-10s %-9s %s%s%n", s.kind(), s.status(), p(s.signer().orElse("")),
          s.source().map(f -> "  (" + p(f) + ")").orElse(""));
    }
    for (BinaryInspection b : r.binaries().inspected()) {
      BinaryTable.render(out, BinariesJson.inspection(b), detail == Detail.VERBOSE);
    }
    for (NativeBinaries.Recognised b : r.binaries().recognised()) {
      // a format without a reader: no identity beyond the format, no hardening, no toolchain
      out.printf("      binary %s  %s - -%n", p(b.path()), b.format().label());
    }
    GuideText.block(out, r.binaries().inspected());
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
      if (detail == Detail.VERBOSE) {
        group.forEach(this::finding);
      } else {
        grouped(group);
      }
    }
    out.println();
  }

  private void finding(Finding f) {
    out.printf("        %-28s %s%s%s%n", f.code(), f.path().isEmpty() ? "" : p(f.path()) + ": ", p(f.message()),
        Gate.mark(f));
  }

  /** A code found once reads as a full finding; a code found on several files is one line naming them. */
  private void grouped(List<Finding> group) {
    Map<String, List<Finding>> byCode = new LinkedHashMap<>();
    for (Finding f : group) {
      // a waived or baselined finding is grouped apart from the ones that count, and keeps its mark
      byCode.computeIfAbsent(f.code() + "\u0000" + Gate.mark(f), k -> new ArrayList<>()).add(f);
    }
    for (Map.Entry<String, List<Finding>> e : byCode.entrySet()) {
      List<Finding> fs = e.getValue();
      if (fs.size() == 1) {
        finding(fs.get(0));
        continue;
      }
      String code = fs.get(0).code();
      String summary = CodeRegistry.find(code).map(Code::summary).map(TextReport::withoutPeriod)
          .orElse(p(fs.get(0).message()));
      List<String> names = fs.stream().map(Finding::path).filter(s -> !s.isEmpty()).distinct()
          .map(TextReport::baseName).toList();
      StringJoiner named = new StringJoiner(", ");
      names.stream().limit(NAMED_FILES).forEach(n -> named.add(p(n)));
      String more = names.size() > NAMED_FILES ? " and " + (names.size() - NAMED_FILES) + " more" : "";
      out.printf("        %-28s %dx %s%s%s%n", code, fs.size(), summary,
          names.isEmpty() ? "" : ": " + named + more, Gate.mark(fs.get(0)));
    }
  }

  private void policy(ArtifactReport.Policy policy) {
    PolicyReport pol = policy.report();
    pol.manylinux().ifPresent(this::platform);
    pol.musllinux().ifPresent(this::platform);
    pol.abi3().ifPresent(a -> out.printf("      abi3: claimed %s, %s, %d extension%s checked%n",
        p(a.claimed()), a.ok() ? paint("ok", "32") : paint("not ok", "31"), a.extensions(),
        a.extensions() == 1 ? "" : "s"));
  }

  private void platform(PlatformResult m) {
    out.printf("      %s: claimed %s, satisfied %s, %s%s%n", m.family(), m.claimed().map(TextReport::p).orElse("none"),
        p(m.satisfied()), m.ok() ? paint("ok", "32") : paint("not ok", "31"),
        m.symbolVersions().isEmpty() ? "" : " (needs " + p(versions(m.symbolVersions())) + ")");
  }

  /** {@code GLIBC 2.27, GLIBCXX 3.4.21}: a version namespace and its highest version, never a Java map. */
  static String versions(Map<String, String> m) {
    StringJoiner j = new StringJoiner(", ");
    m.forEach((k, v) -> j.add(k + " " + v));
    return j.toString();
  }

  private String verdict(ArtifactReport r) {
    return r.passed() ? paint("PASS", "32;1") : paint("FAIL", "31;1");
  }

  private static String severityWord(Severity s) {
    return s.label();
  }

  /** {@code 2 errors, 61 warnings}, or {@code no findings}. */
  private static String counts(List<Finding> findings) {
    StringJoiner j = new StringJoiner(", ");
    for (Severity s : Severity.values()) {
      long n = findings.stream().filter(f -> f.severity() == s).count();
      if (n > 0) {
        j.add(n + " " + s.label() + (n == 1 ? "" : "s"));
      }
    }
    return j.length() == 0 ? "no findings" : j.toString();
  }

  private static String baseName(String path) {
    String s = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return s.substring(s.lastIndexOf('/') + 1);
  }

  private static String withoutPeriod(String s) {
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** Every string from an artifact is untrusted: no escape sequence or bidi control reaches the terminal. */
  private static String p(String s) {
    return Untrusted.printable(s);
  }

  private String paint(String s, String sgr) {
    return color ? "\u001b[" + sgr + "m" + s + "\u001b[0m" : s;
  }
}
