// Verifies the integrity of wheels (ZIP structure, RECORD hashes and sizes, WHEEL, METADATA).
//   groovy -cp cli/target/wheeltapper.jar examples/groovy/verify.groovy [DIR_OR_WHEEL...]
import dev.wheeltapper.samples.BundledSamples
import dev.wheeltapper.verify.WheelVerifier
import java.nio.file.Files
import java.nio.file.Path

def inputs = args ? args.collect { Path.of(it) } : [BundledSamples.directory()]
def wheels = inputs.collectMany { input ->
  Files.walk(input, 8).withCloseable { s -> s.filter { it.toString().endsWith('.whl') }.sorted().toList() }
}
assert wheels : "no wheel in ${inputs}"

def verifier = WheelVerifier.defaults()
def reports = wheels.collect { verifier.verify(it) }
reports.each { r ->
  println "${r.passed() ? 'PASS' : 'FAIL'} ${r.fileName()}"
  r.findings().each { f -> println "     ${f.severity().label()} ${f.code()} ${f.path()}: ${f.message()}" }
}

// On the bundled samples exactly one wheel fails: the one tampered with after its RECORD was written.
if (!args) {
  def failed = reports.findAll { !it.passed() }
  assert failed*.fileName().every { it.startsWith('wt_tampered-') } && failed.size() == 1
  assert failed[0].has('record.hash-mismatch')
}
