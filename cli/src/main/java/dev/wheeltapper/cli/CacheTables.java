package dev.wheeltapper.cli;

import dev.wheeltapper.audit.NativeBinaries;
import dev.wheeltapper.cli.cache.CacheRows;
import dev.wheeltapper.hardening.CheckResult;
import dev.wheeltapper.inspect.BinaryInspection;
import dev.wheeltapper.policy.PlatformResult;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The operators' query rows of one audited wheel ({@code docs/cache.md}: {@code artifacts}, {@code binaries},
 * {@code hardening}, {@code libraries}, {@code findings}), from its report before the gate, with the labels the JSON
 * report writes, so that a query and a JSON report say the same words.
 */
final class CacheTables {
  private CacheTables() {}

  static CacheRows of(ArtifactReport r) {
    Optional<ArtifactReport.WheelSummary> w = r.wheel();
    List<String> languages = r.overview().flatMap(ArtifactReport.Overview::natives)
        .map(ArtifactReport.Natives::languages).orElse(r.inventory().languages());
    Optional<String> memorySafe = r.overview().flatMap(ArtifactReport.Overview::natives)
        .map(n -> n.memorySafe().label()).or(() -> r.inventory().memorySafe());
    int[] bySeverity = new int[Severity.values().length];
    List<CacheRows.Finding> findings = new ArrayList<>(r.findings().size());
    for (Finding f : r.findings()) {
      bySeverity[f.severity().ordinal()]++;
      findings.add(new CacheRows.Finding(f.code(), f.severity().label(),
          f.path().isEmpty() ? Optional.empty() : Optional.of(f.path()), f.message(), f.facts()));
    }
    int binaries = r.binaries().inspected().size() + r.binaries().recognised().size();
    CacheRows.Artifact a = new CacheRows.Artifact(r.kind(), w.map(ArtifactReport.WheelSummary::name),
        w.map(ArtifactReport.WheelSummary::version), w.flatMap(ArtifactReport.WheelSummary::build),
        w.map(ArtifactReport.WheelSummary::tags).orElse(List.of()), r.verdict(),
        bySeverity[Severity.ERROR.ordinal()], bySeverity[Severity.WARNING.ordinal()],
        bySeverity[Severity.NOTE.ordinal()], languages, memorySafe, binaries,
        r.policy().flatMap(p -> p.report().manylinux()).map(CacheTables::platform),
        r.policy().flatMap(p -> p.report().musllinux()).map(CacheTables::platform),
        r.overview().flatMap(ArtifactReport.Overview::signed));
    List<CacheRows.Binary> rows = new ArrayList<>(binaries);
    for (BinaryInspection b : r.binaries().inspected()) {
      List<CacheRows.Check> checks = new ArrayList<>();
      for (CheckResult c : b.hardening().results().values()) {
        checks.add(new CacheRows.Check(c.check().key(), c.status().label(), c.value().label()));
      }
      rows.add(new CacheRows.Binary(b.path(), b.format().label(), true, b.machine(), b.type(),
          Optional.ofNullable(r.inventory().sonames().get(b.path())), b.toolchain().languageLabels(),
          Optional.of(b.toolchain().memorySafe().label()), b.needed(), checks));
    }
    for (NativeBinaries.Recognised b : r.binaries().recognised()) {
      rows.add(new CacheRows.Binary(b.path(), b.format().label(), false, "", "", Optional.empty(), List.of(),
          Optional.empty(), List.of(), List.of()));
    }
    return new CacheRows(a, rows, findings);
  }

  private static CacheRows.Platform platform(PlatformResult p) {
    return new CacheRows.Platform(p.claimed(), p.satisfied(), p.ok());
  }
}
