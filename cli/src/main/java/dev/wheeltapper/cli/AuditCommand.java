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

  @picocli.CommandLine.Mixin IndexOptions indexOptions = new IndexOptions();
  @picocli.CommandLine.Option(names = "--cache", paramLabel = "FILE",
      description = "keep results in the SQLite database FILE (created when missing) and replay them for wheels "
          + "audited before with the same bytes, tool version and settings (docs/cache.md)")
  java.nio.file.Path cache;

  /** The index of {@code --index}, once read. */
  private IndexTargets index;

  @Override
  java.util.Optional<TrustOptions> trust() {
    return java.util.Optional.of(trustOptions);
  }

  @Override
  Targets.Resolved targets() throws UsageException {
    if (!indexOptions.given() && !indexOptions.projects.isEmpty()) {
      throw new UsageException("--project needs --index");
    }
    if (indexOptions.given()) {
      index = IndexTargets.resolve(indexOptions, paths, parent.err);
      return new Targets.Resolved(index.targets(), List.of());
    }
    return paths.isEmpty() ? new Targets.Resolved(Samples.extract(), List.of())
        : Targets.resolve(paths, Targets.Kind.WHEELS);
  }

  @Override
  CachedAudit openCache() throws UsageException {
    return cache == null ? null : CachedAudit.open(cache, options, trustOptions);
  }

  @Override
  boolean localTargets() {
    // an index's targets name files the index serves: fetched (or found under its root) when processed
    return index == null;
  }

  @Override
  ArtifactReport process(Targets.Target target, Checks checks) throws IOException {
    return index != null ? index.process(target, checks) : checks.audit(target);
  }

  @Override
  java.util.Set<String> waitsFor(ArtifactReport report, Checks checks) {
    return checks.waitsFor(report);
  }

  @Override
  ArtifactReport finish(ArtifactReport report, Checks checks) {
    return checks.withDependencies(report);
  }

  @Override
  public Integer call() throws UsageException, IOException, InterruptedException {
    try {
      return super.call();
    } finally {
      if (index != null) {
        index.close();
      }
    }
  }
}
