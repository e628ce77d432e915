package dev.wheeltapper.bytes;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The printable ASCII runs (bytes 0x20-0x7e, at least {@value #MIN_RUN} long) in a stream of bytes fed in any number
 * of pieces, handed one by one to a {@link Sink} as strings: the byte-level half of a strings scan, so that the checks
 * above (the toolchain's marker rules) read strings and never bytes.
 *
 * <pre>{@code
 * List<String> found = new ArrayList<>();
 * PrintableRuns runs = new PrintableRuns((run, wholeCString) -> found.add(run));
 * runs.feed(rodataBuffer);
 * runs.end();   // hands over the last run
 * }</pre>
 *
 * <p>Bounded: a run longer than {@value #MAX_RUN} bytes is cut and handed over in pieces (none of them a whole C
 * string), so memory stays at one fixed buffer whatever the input. A run is a <em>whole C string</em> when it starts
 * at the beginning of the stream or after a NUL byte and ends with a NUL byte (not at the end of the stream). Not
 * thread-safe: one instance per stream.
 */
public final class PrintableRuns {
  /** The shortest run handed over. */
  public static final int MIN_RUN = 4;
  /** The longest printable run kept whole; longer runs are cut (and handed over in pieces). */
  public static final int MAX_RUN = 1 << 16;

  /** Receives the runs, in stream order. */
  @FunctionalInterface
  public interface Sink {
    /**
     * One printable run.
     *
     * @param run the run's bytes as ISO-8859-1 text, {@value PrintableRuns#MIN_RUN} to {@value PrintableRuns#MAX_RUN}
     *     characters
     * @param wholeCString whether the run is a whole NUL-terminated string (preceded by a NUL or the stream start)
     */
    void accept(String run, boolean wholeCString);
  }

  private final Sink sink;
  private final byte[] run = new byte[MAX_RUN];
  private int runLength;
  private boolean runStartsAfterNul = true;
  private boolean ended;

  /**
   * A scanner handing its runs to {@code sink}.
   *
   * @param sink where the runs go
   */
  public PrintableRuns(Sink sink) {
    this.sink = java.util.Objects.requireNonNull(sink, "sink");
  }

  /**
   * Scans the remaining bytes of a buffer (its position is left unchanged).
   *
   * @param data the bytes
   * @return this
   * @throws IllegalStateException after {@link #end()}
   */
  public PrintableRuns feed(ByteBuffer data) {
    ByteBuffer b = data.duplicate();
    byte[] chunk = new byte[Math.min(b.remaining(), 1 << 16)];
    while (b.hasRemaining()) {
      int n = Math.min(chunk.length, b.remaining());
      b.get(chunk, 0, n);
      feed(chunk, 0, n);
    }
    return this;
  }

  /**
   * Scans bytes.
   *
   * @param data the array
   * @param offset where to start
   * @param length how many bytes
   * @return this
   * @throws IllegalStateException after {@link #end()}
   */
  public PrintableRuns feed(byte[] data, int offset, int length) {
    if (ended) {
      throw new IllegalStateException("scanner already finished");
    }
    for (int i = offset; i < offset + length; i++) {
      byte c = data[i];
      if (c >= 0x20 && c < 0x7f) {
        if (runLength == MAX_RUN) {
          flush(false);
          runStartsAfterNul = false;
        }
        run[runLength++] = c;
      } else {
        flush(c == 0);
        runStartsAfterNul = c == 0;
      }
    }
    return this;
  }

  /**
   * Ends the stream and hands over the last run (never a whole C string: no NUL ends it); later calls do nothing.
   */
  public void end() {
    if (!ended) {
      flush(false);
      ended = true;
    }
  }

  private void flush(boolean endsWithNul) {
    if (runLength >= MIN_RUN) {
      sink.accept(new String(run, 0, runLength, StandardCharsets.ISO_8859_1), runStartsAfterNul && endsWithNul);
    }
    runLength = 0;
  }
}
