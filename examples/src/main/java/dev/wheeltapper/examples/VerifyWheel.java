package dev.wheeltapper.examples;

import dev.wheeltapper.samples.BundledSamples;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.verify.VerificationReport;
import dev.wheeltapper.verify.WheelVerifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Verifies the integrity of wheels: the ZIP structure, every RECORD hash and size, WHEEL and METADATA against the file
 * name. Problems are findings in the report, never exceptions.
 *
 * <pre>{@code
 * java -cp cli/target/wheeltapper.jar:examples/target/wheeltapper-examples.jar dev.wheeltapper.examples.VerifyWheel [WHEEL...]
 * }</pre>
 *
 * <p>With no argument it verifies every bundled sample; {@code wt_tampered} fails on purpose.
 */
public final class VerifyWheel {
  private VerifyWheel() {}

  /**
   * Runs the example.
   *
   * @param args wheel paths (optional)
   * @throws Exception when a file cannot be opened at all
   */
  public static void main(String[] args) throws Exception {
    List<Path> wheels = new ArrayList<>();
    if (args.length > 0) {
      Stream.of(args).map(Path::of).forEach(wheels::add);
    } else {
      BundledSamples.names().forEach(n -> wheels.add(BundledSamples.directory().resolve(n)));
    }

    // One verifier serves any number of wheels and threads; each wheel is read in one streaming pass.
    WheelVerifier verifier = WheelVerifier.defaults();
    for (Path wheel : wheels) {
      VerificationReport report = verifier.verify(wheel);
      // passed(): no finding of severity error. Warnings and notes do not fail a wheel.
      System.out.println((report.passed() ? "PASS " : "FAIL ") + report.fileName());
      System.out.println("     sha256 " + report.sha256() + ", " + report.entriesChecked() + " entries checked");
      for (Finding f : report.findings()) {
        System.out.println("     " + f.severity().label() + " " + f.code() + " " + f.path() + ": " + f.message());
      }
    }
  }
}
