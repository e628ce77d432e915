package dev.wheeltapper.report;

import static dev.wheeltapper.report.Severity.ERROR;
import static dev.wheeltapper.report.Severity.WARNING;

import java.util.List;

/** The registry entries of the {@code input} codes: what the command line could not read of what it was given. */
final class InputCodeTable {
  private InputCodeTable() {}

  static List<Code> codes() {
    return List.of(
        new Code(Codes.INPUT_MISSING, ERROR,
            ERROR.label(),
            "A path given on the command line does not exist.",
            "what was to be checked was not checked; the rest of the run is still reported",
            CodeRegistry.tools(
                "refuse (\"... does not exist\"), ending the run",
                "refuses, ending the run",
                "—",
                "refuse (\"cannot access ...\"), ending the run"),
            List.of("ReportingCommand")),
        new Code(Codes.INPUT_UNREADABLE, ERROR,
            ERROR.label(),
            "A path given on the command line, or a file or directory under it, cannot be read.",
            "unreadable input is never a pass; the rest of the run is still reported",
            CodeRegistry.tools(
                "refuse (a permission error), ending the run",
                "refuses, ending the run",
                "—",
                "refuse, ending the run"),
            List.of("ReportingCommand", "Targets")),
        new Code(Codes.INPUT_TOO_LARGE, ERROR,
            ERROR.label(),
            "An artifact needed more memory than the run's Java heap allows (the launcher's `-Xmx`, raised with "
                + "`WHEELTAPPER_JAVA_OPTS`); what it had read was dropped and it was not checked.",
            "what was to be checked was not checked, so it is never a pass; one large artifact does not end the run, "
                + "the rest is still reported and the exit code says it failed",
            CodeRegistry.tools(
                "—",
                "—",
                "—",
                "—"),
            List.of("ReportingCommand")),
        new Code(Codes.INPUT_EMPTY, WARNING,
            WARNING.label(),
            "A directory given on the command line holds nothing the command processes (no wheel; for `inspect`, no "
                + "native binary either).",
            "nothing was checked under it, which is worth a look but not a failure of anything that was",
            CodeRegistry.tools("—", "—", "—", "—"),
            List.of("Targets")));
  }
}
