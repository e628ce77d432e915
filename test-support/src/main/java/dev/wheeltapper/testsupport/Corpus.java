package dev.wheeltapper.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the project's own test corpus, {@code corpus/} at the top of the repository (real third-party files, each
 * with its origin in {@code corpus/SOURCES.md}). Surefire passes the repository root as {@code wheeltapper.root};
 * without it the corpus is found by walking up from the working directory. Nothing outside the repository is read.
 */
public final class Corpus {
  private Corpus() {}

  /**
   * The repository's top folder.
   *
   * @return the folder holding {@code corpus/SOURCES.md}
   * @throws IllegalStateException when the tests run outside a checkout of the project
   */
  public static Path repositoryRoot() {
    String configured = System.getProperty("wheeltapper.root");
    if (configured != null && isRoot(Paths.get(configured))) {
      return Paths.get(configured).toAbsolutePath().normalize();
    }
    for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (isRoot(p)) {
        return p.normalize();
      }
    }
    throw new IllegalStateException("corpus/SOURCES.md not found above " + Paths.get("").toAbsolutePath()
        + " (wheeltapper.root=" + configured + ")");
  }

  private static boolean isRoot(Path p) {
    return Files.isRegularFile(p.resolve("corpus").resolve("SOURCES.md"));
  }

  /**
   * The corpus folder.
   *
   * @return {@code <repository>/corpus}
   */
  public static Path root() {
    return repositoryRoot().resolve("corpus");
  }

  /**
   * A file or folder of the corpus.
   *
   * @param relative for example {@code "wheels/auditwheel/cffi-1.5.0-cp27-none-linux_x86_64.whl"}
   * @return the path, which must exist
   * @throws IllegalStateException when it does not
   */
  public static Path corpus(String relative) {
    Path p = root().resolve(relative);
    if (!Files.exists(p)) {
      throw new IllegalStateException("corpus file missing: " + p);
    }
    return p;
  }
}
