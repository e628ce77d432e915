package dev.wheeltapper.hardening.bench;

import dev.wheeltapper.inspect.BinaryInspection;
import dev.wheeltapper.inspect.BinaryInspector;
import dev.wheeltapper.elf.ElfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The full inspection ({@link BinaryInspector#inspect}: every hardening check, the read-only data scan and the
 * toolchain and language detection) on one large shared object and on a list of many small ones, written by
 * {@code bench/hardening.sh}. Not part of the test run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class HardeningBench {
  /** The list of small files, one path per line. */
  @Param("target/bench/hardening-files.txt")
  public String listFile;

  /** The large shared object. */
  @Param("target/bench/large.so")
  public String largeFile;

  private List<Path> files;
  private Path large;

  /**
   * Reads the file list.
   *
   * @throws IOException when the list cannot be read
   */
  @Setup
  public void setup() throws IOException {
    files = Files.readAllLines(Paths.get(listFile)).stream()
        .filter(s -> !s.isBlank())
        .map(Paths::get)
        .collect(Collectors.toList());
    large = Paths.get(largeFile);
    if (files.isEmpty() || !Files.isRegularFile(large)) {
      throw new IllegalStateException("no files in " + listFile + " or no " + largeFile);
    }
  }

  private static void inspect(Path p, Blackhole bh) throws IOException {
    try (ElfFile elf = ElfFile.open(p)) {
      BinaryInspection i = BinaryInspector.forPath(p.toString()).inspect(elf);
      bh.consume(i.findings());
      bh.consume(i.toolchain().memorySafe());
    }
  }

  /**
   * Every check on every file of the list.
   *
   * @param bh the sink
   * @return how many files could not be inspected
   */
  @Benchmark
  public int manySmall(Blackhole bh) {
    int failed = 0;
    for (Path f : files) {
      try {
        inspect(f, bh);
      } catch (IOException e) {
        failed++;
      }
    }
    return failed;
  }

  /**
   * Every check on the large file.
   *
   * @param bh the sink
   * @throws IOException when it cannot be inspected
   */
  @Benchmark
  public void largeObject(Blackhole bh) throws IOException {
    inspect(large, bh);
  }
}
