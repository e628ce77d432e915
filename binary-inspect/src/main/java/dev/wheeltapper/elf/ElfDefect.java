package dev.wheeltapper.elf;

import java.util.Objects;

/**
 * Damage found while reading, where the reader went on with a partial result (as readelf warns and continues): for
 * example a string table without a terminator, a dynamic table without {@code DT_NULL}, or a note with an absurd
 * length. The rest of the file is still trustworthy.
 *
 * <pre>{@code
 * for (ElfDefect d : elf.defects()) System.out.println(d);
 * }</pre>
 *
 * @param offset the file offset of the damage, -1 when it has none
 * @param part the structure affected, for example {@code ".dynsym"} or {@code "PT_DYNAMIC"}
 * @param reason what is wrong
 */
public record ElfDefect(long offset, String part, String reason) {
  /** Validates the components. */
  public ElfDefect {
    Objects.requireNonNull(part, "part");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return part + ": " + reason + (offset >= 0 ? " (at offset 0x" + Long.toHexString(offset) + ")" : "");
  }
}
