package dev.wheeltapper.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code wheeltapper audit [PATH...]}: verify and inspect together, plus platform policy; samples without a PATH. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Verify and inspect together, plus platform policy (manylinux/musllinux, abi3) for wheels."
        + " With no PATH, audits the sample wheels bundled in the jar.")
final class AuditCommand extends ReportingCommand {
  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "wheels (or bare binaries), or directories walked for *.whl")
  List<String> paths = new ArrayList<>();

  @picocli.CommandLine.Mixin TrustOptions trustOptions = new TrustOptions();

  @Override
  java.util.Optional<TrustOptions> trust() {
    return java.util.Optional.of(trustOptions);
  }

  @Override
  Targets.Resolved targets() throws UsageException {
    return paths.isEmpty() ? new Targets.Resolved(Samples.extract(), List.of()) : Targets.resolve(paths, Targets.Kind.WHEELS);
  }

  @Override
  ArtifactReport process(Targets.Target target, Checks checks) throws IOException {
    return checks.audit(target);
  }

  @Override
  java.util.Set<String> waitsFor(ArtifactReport report, Checks checks) {
    return checks.waitsFor(report);
  }

  @Override
  ArtifactReport finish(ArtifactReport report, Checks checks) {
    return checks.withDependencies(report);
  }
}
