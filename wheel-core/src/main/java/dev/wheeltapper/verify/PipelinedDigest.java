package dev.wheeltapper.verify;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Hashes a large entry on a second thread while the first one inflates it, so a wheel whose time is one big entry
 * (a 17 MiB extension module) costs about the inflation alone instead of inflation plus hashing.
 *
 * <p>The inflating thread copies each buffer into one of a few recycled 64 KiB chunks and hands it over; the hashing
 * thread is a dedicated daemon thread (never a pool thread, which could be busy and leave the producer waiting
 * forever). Used only when the verifier runs with a parallelism above one, for entries above {@link #MIN_SIZE}.
 */
final class PipelinedDigest implements RecordHash.Running {
  /** Entries smaller than this are hashed in line: a hand-off costs more than it saves. */
  static final long MIN_SIZE = 4L << 20;

  private static final int CHUNK = 64 * 1024;
  private static final int CHUNKS = 8;
  private static final Chunk END = new Chunk(new byte[0], -1);

  private record Chunk(byte[] buf, int length) {}

  private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(CHUNKS + 1);
  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();

  PipelinedDigest(RecordHash.Running target) {
    for (int i = 0; i < CHUNKS; i++) {
      free.add(new byte[CHUNK]);
    }
    Thread t = new Thread(() -> {
      try {
        for (Chunk c = full.take(); c != END; c = full.take()) {
          target.accept(c.buf(), 0, c.length());
          free.put(c.buf());
        }
        result.complete(target.finish());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        result.completeExceptionally(e);
      } catch (RuntimeException | Error e) {
        result.completeExceptionally(e);
      }
    }, "wheeltapper-hash");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void accept(byte[] buffer, int offset, int length) {
    int done = 0;
    while (done < length) {
      byte[] chunk = take(free);
      int n = Math.min(CHUNK, length - done);
      System.arraycopy(buffer, offset + done, chunk, 0, n);
      put(new Chunk(chunk, n));
      done += n;
    }
  }

  @Override
  public byte[] finish() {
    put(END);
    try {
      return result.join();
    } catch (CompletionException e) {
      throw new IllegalStateException("hashing thread failed", e.getCause());
    }
  }

  /** Ends the hashing thread without a result (the entry was not read to its end). */
  void abandon() {
    put(END);
  }

  private byte[] take(BlockingQueue<byte[]> q) {
    try {
      // The consumer always returns chunks unless it failed, in which case the result says so.
      while (true) {
        byte[] b = q.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        if (b != null) {
          return b;
        }
        if (result.isDone()) {
          throw new IllegalStateException("hashing thread stopped early", failure());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while hashing", e);
    }
  }

  private void put(Chunk c) {
    try {
      full.put(c); // capacity CHUNKS + 1: every chunk plus END always fits
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while hashing", e);
    }
  }

  private Throwable failure() {
    try {
      result.join();
      return new IllegalStateException("finished before the end of the data");
    } catch (CompletionException e) {
      return e.getCause();
    }
  }
}
