package dev.wheeltapper.elf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the section header table ({@code e_shoff}, {@code e_shentsize}, {@code e_shnum}) into {@link Sections}: each
 * {@code Elf_Shdr} as a {@link SectionHeader}, the names through the section name string table
 * ({@code e_shstrndx}), and the extended numbering through section header 0.
 */
final class SectionHeaderReader {
  /** {@code SHN_XINDEX} in {@code e_shstrndx}: the index is in section header 0's {@code sh_link}. */
  static final int SHN_XINDEX = 0xffff;

  private final ElfInput in;
  private final ElfHeader header;
  private final Defects defects;
  private final boolean is64;

  SectionHeaderReader(ElfInput in) {
    this.in = in;
    this.header = in.header;
    this.defects = in.defects;
    this.is64 = in.is64;
  }

  private void checkShentsize() throws ElfFormatException {
    int size = SectionHeader.size(is64);
    if (header.shentsize() < size) {
      throw new ElfFormatException(
          is64 ? 58 : 46, "e_shentsize " + header.shentsize() + " is smaller than a section header (" + size + ")");
    }
  }

  /** Section header 0, which holds the real counts when they do not fit the ELF header. */
  SectionHeader readSectionZero() throws ElfFormatException {
    if (header.shoff() == 0) {
      throw new ElfFormatException(-1, "no section header table (e_shoff is 0) to resolve extended numbering");
    }
    checkShentsize();
    return SectionHeader.read(in.region(header.shoff(), SectionHeader.size(is64), "section header 0"), 0, is64);
  }

  Sections readSections() throws ElfFormatException {
    long shoff = header.shoff();
    if (shoff == 0) {
      return new Sections(List.of());
    }
    checkShentsize();
    long count = header.shnum();
    if (count == 0) {
      count = in.file.sectionZero().size();
    }
    if (count == 0) {
      return new Sections(List.of());
    }
    ElfLimits limits = in.limits;
    if (Long.compareUnsigned(count, limits.maxSections()) > 0) {
      // a limit is a finding, not a failure: read the first maxSections headers and say so
      defects.add(shoff, "section header table",
          Long.toUnsignedString(count) + " entries, cut at the limit of " + limits.maxSections());
      count = limits.maxSections();
    }
    int n = (int) count;
    int ent = header.shentsize();
    ByteBuffer tab = in.region(shoff, (long) n * ent, "section header table of " + n + " entries");
    long phEnd = header.phoff() + (long) header.phnum() * header.phentsize();
    if (shoff < header.ehsize()
        || (header.phnum() != 0 && shoff < phEnd && header.phoff() < shoff + (long) n * ent)) {
      defects.add(shoff, "section headers", "the section header table overlaps the ELF header or the program headers");
    }
    List<SectionHeader> raw = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      raw.add(SectionHeader.read(tab, i * ent, is64));
    }
    StringTable names = names(raw, shoff, ent, n);
    List<Section> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      SectionHeader s = raw.get(i);
      String nm = i == 0 && s.name() == 0 ? "" : names.get(s.name());
      out.add(new Section(i, nm, SectionType.of(s.type()), s.type(), s.flags(), s.addr(), s.offset(), s.size(),
          s.link(), s.info(), s.addralign(), s.entsize()));
    }
    return new Sections(out);
  }

  /** The section name string table named by {@code e_shstrndx}, or an empty one (with a defect) when unusable. */
  private StringTable names(List<SectionHeader> raw, long shoff, int ent, int n) {
    long strndx = header.shstrndx();
    if (strndx == SHN_XINDEX) {
      strndx = raw.get(0).link();
    }
    if (strndx == 0) {
      return StringTable.EMPTY;
    }
    if (strndx >= n) {
      defects.add(is64 ? 62 : 50, "ELF header", "e_shstrndx " + strndx + " is not a section index (" + n + " sections)");
      return StringTable.EMPTY;
    }
    SectionHeader s = raw.get((int) strndx);
    if (s.type() == 8) {
      defects.add(shoff + strndx * ent, "section name string table", "is SHT_NOBITS");
      return StringTable.EMPTY;
    }
    if (s.type() != 3) {
      // read anyway, as readelf does, but a name table of another type is a lie worth reporting
      defects.add(shoff + strndx * ent, "section name string table",
          "e_shstrndx " + strndx + " names a section of type 0x" + Long.toHexString(s.type()) + ", not SHT_STRTAB");
    }
    try {
      return in.strings(s.offset(), s.size(), "section name string table");
    } catch (ElfFormatException e) {
      defects.add(e.offset(), "section name string table", e.reason());
      return StringTable.EMPTY;
    }
  }
}
