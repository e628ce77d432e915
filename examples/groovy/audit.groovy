// Audits a directory of wheels: integrity, then every native binary inside (found by magic number).
//   groovy -cp cli/target/wheeltapper.jar examples/groovy/audit.groovy [DIR]
import dev.wheeltapper.audit.NativeBinaries
import dev.wheeltapper.samples.BundledSamples
import dev.wheeltapper.verify.WheelVerifier
import java.nio.file.Files
import java.nio.file.Path

Path dir = args ? Path.of(args[0]) : BundledSamples.directory()
def wheels = Files.walk(dir, 8).withCloseable { s -> s.filter { it.toString().endsWith('.whl') }.sorted().toList() }

def codes = [:]
wheels.each { w ->
  def report = WheelVerifier.defaults().verify(w)
  def binaries = NativeBinaries.inspectWheel(w)
  def found = report.findings()*.code() + binaries.findings()*.code()
  boolean ok = report.passed() && binaries.findings().every { !it.isError() }
  println "${ok ? 'PASS' : 'FAIL'} ${w.fileName}"
  binaries.inspected().each { b -> println "     ${b.path()} ${b.toolchain().languageLabels()} memory-safe ${b.toolchain().memorySafe().label()}" }
  found.each { println "     ${it}" }
  codes[w.fileName.toString().split('-')[0]] = found
}

if (!args) {
  assert codes.wt_hardened == []
  assert 'record.hash-mismatch' in codes.wt_tampered
  assert codes.wt_unhardened.containsAll(['hardening.no-relro', 'hardening.no-canary', 'hardening.execstack'])
}
