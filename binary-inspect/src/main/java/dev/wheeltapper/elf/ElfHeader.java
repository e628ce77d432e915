package dev.wheeltapper.elf;

import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The ELF file header ({@code Elf32_Ehdr} / {@code Elf64_Ehdr}) as stored, before the extended-numbering escapes are
 * resolved: {@link #shnum()} may be 0 and {@link #phnum()} {@code 0xffff} ({@code PN_XNUM}) in a file with many
 * sections; {@link ElfFile#sections()} and {@link ElfFile#segments()} give the real tables.
 *
 * <pre>{@code
 * ElfHeader h = elf.header();
 * System.out.println(h.bits() + "-bit " + h.machineLabel() + " " + h.type().label());
 * }</pre>
 *
 * @param bits 32 or 64 ({@code EI_CLASS})
 * @param littleEndian true for {@code ELFDATA2LSB}
 * @param osAbi {@code EI_OSABI}
 * @param abiVersion {@code EI_ABIVERSION}
 * @param type the object type
 * @param rawType {@code e_type}
 * @param machine the machine
 * @param rawMachine {@code e_machine}
 * @param version {@code e_version}
 * @param entry {@code e_entry}
 * @param phoff {@code e_phoff}
 * @param shoff {@code e_shoff}
 * @param flags {@code e_flags}
 * @param ehsize {@code e_ehsize}
 * @param phentsize {@code e_phentsize}
 * @param phnum {@code e_phnum} as stored
 * @param shentsize {@code e_shentsize}
 * @param shnum {@code e_shnum} as stored
 * @param shstrndx {@code e_shstrndx} as stored
 */
public record ElfHeader(
    int bits,
    boolean littleEndian,
    int osAbi,
    int abiVersion,
    ElfType type,
    int rawType,
    Machine machine,
    int rawMachine,
    long version,
    long entry,
    long phoff,
    long shoff,
    long flags,
    int ehsize,
    int phentsize,
    int phnum,
    int shentsize,
    int shnum,
    int shstrndx) {

  /** Validates the components. */
  public ElfHeader {
    if (bits != 32 && bits != 64) {
      throw new IllegalArgumentException("bits must be 32 or 64: " + bits);
    }
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(machine, "machine");
  }

  /**
   * The byte order of every multi-byte field.
   *
   * @return little or big endian
   */
  public ByteOrder byteOrder() {
    return littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
  }

  /**
   * Whether this is ELFCLASS64.
   *
   * @return true for 64-bit files
   */
  public boolean is64() {
    return bits == 64;
  }

  /**
   * The JSON report label of the machine, see {@link Machine#label(int, ByteOrder)}; {@code em_<n>} for unknown.
   *
   * @return for example {@code x86_64}, {@code ppc64le}, {@code s390x}
   */
  public String machineLabel() {
    return machine == Machine.UNKNOWN ? "em_" + rawMachine : machine.label(bits, byteOrder());
  }

  /**
   * The JSON report label of the byte order.
   *
   * @return {@code little} or {@code big}
   */
  public String endianLabel() {
    return littleEndian ? "little" : "big";
  }
}
