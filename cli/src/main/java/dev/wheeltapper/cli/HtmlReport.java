package dev.wheeltapper.cli;

import dev.wheeltapper.report.Finding;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * The HTML report ({@code --format html}): one self-contained file a person reads on a phone or a desktop. The
 * overview comes first ({@link HtmlOverview}: artifacts by verdict, languages and memory safety as inline SVG, the
 * hardening heat map, platform policy compliance, findings by code), then one section per artifact
 * ({@link HtmlArtifactSection}) linked from it. A small inline script filters the findings by severity and code
 * (from the form, or from {@code ?severity=...&code=...} in the address); without scripts the form stays hidden and
 * everything is shown. The page loads nothing: no network, no external script, style, font or image; its Content
 * Security Policy allows only its own style sheet and script (by hash), so even markup that slipped past
 * {@link HtmlEscaper} could not run.
 *
 * <p>Written as a stream: {@link #begin()}, {@link #artifact(ArtifactReport)} once per artifact in run order,
 * {@link #end()} (or {@link #end(List)} with the findings about the run's inputs). Each artifact is rendered when it
 * arrives and buffered ({@link HtmlSpill}: in memory, then a temporary file), because the overview above it is known
 * only at the end; memory holds the overview's counts. {@code end} removes the temporary files, and so does
 * {@link #close()} when a run stops before its end.
 *
 * <pre>{@code
 * try (HtmlReport html = new HtmlReport(writer)) {
 *   html.begin();
 *   for (ArtifactReport r : reports) html.artifact(r);
 *   html.end();
 * }
 * }</pre>
 *
 * <p>Not thread-safe: call it from one thread.
 */
final class HtmlReport implements Closeable, ReportSink {
  private static final String CSS = resource("html/report.css");
  private static final String SCRIPT = resource("html/report.js");
  /** Only the page's own style sheet and script, by hash; nothing else may load or run. */
  private static final String CSP = "default-src 'none'; style-src '" + sha256(CSS) + "'; script-src '"
      + sha256(SCRIPT) + "'; img-src 'none'; base-uri 'none'; form-action 'none'";

  private final Writer out;
  private final HtmlOverview overview = new HtmlOverview();
  private final HtmlSpill sections = new HtmlSpill();
  private int index;
  private boolean begun;
  private boolean ended;

  /**
   * A report writing to {@code out}, which stays open.
   *
   * @param out where the document goes, at {@link #end()}
   */
  HtmlReport(Writer out) {
    this.out = out;
  }

  /** Writes the whole document for a run, and removes its temporary files. */
  static void write(List<ArtifactReport> reports, Writer out) throws IOException {
    try (HtmlReport html = new HtmlReport(out)) {
      html.begin();
      for (ArtifactReport r : reports) {
        html.artifact(r);
      }
      html.end();
    }
  }

  /** Starts the run. */
  @Override
  public void begin() {
    if (begun) {
      throw new IllegalStateException("begin() called twice");
    }
    begun = true;
  }

  /** Adds the next artifact of the run: counted for the overview, its section rendered and buffered. */
  @Override
  public void artifact(ArtifactReport r) throws IOException {
    if (!begun || ended) {
      throw new IllegalStateException("artifact() outside begin() and end()");
    }
    index++;
    overview.add(index, r);
    sections.append(HtmlArtifactSection.render(index, r));
  }

  /** Ends a streamed run: the run-level findings (a path that yielded no artifact) come from its totals. */
  @Override
  public void end(RunTally tally) throws IOException {
    end(tally.runFindings());
  }

  /** Ends a run that has no findings of its own: {@link #end(List)} with none. */
  void end() throws IOException {
    end(List.of());
  }

  /**
   * Writes the document: head, the findings about the run itself (a path that yielded no artifact), overview, filter,
   * the artifacts' sections, script; flushes {@code out} and removes the temporary files.
   */
  void end(List<Finding> runFindings) throws IOException {
    if (!begun || ended) {
      throw new IllegalStateException("end() without begin(), or twice");
    }
    ended = true;
    try {
      document(runFindings);
    } finally {
      close();
    }
  }

  private void document(List<Finding> runFindings) throws IOException {
    overview.addRun(runFindings);
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
        .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
        .append("<meta name=\"color-scheme\" content=\"light dark\">\n")
        .append("<meta name=\"generator\" content=\"wheeltapper ").append(HtmlEscaper.text(Version.current()))
        .append("\">\n<title>wheeltapper report: ").append(String.valueOf(index))
        .append(index == 1 ? " artifact" : " artifacts").append("</title>\n<style>").append(CSS)
        .append("</style>\n</head>\n<body>\n<header class=\"top\" id=\"overview\">\n<h1>wheeltapper report</h1>\n")
        .append("<nav class=\"toc\" aria-label=\"contents\"><ul><li><a href=\"#verdicts\">verdicts</a></li>")
        .append("<li><a href=\"#languages\">languages</a></li><li><a href=\"#hardening\">hardening</a></li>")
        .append("<li><a href=\"#policy\">platform policy</a></li><li><a href=\"#guide\">OpenSSF guide</a></li>")
        .append("<li><a href=\"#codes\">findings by code</a></li>")
        .append("<li><a href=\"#artifacts\">artifacts</a></li></ul></nav>\n</header>\n<main>\n");
    filter();
    overview.writeTo(out);
    out.append("<section id=\"artifacts\"><h2>Artifacts</h2>\n");
    if (index == 0) {
      out.append("<p class=\"none\">No artifact was given or found.</p>\n");
    }
    sections.writeTo(out);
    out.append("</section>\n</main>\n<footer><p>wheeltapper ").append(HtmlEscaper.text(Version.current()))
        .append(". This page is self-contained: it loads nothing from the network.</p></footer>\n<script>")
        .append(SCRIPT).append("</script>\n</body>\n</html>\n");
    out.flush();
  }

  /** The filter form: hidden until the script shows it, so a page without scripts shows no dead controls. */
  private void filter() throws IOException {
    StringBuilder s = new StringBuilder(2048).append("<form id=\"filter\" hidden>")
        .append("<fieldset><legend class=\"sub\">severity</legend>");
    for (String sev : List.of("error", "warning", "note")) {
      s.append("<label><input type=\"checkbox\" name=\"severity\" value=\"").append(sev)
          .append("\" checked> ").append(sev).append("</label>");
    }
    s.append("</fieldset><label>code <select id=\"filter-code\"><option value=\"\">every code</option>");
    for (String code : overview.codes()) {
      String c = HtmlEscaper.text(code);
      s.append("<option value=\"").append(c).append("\">").append(c).append("</option>");
    }
    s.append("</select></label><button type=\"button\" id=\"filter-reset\">show all</button>")
        .append("<span id=\"filter-status\" role=\"status\"></span></form>\n")
        .append("<noscript><p class=\"sub\">Scripts are off: every finding is shown, unfiltered.</p></noscript>\n");
    out.append(s);
  }

  @Override
  public void close() throws IOException {
    try {
      sections.close();
    } finally {
      overview.close();
    }
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The CSP source of a hash: {@code sha256-<base64>} of the element's exact text. */
  static String sha256(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
