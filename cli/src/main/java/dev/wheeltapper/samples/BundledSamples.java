package dev.wheeltapper.samples;

import dev.wheeltapper.wheel.Wheel;
import dev.wheeltapper.wheel.WheelEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Default inputs for the examples and scripts: the sample wheels bundled in the jar (built by the project from its own
 * sources: {@code wt_hardened}, {@code wt_unhardened}, {@code wt_rust} when a Rust toolchain was available, and
 * {@code wt_tampered}, broken on purpose), and the project's test corpus when run inside a checkout.
 *
 * <pre>{@code
 * Path dir = BundledSamples.directory();              // every bundled sample, copied to a temporary directory
 * Path wheel = BundledSamples.wheel("wt_hardened");   // one of them
 * Path so = BundledSamples.nativeLibrary(wheel);      // its C extension, copied out
 * }</pre>
 *
 * <p>The copies live in one temporary directory per JVM, deleted when the JVM exits. Thread-safe.
 */
public final class BundledSamples {
  private static final String DIR = "/wheeltapper-samples/";
  private static Path extracted;

  private BundledSamples() {}

  /**
   * The names of the bundled sample wheels, as listed in the jar's {@code index.txt}.
   *
   * @return the file names, in index order
   * @throws IllegalStateException when the jar was built without samples
   */
  public static List<String> names() {
    try (InputStream in = BundledSamples.class.getResourceAsStream(DIR + "index.txt")) {
      if (in == null) {
        throw new IllegalStateException("no bundled samples on the class path (" + DIR + "index.txt)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A temporary directory holding a copy of every bundled sample wheel (made once per JVM).
   *
   * @return the directory
   */
  public static synchronized Path directory() {
    if (extracted != null) {
      return extracted;
    }
    try {
      Path dir = Files.createTempDirectory("wheeltapper-examples");
      dir.toFile().deleteOnExit();
      for (String name : names()) {
        Path file = dir.resolve(name);
        try (InputStream in = BundledSamples.class.getResourceAsStream(DIR + name)) {
          if (in == null) {
            throw new IllegalStateException("bundled sample listed but missing: " + name);
          }
          Files.copy(in, file);
        }
        file.toFile().deleteOnExit();
      }
      extracted = dir;
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The copy of one bundled sample wheel.
   *
   * @param distribution the distribution name, such as {@code wt_hardened} or {@code wt_tampered}
   * @return its path in {@link #directory()}
   * @throws IllegalArgumentException when no bundled sample has that name
   */
  public static Path wheel(String distribution) {
    String prefix = distribution + "-";
    return names().stream().filter(n -> n.startsWith(prefix)).findFirst()
        .map(n -> directory().resolve(n))
        .orElseThrow(() -> new IllegalArgumentException("no bundled sample named " + distribution));
  }

  /**
   * Copies the first {@code .so} entry of a wheel into a temporary directory, streamed, never loaded whole.
   *
   * @param wheelPath a wheel
   * @return the copy, named as the entry's last path element and deleted when the JVM exits
   * @throws IOException when the wheel cannot be read
   * @throws IllegalArgumentException when the wheel has no {@code .so} entry
   */
  public static Path nativeLibrary(Path wheelPath) throws IOException {
    try (Wheel wheel = Wheel.open(wheelPath)) {
      WheelEntry so = wheel.entries().stream().filter(e -> e.name().endsWith(".so")).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no .so entry in " + wheelPath));
      Path dir = Files.createTempDirectory("wheeltapper-example");
      dir.toFile().deleteOnExit();
      Path out = dir.resolve(Path.of(so.name()).getFileName().toString());
      try (InputStream in = wheel.openEntry(so.name())) {
        Files.copy(in, out);
      }
      out.toFile().deleteOnExit();
      return out;
    }
  }

  /**
   * A file of the project's test corpus ({@code corpus/} at the top of a checkout), found through the system property
   * {@code wheeltapper.corpus} or by walking up from the working directory.
   *
   * @param relative a path under {@code corpus/}, such as {@code attest/rfc8785-0.1.2-py3-none-any.whl}
   * @return the file, when the program runs inside a checkout (the corpus is not in the jar)
   */
  public static Optional<Path> corpus(String relative) {
    String configured = System.getProperty("wheeltapper.corpus");
    List<Path> roots = new ArrayList<>();
    if (configured != null) {
      roots.add(Paths.get(configured));
    } else {
      for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
        roots.add(p.resolve("corpus"));
      }
    }
    return roots.stream().map(r -> r.resolve(relative)).filter(Files::isRegularFile)
        .map(p -> p.toAbsolutePath().normalize()).findFirst();
  }
}
