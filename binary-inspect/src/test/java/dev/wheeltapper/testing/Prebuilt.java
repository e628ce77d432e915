package dev.wheeltapper.testing;

import dev.wheeltapper.testsupport.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The native fixtures committed in built form under {@code binary-inspect/src/test/prebuilt/<group>/}, so that the
 * tests need only a JDK. Each is made from the project's own sources by a recipe in {@link NativeFixtures} or
 * {@link HardeningFixtures}; {@code scripts/rebuild-fixtures.sh} rebuilds them all, and {@code FixtureRecipesTest}
 * (through the oracle gate: it needs gcc, multilib and cargo) checks that a rebuild gives the same analysis.
 */
public final class Prebuilt {
  private Prebuilt() {}

  /**
   * The folder of one group of prebuilt fixtures.
   *
   * @param group {@code native} or {@code hardening}
   * @return the folder
   */
  public static Path dir(String group) {
    return Corpus.repositoryRoot().resolve("binary-inspect").resolve("src").resolve("test").resolve("prebuilt")
        .resolve(group);
  }

  /**
   * A committed fixture.
   *
   * @param group {@code native} or {@code hardening}
   * @param name its file name
   * @return its path
   * @throws IllegalStateException when it is not committed (run {@code scripts/rebuild-fixtures.sh})
   */
  public static Path path(String group, String name) {
    Path p = dir(group).resolve(name);
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException("prebuilt fixture missing: " + p + " (scripts/rebuild-fixtures.sh makes it)");
    }
    return p;
  }
}
