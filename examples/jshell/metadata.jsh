// Reads what a wheel says about itself: file name, METADATA, WHEEL, RECORD.
//   jshell --class-path cli/target/wheeltapper.jar examples/jshell/metadata.jsh
//   jshell -R-Dwheel=some.whl --class-path cli/target/wheeltapper.jar examples/jshell/metadata.jsh
import dev.wheeltapper.samples.BundledSamples;
import dev.wheeltapper.wheel.Wheel;
import dev.wheeltapper.wheel.WheelFilename;
import java.nio.file.Path;

Path path = System.getProperty("wheel") != null ? Path.of(System.getProperty("wheel")) : BundledSamples.wheel("wt_hardened");

try (Wheel wheel = Wheel.open(path)) {
  WheelFilename name = wheel.filename();
  var metadata = wheel.metadata();
  System.out.println(name.distribution() + " " + name.version() + " " + name.tags());
  System.out.println("summary:  " + metadata.summary().orElse(""));
  System.out.println("python:   " + metadata.requiresPython().orElse("any"));
  System.out.println("depends:  " + metadata.requiresDist());
  System.out.println("purelib:  " + wheel.wheelInfo().rootIsPurelib().orElse(null));
  System.out.println("RECORD:   " + wheel.record().entries().size() + " rows");
  // METADATA must name the same project as the file name (PEP 503 normalisation on both sides).
  if (!WheelFilename.normalizeName(metadata.name().orElseThrow()).equals(name.normalizedName())) {
    throw new AssertionError("METADATA names " + metadata.name() + " but the file name says " + name.distribution());
  }
  if (wheel.record().entries().isEmpty()) throw new AssertionError("RECORD has no rows");
}
/exit
