package dev.wheeltapper.elf;

import java.nio.ByteBuffer;

/**
 * The raw fields of one section header ({@code Elf32_Shdr} / {@code Elf64_Shdr}) as they are in the file, before the
 * name is resolved into a {@link Section}. Section header 0 is read as one of these to resolve the extended numbering
 * escapes ({@code e_shnum == 0}, {@code e_phnum == PN_XNUM}, {@code e_shstrndx == SHN_XINDEX}).
 *
 * @param name {@code sh_name}, an offset in the section name string table
 * @param type {@code sh_type}
 * @param flags {@code sh_flags}
 * @param addr {@code sh_addr}
 * @param offset {@code sh_offset}
 * @param size {@code sh_size}
 * @param link {@code sh_link}
 * @param info {@code sh_info}
 * @param addralign {@code sh_addralign}
 * @param entsize {@code sh_entsize}
 */
record SectionHeader(
    long name,
    long type,
    long flags,
    long addr,
    long offset,
    long size,
    long link,
    long info,
    long addralign,
    long entsize) {

  /** The size of an {@code Elf64_Shdr} / {@code Elf32_Shdr}. */
  static int size(boolean is64) {
    return is64 ? 64 : 40;
  }

  /** Decodes the header at {@code pos} of a buffer in the file's byte order. */
  static SectionHeader read(ByteBuffer b, int pos, boolean is64) {
    if (is64) {
      return new SectionHeader(
          ElfInput.u32(b, pos), ElfInput.u32(b, pos + 4), b.getLong(pos + 8), b.getLong(pos + 16), b.getLong(pos + 24),
          b.getLong(pos + 32), ElfInput.u32(b, pos + 40), ElfInput.u32(b, pos + 44), b.getLong(pos + 48),
          b.getLong(pos + 56));
    }
    return new SectionHeader(
        ElfInput.u32(b, pos), ElfInput.u32(b, pos + 4), ElfInput.u32(b, pos + 8), ElfInput.u32(b, pos + 12),
        ElfInput.u32(b, pos + 16), ElfInput.u32(b, pos + 20), ElfInput.u32(b, pos + 24), ElfInput.u32(b, pos + 28),
        ElfInput.u32(b, pos + 32), ElfInput.u32(b, pos + 36));
  }
}
