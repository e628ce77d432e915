package dev.wheeltapper.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** The JSON {@code summary} object: how many artifacts, how many passed, how many failed. */
final class SummaryJson {
  private SummaryJson() {}

  static void write(JsonGenerator g, RunTally tally) throws IOException {
    g.writeStartObject();
    g.writeNumberField("artifacts", tally.artifacts());
    g.writeNumberField("passed", tally.passed());
    g.writeNumberField("failed", tally.failed());
    g.writeEndObject();
  }
}
