// Verifies the integrity of wheels (ZIP structure, RECORD hashes and sizes, WHEEL, METADATA).
//   jshell --class-path cli/target/wheeltapper.jar examples/jshell/verify.jsh
//   jshell -R-Dwheel=DIR_OR_WHEEL --class-path cli/target/wheeltapper.jar examples/jshell/verify.jsh
import dev.wheeltapper.samples.BundledSamples;
import dev.wheeltapper.verify.VerificationReport;
import dev.wheeltapper.verify.WheelVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

String given = System.getProperty("wheel");
Path input = given != null ? Path.of(given) : BundledSamples.directory();
List<Path> wheels;
try (var files = Files.walk(input, 8)) {
  wheels = files.filter(p -> p.toString().endsWith(".whl")).sorted().toList();
}
if (wheels.isEmpty()) throw new AssertionError("no wheel in " + input);

WheelVerifier verifier = WheelVerifier.defaults();
List<VerificationReport> reports = new java.util.ArrayList<>();
for (Path w : wheels) {
  VerificationReport r = verifier.verify(w);
  reports.add(r);
  System.out.println((r.passed() ? "PASS " : "FAIL ") + r.fileName());
  r.findings().forEach(f -> System.out.println("     " + f.severity().label() + " " + f.code() + " " + f.path()));
}

// On the bundled samples exactly one wheel fails: the one tampered with after its RECORD was written.
if (given == null) {
  List<String> failed = reports.stream().filter(r -> !r.passed()).map(VerificationReport::fileName).toList();
  if (failed.size() != 1 || !failed.get(0).startsWith("wt_tampered-")) throw new AssertionError("failed: " + failed);
  if (!reports.stream().filter(r -> !r.passed()).allMatch(r -> r.has("record.hash-mismatch"))) {
    throw new AssertionError("the tampered sample should fail with record.hash-mismatch");
  }
}
/exit
