package dev.wheeltapper.elf;

import java.util.HashMap;
import java.util.Map;

/**
 * Dynamic section tags ({@code d_tag}). Processor-specific tags are named only for the machine that defines them ({@link #of(long, Machine)}); unnamed values map to {@link #OS_SPECIFIC}, {@link #PROCESSOR_SPECIFIC} or {@link #UNKNOWN}, and {@link DynamicEntry#rawTag()} keeps the number.
 *
 * <pre>{@code
 * elf.dynamic().has(DynamicTag.BIND_NOW);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum DynamicTag {
  /** End of the table (0). */
  NULL(0L),
  /** Name of a needed library (1). */
  NEEDED(1L),
  /** Size of PLT relocations (2). */
  PLTRELSZ(2L),
  /** PLT/GOT address (3). */
  PLTGOT(3L),
  /** SysV hash table address (4). */
  HASH(4L),
  /** Dynamic string table address (5). */
  STRTAB(5L),
  /** Dynamic symbol table address (6). */
  SYMTAB(6L),
  /** RELA relocations address (7). */
  RELA(7L),
  /** RELA relocations size (8). */
  RELASZ(8L),
  /** RELA entry size (9). */
  RELAENT(9L),
  /** String table size (10). */
  STRSZ(10L),
  /** Symbol entry size (11). */
  SYMENT(11L),
  /** Initialisation function (12). */
  INIT(12L),
  /** Termination function (13). */
  FINI(13L),
  /** Shared object name (14). */
  SONAME(14L),
  /** Library search path (deprecated, searched before LD_LIBRARY_PATH) (15). */
  RPATH(15L),
  /** Symbolic resolution (16). */
  SYMBOLIC(16L),
  /** REL relocations address (17). */
  REL(17L),
  /** REL relocations size (18). */
  RELSZ(18L),
  /** REL entry size (19). */
  RELENT(19L),
  /** PLT relocation type (20). */
  PLTREL(20L),
  /** Debugger hook (executables) (21). */
  DEBUG(21L),
  /** Relocations against read-only segments (22). */
  TEXTREL(22L),
  /** PLT relocations address (23). */
  JMPREL(23L),
  /** Resolve all symbols at load time (24). */
  BIND_NOW(24L),
  /** Constructor array (25). */
  INIT_ARRAY(25L),
  /** Destructor array (26). */
  FINI_ARRAY(26L),
  /** Constructor array size (27). */
  INIT_ARRAYSZ(27L),
  /** Destructor array size (28). */
  FINI_ARRAYSZ(28L),
  /** Library search path (29). */
  RUNPATH(29L),
  /** DF_* flags (30). */
  FLAGS(30L),
  /** Pre-constructor array (32). */
  PREINIT_ARRAY(32L),
  /** Pre-constructor array size (33). */
  PREINIT_ARRAYSZ(33L),
  /** Extended section indices (34). */
  SYMTAB_SHNDX(34L),
  /** RELR size (35). */
  RELRSZ(35L),
  /** RELR address (36). */
  RELR(36L),
  /** RELR entry size (37). */
  RELRENT(37L),
  /** Prelink timestamp (0x6ffffdf5). */
  GNU_PRELINKED(0x6ffffdf5L),
  /** Prelink conflict size (0x6ffffdf6). */
  GNU_CONFLICTSZ(0x6ffffdf6L),
  /** Prelink library list size (0x6ffffdf7). */
  GNU_LIBLISTSZ(0x6ffffdf7L),
  /** Checksum (0x6ffffdf8). */
  CHECKSUM(0x6ffffdf8L),
  /** PLT padding size (0x6ffffdf9). */
  PLTPADSZ(0x6ffffdf9L),
  /** Move entry size (0x6ffffdfa). */
  MOVEENT(0x6ffffdfaL),
  /** Move table size (0x6ffffdfb). */
  MOVESZ(0x6ffffdfbL),
  /** Feature flags (0x6ffffdfc). */
  FEATURE_1(0x6ffffdfcL),
  /** Position flags (0x6ffffdfd). */
  POSFLAG_1(0x6ffffdfdL),
  /** Syminfo size (0x6ffffdfe). */
  SYMINSZ(0x6ffffdfeL),
  /** Syminfo entry size (0x6ffffdff). */
  SYMINENT(0x6ffffdffL),
  /** GNU hash table address (0x6ffffef5). */
  GNU_HASH(0x6ffffef5L),
  /** TLS descriptor PLT (0x6ffffef6). */
  TLSDESC_PLT(0x6ffffef6L),
  /** TLS descriptor GOT (0x6ffffef7). */
  TLSDESC_GOT(0x6ffffef7L),
  /** Prelink conflicts (0x6ffffef8). */
  GNU_CONFLICT(0x6ffffef8L),
  /** Prelink library list (0x6ffffef9). */
  GNU_LIBLIST(0x6ffffef9L),
  /** Configuration file (0x6ffffefa). */
  CONFIG(0x6ffffefaL),
  /** Dependency audit library (0x6ffffefb). */
  DEPAUDIT(0x6ffffefbL),
  /** Audit library (0x6ffffefc). */
  AUDIT(0x6ffffefcL),
  /** PLT padding (0x6ffffefd). */
  PLTPAD(0x6ffffefdL),
  /** Move table (0x6ffffefe). */
  MOVETAB(0x6ffffefeL),
  /** Syminfo table (0x6ffffeff). */
  SYMINFO(0x6ffffeffL),
  /** Symbol version table address (0x6ffffff0). */
  VERSYM(0x6ffffff0L),
  /** Relative RELA count (0x6ffffff9). */
  RELACOUNT(0x6ffffff9L),
  /** Relative REL count (0x6ffffffa). */
  RELCOUNT(0x6ffffffaL),
  /** DF_1_* flags (0x6ffffffb). */
  FLAGS_1(0x6ffffffbL),
  /** Version definitions address (0x6ffffffc). */
  VERDEF(0x6ffffffcL),
  /** Number of version definitions (0x6ffffffd). */
  VERDEFNUM(0x6ffffffdL),
  /** Version requirements address (0x6ffffffe). */
  VERNEED(0x6ffffffeL),
  /** Number of version requirements (0x6fffffff). */
  VERNEEDNUM(0x6fffffffL),
  /** Auxiliary filter (0x7ffffffd). */
  AUXILIARY(0x7ffffffdL),
  /** Filter (0x7fffffff). */
  FILTER(0x7fffffffL),
  /** AArch64 only (0x70000001): the PLT uses BTI. */
  AARCH64_BTI_PLT(0x70000001L),
  /** AArch64 only (0x70000003): the PLT uses pointer authentication. */
  AARCH64_PAC_PLT(0x70000003L),
  /** AArch64 only (0x70000005): variant procedure call standard symbols. */
  AARCH64_VARIANT_PCS(0x70000005L),
  /** An unnamed value in the OS-specific range 0x6000000d-0x6fffffff. */
  OS_SPECIFIC(-1L),
  /** An unnamed value in the processor-specific range 0x70000000-0x7fffffff. */
  PROCESSOR_SPECIFIC(-1L),
  /** Any other value. */
  UNKNOWN(-1L);

  private static final Map<Long, DynamicTag> BY_VALUE = new HashMap<>();

  static {
    for (DynamicTag t : values()) {
      if (t.value >= 0 && !t.name().startsWith("AARCH64_")) {
        BY_VALUE.putIfAbsent(t.value, t);
      }
    }
  }

  private final long value;

  DynamicTag(long value) {
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
   * The tag for a raw {@code d_tag} in a file for the given machine.
   *
   * @param raw the number
   * @param machine the file's machine, which decides processor-specific tags
   * @return the named tag or a range fallback
   */
  public static DynamicTag of(long raw, Machine machine) {
    DynamicTag t = BY_VALUE.get(raw);
    if (t != null) {
      return t;
    }
    if (machine == Machine.AARCH64) {
      if (raw == 0x70000001L) {
        return AARCH64_BTI_PLT;
      }
      if (raw == 0x70000003L) {
        return AARCH64_PAC_PLT;
      }
      if (raw == 0x70000005L) {
        return AARCH64_VARIANT_PCS;
      }
    }
    if (raw >= 0x6000000dL && raw <= 0x6fffffffL) {
      return OS_SPECIFIC;
    }
    if (raw >= 0x70000000L && raw <= 0x7fffffffL) {
      return PROCESSOR_SPECIFIC;
    }
    return UNKNOWN;
  }

}
