package dev.wheeltapper.cli;

import java.io.PrintWriter;

/**
 * A progress line on standard error, drawn only on a terminal and only for more than a few artifacts: a bar, the
 * artifacts done out of all, the bytes read and the throughput. Redrawn at most five times a second (a run of many
 * small wheels would otherwise spend its time drawing). Called from the writing thread only.
 */
final class Progress {
  private static final int MIN_ARTIFACTS = 5;
  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintWriter err;
  private final int total;
  private final boolean enabled;
  private final long start = System.nanoTime();
  private long lastDraw;
  private int done;
  private long bytes;
  private int drawn;
  /** Artifacts replayed from {@code --cache} so far, shown when there is a cache. */
  private java.util.function.IntSupplier fromCache;

  private Progress(PrintWriter err, int total, boolean enabled) {
    this.err = err;
    this.total = total;
    this.enabled = enabled;
  }

  static Progress create(PrintWriter err, int total) {
    return new Progress(err, total, total >= MIN_ARTIFACTS && Terminal.stderrIsTerminal());
  }

  /** Shows, on the line, how many artifacts came from the cache. */
  void fromCache(java.util.function.IntSupplier hits) {
    fromCache = hits;
  }

  /** One more artifact done, of this many bytes (negative: unknown). */
  void step(long fileBytes) {
    done++;
    bytes += Math.max(0, fileBytes);
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (done < total && now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    int filled = (int) ((long) done * WIDTH / Math.max(1, total));
    double seconds = Math.max(1e-3, (now - start) / 1e9);
    String line = "\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + "  "
        + (fromCache == null ? "" : " (" + fromCache.getAsInt() + " from cache)") + "  "
        + size(bytes) + "  " + size((long) (bytes / seconds)) + "/s";
    drawn = Math.max(drawn, line.length());
    synchronized (err) {
      err.print(line);
      err.flush();
    }
  }

  void done() {
    if (enabled && drawn > 0) {
      synchronized (err) {
        err.print("\r" + " ".repeat(drawn) + "\r");
        err.flush();
      }
    }
  }

  /** Bytes in the largest unit that keeps a number of at least 1, one decimal: {@code 812.4 MB}. */
  static String size(long b) {
    String[] units = {"B", "kB", "MB", "GB", "TB"};
    double v = b;
    int u = 0;
    while (v >= 1000 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    return u == 0 ? b + " B" : String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
