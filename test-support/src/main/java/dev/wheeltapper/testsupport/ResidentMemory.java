package dev.wheeltapper.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much of a file this process holds resident through its mappings, read from Linux's {@code /proc/self/smaps}
 * (the build's platform): for the tests that a reader does not make a large mapped binary resident (issue 19).
 *
 * <pre>{@code
 * assertThat(ResidentMemory.kibMappedFrom(spilled)).isLessThan(16 << 10);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class ResidentMemory {
  private ResidentMemory() {}

  /**
   * The resident part of this process's mappings of {@code file}.
   *
   * @param file the mapped file, as the mapping names it
   * @return KiB, 0 when it is not mapped
   * @throws IOException when {@code /proc/self/smaps} cannot be read
   */
  public static long kibMappedFrom(Path file) throws IOException {
    long kib = 0;
    boolean inside = false;
    for (String line : Files.readAllLines(Path.of("/proc/self/smaps"))) {
      if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*")) {
        inside = line.endsWith(" " + file);
      } else if (inside && line.startsWith("Rss:")) {
        kib += Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return kib;
  }
}
