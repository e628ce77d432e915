package dev.wheeltapper.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * The JSON {@code summary} object: how many artifacts, how many passed, how many failed (by the gate: unsuppressed
 * findings at or above {@code --fail-on}), and how many findings a waiver or the baseline suppressed; under {@code audit --cache}, how many artifacts were replayed
 * from the cache ({@code fromCache}).
 */
final class SummaryJson {
  private SummaryJson() {}

  static void write(JsonGenerator g, RunTally tally) throws IOException {
    g.writeStartObject();
    g.writeNumberField("artifacts", tally.artifacts());
    g.writeNumberField("passed", tally.passed());
    g.writeNumberField("failed", tally.failed());
    g.writeNumberField("suppressed", tally.suppressed());
    if (tally.fromCache().isPresent()) {
      g.writeNumberField("fromCache", tally.fromCache().getAsInt());
    }
    g.writeEndObject();
  }
}
