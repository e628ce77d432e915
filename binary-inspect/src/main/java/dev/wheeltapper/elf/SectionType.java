package dev.wheeltapper.elf;

import java.util.HashMap;
import java.util.Map;

/**
 * Section header types ({@code sh_type}). Processor- and OS-specific values that this enum does not name map to {@link #PROCESSOR_SPECIFIC} / {@link #OS_SPECIFIC}, anything else to {@link #UNKNOWN}; {@link Section#rawType()} keeps the number.
 *
 * <pre>{@code
 * elf.sections().withType(SectionType.NOTE).names();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum SectionType {
  /** Inactive header (0). */
  NULL(0L),
  /** Program-defined contents (1). */
  PROGBITS(1L),
  /** Full symbol table (2). */
  SYMTAB(2L),
  /** String table (3). */
  STRTAB(3L),
  /** Relocations with addends (4). */
  RELA(4L),
  /** SysV symbol hash table (5). */
  HASH(5L),
  /** Dynamic linking table (6). */
  DYNAMIC(6L),
  /** Notes (7). */
  NOTE(7L),
  /** Occupies no file space (.bss) (8). */
  NOBITS(8L),
  /** Relocations without addends (9). */
  REL(9L),
  /** Reserved (10). */
  SHLIB(10L),
  /** Dynamic symbol table (11). */
  DYNSYM(11L),
  /** Constructors (14). */
  INIT_ARRAY(14L),
  /** Destructors (15). */
  FINI_ARRAY(15L),
  /** Pre-constructors (16). */
  PREINIT_ARRAY(16L),
  /** Section group (17). */
  GROUP(17L),
  /** Extended section indices of a symbol table (18). */
  SYMTAB_SHNDX(18L),
  /** Relative relocations, compact (19). */
  RELR(19L),
  /** Object attributes (0x6ffffff5). */
  GNU_ATTRIBUTES(0x6ffffff5L),
  /** GNU symbol hash table (0x6ffffff6). */
  GNU_HASH(0x6ffffff6L),
  /** Prelink library list (0x6ffffff7). */
  GNU_LIBLIST(0x6ffffff7L),
  /** Checksum (0x6ffffff8). */
  CHECKSUM(0x6ffffff8L),
  /** Version definitions, .gnu.version_d (0x6ffffffd). */
  GNU_VERDEF(0x6ffffffdL),
  /** Version requirements, .gnu.version_r (0x6ffffffe). */
  GNU_VERNEED(0x6ffffffeL),
  /** Symbol version indices, .gnu.version (0x6fffffff). */
  GNU_VERSYM(0x6fffffffL),
  /** An unnamed value in the OS-specific range 0x60000000-0x6fffffff. */
  OS_SPECIFIC(-1L),
  /** A value in the processor-specific range 0x70000000-0x7fffffff (ARM_EXIDX, MIPS_ABIFLAGS, X86_64_UNWIND, ...). */
  PROCESSOR_SPECIFIC(-1L),
  /** Any other value. */
  UNKNOWN(-1L);

  private static final Map<Long, SectionType> BY_VALUE = new HashMap<>();

  static {
    for (SectionType t : values()) {
      if (t.value >= 0) {
        BY_VALUE.putIfAbsent(t.value, t);
      }
    }
  }

  private final long value;

  SectionType(long value) {
    this.value = value;
  }

  /**
   * The raw number.
   *
   * @return the value, -1 for the fallback constants
   */
  public long value() {
    return value;
  }

  /**
   * The type for a raw {@code sh_type}.
   *
   * @param raw the number
   * @return the named type or a range fallback
   */
  public static SectionType of(long raw) {
    SectionType t = BY_VALUE.get(raw);
    if (t != null) {
      return t;
    }
    if (raw >= 0x60000000L && raw <= 0x6fffffffL) {
      return OS_SPECIFIC;
    }
    if (raw >= 0x70000000L && raw <= 0x7fffffffL) {
      return PROCESSOR_SPECIFIC;
    }
    return UNKNOWN;
  }

}
