package dev.wheeltapper.elf;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * Reads the symbol tables ({@code .symtab}, {@code .dynsym}; {@code Elf32_Sym} / {@code Elf64_Sym}) into
 * {@link Symbols}, with their string tables ({@code sh_link}), {@code SHN_XINDEX} through
 * {@code SHT_SYMTAB_SHNDX}, and the GNU versions of {@code .gnu.version} (see {@link SymbolVersionReader}). Without
 * section headers, {@code .dynsym} is found through {@code DT_SYMTAB} and counted by the hash tables
 * ({@link HashTableReader}).
 */
final class SymbolTableReader {
  private final ElfInput in;
  private final Defects defects;
  private final boolean is64;

  SymbolTableReader(ElfInput in) {
    this.in = in;
    this.defects = in.defects;
    this.is64 = in.is64;
  }

  /** The size of an {@code Elf64_Sym} / {@code Elf32_Sym}. */
  private int symSize() {
    return is64 ? 24 : 16;
  }

  Symbols readSymbols(SectionType kind) throws ElfFormatException {
    Sections secs;
    if (kind == SectionType.SYMTAB) {
      secs = in.file.sections();
    } else {
      secs = in.sectionsOrEmpty(".dynsym");
    }
    Optional<Section> table = secs.withType(kind).first();
    int std = symSize();
    if (table.isEmpty()) {
      return kind == SectionType.DYNSYM ? dynamicSymbolsWithoutSections() : new Symbols(List.of());
    }
    Section s = table.get();
    String part = ElfInput.name(s);
    long ent = s.entrySize();
    if (ent != std) {
      defects.add(s.offset(), part, "sh_entsize " + ent + ", expected " + std);
      if (ent < std) {
        ent = std;
      }
    }
    if (Long.remainderUnsigned(s.size(), ent) != 0) {
      defects.add(s.offset(), part, "size " + Long.toUnsignedString(s.size()) + " is not a multiple of the entry size " + ent);
    }
    long count = Long.divideUnsigned(s.size(), ent);
    StringTable strings = StringTable.EMPTY;
    Optional<Section> link = s.link() == s.index() ? Optional.empty() : secs.at(s.link());
    if (link.isEmpty()) {
      defects.add(s.offset(), part, "sh_link " + s.link() + " is not a string table index");
    } else {
      Section l = link.get();
      in.requireStringTable(s, l, part);
      if (l.hasFileBytes()) {
        try {
          strings = in.stringTable(l);
        } catch (ElfFormatException e) {
          defects.add(e.offset(), ElfInput.name(l), e.reason());
        }
      }
    }
    ByteBuffer shndx = null;
    for (Section x : secs.withType(SectionType.SYMTAB_SHNDX)) {
      if (x.link() == s.index()) {
        shndx = sectionBytes(x, shndx);
      }
    }
    ByteBuffer versym = null;
    if (kind == SectionType.DYNSYM) {
      for (Section x : secs.withType(SectionType.GNU_VERSYM)) {
        if (x.link() == s.index() || versym == null) {
          versym = sectionBytes(x, versym);
        }
      }
    }
    return symbols(s.offset(), count, ent, part, strings, shndx, versym);
  }

  /** A section's bytes, or {@code previous} (with a defect) when it starts past the end of the file. */
  private ByteBuffer sectionBytes(Section x, ByteBuffer previous) {
    try {
      return in.clipped(x.offset(), x.size(), ElfInput.name(x));
    } catch (ElfFormatException e) {
      defects.add(e.offset(), ElfInput.name(x), e.reason());
      return previous;
    }
  }

  /** .dynsym located through DT_SYMTAB when there are no section headers; counted by DT_HASH or DT_GNU_HASH. */
  private Symbols dynamicSymbolsWithoutSections() throws ElfFormatException {
    Dynamic d = in.file.dynamic();
    if (!d.has(DynamicTag.SYMTAB)) {
      return new Symbols(List.of());
    }
    Segments segs = in.segmentsOrEmpty("DT_SYMTAB");
    long addr = d.value(DynamicTag.SYMTAB).getAsLong();
    long off = ElfInput.fileOffset(segs, addr);
    if (off < 0) {
      throw new ElfFormatException(-1, "DT_SYMTAB address 0x" + Long.toHexString(addr) + " is in no PT_LOAD segment");
    }
    int std = symSize();
    long count = new HashTableReader(in).dynamicSymbolCount(d, segs, off, std);
    StringTable strings = in.file.dynamicStrings();
    ByteBuffer versym = null;
    if (d.has(DynamicTag.VERSYM)) {
      long vo = ElfInput.fileOffset(segs, d.value(DynamicTag.VERSYM).getAsLong());
      if (vo >= 0) {
        versym = in.clipped(vo, count * 2, "DT_VERSYM");
      }
    }
    return symbols(off, count, std, "DT_SYMTAB", strings, null, versym);
  }

  private Symbols symbols(
      long off, long count, long ent, String part, StringTable strings, ByteBuffer shndx, ByteBuffer versym)
      throws ElfFormatException {
    long size = in.size();
    long avail = off >= 0 && off <= size ? (size - off) / ent : 0;
    if (count > avail || count < 0) {
      defects.add(off, part, Long.toUnsignedString(count) + " entries declared, only " + avail + " in the file");
      count = avail;
    }
    ElfLimits limits = in.limits;
    if (count > limits.maxSymbols()) {
      defects.add(off, part, count + " entries, cut at the limit of " + limits.maxSymbols());
      count = limits.maxSymbols();
    }
    int n = (int) count;
    if (n == 0) {
      return new Symbols(List.of());
    }
    ByteBuffer b = in.region(off, n * ent, part);
    SymbolVersionReader.Versym versions = versym == null ? null : new SymbolVersionReader(in).versym(versym, n);
    SymbolList table = new SymbolList(b, off, n, ent, is64, part, strings, shndx, versions);
    SymbolList.check(table, strings, versions, defects);
    return Symbols.decodedOnAccess(table);
  }
}
