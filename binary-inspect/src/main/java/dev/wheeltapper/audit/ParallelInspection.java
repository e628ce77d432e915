package dev.wheeltapper.audit;

import dev.wheeltapper.elf.ElfLimits;
import dev.wheeltapper.inspect.BinaryInspection;
import dev.wheeltapper.policy.BinaryLinkage;
import dev.wheeltapper.report.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Inspects a wheel's captured binaries on several threads: a wheel such as torch carries over a hundred shared
 * objects whose inspection takes longer than verifying the whole archive, and on one thread the others would idle
 * (or wait behind it to write their reports in order). Threads take the binaries by index (work stealing); each
 * binary's results are merged in central-directory order, so the result equals {@link NativeBinaries}'s sequential
 * one. As in the verifier's content pass, the caller is one of the workers and runs any helper the pool has not
 * started yet itself, so a pool shared with other wheels never leaves it waiting for queued work.
 *
 * <p>Stateless and thread-safe.
 */
final class ParallelInspection {
  private ParallelInspection() {}

  /** What one binary added. */
  private static final class Part {
    final List<BinaryInspection> inspected = new ArrayList<>(1);
    final List<NativeBinaries.Recognised> recognised = new ArrayList<>(0);
    final List<Finding> findings = new ArrayList<>();
    final List<BinaryLinkage> linkages = new ArrayList<>(1);
    IOException failure;
  }

  /**
   * Inspects every captured binary, on up to {@code parallelism} threads of the pool (the caller's included).
   *
   * @param capture the wheel's captured binaries, each released once inspected
   * @param limits the ELF reader's limits
   * @param platformTags the wheel's platform tags
   * @param pool the pool, or null to inspect on the caller's thread alone
   * @param parallelism how many threads at most
   * @return the result, equal to the sequential one
   * @throws IOException when a binary cannot be read (the first in entry order)
   */
  static NativeBinaries.Result inspect(WheelCapture capture, ElfLimits limits, List<String> platformTags,
      Executor pool, int parallelism) throws IOException {
    List<WheelCapture.Captured> all = capture.captured();
    if (pool == null || parallelism < 2 || all.size() < 2) {
      return NativeBinaries.inspectCaptured(capture, limits, platformTags);
    }
    Part[] parts = new Part[all.size()];
    AtomicInteger next = new AtomicInteger();
    Runnable drain = () -> {
      for (int i = next.getAndIncrement(); i < parts.length; i = next.getAndIncrement()) {
        Part p = new Part();
        try {
          NativeBinaries.inspectCaptured(capture, all.get(i), limits, platformTags, p.inspected, p.recognised,
              p.findings, p.linkages);
        } catch (IOException e) {
          p.failure = e;
        }
        parts[i] = p;
      }
    };
    List<FutureTask<Void>> helpers = new ArrayList<>();
    for (int w = 1; w < Math.min(parallelism, all.size()); w++) {
      FutureTask<Void> helper = new FutureTask<>(drain, null);
      helpers.add(helper);
      pool.execute(helper);
    }
    drain.run();
    for (FutureTask<Void> helper : helpers) {
      helper.run(); // no-op when a pool thread has it
      await(helper);
    }
    List<BinaryInspection> inspected = new ArrayList<>();
    List<NativeBinaries.Recognised> recognised = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    List<BinaryLinkage> linkages = new ArrayList<>();
    for (Part p : parts) {
      if (p.failure != null) {
        throw p.failure;
      }
      inspected.addAll(p.inspected);
      recognised.addAll(p.recognised);
      findings.addAll(p.findings);
      linkages.addAll(p.linkages);
    }
    return new NativeBinaries.Result(inspected, recognised, findings, linkages);
  }

  /** Waits for a helper that has run or is running, keeping an interrupt for the caller. */
  private static void await(FutureTask<Void> f) throws IOException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          f.get();
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
