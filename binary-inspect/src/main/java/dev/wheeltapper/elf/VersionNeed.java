package dev.wheeltapper.elf;

import java.util.List;
import java.util.Objects;

/**
 * One {@code Verneed} entry of {@code .gnu.version_r}: a library and the versions required from it.
 *
 * <pre>{@code
 * elf.versionRequirements().needs().forEach(n -> System.out.println(n.library() + ": " + n.versions()));
 * }</pre>
 *
 * @param library {@code vn_file}
 * @param revision {@code vn_version} (1)
 * @param versions the {@code Vernaux} entries
 */
public record VersionNeed(String library, int revision, List<RequiredVersion> versions) {
  /** Validates and copies the components. */
  public VersionNeed {
    Objects.requireNonNull(library, "library");
    versions = List.copyOf(versions);
  }
}
