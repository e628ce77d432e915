package dev.wheeltapper.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** What verify, inspect and audit share: resolving paths, running artifacts in parallel, rendering, exit code. */
@picocli.CommandLine.Command(exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
    "0:every artifact passed: no finding at or above --fail-on (default error) that no waiver or baseline covers, "
        + "or --fail-on never",
    "1:at least one artifact failed that way (a corrupt, tampered or non-conforming artifact is a finding, not a "
        + "crash)",
    "2:usage error (an unreadable --waivers or --baseline too), or a PATH that does not exist or cannot be read"})
abstract class ReportingCommand implements Callable<Integer> {
  @ParentCommand WheeltapperCommand parent;

  @Mixin CommonOptions options = new CommonOptions();

  @Mixin GateOptions gateOptions = new GateOptions();

  /** The trust options, for the commands that judge signatures. */
  abstract java.util.Optional<TrustOptions> trust();

  /** The artifacts to process; directories already walked. */
  abstract List<Targets.Target> targets() throws UsageException;

  /** Processes one artifact into its report; content problems are findings, never exceptions. */
  abstract ArtifactReport process(Targets.Target target, Checks checks) throws IOException;

  /** A pass over the whole run once every artifact is done (audit: wheels installed together); none by default. */
  List<ArtifactReport> finish(List<ArtifactReport> reports, Checks checks) {
    return reports;
  }

  @Override
  public Integer call() throws UsageException, IOException, InterruptedException {
    if (options.jobs < 1) {
      throw new UsageException("--jobs must be at least 1");
    }
    List<Targets.Target> targets = targets();
    Checks checks = Checks.from(options, trust(), targets.size());
    Gate gate = gateOptions.gate(); // before the work: a bad waiver file or baseline fails fast
    List<ArtifactReport> reports = gate.apply(finish(runAll(targets, checks), checks));
    write(reports);
    return gate.exitCode(reports);
  }

  private List<ArtifactReport> runAll(List<Targets.Target> targets, Checks checks)
      throws UsageException, InterruptedException {
    Progress progress = Progress.create(parent.err, targets.size());
    int threads = Math.min(options.jobs, Math.max(1, targets.size()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "wheeltapper-worker");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<ArtifactReport>> futures = new ArrayList<>();
      for (Targets.Target t : targets) {
        futures.add(pool.submit(() -> {
          try {
            return process(t, checks);
          } finally {
            progress.step();
          }
        }));
      }
      List<ArtifactReport> reports = new ArrayList<>(targets.size());
      // Collect in submission order: the report order never depends on --jobs.
      for (int i = 0; i < futures.size(); i++) {
        try {
          reports.add(futures.get(i).get());
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof IOException io) {
            throw new UsageException("cannot read " + targets.get(i).display() + ": " + io.getMessage());
          }
          throw new IllegalStateException(cause);
        }
      }
      return reports;
    } finally {
      pool.shutdownNow();
      progress.done();
    }
  }

  private void write(List<ArtifactReport> reports) throws IOException {
    if (options.output().isPresent()) {
      try (OutputStream os = Files.newOutputStream(options.output().get());
          PrintWriter w = new PrintWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8))) {
        render(reports, w, false);
      }
    } else {
      render(reports, parent.out, Terminal.colorOnStdout());
    }
  }

  private void render(List<ArtifactReport> reports, PrintWriter w, boolean color) throws IOException {
    switch (options.format) {
      case json -> {
        JsonReport.write(reports, w);
        w.println();
      }
      case sarif -> {
        JsonWriter.write(SarifReport.document(reports), w);
        w.println();
      }
      case text -> new TextReport(w, color).render(reports);
      case cyclonedx -> {
        CycloneDxReport sbom = new CycloneDxReport(CycloneDxReport.timestamp(System.getenv(), java.time.Instant.now()));
        reports.forEach(sbom::artifact);
        sbom.end(w);
        w.println();
      }
      case html -> HtmlReport.write(reports, w);
    }
    w.flush();
  }
}
