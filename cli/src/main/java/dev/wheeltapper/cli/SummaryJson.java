package dev.wheeltapper.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;

/**
 * The JSON {@code summary} object: how many artifacts, how many passed, how many failed (by the gate: unsuppressed
 * findings at or above {@code --fail-on}), and how many findings a waiver or the baseline suppressed.
 */
final class SummaryJson {
  private SummaryJson() {}

  static void write(JsonGenerator g, List<ArtifactReport> reports) throws IOException {
    int passed = (int) reports.stream().filter(ArtifactReport::passed).count();
    g.writeStartObject();
    g.writeNumberField("artifacts", reports.size());
    g.writeNumberField("passed", passed);
    g.writeNumberField("failed", reports.size() - passed);
    g.writeNumberField("suppressed", reports.stream().mapToLong(r -> r.findings().stream()
        .filter(dev.wheeltapper.report.Finding::isSuppressed).count()).sum());
    g.writeEndObject();
  }
}
