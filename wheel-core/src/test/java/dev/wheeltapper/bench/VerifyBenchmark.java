package dev.wheeltapper.bench;

import dev.wheeltapper.verify.VerificationReport;
import dev.wheeltapper.verify.WheelVerifier;
import dev.wheeltapper.zip.ScannedEntry;
import dev.wheeltapper.zip.ZipScan;
import dev.wheeltapper.zip.ZipScanner;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-process side of {@code bench/verify.sh}: {@link WheelVerifier} single-threaded and with two threads, beside
 * two floors measured on the same entries: inflate-only (the JDK's zlib, no CRC, no hash) and SHA-256 alone over as
 * many bytes as the wheel inflates to. Not a test: run by the script, never by surefire.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx256m"})
public class VerifyBenchmark {
  @Param({""})
  public String wheel;

  private Path path;
  private ZipScan scan;
  private long inflatedBytes;
  private WheelVerifier single;
  private WheelVerifier dual;
  private byte[] shaInput;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    path = Path.of(wheel);
    scan = new ZipScanner().scan(path);
    single = WheelVerifier.builder().parallelism(1).build();
    dual = WheelVerifier.builder().parallelism(2).build();
    VerificationReport r = single.verify(path);
    if (!r.passed()) {
      throw new IllegalStateException("benchmark input does not verify: " + r.errors());
    }
    inflatedBytes = r.bytesInflated();
    shaInput = new byte[1 << 16];
    new java.util.Random(1).nextBytes(shaInput);
  }

  @Benchmark
  public VerificationReport verifySingleThread() throws IOException {
    return single.verify(path);
  }

  @Benchmark
  public VerificationReport verifyTwoThreads() throws IOException {
    return dual.verify(path);
  }

  /** The floor: inflate every entry once with the same zlib, no CRC, no hash, no checks. */
  @Benchmark
  public long inflateOnlyFloor() throws IOException, DataFormatException {
    long produced = 0;
    ByteBuffer in = ByteBuffer.allocateDirect(1 << 16);
    byte[] out = new byte[1 << 16];
    Inflater inflater = new Inflater(true);
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      for (ScannedEntry e : scan.entries()) {
        if (e.isDirectory() || !e.readable()) {
          continue;
        }
        long pos = e.dataOffset();
        long end = pos + e.compressedSize();
        if (e.method() == ScannedEntry.STORED) {
          while (pos < end) {
            in.clear();
            in.limit((int) Math.min(in.capacity(), end - pos));
            int n = ch.read(in, pos);
            if (n <= 0) {
              break;
            }
            pos += n;
            produced += n;
          }
          continue;
        }
        inflater.reset();
        while (!inflater.finished()) {
          if (inflater.needsInput()) {
            in.clear();
            in.limit((int) Math.min(in.capacity(), Math.max(1, end - pos)));
            int n = ch.read(in, pos);
            if (n <= 0) {
              break;
            }
            pos += n;
            in.flip();
            inflater.setInput(in);
          }
          produced += inflater.inflate(out);
        }
      }
    } finally {
      inflater.end();
    }
    return produced;
  }

  /** The other floor: SHA-256 over as many bytes as the wheel inflates to. */
  @Benchmark
  public byte[] sha256OnlyFloor() throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    long left = inflatedBytes;
    while (left > 0) {
      int n = (int) Math.min(shaInput.length, left);
      md.update(shaInput, 0, n);
      left -= n;
    }
    return md.digest();
  }
}
