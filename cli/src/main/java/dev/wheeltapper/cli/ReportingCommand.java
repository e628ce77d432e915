package dev.wheeltapper.cli;

import dev.wheeltapper.report.Codes;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * What verify, inspect and audit share: resolving paths, running artifacts in parallel ({@link OrderedRun}), writing
 * each report as it is done ({@link ReportSink}), the summary on standard error, the exit code. A run reports what it
 * can: a missing or unreadable path is a finding on that artifact, an empty directory a finding about the run, and
 * the rest of the run is reported in full; only a usage error or an output that cannot be written ends it early.
 */
@picocli.CommandLine.Command(exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
    "0:every artifact passed: no finding at or above --fail-on (default error) that no waiver or baseline covers, "
        + "or --fail-on never",
    "1:at least one artifact failed that way (a missing or unreadable PATH is such a finding: the rest of the run is "
        + "still reported)",
    "2:usage error (an unreadable --waivers or --baseline, an --output that cannot be written, a --cache that is "
        + "not a wheeltapper cache of this schema too)"})
abstract class ReportingCommand implements Callable<Integer> {
  /** Completed reports waiting for an earlier one, per worker thread: the window of {@link OrderedRun}. */
  static final int WINDOW_PER_THREAD = 4;

  @ParentCommand WheeltapperCommand parent;

  @Mixin CommonOptions options = new CommonOptions();

  @Mixin GateOptions gateOptions = new GateOptions();

  /** The trust options, for the commands that judge signatures. */
  abstract Optional<TrustOptions> trust();

  /** The artifacts to process; directories already walked. */
  abstract Targets.Resolved targets() throws UsageException;

  /** Processes one artifact into its report; content problems are findings, never exceptions. */
  abstract ArtifactReport process(Targets.Target target, Checks checks) throws IOException;

  /**
   * The projects whose wheels this report's end-of-run pass needs processed first (audit: wheels installed together);
   * none by default.
   */
  Set<String> waitsFor(ArtifactReport report, Checks checks) {
    return Set.of();
  }

  /** The cache of {@code audit --cache}, opened for this run; none by default. */
  CachedAudit openCache() throws UsageException {
    return null;
  }

  /** Whether targets are local files, checked for existence and readability before processing (yes by default). */
  boolean localTargets() {
    return true;
  }

  /** The end-of-run pass over one report once {@link #waitsFor} is satisfied; none by default. */
  ArtifactReport finish(ArtifactReport report, Checks checks) {
    return report;
  }

  @Override
  public Integer call() throws UsageException, IOException, InterruptedException {
    if (options.jobs < 1) {
      throw new UsageException("--jobs must be at least 1");
    }
    Gate gate = gateOptions.gate(); // before the work: a bad waiver file or baseline fails fast
    Targets.Resolved resolved = targets();
    Checks checks = Checks.from(options, trust(), resolved.targets().size());
    RunTally tally = new RunTally(resolved.findings());
    Optional<Path> file = options.output();
    // the output is opened before the work: a report that cannot be written is known before an hour's audit
    try (PrintWriter w = file.isPresent() ? open(file.get()) : null; CachedAudit cache = openCache()) {
      PrintWriter target = w == null ? parent.out : w;
      boolean color = file.isEmpty() && Terminal.colorOnStdout();
      if (cache != null) {
        checks.useCache(cache);
      }
      try {
        run(resolved, checks, gate, ReportSink.of(options.format, target, options.text(color)), tally, cache);
      } catch (IOException | UncheckedIOException e) {
        throw cannotWrite(file, e instanceof UncheckedIOException u ? u.getCause() : (IOException) e);
      } catch (dev.wheeltapper.cli.cache.AuditCache.Failure e) {
        throw new UsageException(e.getMessage());
      }
      if (target.checkError()) {
        throw cannotWrite(file, new IOException("write failed"));
      }
    }
    RunSummary.print(parent.err, tally, options);
    return gate.exitCode(tally);
  }

  private void run(Targets.Resolved resolved, Checks checks, Gate gate, ReportSink sink, RunTally tally,
      CachedAudit cache) throws IOException, InterruptedException {
    int threads = Math.min(options.jobs, Math.max(1, resolved.targets().size()));
    Progress progress = Progress.create(parent.err, resolved.targets().size());
    if (cache != null) {
      progress.fromCache(cache::hits);
    }
    sink.begin();
    new OrderedRun(resolved.targets(), threads, threads * WINDOW_PER_THREAD, progress, checks.pool()).run(new OrderedRun.Hooks() {
      @Override
      public ArtifactReport process(Targets.Target t) {
        return processOrReport(t, checks);
      }

      @Override
      public Set<String> waitsFor(ArtifactReport r) {
        return ReportingCommand.this.waitsFor(r, checks);
      }

      @Override
      public ArtifactReport finish(ArtifactReport r) {
        return ReportingCommand.this.finish(r, checks);
      }

      @Override
      public void write(ArtifactReport report, long fileBytes) throws IOException {
        // waivers and the baseline mark findings, and --fail-on judges the verdict, before any format sees it
        ArtifactReport r = gate.apply(report);
        tally.add(r, fileBytes);
        sink.artifact(r);
      }
    });
    if (cache != null) {
      tally.fromCache(cache.hits());
    }
    sink.end(tally);
  }

  /** Processes one artifact; a path that is missing or cannot be read is a finding on it, never the end of the run. */
  private ArtifactReport processOrReport(Targets.Target t, Checks checks) {
    if (localTargets() && !Files.exists(t.file())) {
      return Checks.unreadable(t, Codes.INPUT_MISSING, "No such file or directory: " + t.display() + ".");
    }
    if (localTargets() && (Files.isDirectory(t.file()) || !Files.isReadable(t.file()))) {
      return Checks.unreadable(t, Codes.INPUT_UNREADABLE, "Cannot read " + t.display() + ": "
          + (Files.isDirectory(t.file()) ? "a directory" : "permission denied") + ".");
    }
    try {
      return process(t, checks);
    } catch (IOException e) {
      return Checks.unreadable(t, Codes.INPUT_UNREADABLE, "Cannot read " + t.display() + ": " + Targets.reason(e)
          + ".");
    } catch (OutOfMemoryError | RuntimeException e) {
      // One artifact that outgrows the heap is a finding on it, not the end of the run (issue 19): everything it
      // allocated was local to process() and is garbage by now. Any other failure is still the run's.
      if (!outOfMemory(e)) {
        throw e;
      }
      return Checks.unreadable(t, Codes.INPUT_TOO_LARGE, "Cannot check " + t.display() + " within the memory limit ("
          + (Runtime.getRuntime().maxMemory() >> 20) + " MiB of Java heap); WHEELTAPPER_JAVA_OPTS=-Xmx... raises it.");
    }
  }

  /** Whether a failure is, or was caused by, an OutOfMemoryError (a verifier's worker wraps what it throws). */
  private static boolean outOfMemory(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
  }

  private static PrintWriter open(Path file) throws UsageException {
    try {
      OutputStream os = Files.newOutputStream(file);
      return new PrintWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw cannotWrite(Optional.of(file), e);
    }
  }

  private static UsageException cannotWrite(Optional<Path> file, IOException e) {
    return new UsageException("cannot write " + file.map(f -> "--output " + f).orElse("to standard output") + ": "
        + (e instanceof java.nio.file.NoSuchFileException && file.isPresent()
            ? "no such directory: " + Optional.ofNullable(file.get().toAbsolutePath().getParent()).map(Path::toString)
                .orElse("/")
            : Targets.reason(e)));
  }
}
