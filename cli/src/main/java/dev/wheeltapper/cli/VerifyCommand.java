package dev.wheeltapper.cli;

import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code wheeltapper verify PATH...}: integrity of each wheel. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = "Integrity of each wheel: ZIP structure, RECORD hashes and sizes, paths, metadata consistency and"
        + " signatures when present.")
final class VerifyCommand extends ReportingCommand {
  @Parameters(paramLabel = "PATH", arity = "1..*", description = "wheels, or directories walked for *.whl")
  List<String> paths;

  @picocli.CommandLine.Mixin TrustOptions trustOptions = new TrustOptions();

  @Override
  java.util.Optional<TrustOptions> trust() {
    return java.util.Optional.of(trustOptions);
  }

  @Override
  Targets.Resolved targets() throws UsageException {
    return Targets.resolve(paths, Targets.Kind.WHEELS);
  }

  @Override
  ArtifactReport process(Targets.Target target, Checks checks) throws IOException {
    return checks.verify(target);
  }
}
