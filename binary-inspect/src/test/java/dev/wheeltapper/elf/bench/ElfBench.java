package dev.wheeltapper.elf.bench;

import dev.wheeltapper.elf.Dynamic;
import dev.wheeltapper.elf.ElfFile;
import dev.wheeltapper.elf.ElfFormatException;
import dev.wheeltapper.elf.GnuProperties;
import dev.wheeltapper.elf.Segment;
import dev.wheeltapper.elf.SegmentType;
import dev.wheeltapper.elf.Symbols;
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
 * Opens every shared object listed in {@code listFile} (written by {@code bench/elf.sh}: every regular
 * {@code *.so} / {@code *.so.*} ELF file under the system library folder, recursively) and asks the hardening questions
 * of a checker; one operation is the whole list. Not part of the test run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class ElfBench {
  /** The file list, one path per line. */
  @Param("target/bench-elf-files.txt")
  public String listFile;

  private List<Path> files;

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
    if (files.isEmpty()) {
      throw new IllegalStateException("no files in " + listFile);
    }
  }

  /**
   * Every file, every hardening question.
   *
   * @param bh the sink
   * @return how many files failed to parse
   */
  @Benchmark
  public int hardeningQuestions(Blackhole bh) {
    int failed = 0;
    for (Path f : files) {
      try (ElfFile elf = ElfFile.open(f)) {
        bh.consume(elf.header().machineLabel());
        bh.consume(elf.segments().has(SegmentType.GNU_RELRO));
        bh.consume(elf.segments().last(SegmentType.GNU_STACK).map(Segment::flags).orElse(-1L));
        Dynamic d = elf.dynamic();
        bh.consume(d.bindNow());
        bh.consume(d.flags());
        bh.consume(d.flags1());
        bh.consume(d.textrel());
        bh.consume(d.rpath());
        bh.consume(d.runpath());
        bh.consume(d.needed());
        bh.consume(d.soname());
        Symbols imports = elf.dynamicSymbols().undefined();
        bh.consume(imports.named("__stack_chk_fail").exists());
        bh.consume(imports.nameMatches(n -> n.startsWith("__") && n.endsWith("_chk")).size());
        bh.consume(elf.symbolTable().isEmpty());
        bh.consume(elf.versionRequirements().highestByNamespace());
        GnuProperties p = elf.notes().gnuProperties();
        bh.consume(p.ibt() && p.shstk());
        bh.consume(elf.notes().buildId());
      } catch (ElfFormatException e) {
        failed++;
      } catch (IOException e) {
        failed++;
      }
    }
    return failed;
  }
}
