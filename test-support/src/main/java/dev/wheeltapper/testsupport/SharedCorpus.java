package dev.wheeltapper.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates {@code ../shared} (the corpus, the spec) from tests; surefire passes it as {@code wheeltapper.shared}. */
public final class SharedCorpus {
  private SharedCorpus() {}

  /**
   * The shared folder beside the project.
   *
   * @return its path; the test fails loudly when it is missing, since CI always has it
   */
  public static Path root() {
    String configured = System.getProperty("wheeltapper.shared");
    Path p = configured != null ? Paths.get(configured) : Paths.get("..", "..", "shared");
    if (!Files.isDirectory(p)) {
      p = Paths.get("..", "shared");
    }
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException("shared/ not found (wheeltapper.shared=" + configured + ")");
    }
    return p.toAbsolutePath().normalize();
  }

  /**
   * A file under {@code shared/corpus}.
   *
   * @param relative for example {@code "wheels/auditwheel/cffi-1.5.0-cp27-none-linux_x86_64.whl"}
   * @return the path, which must exist
   */
  public static Path corpus(String relative) {
    Path p = root().resolve("corpus").resolve(relative);
    if (!Files.exists(p)) {
      throw new IllegalStateException("corpus file missing: " + p);
    }
    return p;
  }
}
