package dev.wheeltapper.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample wheels bundled in the jar (built from the project's own sources by {@code src/samples/BuildSamples.java},
 * committed prebuilt in {@code src/samples/prebuilt/}): a hardened C extension, an unhardened one, a Rust/PyO3 one and a
 * deliberately tampered one.
 */
final class Samples {
  private static final String DIR = "/wheeltapper-samples/";

  private Samples() {}

  /** Copies the bundled samples into a fresh temporary directory, deleted when the JVM exits. */
  static List<Targets.Target> extract() throws UsageException {
    try {
      List<String> names = names();
      Path dir = Files.createTempDirectory("wheeltapper-samples");
      dir.toFile().deleteOnExit();
      List<Targets.Target> out = new ArrayList<>();
      for (String name : names) {
        Path file = dir.resolve(name);
        try (InputStream in = Samples.class.getResourceAsStream(DIR + name)) {
          if (in == null) {
            throw new UsageException("bundled sample missing from the jar: " + name);
          }
          Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        file.toFile().deleteOnExit();
        out.add(new Targets.Target(file, "samples/" + name));
      }
      return out;
    } catch (IOException e) {
      throw new UsageException("cannot extract the bundled samples: " + e.getMessage());
    }
  }

  static List<String> names() throws IOException, UsageException {
    try (InputStream in = Samples.class.getResourceAsStream(DIR + "index.txt")) {
      if (in == null) {
        throw new UsageException("no bundled samples in this build (see cli/src/samples/prebuilt/)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }
  }
}
