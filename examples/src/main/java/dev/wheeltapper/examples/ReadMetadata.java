package dev.wheeltapper.examples;

import dev.wheeltapper.samples.BundledSamples;
import dev.wheeltapper.wheel.Wheel;
import dev.wheeltapper.wheel.WheelFilename;
import dev.wheeltapper.wheel.metadata.CoreMetadata;
import java.nio.file.Path;

/**
 * Reads what a wheel says about itself: file name, WHEEL, METADATA and RECORD. Reading is not verifying: nothing here
 * checks a hash (see {@link VerifyWheel}).
 *
 * <pre>{@code
 * java -cp cli/target/wheeltapper.jar:examples/target/wheeltapper-examples.jar dev.wheeltapper.examples.ReadMetadata [WHEEL]
 * }</pre>
 *
 * <p>With no argument it reads the bundled {@code wt_hardened} sample.
 */
public final class ReadMetadata {
  private ReadMetadata() {}

  /**
   * Runs the example.
   *
   * @param args an optional wheel path
   * @throws Exception when the wheel cannot be read (a typed {@code WheelFormatException} or an I/O error)
   */
  public static void main(String[] args) throws Exception {
    Path path = args.length > 0 ? Path.of(args[0]) : BundledSamples.wheel("wt_hardened");

    // Opening reads only the ZIP central directory; each file below is read on first use.
    try (Wheel wheel = Wheel.open(path)) {
      WheelFilename name = wheel.filename();           // PEP 427 file name, compressed tag sets expanded
      System.out.println("file:         " + wheel.fileName());
      System.out.println("distribution: " + name.distribution() + " " + name.version());
      System.out.println("tags:         " + name.tags());

      CoreMetadata metadata = wheel.metadata();        // METADATA, core metadata 1.0 to 2.5
      System.out.println("name:         " + metadata.name().orElse("?"));
      System.out.println("version:      " + metadata.version().orElse("?"));
      System.out.println("summary:      " + metadata.summary().orElse(""));
      System.out.println("requires:     " + metadata.requiresPython().orElse("any Python"));
      metadata.requiresDist().forEach(r -> System.out.println("depends on:   " + r));

      // WHEEL: who built it, and whether it installs into purelib or platlib.
      System.out.println("generator:    " + wheel.wheelInfo().generator().orElse("?"));
      System.out.println("purelib:      " + wheel.wheelInfo().rootIsPurelib().map(String::valueOf).orElse("?"));

      // RECORD: every file with its hash and size, as Python's csv module reads it.
      System.out.println("RECORD rows:  " + wheel.record().entries().size());
      wheel.record().entries().forEach(e -> System.out.println("  " + e.path()
          + "  " + e.hash().map(Object::toString).orElse("-")
          + "  " + (e.size().isPresent() ? e.size().getAsLong() : "-")));
    }
  }
}
