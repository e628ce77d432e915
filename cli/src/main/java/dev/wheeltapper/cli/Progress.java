package dev.wheeltapper.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/** A progress bar on standard error, drawn only on a terminal and only for more than a few artifacts. */
final class Progress {
  private static final int MIN_ARTIFACTS = 5;
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final int total;
  private final boolean enabled;
  private final AtomicInteger done = new AtomicInteger();

  private Progress(PrintWriter err, int total, boolean enabled) {
    this.err = err;
    this.total = total;
    this.enabled = enabled;
  }

  static Progress create(PrintWriter err, int total) {
    return new Progress(err, total, total >= MIN_ARTIFACTS && Terminal.stderrIsTerminal());
  }

  void step() {
    int n = done.incrementAndGet();
    if (!enabled) {
      return;
    }
    int filled = (int) ((long) n * WIDTH / total);
    synchronized (err) {
      err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + n + "/" + total);
      err.flush();
    }
  }

  void done() {
    if (enabled) {
      synchronized (err) {
        err.print("\r" + " ".repeat(WIDTH + 24) + "\r");
        err.flush();
      }
    }
  }
}
