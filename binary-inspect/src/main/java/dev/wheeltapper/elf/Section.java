package dev.wheeltapper.elf;

import java.util.Objects;

/**
 * One section header ({@code Elf32_Shdr} / {@code Elf64_Shdr}) with its name resolved through the section name string
 * table ({@code ""} when that is missing or damaged, recorded as a defect). Read the bytes with
 * {@link ElfFile#contents(Section)}.
 *
 * <pre>{@code
 * elf.sections().named(".comment").map(Section::size);
 * }</pre>
 *
 * @param index the section index
 * @param name the name
 * @param type the type
 * @param rawType {@code sh_type}
 * @param flags {@code sh_flags} ({@code SHF_*})
 * @param address {@code sh_addr}
 * @param offset {@code sh_offset}
 * @param size {@code sh_size}
 * @param link {@code sh_link}
 * @param info {@code sh_info}
 * @param addressAlignment {@code sh_addralign}
 * @param entrySize {@code sh_entsize}
 */
public record Section(
    int index,
    String name,
    SectionType type,
    long rawType,
    long flags,
    long address,
    long offset,
    long size,
    long link,
    long info,
    long addressAlignment,
    long entrySize) {

  /** {@code SHF_WRITE}. */
  public static final long SHF_WRITE = 0x1;
  /** {@code SHF_ALLOC}. */
  public static final long SHF_ALLOC = 0x2;
  /** {@code SHF_EXECINSTR}. */
  public static final long SHF_EXECINSTR = 0x4;
  /** {@code SHF_MERGE}. */
  public static final long SHF_MERGE = 0x10;
  /** {@code SHF_STRINGS}. */
  public static final long SHF_STRINGS = 0x20;
  /** {@code SHF_INFO_LINK}. */
  public static final long SHF_INFO_LINK = 0x40;
  /** {@code SHF_LINK_ORDER}. */
  public static final long SHF_LINK_ORDER = 0x80;
  /** {@code SHF_GROUP}. */
  public static final long SHF_GROUP = 0x200;
  /** {@code SHF_TLS}. */
  public static final long SHF_TLS = 0x400;
  /** {@code SHF_COMPRESSED}. */
  public static final long SHF_COMPRESSED = 0x800;

  /** Validates the components. */
  public Section {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  /**
   * Whether all the given {@code SHF_*} bits are set.
   *
   * @param mask the bits
   * @return true when {@code (flags & mask) == mask}
   */
  public boolean hasFlags(long mask) {
    return (flags & mask) == mask;
  }

  /**
   * Whether the section occupies memory at run time ({@code SHF_ALLOC}).
   *
   * @return the flag
   */
  public boolean isAllocated() {
    return hasFlags(SHF_ALLOC);
  }

  /**
   * Whether the section is writable at run time ({@code SHF_WRITE}).
   *
   * @return the flag
   */
  public boolean isWritable() {
    return hasFlags(SHF_WRITE);
  }

  /**
   * Whether the section holds instructions ({@code SHF_EXECINSTR}).
   *
   * @return the flag
   */
  public boolean isExecutable() {
    return hasFlags(SHF_EXECINSTR);
  }

  /**
   * Whether the section has bytes in the file (every type except {@code SHT_NOBITS} and {@code SHT_NULL}).
   *
   * @return true when {@link #offset()} and {@link #size()} describe file bytes
   */
  public boolean hasFileBytes() {
    return type != SectionType.NOBITS && type != SectionType.NULL;
  }
}
