package dev.wheeltapper.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The gating options of every reporting command: {@code --fail-on}, {@code --baseline}, {@code --waivers}. */
final class GateOptions {
  @Option(names = "--fail-on", paramLabel = "LEVEL",
      description = "error, warning or never: the lowest severity of a finding that no waiver or baseline covers "
          + "that fails the run (default: ${DEFAULT-VALUE})")
  FailOn failOn = FailOn.error;

  @Option(names = "--baseline", paramLabel = "REPORT.json",
      description = "an earlier --format json report: findings it already has (same wheel file name, code and path) "
          + "are reported as baselined and do not fail")
  Path baseline;

  @Option(names = "--waivers", paramLabel = "FILE",
      description = "waivers, one a line: CODE GLOB [until=YYYY-MM-DD] REASON...; # starts a comment")
  Path waivers;

  /** The gate these options describe, with waivers judged against today's date (UTC). */
  Gate gate() throws UsageException {
    return gate(LocalDate.now(ZoneOffset.UTC));
  }

  Gate gate(LocalDate today) throws UsageException {
    Optional<Waivers> w = waivers == null ? Optional.empty() : Optional.of(Waivers.read(waivers, today));
    Optional<Baseline> b = baseline == null ? Optional.empty() : Optional.of(Baseline.read(baseline));
    return new Gate(failOn, w, b);
  }
}
