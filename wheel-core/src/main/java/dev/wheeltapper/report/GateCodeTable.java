package dev.wheeltapper.report;

import static dev.wheeltapper.report.Severity.NOTE;

import java.util.List;

/** The registry entries of the {@code gate} codes: what the command line's gate (waivers, baseline) says of itself. */
final class GateCodeTable {
  private GateCodeTable() {}

  static List<Code> codes() {
    return List.of(
        new Code(Codes.GATE_WAIVER_EXPIRED, NOTE,
            NOTE.label(),
            "A waiver whose `until=` date has passed matched a finding; the finding counts again.",
            "information about the waiver file, not about the artifact: the finding it no longer waives keeps its "
                + "own severity and decides the verdict",
            CodeRegistry.tools("—", "—", "—", "—"),
            List.of("Gate")));
  }
}
