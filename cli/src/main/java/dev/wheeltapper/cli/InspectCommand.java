package dev.wheeltapper.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code wheeltapper inspect [PATH...]}: format, architecture, hardening, toolchain and language of native code. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = "Each native binary (a bare file, or every native binary inside a wheel): format, architecture,"
        + " hardening, toolchain and language. With no PATH, inspects the sample wheels bundled in the jar.")
final class InspectCommand extends ReportingCommand {
  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "binaries and wheels, or directories walked for native binaries (by magic number) and *.whl")
  List<String> paths = new ArrayList<>();

  @Override
  java.util.Optional<TrustOptions> trust() {
    return java.util.Optional.empty();
  }

  @Override
  Targets.Resolved targets() throws UsageException {
    return paths.isEmpty() ? new Targets.Resolved(Samples.extract(), List.of()) : Targets.resolve(paths, Targets.Kind.WHEELS_AND_BINARIES);
  }

  @Override
  ArtifactReport process(Targets.Target target, Checks checks) throws IOException {
    return checks.inspect(target);
  }
}
