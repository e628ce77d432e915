// Audits a directory of wheels: integrity, then every native binary inside (found by magic number).
//   jshell --class-path cli/target/wheeltapper.jar examples/jshell/audit.jsh
//   jshell -R-Ddir=DIR --class-path cli/target/wheeltapper.jar examples/jshell/audit.jsh
import dev.wheeltapper.audit.NativeBinaries;
import dev.wheeltapper.samples.BundledSamples;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.verify.WheelVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

boolean defaults = System.getProperty("dir") == null;
Path dir = defaults ? BundledSamples.directory() : Path.of(System.getProperty("dir"));
List<Path> wheels;
try (var files = Files.walk(dir, 8)) {
  wheels = files.filter(p -> p.toString().endsWith(".whl")).sorted().toList();
}

Map<String, List<String>> codes = new LinkedHashMap<>();
for (Path w : wheels) {
  var report = WheelVerifier.defaults().verify(w);
  var binaries = NativeBinaries.inspectWheel(w);
  List<String> found = new java.util.ArrayList<>();
  report.findings().forEach(f -> found.add(f.code()));
  binaries.findings().forEach(f -> found.add(f.code()));
  boolean ok = report.passed() && binaries.findings().stream().noneMatch(Finding::isError);
  System.out.println((ok ? "PASS " : "FAIL ") + w.getFileName());
  binaries.inspected().forEach(b -> System.out.println("     " + b.path() + " " + b.toolchain().languageLabels() + " memory-safe " + b.toolchain().memorySafe().label()));
  found.forEach(c -> System.out.println("     " + c));
  codes.put(w.getFileName().toString().split("-")[0], found);
}

if (defaults) {
  if (!codes.get("wt_hardened").isEmpty()) throw new AssertionError("wt_hardened: " + codes.get("wt_hardened"));
  if (!codes.get("wt_tampered").contains("record.hash-mismatch")) throw new AssertionError("wt_tampered: " + codes.get("wt_tampered"));
  if (!codes.get("wt_unhardened").containsAll(List.of("hardening.no-relro", "hardening.no-canary", "hardening.execstack"))) throw new AssertionError("wt_unhardened: " + codes.get("wt_unhardened"));
}
/exit
