package dev.wheeltapper.audit;

import java.util.concurrent.Semaphore;

/**
 * The process-wide bound on the bytes of native binaries being inspected at once (issue 19). An inspection's heap
 * (symbol tables, strings) and its file-backed resident pages (the touched part of a mapped binary) grow with the
 * binary, so with {@code --jobs N} two huge binaries inspected together could need twice what one does. Each
 * inspection takes as many permits as its binary has KiB, at most the whole budget: binaries that fit together run
 * together, a binary larger than the budget runs alone. The budget is half the maximum heap, at least 64 MiB.
 * Waiting is fair (first come, first served), so a large binary is not starved by small ones.
 *
 * <p>Thread-safe; stateless apart from the shared semaphore.
 */
final class InspectionBudget {
  private static final int TOTAL = (int) Math.min(Integer.MAX_VALUE,
      Math.max(64L << 10, Runtime.getRuntime().maxMemory() / 2 / 1024));
  private static final Semaphore PERMITS = new Semaphore(TOTAL, true);

  private InspectionBudget() {}

  /**
   * Waits until a binary of this size may be inspected.
   *
   * @param bytes the binary's size
   * @return the permits taken, to give to {@link #release}
   */
  static long acquire(long bytes) {
    int permits = (int) Math.max(1, Math.min(TOTAL, (bytes + 1023) / 1024));
    PERMITS.acquireUninterruptibly(permits);
    return permits;
  }

  /**
   * Gives permits back.
   *
   * @param permits what {@link #acquire} returned, or 0
   */
  static void release(long permits) {
    if (permits > 0) {
      PERMITS.release((int) permits);
    }
  }
}
