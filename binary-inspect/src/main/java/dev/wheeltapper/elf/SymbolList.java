package dev.wheeltapper.elf;

import java.nio.ByteBuffer;
import java.util.AbstractList;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * A symbol table decoded entry by entry on access: the entries and their string table stay in the file's buffers,
 * so a library with 1.7 million dynamic symbols costs no heap until a symbol is asked for (issue 19: the names alone
 * were 300 MB of strings). Every entry is checked once when the table is read ({@link #check}), which records the
 * defects in table order; later decodings record none. Like every buffer of a source opened with {@code
 * ByteSources.mapUntilClosed}, it must not be read after its {@link ElfFile} is closed.
 *
 * <p>Immutable and thread-safe (absolute reads only).
 */
final class SymbolList extends AbstractList<Symbol> implements RandomAccess {
  private final ByteBuffer entries;
  private final long fileOffset;
  private final int count;
  private final long entrySize;
  private final boolean is64;
  private final String part;
  private final StringTable strings;
  private final ByteBuffer shndx;
  private final SymbolVersionReader.Versym versions;
  /** Each entry's {@code name.hashCode()}, filled by {@link #check} (which decodes every name once anyway). */
  private final int[] nameHashes;

  SymbolList(ByteBuffer entries, long fileOffset, int count, long entrySize, boolean is64, String part,
      StringTable strings, ByteBuffer shndx, SymbolVersionReader.Versym versions) {
    this.entries = entries;
    this.fileOffset = fileOffset;
    this.count = count;
    this.entrySize = entrySize;
    this.is64 = is64;
    this.part = part;
    this.strings = strings.quiet();
    this.shndx = shndx;
    this.versions = versions == null ? null : versions.quiet();
    this.nameHashes = new int[count];
  }

  /**
   * Reads every entry once as the eager reader did, recording its defects (a {@code SHN_XINDEX} without an extended
   * index, a bad name offset, an unknown version index) in table order, and keeping each name's hash. Called once,
   * before the table is handed out.
   */
  static void check(SymbolList table, StringTable strings, SymbolVersionReader.Versym versions, Defects defects) {
    for (int i = 0; i < table.count; i++) {
      int p = (int) (i * table.entrySize);
      int sh = table.sectionIndex(i, p, defects);
      long nameOff = ElfInput.u32(table.entries, p);
      if (nameOff != 0) {
        table.nameHashes[i] = strings.get(nameOff).hashCode();
      }
      if (versions != null) {
        versions.resolve(i, sh);
      }
    }
  }

  @Override
  public int size() {
    return count;
  }

  @Override
  public Symbol get(int i) {
    if (i < 0 || i >= count) {
      throw new IndexOutOfBoundsException("symbol " + i + " of " + count);
    }
    ByteBuffer b = entries;
    int p = (int) (i * entrySize);
    long nameOff = ElfInput.u32(b, p);
    int info;
    int other;
    long value;
    long sz;
    if (is64) {
      info = b.get(p + 4) & 0xff;
      other = b.get(p + 5) & 0xff;
      value = b.getLong(p + 8);
      sz = b.getLong(p + 16);
    } else {
      value = ElfInput.u32(b, p + 4);
      sz = ElfInput.u32(b, p + 8);
      info = b.get(p + 12) & 0xff;
      other = b.get(p + 13) & 0xff;
    }
    int sh = sectionIndex(i, p, null);
    String nm = nameOff == 0 ? "" : strings.get(nameOff);
    Optional<String> version = Optional.empty();
    Optional<String> library = Optional.empty();
    boolean hidden = false;
    if (versions != null) {
      SymbolVersionReader.Versym v = versions.quiet(); // its result fields are per call
      if (v.resolve(i, sh)) {
        version = v.version;
        library = v.library;
        hidden = v.hidden;
      }
    }
    return new Symbol(i, nm, value, sz, SymbolType.of(info & 0xf), info & 0xf, SymbolBinding.of(info >> 4),
        info >> 4, SymbolVisibility.of(other), other, sh, version, library, hidden);
  }

  /** Entry {@code i}'s name alone: no version resolved, no {@link Symbol} made. */
  String name(int i) {
    long nameOff = ElfInput.u32(entries, (int) (i * entrySize));
    return nameOff == 0 ? "" : strings.get(nameOff);
  }

  /** Entry {@code i}'s {@code name(i).hashCode()}, kept from the check: a look-up by name decodes only matches. */
  int nameHash(int i) {
    return nameHashes[i];
  }

  /** Whether entry {@code i} is defined ({@link Symbol#isDefined}), without its name. */
  boolean isDefined(int i) {
    return sectionIndex(i, (int) (i * entrySize), null) != Symbol.SHN_UNDEF;
  }

  /** Entry {@code i}'s {@code ELF_ST_TYPE(st_info)}, without its name. */
  int rawType(int i) {
    int p = (int) (i * entrySize);
    return entries.get(is64 ? p + 4 : p + 12) & 0xf;
  }

  /** Whether entry {@code i} is a defined function ({@link Symbol#isDefined}, {@link Symbol#isFunction}). */
  boolean isDefinedFunction(int i) {
    int p = (int) (i * entrySize);
    SymbolType type = SymbolType.of(entries.get(is64 ? p + 4 : p + 12) & 0xf);
    return (type == SymbolType.FUNC || type == SymbolType.GNU_IFUNC) && sectionIndex(i, p, null) != Symbol.SHN_UNDEF;
  }

  /** {@code st_shndx}, or the extended index for {@code SHN_XINDEX}; a missing one is a defect when checking. */
  private int sectionIndex(int i, int p, Defects defects) {
    int sh = ElfInput.u16(entries, is64 ? p + 6 : p + 14);
    if (sh == Symbol.SHN_XINDEX && shndx != null) {
      if ((long) i * 4 + 4 <= shndx.limit()) {
        long x = ElfInput.u32(shndx, i * 4);
        sh = x > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) x;
      } else if (defects != null) {
        defects.add(fileOffset + p, part, "symbol " + i + " has SHN_XINDEX but no SHT_SYMTAB_SHNDX entry");
      }
    }
    return sh;
  }
}
