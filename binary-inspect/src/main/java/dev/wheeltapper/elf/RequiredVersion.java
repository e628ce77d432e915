package dev.wheeltapper.elf;

import java.util.Objects;

/**
 * One version a file requires from a library: a {@code Vernaux} entry of {@code .gnu.version_r}.
 *
 * <pre>{@code
 * for (RequiredVersion v : elf.versionRequirements().all()) System.out.println(v.library() + " " + v.name());
 * }</pre>
 *
 * @param name the version name ({@code vna_name}), for example {@code GLIBC_2.17}
 * @param library the library that must define it ({@code vn_file}), for example {@code libc.so.6}
 * @param hash {@code vna_hash}
 * @param flags {@code vna_flags} ({@code VER_FLG_WEAK} 2)
 * @param index {@code vna_other}: the version index that {@code .gnu.version} entries refer to
 */
public record RequiredVersion(String name, String library, long hash, int flags, int index) {
  /** {@code VER_FLG_WEAK}. */
  public static final int VER_FLG_WEAK = 0x2;

  /** Validates the components. */
  public RequiredVersion {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(library, "library");
  }

  /**
   * Whether the requirement is weak.
   *
   * @return the {@code VER_FLG_WEAK} bit
   */
  public boolean isWeak() {
    return (flags & VER_FLG_WEAK) != 0;
  }

  /**
   * The name parsed for numeric comparison.
   *
   * @return the parsed version
   */
  public SymbolVersion version() {
    return SymbolVersion.parse(name);
  }
}
