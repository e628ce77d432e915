// Reads what a wheel says about itself: file name, METADATA, WHEEL, RECORD.
//   groovy -cp cli/target/wheeltapper.jar examples/groovy/metadata.groovy [WHEEL]
import dev.wheeltapper.samples.BundledSamples
import dev.wheeltapper.wheel.Wheel
import dev.wheeltapper.wheel.WheelFilename
import java.nio.file.Path

Path path = args ? Path.of(args[0]) : BundledSamples.wheel('wt_hardened')

Wheel.open(path).withCloseable { wheel ->
  def name = wheel.filename()
  def metadata = wheel.metadata()
  println "${name.distribution()} ${name.version()} ${name.tags()}"
  println "summary:  ${metadata.summary().orElse('')}"
  println "python:   ${metadata.requiresPython().orElse('any')}"
  println "depends:  ${metadata.requiresDist()}"
  println "purelib:  ${wheel.wheelInfo().rootIsPurelib().orElse(null)}"
  wheel.record().entries().each { e -> println "  ${e.path()}  ${e.hash().map { it.toString() }.orElse('-')}" }

  // METADATA must name the same project as the file name (PEP 503 normalisation on both sides).
  assert WheelFilename.normalizeName(metadata.name().orElseThrow()) == name.normalizedName()
  assert !wheel.record().entries().isEmpty()
}
