package dev.wheeltapper.cli;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * Where one run's reports go, in one format: {@link #begin()} once, {@link #artifact} once per artifact in submission
 * order as soon as its report is complete, {@link #end} once with the run's totals. A sink writes as it goes and keeps
 * no report after {@link #artifact} returns: only small aggregates (counts, the codes seen, one index entry per
 * artifact at most), so a run of any size writes its report in bounded memory. A format whose document needs an
 * aggregate before the artifacts (SARIF's {@code rules}, an HTML overview) writes the artifacts' part to a {@link
 * Spool} and copies it into place at {@link #end}.
 *
 * <p>A new format plugs in with a constant in {@link Format} and a case in {@link #of}; everything else (order,
 * back-pressure, the end-of-run pass, progress, exit code) is {@link ReportingCommand}'s and {@link OrderedRun}'s.
 * Called from one thread only.
 */
interface ReportSink {
  /**
   * Starts the document.
   *
   * @throws IOException when the output cannot be written
   */
  void begin() throws IOException;

  /**
   * Writes one artifact's report; the sink must not keep it.
   *
   * @param r the report, final (the end-of-run pass already applied)
   * @throws IOException when the output cannot be written
   */
  void artifact(ArtifactReport r) throws IOException;

  /**
   * Ends the document: summary, run-level findings, whatever was spooled.
   *
   * @param tally the run's totals
   * @throws IOException when the output cannot be written
   */
  void end(RunTally tally) throws IOException;

  /**
   * The sink of a format.
   *
   * @param format the format
   * @param out where the document goes; flushed, never closed
   * @param text the text options (colour, verbosity)
   * @return a sink that has not begun
   */
  static ReportSink of(Format format, PrintWriter out, TextReport.Options text) {
    return switch (format) {
      case json -> new JsonReport.Sink(out);
      case sarif -> new SarifReport.Sink(out);
      case text -> new TextReport(out, text);
      case html -> new HtmlReport(out);
      case cyclonedx -> new CycloneDxReport.Sink(out, CycloneDxReport.timestamp(System.getenv(),
          java.time.Instant.now()));
    };
  }
}
