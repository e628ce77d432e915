package dev.wheeltapper.elf;

import java.util.List;
import java.util.Objects;

/**
 * One {@code Verdef} entry of {@code .gnu.version_d}: a version this file defines.
 *
 * <pre>{@code
 * elf.versionDefinitions().stream().filter(d -> !d.isBase()).map(VersionDefinition::name).toList();
 * }</pre>
 *
 * @param index {@code vd_ndx}
 * @param flags {@code vd_flags} ({@code VER_FLG_BASE} 1, {@code VER_FLG_WEAK} 2)
 * @param hash {@code vd_hash}
 * @param name the first {@code Verdaux} name
 * @param parents the remaining {@code Verdaux} names (the versions this one inherits)
 * @param revision {@code vd_version} (1)
 */
public record VersionDefinition(int index, int flags, long hash, String name, List<String> parents, int revision) {
  /** {@code VER_FLG_BASE}. */
  public static final int VER_FLG_BASE = 0x1;

  /** Validates and copies the components. */
  public VersionDefinition {
    Objects.requireNonNull(name, "name");
    parents = List.copyOf(parents);
  }

  /**
   * Whether this is the file's base definition (its soname).
   *
   * @return the {@code VER_FLG_BASE} bit
   */
  public boolean isBase() {
    return (flags & VER_FLG_BASE) != 0;
  }
}
