package dev.wheeltapper.cli;

import dev.wheeltapper.wheel.InvalidWheelFilenameException;
import dev.wheeltapper.wheel.WheelFilename;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Runs a run's artifacts on a pool of threads and hands each report to the writer in submission order, as soon as it
 * and every report before it are complete. Memory is bounded by a window: the thread submitting work (the caller, who
 * also writes) never runs more than {@code window} artifacts ahead of the last one written, so a million targets never
 * queue a million tasks or reports; a slow artifact holds back at most {@code window} completed ones.
 *
 * <p>The end-of-run pass of {@code audit} (wheels installed together) needs, before a wheel with external libraries
 * is written, every wheel of the run it requires ({@code Requires-Dist}) to have been processed. Such a wheel names
 * those projects ({@link Hooks#waitsFor}); the targets whose file name carries one of them are then processed out of
 * turn (ahead of the window, which they may exceed by their number), and the wheel is written once they are done.
 * The output is the same as if the pass ran after the whole run.
 *
 * <p>Single use; {@link #run} runs on the caller's thread, the work on the pool's.
 */
final class OrderedRun {
  /** What the command does with each artifact. */
  interface Hooks {
    /**
     * Processes one artifact on a worker thread; content problems are findings.
     *
     * @param t the artifact
     * @return its report
     */
    ArtifactReport process(Targets.Target t);

    /**
     * The normalized project names whose wheels in this run must be processed before this report can be finished.
     *
     * @param r a report just processed
     * @return the names; empty for almost every report
     */
    Set<String> waitsFor(ArtifactReport r);

    /**
     * The end-of-run pass for one report, once {@link #waitsFor} is satisfied; releases what it kept for it.
     *
     * @param r the processed report
     * @return the final report
     */
    ArtifactReport finish(ArtifactReport r);

    /**
     * Writes one final report, in submission order.
     *
     * @param r the report
     * @param fileBytes the size of the artifact's file, or -1
     * @throws IOException when the output cannot be written
     */
    void write(ArtifactReport r, long fileBytes) throws IOException;
  }

  private record Done(int index, ArtifactReport report, long bytes, RuntimeException failure) {}

  private final List<Targets.Target> targets;
  private final int threads;
  private final int window;
  private final Progress progress;
  /** Target indices by normalized project name, built the first time a report waits for another project. */
  private Map<String, List<Integer>> byProject;

  /** The pool the artifacts run on, or null to start one of {@link #threads} threads. */
  private final ExecutorService shared;

  OrderedRun(List<Targets.Target> targets, int threads, int window, Progress progress) {
    this(targets, threads, window, progress, null);
  }

  /**
   * A run on a pool it takes over (and shuts down at the end): the pool that also runs the work within each artifact
   * ({@link Checks#pool()}), so that a thread with no artifact to start helps the artifacts in flight. At most
   * {@code threads} artifacts are in flight; the pool should have at least as many threads.
   */
  OrderedRun(List<Targets.Target> targets, int threads, int window, Progress progress, ExecutorService pool) {
    this.targets = targets;
    this.threads = Math.max(1, threads);
    this.window = Math.max(this.threads, window);
    this.progress = progress;
    this.shared = pool;
  }

  /** Processes every target and writes every report; returns when the last report is written. */
  void run(Hooks hooks) throws IOException, InterruptedException {
    int n = targets.size();
    ExecutorService pool = shared != null ? shared : Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "wheeltapper-worker");
      t.setDaemon(true);
      return t;
    });
    BlockingQueue<Done> completed = new LinkedBlockingQueue<>();
    BitSet submitted = new BitSet(n);
    BitSet finished = new BitSet(n);
    Map<Integer, Done> ready = new HashMap<>();
    Map<Integer, int[]> waiting = new HashMap<>();
    ArrayDeque<Integer> outOfTurn = new ArrayDeque<>();
    int cursor = 0;
    int head = 0;
    int inFlight = 0;
    try {
      while (head < n) {
        while (inFlight < threads) {
          int next = -1;
          while (!outOfTurn.isEmpty() && next < 0) {
            int i = outOfTurn.poll();
            next = submitted.get(i) ? -1 : i;
          }
          while (next < 0 && cursor < n && cursor - head < window) {
            next = submitted.get(cursor) ? -1 : cursor;
            cursor++;
          }
          if (next < 0) {
            break;
          }
          submitted.set(next);
          inFlight++;
          int index = next;
          Targets.Target t = targets.get(index);
          pool.execute(() -> completed.add(work(hooks, index, t)));
        }
        Done d = completed.take();
        inFlight--;
        finished.set(d.index());
        progress.step(d.bytes());
        if (d.failure() != null) {
          throw d.failure();
        }
        ready.put(d.index(), d);
        Set<String> names = hooks.waitsFor(d.report());
        if (!names.isEmpty()) {
          int[] needed = indices(names, d.index());
          waiting.put(d.index(), needed);
          for (int i : needed) {
            if (!submitted.get(i)) {
              outOfTurn.add(i);
            }
          }
        }
        while (ready.containsKey(head) && allFinished(waiting.get(head), finished)) {
          Done h = ready.remove(head);
          ArtifactReport r = waiting.remove(head) == null ? h.report() : hooks.finish(h.report());
          hooks.write(r, h.bytes());
          head++;
        }
      }
    } finally {
      pool.shutdownNow();
      progress.done();
    }
  }

  private static Done work(Hooks hooks, int index, Targets.Target t) {
    long bytes = t.file().toFile().length();
    try {
      return new Done(index, hooks.process(t), bytes == 0 && !t.file().toFile().exists() ? -1 : bytes, null);
    } catch (RuntimeException e) {
      return new Done(index, null, -1, e);
    } catch (Error e) {
      // an OutOfMemoryError on one artifact must still end the run, not hang it waiting for this one
      return new Done(index, null, -1, new IllegalStateException(e));
    }
  }

  private static boolean allFinished(int[] needed, BitSet finished) {
    if (needed == null) {
      return true;
    }
    for (int i : needed) {
      if (!finished.get(i)) {
        return false;
      }
    }
    return true;
  }

  /** The targets carrying one of these project names, except {@code self}. */
  private int[] indices(Set<String> names, int self) {
    if (byProject == null) {
      byProject = new HashMap<>();
      for (int i = 0; i < targets.size(); i++) {
        String name = project(targets.get(i));
        if (name != null) {
          byProject.computeIfAbsent(name, k -> new ArrayList<>(1)).add(i);
        }
      }
    }
    return names.stream().flatMap(name -> byProject.getOrDefault(name, List.of()).stream())
        .mapToInt(Integer::intValue).filter(i -> i != self).distinct().toArray();
  }

  /** The normalized project name of a wheel's file name, as the end-of-run pass reads it; null for anything else. */
  private static String project(Targets.Target t) {
    String file = String.valueOf(t.file().getFileName());
    if (!file.endsWith(".whl")) {
      return null;
    }
    try {
      return WheelFilename.parse(file).normalizedName();
    } catch (InvalidWheelFilenameException | RuntimeException e) {
      return null;
    }
  }
}
