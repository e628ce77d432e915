package dev.wheeltapper.examples;

import dev.wheeltapper.samples.BundledSamples;
import dev.wheeltapper.audit.NativeBinaries;
import dev.wheeltapper.inspect.BinaryInspection;
import dev.wheeltapper.hardening.HardeningCheck;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.verify.VerificationReport;
import dev.wheeltapper.verify.WheelVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Audits every wheel of a directory: integrity (what {@code wheeltapper verify} does) and then each native binary
 * inside, found by magic number (what {@code wheeltapper inspect} adds). The command line does the same with
 * {@code wheeltapper audit DIR}.
 *
 * <pre>{@code
 * java -cp cli/target/wheeltapper.jar:examples/target/wheeltapper-examples.jar dev.wheeltapper.examples.AuditDirectory [DIR]
 * }</pre>
 *
 * <p>With no argument it audits the bundled samples.
 */
public final class AuditDirectory {
  private AuditDirectory() {}

  /**
   * Runs the example.
   *
   * @param args an optional directory
   * @throws Exception when the directory cannot be listed or a wheel cannot be opened
   */
  public static void main(String[] args) throws Exception {
    Path dir = args.length > 0 ? Path.of(args[0]) : BundledSamples.directory();
    List<Path> wheels;
    try (Stream<Path> files = Files.walk(dir, 8)) {   // bounded depth; symbolic links are not followed
      wheels = files.filter(p -> p.toString().endsWith(".whl") && Files.isRegularFile(p)).sorted().toList();
    }

    WheelVerifier verifier = WheelVerifier.defaults();
    int failed = 0;
    for (Path wheel : wheels) {
      VerificationReport report = verifier.verify(wheel);
      NativeBinaries.Result binaries = NativeBinaries.inspectWheel(wheel);
      // The audit fails on any error: from verification, or a binary that claims to be native and is not readable.
      boolean ok = report.passed() && binaries.findings().stream().noneMatch(Finding::isError);
      failed += ok ? 0 : 1;
      System.out.println((ok ? "PASS " : "FAIL ") + dir.relativize(wheel));
      for (BinaryInspection b : binaries.inspected()) {
        System.out.println("     " + b.path() + "  " + b.machine()
            + "  relro=" + b.hardening().result(HardeningCheck.RELRO).value().label()
            + " canary=" + b.hardening().result(HardeningCheck.CANARY).value().label()
            + " nx=" + b.hardening().result(HardeningCheck.NX).value().label()
            + " fortify=" + b.hardening().result(HardeningCheck.FORTIFY).value().label()
            + "  languages=" + b.toolchain().languageLabels()
            + " memory-safe=" + b.toolchain().memorySafe().label());
      }
      Stream.concat(report.findings().stream(), binaries.findings().stream()).forEach(f -> System.out.println(
          "     " + f.severity().label() + " " + f.code() + " " + f.path() + ": " + f.message()));
    }
    System.out.println(wheels.size() + " wheels, " + failed + " failed");
  }
}
