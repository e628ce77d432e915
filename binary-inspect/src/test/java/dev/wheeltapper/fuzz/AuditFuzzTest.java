package dev.wheeltapper.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wheeltapper.audit.NativeBinaries;
import dev.wheeltapper.inspect.BinaryInspection;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.verify.VerificationReport;
import dev.wheeltapper.verify.WheelVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Fuzz target for the whole audit of one wheel, as the command line runs it: {@link WheelVerifier} over the file and
 * {@link NativeBinaries#inspectWheel(Path)} on every native entry. Neither may throw for any content (the file itself
 * is always readable); a {@code binary.unparseable} finding that carries a runtime exception is a reader bug caught by
 * defence in depth, and fails the target too.
 */
class AuditFuzzTest {
  /**
   * How a reader bug caught by the ELF reader's memo reads in a {@code binary.unparseable} finding (anchored, so that
   * names from the input echoed in a message cannot match). The verifier rethrows runtime exceptions, so those
   * escape and fail the target directly.
   */
  private static final Pattern RUNTIME_BUG = Pattern.compile(
      "^The file starts like an ELF binary but cannot be read: cannot read [a-z0-9 ]+: java\\.");

  /** One file per JVM, rewritten for every input (the audit API takes a path). */
  private static final Path WHEEL;

  static {
    try {
      Path dir = Files.createTempDirectory("wt-audit-fuzz");
      dir.toFile().deleteOnExit();
      WHEEL = dir.resolve("fuzz-1.0-py3-none-any.whl");
      WHEEL.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest
  void audit(byte[] bytes) throws Exception {
    Files.write(WHEEL, bytes);
    VerificationReport report = WheelVerifier.builder().parallelism(1).build().verify(WHEEL);
    report.findings().forEach(f -> assertThat(f.message()).isNotBlank());
    NativeBinaries.Result binaries = NativeBinaries.inspectWheel(WHEEL);
    for (BinaryInspection b : binaries.inspected()) {
      b.toString();
      b.hardening().findings(b.path());
    }
    for (Finding f : binaries.findings()) {
      assertThat(f.message()).doesNotContainPattern(RUNTIME_BUG);
    }
  }
}
