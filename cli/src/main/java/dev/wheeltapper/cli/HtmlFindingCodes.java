package dev.wheeltapper.cli;

import dev.wheeltapper.report.Code;
import dev.wheeltapper.report.CodeRegistry;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The "findings by code" table of the HTML report: per code and severity, how many findings and how many artifacts,
 * the code's one-line summary from {@link CodeRegistry}, and where {@code docs/findings.md} explains its severity (the
 * section of its area, as the anchor GitHub gives that heading). The report is one self-contained file, so the place
 * is named as text rather than linked. Only the counts are kept: one entry per code and severity.
 *
 * <p>Not thread-safe: one report writer adds from one thread.
 */
final class HtmlFindingCodes {
  /** The anchors of {@code docs/findings.md}'s area sections ({@code HtmlReportTest} checks each is a heading). */
  static final Map<String, String> SECTIONS = Map.ofEntries(
      Map.entry("zip", "zip-the-archive"),
      Map.entry("wheel", "wheel-name-dist-info-and-wheel"),
      Map.entry("metadata", "metadata-metadata"),
      Map.entry("record", "record-record"),
      Map.entry("signature", "signature-pep-740-attestations-openpgp-signed-record"),
      Map.entry("binary", "binary-reading-native-files"),
      Map.entry("policy", "policy-do-the-binaries-fit-the-tags"),
      Map.entry("hardening", "hardening-missing-mitigations"),
      Map.entry("guide", "guide-the-openssf-compiler-hardening-guide"),
      Map.entry("index", "index-a-simple-repositorys-promises-audit---index"),
      Map.entry("layout", "layout-what-a-wheel-ships"),
      Map.entry("gate", "gate-waivers-and-baselines"),
      Map.entry("input", "input-what-the-command-line-was-given"));

  private final Map<String, Count> counts = new LinkedHashMap<>();

  /** The findings and the artifacts of one code at one severity. */
  private static final class Count {
    final String code;
    final Severity severity;
    int findings;
    int artifacts;

    Count(String code, Severity severity) {
      this.code = code;
      this.severity = severity;
    }
  }

  /** Counts one artifact's findings. */
  void add(List<Finding> findings) {
    add(findings, true);
  }

  /** Counts findings; those about the run's inputs belong to no artifact. */
  void add(List<Finding> findings, boolean ofAnArtifact) {
    Set<String> seen = new HashSet<>();
    for (Finding f : findings) {
      String key = f.code() + ' ' + f.severity().label();
      Count c = counts.computeIfAbsent(key, k -> new Count(f.code(), f.severity()));
      c.findings++;
      if (ofAnArtifact && seen.add(key)) {
        c.artifacts++;
      }
    }
  }

  /** Where {@code docs/findings.md} explains a code. */
  static String reference(String code) {
    String area = code.substring(0, code.indexOf('.'));
    String section = SECTIONS.get(area);
    return section == null ? "docs/findings.md" : "docs/findings.md#" + section;
  }

  /** The table, errors first, then by count; rows carry {@code data-code} and {@code data-severity}. */
  String render() {
    if (counts.isEmpty()) {
      return "<p class=\"none\">No findings.</p>\n";
    }
    List<Count> rows = new ArrayList<>(counts.values());
    rows.sort(Comparator.comparing((Count c) -> c.severity).thenComparing(c -> -c.findings)
        .thenComparing(c -> c.code));
    StringBuilder s = new StringBuilder(256 * rows.size() + 512);
    s.append("<div class=\"scroll\"><table class=\"codes\"><thead><tr><th>code</th><th>severity</th>")
        .append("<th class=\"num\">findings</th><th class=\"num\">artifacts</th><th>meaning</th>")
        .append("<th>explained in</th></tr></thead><tbody>\n");
    for (Count c : rows) {
      String sev = c.severity.label();
      String code = HtmlEscaper.text(c.code);
      s.append("<tr class=\"code-row\" data-code=\"").append(code).append("\" data-severity=\"").append(sev)
          .append("\"><td><code>").append(code).append("</code></td><td><span class=\"badge ").append(sev)
          .append("\">").append(sev).append("</span></td><td class=\"num\">").append(c.findings)
          .append("</td><td class=\"num\">").append(c.artifacts).append("</td><td>")
          .append(HtmlEscaper.text(CodeRegistry.find(c.code).map(Code::summary).orElse("")))
          .append("</td><td><code class=\"ref\">").append(HtmlEscaper.text(reference(c.code)))
          .append("</code></td></tr>\n");
    }
    return s.append("</tbody></table></div>\n").toString();
  }

  /** Every code seen, sorted: the choices of the page's code filter. */
  List<String> codes() {
    return counts.values().stream().map(c -> c.code).distinct().sorted().toList();
  }
}
