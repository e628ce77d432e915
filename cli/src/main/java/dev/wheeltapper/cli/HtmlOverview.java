package dev.wheeltapper.cli;

import dev.wheeltapper.inspect.BinaryInspection;
import dev.wheeltapper.policy.PlatformResult;
import dev.wheeltapper.policy.PolicyReport;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Severity;
import dev.wheeltapper.toolchain.Evidence;
import dev.wheeltapper.toolchain.Language;
import dev.wheeltapper.toolchain.MemorySafety;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The overview at the top of the HTML report, counted artifact by artifact: artifacts by verdict (failed first, each
 * linked to its section), the language mix and memory-safety verdicts of the native code ({@link HtmlSvgChart}), the
 * hardening heat map ({@link HtmlHeatMap}), platform policy compliance (manylinux, musllinux and abi3 per wheel) and
 * findings by code ({@link HtmlFindingCodes}). Table rows go to {@link HtmlSpill}s; only counts stay in memory.
 *
 * <p>Not thread-safe: one report writer adds from one thread.
 */
final class HtmlOverview implements Closeable {
  private int artifacts;
  private int passed;
  private final HtmlSpill failedRows = new HtmlSpill();
  private final HtmlSpill passedRows = new HtmlSpill();
  private final Map<Language, Integer> languages = new EnumMap<>(Language.class);
  private final Map<MemorySafety, Integer> safety = new EnumMap<>(MemorySafety.class);
  private int inspected;
  private int recognised;
  private final HtmlHeatMap heat = new HtmlHeatMap();
  private final HtmlSpill policyRows = new HtmlSpill();
  private final int[] policyOk = new int[3];
  private final int[] policyJudged = new int[3];
  private final HtmlFindingCodes codes = new HtmlFindingCodes();
  private final List<Finding> runFindings = new ArrayList<>();
  /** The OpenSSF guide's per-option counts over the artifacts with C/C++ ELF code. */
  private final GuideText.RunShare guide = new GuideText.RunShare();

  /** Counts the {@code index}th artifact (from 1). */
  void add(int index, ArtifactReport r) throws IOException {
    artifacts++;
    guide.add(r);
    if (r.passed()) {
      passed++;
    }
    String anchor = HtmlArtifactSection.anchor(index);
    StringBuilder row = new StringBuilder(512).append("<tr data-verdict=\"").append(r.verdict()).append("\"><td class=\"v\">")
        .append(HtmlArtifactSection.verdictBadge(r)).append("</td><td><a href=\"#").append(anchor).append("\">");
    row.append(HtmlArtifactSection.pathLabel(r.path())).append("</a></td><td class=\"kind\">");
    HtmlEscaper.append(row, r.kind()).append("</td><td class=\"num\">")
        .append(r.binaries().inspected().size() + r.binaries().recognised().size()).append("</td>");
    for (Severity sev : Severity.values()) {
      row.append("<td class=\"num\">").append(HtmlArtifactSection.count(r, sev)).append("</td>");
    }
    (r.passed() ? passedRows : failedRows).append(row.append("</tr>\n"));

    int j = 0;
    for (BinaryInspection b : r.binaries().inspected()) {
      inspected++;
      for (Evidence<Language> e : b.toolchain().languages()) {
        languages.merge(e.value(), 1, Integer::sum);
      }
      safety.merge(b.toolchain().memorySafe(), 1, Integer::sum);
      heat.add(HtmlArtifactSection.binaryAnchor(index, ++j), r.path(), b);
    }
    recognised += r.binaries().recognised().size();
    if (r.policy().isPresent()) {
      policy(anchor, r.path(), r.policy().get().report());
    }
    codes.add(r.findings());
  }

  private void policy(String anchor, String path, PolicyReport p) throws IOException {
    if (p.manylinux().isEmpty() && p.musllinux().isEmpty() && p.abi3().isEmpty()) {
      return;
    }
    StringBuilder row = new StringBuilder(512).append("<tr><td><a href=\"#").append(anchor).append("\">");
    row.append(HtmlArtifactSection.pathLabel(path)).append("</a></td>");
    platformCell(row, p.manylinux(), 0);
    platformCell(row, p.musllinux(), 1);
    if (p.abi3().isPresent()) {
      policyJudged[2]++;
      policyOk[2] += p.abi3().get().ok() ? 1 : 0;
      row.append("<td>").append(HtmlArtifactSection.okBadge(p.abi3().get().ok())).append(' ');
      HtmlEscaper.append(row, p.abi3().get().claimed()).append(", ").append(p.abi3().get().violations().size())
          .append(" violation(s)</td>");
    } else {
      row.append("<td class=\"na\">n/a</td>");
    }
    policyRows.append(row.append("</tr>\n"));
  }

  private void platformCell(StringBuilder row, Optional<PlatformResult> result, int family) {
    if (result.isEmpty()) {
      row.append("<td class=\"na\">n/a</td>");
      return;
    }
    PlatformResult m = result.get();
    policyJudged[family]++;
    policyOk[family] += m.ok() ? 1 : 0;
    row.append("<td>").append(HtmlArtifactSection.okBadge(m.ok())).append(" claimed ");
    HtmlEscaper.append(row, m.claimed().orElse("none")).append(", satisfied ");
    HtmlEscaper.append(row, m.satisfied()).append("</td>");
  }

  /**
   * Adds the findings about the run itself (a path that yielded no artifact), shown above the verdicts; they are as
   * many as the paths given at most.
   */
  void addRun(List<Finding> findings) {
    runFindings.addAll(findings);
    codes.add(findings, false);
  }

  /** The codes seen, for the filter. */
  List<String> codes() {
    return codes.codes();
  }

  /** Writes the overview's sections. */
  void writeTo(Writer out) throws IOException {
    int failed = artifacts - passed;
    if (!runFindings.isEmpty()) {
      StringBuilder run = new StringBuilder(1024).append("<section id=\"run\"><h2>About the run</h2>\n");
      HtmlArtifactSection.findingList(run, runFindings);
      out.append(run.append("</section>\n"));
    }
    out.append("<section id=\"verdicts\"><h2>Artifacts by verdict</h2>\n<p class=\"totals\">")
        .append("<span class=\"total\" data-count-artifacts=\"").append(String.valueOf(artifacts)).append("\">")
        .append(String.valueOf(artifacts)).append(artifacts == 1 ? " artifact" : " artifacts")
        .append("</span> <span class=\"badge fail\" data-count-fail=\"").append(String.valueOf(failed)).append("\">")
        .append(String.valueOf(failed)).append(" failed</span> <span class=\"badge pass\" data-count-pass=\"")
        .append(String.valueOf(passed)).append("\">").append(String.valueOf(passed)).append(" passed</span></p>\n");
    // The failed artifacts in view; the passed ones folded, so the charts below stay near the top.
    index(out, failedRows, "failed", failed, true);
    index(out, passedRows, "passed", passed, false);
    out.append("</section>\n<section id=\"languages\"><h2>Native code: languages and memory safety</h2>\n");
    out.append("<p>").append(String.valueOf(inspected)).append(inspected == 1 ? " binary" : " binaries")
        .append(" inspected").append(recognised == 0 ? "" : ", " + recognised + " recognised without a reader")
        .append(". A binary built from two languages counts for both.</p>\n<div class=\"charts\"><figure>")
        .append(HtmlSvgChart.languages(sortedLanguages(), inspected))
        .append("<figcaption>Binaries per language (green: memory-safe language)</figcaption></figure><figure>")
        .append(HtmlSvgChart.memorySafety(safety))
        .append("<figcaption>Binaries by memory-safety verdict</figcaption></figure></div>\n</section>\n");
    out.append("<section id=\"hardening\"><h2>Hardening heat map</h2>\n");
    if (heat.isEmpty()) {
      out.append("<p class=\"none\">No native binary was inspected.</p>\n");
    } else {
      out.append("<p class=\"legend\"><span class=\"s-pass\">\u2713 pass</span> <span class=\"s-partial\">\u25d0 ")
          .append("partial</span> <span class=\"s-fail\">\u2717 fail</span> <span class=\"s-not-applicable\">n/a ")
          .append("does not apply</span> <span class=\"s-unknown\">? unknown</span></p>\n");
      heat.writeTo(out);
    }
    out.append("</section>\n<section id=\"policy\"><h2>Platform policy compliance</h2>\n<p>")
        .append(compliance("manylinux", 0)).append(' ').append(compliance("musllinux", 1)).append(' ')
        .append(compliance("abi3", 2)).append("</p>\n");
    if (!policyRows.isEmpty()) {
      out.append("<div class=\"scroll\"><table class=\"policy\"><thead><tr><th>wheel</th><th>manylinux</th>")
          .append("<th>musllinux</th><th>abi3</th></tr></thead><tbody>\n");
      policyRows.writeTo(out);
      out.append("</tbody></table></div>\n");
    }
    out.append("</section>\n");
    guide(out);
    out.append("<section id=\"codes\"><h2>Findings by code</h2>\n").append(codes.render())
        .append("</section>\n");
  }

  /**
   * The OpenSSF compiler hardening guide at a glance: per option, the share of artifacts with C/C++ ELF code whose
   * every such binary meets it ({@code table.guide-share}, one row per option with {@code data-option}).
   */
  private void guide(Writer out) throws IOException {
    out.append("<section id=\"guide\"><h2>OpenSSF compiler hardening guide</h2>\n");
    if (guide.wheels() == 0) {
      out.append("<p class=\"none\">No artifact has C or C++ ELF code.</p>\n</section>\n");
      return;
    }
    out.append("<p>Per option, the artifacts whose every C/C++ ELF binary meets it, of ").append(String.valueOf(
        guide.wheels())).append(" with C/C++ ELF code (where the option applies).</p>\n")
        .append("<div class=\"scroll\"><table class=\"guide-share\"><thead><tr><th>option</th><th>applies</th>")
        .append("<th>met</th><th>not met</th><th>undeterminable</th><th>share met</th></tr></thead><tbody>\n");
    for (dev.wheeltapper.guide.GuideOption o : dev.wheeltapper.guide.GuideOption.values()) {
      int[] c = guide.counts(o);
      out.append("<tr data-option=\"").append(HtmlEscaper.text(o.option())).append("\"><th scope=\"row\"><code>")
          .append(HtmlEscaper.text(o.option())).append("</code></th><td class=\"num\">").append(String.valueOf(c[0]))
          .append("</td><td class=\"num\">").append(String.valueOf(c[1])).append("</td><td class=\"num\">")
          .append(String.valueOf(c[2])).append("</td><td class=\"num\">").append(String.valueOf(c[3]))
          .append("</td><td class=\"num\">").append(c[0] == 0 ? "n/a" : (100 * c[1] / c[0]) + "%")
          .append("</td></tr>\n");
    }
    out.append("</tbody></table></div>\n</section>\n");
  }

  private static void index(Writer out, HtmlSpill rows, String verdict, int n, boolean open) throws IOException {
    if (n == 0) {
      return;
    }
    out.append("<details class=\"index\" data-verdict=\"").append(verdict).append('"').append(open ? " open" : "")
        .append("><summary>").append(String.valueOf(n)).append(' ').append(verdict).append("</summary>\n")
        .append("<div class=\"scroll tall\"><table class=\"index\"><thead><tr><th class=\"v\">verdict</th><th>artifact</th>")
        .append("<th class=\"kind\">kind</th><th class=\"num\"><abbr title=\"binaries\">bin</abbr></th>")
        .append("<th class=\"num\"><abbr title=\"errors\">err</abbr></th><th class=\"num\"><abbr title=\"warnings\">")
        .append("warn</abbr></th><th class=\"num\"><abbr title=\"notes\">note</abbr></th></tr></thead><tbody>\n");
    rows.writeTo(out);
    out.append("</tbody></table></div></details>\n");
  }

  private String compliance(String family, int i) {
    return policyJudged[i] == 0 ? family + ": no wheel claims it."
        : family + ": " + policyOk[i] + " of " + policyJudged[i] + " ok.";
  }

  /** Most binaries first; the enum's order breaks ties, so the chart never depends on the run's order. */
  private Map<Language, Integer> sortedLanguages() {
    Map<Language, Integer> m = new LinkedHashMap<>();
    languages.entrySet().stream()
        .sorted(Map.Entry.<Language, Integer>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> m.put(e.getKey(), e.getValue()));
    return m;
  }

  @Override
  public void close() throws IOException {
    // every part is closed, even when one fails
    try {
      failedRows.close();
    } finally {
      try {
        passedRows.close();
      } finally {
        try {
          policyRows.close();
        } finally {
          heat.close();
        }
      }
    }
  }
}
