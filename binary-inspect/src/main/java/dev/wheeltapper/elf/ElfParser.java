package dev.wheeltapper.elf;

import dev.wheeltapper.bytes.ByteSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The raw layer of the ELF reader: bounded reads from the {@link ByteSource} and the decoding of each table into the
 * typed model. Every offset and size is checked before reading; damage that leaves the rest usable is recorded in
 * {@link Defects}. Tables it depends on are asked of the owning {@link ElfFile}, which memoizes them.
 */
final class ElfParser {
  static final int SHN_XINDEX = 0xffff;
  static final int PN_XNUM = 0xffff;

  private final ElfFile file;
  private final ByteSource src;
  private final ElfLimits limits;
  private final Defects defects;
  private final ElfHeader header;
  private final ByteOrder order;
  private final boolean is64;

  ElfParser(ElfFile file, ByteSource src, ElfLimits limits, Defects defects) throws ElfFormatException {
    this.file = file;
    this.src = src;
    this.limits = limits;
    this.defects = defects;
    this.header = readHeader();
    this.order = header.byteOrder();
    this.is64 = header.is64();
  }

  ElfHeader header() {
    return header;
  }

  // ---------------------------------------------------------------- raw reading

  ByteBuffer region(long offset, long length, String what) throws ElfFormatException {
    if (length < 0 || length > Integer.MAX_VALUE - 8 || !src.contains(offset, length)) {
      throw new ElfFormatException(
          offset,
          what + " (" + Long.toUnsignedString(length) + " bytes at 0x" + Long.toHexString(offset)
              + ") extends past the end of the file (" + src.size() + " bytes)");
    }
    try {
      return src.slice(offset, (int) length).order(order == null ? ByteOrder.BIG_ENDIAN : order);
    } catch (IOException e) {
      throw new ElfFormatException(offset, "cannot read " + what + ": " + e.getMessage(), e);
    }
  }

  /**
   * The readable part of {@code [offset, offset+length)}, recording a defect when it is cut. The result is a view of
   * the source (a mapping or buffer), so nothing is allocated from the declared length.
   */
  private ByteBuffer clipped(long offset, long length, String part) throws ElfFormatException {
    long size = src.size();
    if (offset < 0 || offset > size) {
      throw new ElfFormatException(offset, part + " starts past the end of the file (" + size + " bytes)");
    }
    long avail = size - offset;
    long len = length;
    if (length < 0 || Long.compareUnsigned(length, avail) > 0) {
      defects.add(offset, part, Long.toUnsignedString(length) + " bytes declared, only " + avail + " in the file");
      len = avail;
    }
    if (len > Integer.MAX_VALUE - 8) {
      // tables are views of the mapping, not copies; only a single view's int size bounds them
      defects.add(offset, part, len + " bytes, cut at 2 GiB");
      len = Integer.MAX_VALUE - 8;
    }
    return region(offset, len, part);
  }

  private int u16(ByteBuffer b, int pos) {
    return b.getShort(pos) & 0xffff;
  }

  private long u32(ByteBuffer b, int pos) {
    return b.getInt(pos) & 0xffffffffL;
  }

  private long word(ByteBuffer b, int pos) {
    return is64 ? b.getLong(pos) : b.getInt(pos) & 0xffffffffL;
  }

  static String name(Section s) {
    return s.name().isEmpty() ? "[" + s.index() + "]" : s.name();
  }

  ElfHeader readHeader() throws ElfFormatException {
    long size = src.size();
    if (size < 16) {
      throw new ElfFormatException(0, "file of " + size + " bytes is too short for an ELF identification");
    }
    ByteBuffer id = region(0, 16, "e_ident");
    if (id.getInt(0) != 0x7f454c46) {
      throw new ElfFormatException(0, "not an ELF file: bad magic");
    }
    int cls = id.get(4) & 0xff;
    int data = id.get(5) & 0xff;
    if (cls != 1 && cls != 2) {
      throw new ElfFormatException(4, "invalid EI_CLASS " + cls);
    }
    if (data != 1 && data != 2) {
      throw new ElfFormatException(5, "invalid EI_DATA " + data);
    }
    int identVersion = id.get(6) & 0xff;
    if (identVersion != 1) {
      throw new ElfFormatException(6, "invalid EI_VERSION " + identVersion);
    }
    boolean b64 = cls == 2;
    int hsize = b64 ? 64 : 52;
    if (size < hsize) {
      throw new ElfFormatException(0, "file of " + size + " bytes is too short for the " + hsize + "-byte ELF header");
    }
    ByteBuffer h = region(0, hsize, "ELF header").order(data == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    int type = h.getShort(16) & 0xffff;
    int machine = h.getShort(18) & 0xffff;
    long version = h.getInt(20) & 0xffffffffL;
    long entry;
    long phoff;
    long shoff;
    int p;
    if (b64) {
      entry = h.getLong(24);
      phoff = h.getLong(32);
      shoff = h.getLong(40);
      p = 48;
    } else {
      entry = h.getInt(24) & 0xffffffffL;
      phoff = h.getInt(28) & 0xffffffffL;
      shoff = h.getInt(32) & 0xffffffffL;
      p = 36;
    }
    long flags = h.getInt(p) & 0xffffffffL;
    int ehsize = h.getShort(p + 4) & 0xffff;
    int phentsize = h.getShort(p + 6) & 0xffff;
    int phnum = h.getShort(p + 8) & 0xffff;
    int shentsize = h.getShort(p + 10) & 0xffff;
    int shnum = h.getShort(p + 12) & 0xffff;
    int shstrndx = h.getShort(p + 14) & 0xffff;
    if (version != 1) {
      defects.add(20, "ELF header", "e_version is " + version + ", expected 1");
    }
    if (ehsize != hsize) {
      defects.add(p + 4, "ELF header", "e_ehsize is " + ehsize + ", expected " + hsize);
    }
    return new ElfHeader(
        b64 ? 64 : 32,
        data == 1,
        id.get(7) & 0xff,
        id.get(8) & 0xff,
        ElfType.of(type),
        type,
        Machine.of(machine),
        machine,
        version,
        entry,
        phoff,
        shoff,
        flags,
        ehsize,
        phentsize,
        phnum,
        shentsize,
        shnum,
        shstrndx);
  }

  // ---------------------------------------------------------------- section headers

  private int shdrSize() {
    return is64 ? 64 : 40;
  }

  /** Raw fields of one section header: name, type, flags, addr, offset, size, link, info, addralign, entsize. */
  private long[] shdr(ByteBuffer b, int pos) {
    if (is64) {
      return new long[] {
        u32(b, pos), u32(b, pos + 4), b.getLong(pos + 8), b.getLong(pos + 16), b.getLong(pos + 24),
        b.getLong(pos + 32), u32(b, pos + 40), u32(b, pos + 44), b.getLong(pos + 48), b.getLong(pos + 56)
      };
    }
    long[] r = new long[10];
    for (int i = 0; i < 10; i++) {
      r[i] = u32(b, pos + 4 * i);
    }
    return r;
  }

  private void checkShentsize() throws ElfFormatException {
    if (header.shentsize() < shdrSize()) {
      throw new ElfFormatException(
          is64 ? 58 : 46, "e_shentsize " + header.shentsize() + " is smaller than a section header (" + shdrSize() + ")");
    }
  }

  long[] readSectionZero() throws ElfFormatException {
    if (header.shoff() == 0) {
      throw new ElfFormatException(-1, "no section header table (e_shoff is 0) to resolve extended numbering");
    }
    checkShentsize();
    return shdr(region(header.shoff(), shdrSize(), "section header 0"), 0);
  }

  Sections readSections() throws ElfFormatException {
    long shoff = header.shoff();
    if (shoff == 0) {
      return new Sections(List.of());
    }
    checkShentsize();
    long count = header.shnum();
    if (count == 0) {
      count = file.sectionZero()[5];
    }
    if (count == 0) {
      return new Sections(List.of());
    }
    if (Long.compareUnsigned(count, limits.maxSections()) > 0) {
      // a limit is a finding, not a failure: read the first maxSections headers and say so
      defects.add(shoff, "section header table",
          Long.toUnsignedString(count) + " entries, cut at the limit of " + limits.maxSections());
      count = limits.maxSections();
    }
    int n = (int) count;
    int ent = header.shentsize();
    ByteBuffer tab = region(shoff, (long) n * ent, "section header table of " + n + " entries");
    long phEnd = header.phoff() + (long) header.phnum() * header.phentsize();
    if (shoff < header.ehsize()
        || (header.phnum() != 0 && shoff < phEnd && header.phoff() < shoff + (long) n * ent)) {
      defects.add(shoff, "section headers", "the section header table overlaps the ELF header or the program headers");
    }
    List<long[]> raw = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      raw.add(shdr(tab, i * ent));
    }
    long strndx = header.shstrndx();
    if (strndx == SHN_XINDEX) {
      strndx = raw.get(0)[6];
    }
    StringTable names = StringTable.EMPTY;
    if (strndx != 0) {
      if (strndx >= n) {
        defects.add(is64 ? 62 : 50, "ELF header", "e_shstrndx " + strndx + " is not a section index (" + n + " sections)");
      } else {
        long[] s = raw.get((int) strndx);
        if (s[1] == 8) {
          defects.add(shoff + strndx * ent, "section name string table", "is SHT_NOBITS");
        } else {
          if (s[1] != 3) {
            // read anyway, as readelf does, but a name table of another type is a lie worth reporting
            defects.add(shoff + strndx * ent, "section name string table",
                "e_shstrndx " + strndx + " names a section of type 0x" + Long.toHexString(s[1]) + ", not SHT_STRTAB");
          }
          try {
            names = new StringTable(
                clipped(s[4], s[5], "section name string table"), s[4], "section name string table", defects,
                limits.maxStringLength());
          } catch (ElfFormatException e) {
            defects.add(e.offset(), "section name string table", e.reason());
          }
        }
      }
    }
    List<Section> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long[] s = raw.get(i);
      String nm = i == 0 && s[0] == 0 ? "" : names.get(s[0]);
      out.add(new Section(i, nm, SectionType.of(s[1]), s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9]));
    }
    return new Sections(out);
  }

  private Sections sectionsOrEmpty(String forWhat) {
    try {
      return file.sections();
    } catch (ElfFormatException e) {
      defects.add(e.offset(), forWhat, "section headers unusable: " + e.reason());
      return new Sections(List.of());
    }
  }

  // ---------------------------------------------------------------- program headers

  Segments readSegments() throws ElfFormatException {
    long phoff = header.phoff();
    long count = header.phnum();
    if (count == PN_XNUM) {
      count = file.sectionZero()[7];
    }
    if (phoff == 0 || count == 0) {
      return new Segments(List.of());
    }
    int size = is64 ? 56 : 32;
    if (header.phentsize() < size) {
      throw new ElfFormatException(
          is64 ? 54 : 42, "e_phentsize " + header.phentsize() + " is smaller than a program header (" + size + ")");
    }
    if (Long.compareUnsigned(count, limits.maxSegments()) > 0) {
      defects.add(phoff, "program header table",
          Long.toUnsignedString(count) + " entries, cut at the limit of " + limits.maxSegments());
      count = limits.maxSegments();
    }
    int n = (int) count;
    int ent = header.phentsize();
    ByteBuffer tab = region(phoff, (long) n * ent, "program header table of " + n + " entries");
    List<Segment> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int p = i * ent;
      long type = u32(tab, p);
      Segment s;
      if (is64) {
        s = new Segment(i, SegmentType.of(type), type, u32(tab, p + 4), tab.getLong(p + 8), tab.getLong(p + 16),
            tab.getLong(p + 24), tab.getLong(p + 32), tab.getLong(p + 40), tab.getLong(p + 48));
      } else {
        s = new Segment(i, SegmentType.of(type), type, u32(tab, p + 24), u32(tab, p + 4), u32(tab, p + 8),
            u32(tab, p + 12), u32(tab, p + 16), u32(tab, p + 20), u32(tab, p + 28));
      }
      if (s.type() == SegmentType.LOAD) {
        if (Long.compareUnsigned(s.fileSize(), s.memorySize()) > 0) {
          defects.add(phoff + p, "program header " + i, "p_filesz exceeds p_memsz");
        }
        if (s.alignment() > 1 && Long.bitCount(s.alignment()) != 1) {
          defects.add(phoff + p, "program header " + i, "p_align 0x" + Long.toHexString(s.alignment()) + " is not a power of two");
        }
      }
      out.add(s);
    }
    if (phoff < header.ehsize()) {
      defects.add(phoff, "program headers", "the program header table overlaps the ELF header");
    }
    checkLoadOverlaps(out, phoff, ent);
    return new Segments(out);
  }

  private Segments segmentsOrEmpty(String forWhat) {
    try {
      return file.segments();
    } catch (ElfFormatException e) {
      defects.add(e.offset(), forWhat, "program headers unusable: " + e.reason());
      return new Segments(List.of());
    }
  }

  /** PT_LOAD segments whose memory ranges overlap: the loader would map one over the other. */
  private void checkLoadOverlaps(List<Segment> segs, long phoff, int ent) {
    List<Segment> loads = new ArrayList<>();
    for (Segment s : segs) {
      if (s.type() == SegmentType.LOAD && s.memorySize() != 0) {
        loads.add(s);
      }
    }
    if (loads.size() > 64) {
      return; // quadratic check kept for ordinary files; more loads than this is itself unusual
    }
    for (int i = 0; i < loads.size(); i++) {
      for (int j = i + 1; j < loads.size(); j++) {
        Segment a = loads.get(i);
        Segment b = loads.get(j);
        long aEnd = a.virtualAddress() + a.memorySize();
        long bEnd = b.virtualAddress() + b.memorySize();
        if (Long.compareUnsigned(a.virtualAddress(), bEnd) < 0 && Long.compareUnsigned(b.virtualAddress(), aEnd) < 0) {
          defects.add(phoff + (long) b.index() * ent, "program header " + b.index(),
              "PT_LOAD overlaps PT_LOAD " + a.index() + " in memory");
        }
      }
    }
  }

  /** The file offset of a virtual address through the PT_LOAD segments, or -1. */
  private long fileOffset(Segments segs, long address) {
    Optional<Segment> s = segs.loadContaining(address);
    return s.map(seg -> seg.offset() + (address - seg.virtualAddress())).orElse(-1L);
  }

  /** How many file-backed bytes follow a virtual address inside its PT_LOAD segment, or -1. */
  private long fileBytesAfter(Segments segs, long address) {
    Optional<Segment> s = segs.loadContaining(address);
    return s.map(seg -> seg.fileSize() - (address - seg.virtualAddress())).orElse(-1L);
  }

  // ---------------------------------------------------------------- dynamic

  Dynamic readDynamic() throws ElfFormatException {
    Segments segs = segmentsOrEmpty("dynamic table");
    Sections secs = sectionsOrEmpty("dynamic table");
    Segments pts = segs.ofType(SegmentType.DYNAMIC);
    Optional<Section> sh = secs.withType(SectionType.DYNAMIC).first();
    long off;
    long len;
    Dynamic.Origin origin;
    if (!pts.isEmpty()) {
      Segment pt = pts.list().get(0);
      if (pts.size() > 1) {
        defects.add(-1, "PT_DYNAMIC", pts.size() + " PT_DYNAMIC segments; the first is used");
      }
      off = pt.offset();
      len = pt.fileSize();
      origin = Dynamic.Origin.SEGMENT;
      if (sh.isPresent() && sh.get().offset() != off) {
        defects.add(sh.get().offset(), "SHT_DYNAMIC",
            "section at 0x" + Long.toHexString(sh.get().offset()) + " disagrees with PT_DYNAMIC at 0x" + Long.toHexString(off));
      }
    } else if (sh.isPresent()) {
      off = sh.get().offset();
      len = sh.get().size();
      origin = Dynamic.Origin.SECTION;
    } else {
      return new Dynamic(List.of(), Dynamic.Origin.NONE, -1);
    }
    String part = origin == Dynamic.Origin.SEGMENT ? "PT_DYNAMIC" : "SHT_DYNAMIC";
    ByteBuffer b = clipped(off, len, part);
    int ent = is64 ? 16 : 8;
    long max = b.limit() / ent;
    if (max > limits.maxDynamicEntries()) {
      defects.add(off, part, max + " entries, cut at the limit of " + limits.maxDynamicEntries());
      max = limits.maxDynamicEntries();
    }
    long[] tags = new long[(int) max];
    long[] vals = new long[(int) max];
    int n = 0;
    boolean terminated = false;
    for (int i = 0; i < max; i++) {
      long tag = word(b, i * ent);
      if (!is64) {
        tag = (int) tag; // d_tag is signed Elf32_Sword
      }
      if (tag == 0) {
        terminated = true;
        break;
      }
      tags[n] = tag;
      vals[n] = word(b, i * ent + (is64 ? 8 : 4));
      n++;
    }
    if (!terminated) {
      defects.add(off, part, "no DT_NULL terminator within " + max + " entries");
    }
    long[] singletons = {5, 6, 10, 14, 30, 0x6ffffffbL, 4, 0x6ffffef5L};
    for (long t : singletons) {
      int seen = 0;
      for (int i = 0; i < n; i++) {
        if (tags[i] == t) {
          seen++;
        }
      }
      if (seen > 1) {
        defects.add(off, part, DynamicTag.of(t, header.machine()) + " appears " + seen + " times");
      }
    }
    boolean needStrings = false;
    for (int i = 0; i < n; i++) {
      needStrings |= DynamicEntry.isStringTag(tags[i]);
    }
    StringTable strings = StringTable.EMPTY;
    if (needStrings) {
      strings = dynamicStringTable(tags, vals, n, segs, secs, sh);
    }
    List<DynamicEntry> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Optional<String> s = Optional.empty();
      if (DynamicEntry.isStringTag(tags[i]) && strings != StringTable.EMPTY) {
        s = Optional.of(strings.get(vals[i]));
      }
      out.add(new DynamicEntry(i, DynamicTag.of(tags[i], header.machine()), tags[i], vals[i], s));
    }
    return new Dynamic(out, origin, off);
  }

  private StringTable dynamicStringTable(
      long[] tags, long[] vals, int n, Segments segs, Sections secs, Optional<Section> dynSection) {
    // the loader reads DT_STRTAB, but a section header that says otherwise is a contradiction worth a defect
    dynSection.ifPresent(d -> secs.at(d.link()).ifPresent(l -> requireStringTable(d, l, name(d))));
    long strtab = -1;
    long strsz = -1;
    for (int i = 0; i < n; i++) {
      if (tags[i] == 5 && strtab == -1) {
        strtab = vals[i];
      } else if (tags[i] == 10 && strsz == -1) {
        strsz = vals[i];
      }
    }
    if (strtab != -1) {
      long fo = fileOffset(segs, strtab);
      if (fo >= 0) {
        long avail = fileBytesAfter(segs, strtab);
        long len = strsz < 0 ? avail : strsz;
        if (strsz >= 0 && Long.compareUnsigned(strsz, avail) > 0) {
          defects.add(fo, "DT_STRTAB", "DT_STRSZ " + Long.toUnsignedString(strsz) + " runs past its PT_LOAD segment");
          len = avail;
        }
        try {
          return new StringTable(clipped(fo, len, "DT_STRTAB"), fo, "DT_STRTAB", defects, limits.maxStringLength());
        } catch (ElfFormatException e) {
          defects.add(e.offset(), "DT_STRTAB", e.reason());
        }
      } else {
        defects.add(-1, "DT_STRTAB", "address 0x" + Long.toHexString(strtab) + " is in no PT_LOAD segment");
      }
    } else {
      defects.add(-1, "dynamic table", "no DT_STRTAB");
    }
    if (dynSection.isPresent()) {
      Optional<Section> link = secs.at(dynSection.get().link());
      if (link.isPresent()) {
        try {
          Section s = link.get();
          return new StringTable(clipped(s.offset(), s.size(), name(s)), s.offset(), name(s), defects, limits.maxStringLength());
        } catch (ElfFormatException e) {
          defects.add(e.offset(), "dynamic string section", e.reason());
        }
      }
    }
    return StringTable.EMPTY;
  }

  StringTable readDynamicStrings() throws ElfFormatException {
    Dynamic d = file.dynamic();
    long[] tags = new long[d.entries().size()];
    long[] vals = new long[tags.length];
    for (int i = 0; i < tags.length; i++) {
      tags[i] = d.entries().get(i).rawTag();
      vals[i] = d.entries().get(i).value();
    }
    Sections secs = sectionsOrEmpty("dynamic strings");
    return dynamicStringTable(
        tags, vals, tags.length, segmentsOrEmpty("dynamic strings"), secs, secs.withType(SectionType.DYNAMIC).first());
  }

  // ---------------------------------------------------------------- symbols

  Symbols readSymbols(SectionType kind) throws ElfFormatException {
    Sections secs;
    if (kind == SectionType.SYMTAB) {
      secs = file.sections();
    } else {
      secs = sectionsOrEmpty(".dynsym");
    }
    Optional<Section> table = secs.withType(kind).first();
    int std = is64 ? 24 : 16;
    if (table.isEmpty()) {
      return kind == SectionType.DYNSYM ? dynamicSymbolsWithoutSections() : new Symbols(List.of());
    }
    Section s = table.get();
    String part = name(s);
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
      requireStringTable(s, l, part);
      if (l.hasFileBytes()) {
        try {
          strings = new StringTable(clipped(l.offset(), l.size(), name(l)), l.offset(), name(l), defects,
              limits.maxStringLength());
        } catch (ElfFormatException e) {
          defects.add(e.offset(), name(l), e.reason());
        }
      }
    }
    ByteBuffer shndx = null;
    for (Section x : secs.withType(SectionType.SYMTAB_SHNDX)) {
      if (x.link() == s.index()) {
        try {
          shndx = clipped(x.offset(), x.size(), name(x));
        } catch (ElfFormatException e) {
          defects.add(e.offset(), name(x), e.reason());
        }
      }
    }
    ByteBuffer versym = null;
    if (kind == SectionType.DYNSYM) {
      for (Section x : secs.withType(SectionType.GNU_VERSYM)) {
        if (x.link() == s.index() || versym == null) {
          try {
            versym = clipped(x.offset(), x.size(), name(x));
          } catch (ElfFormatException e) {
            defects.add(e.offset(), name(x), e.reason());
          }
        }
      }
    }
    return symbols(s.offset(), count, ent, part, strings, shndx, versym);
  }

  /**
   * Records a defect when {@code owner}'s {@code sh_link} names a section that is not {@code SHT_STRTAB}. The
   * strings are still read from it (readelf does the same), so a mislabelled but usable table keeps its names.
   */
  private void requireStringTable(Section owner, Section link, String part) {
    if (link.type() != SectionType.STRTAB) {
      defects.add(owner.offset(), part, "sh_link " + owner.link() + " points to " + name(link) + ", which is not SHT_STRTAB");
    }
  }

  /** .dynsym located through DT_SYMTAB when there are no section headers; counted by DT_HASH or DT_GNU_HASH. */
  private Symbols dynamicSymbolsWithoutSections() throws ElfFormatException {
    Dynamic d = file.dynamic();
    if (!d.has(DynamicTag.SYMTAB)) {
      return new Symbols(List.of());
    }
    Segments segs = segmentsOrEmpty("DT_SYMTAB");
    long addr = d.value(DynamicTag.SYMTAB).getAsLong();
    long off = fileOffset(segs, addr);
    if (off < 0) {
      throw new ElfFormatException(-1, "DT_SYMTAB address 0x" + Long.toHexString(addr) + " is in no PT_LOAD segment");
    }
    int std = is64 ? 24 : 16;
    long count = dynamicSymbolCount(d, segs, off, std);
    StringTable strings = file.dynamicStrings();
    ByteBuffer versym = null;
    if (d.has(DynamicTag.VERSYM)) {
      long vo = fileOffset(segs, d.value(DynamicTag.VERSYM).getAsLong());
      if (vo >= 0) {
        versym = clipped(vo, count * 2, "DT_VERSYM");
      }
    }
    return symbols(off, count, std, "DT_SYMTAB", strings, null, versym);
  }

  private long dynamicSymbolCount(Dynamic d, Segments segs, long symOff, int ent) {
    long fileLimit = (src.size() - symOff) / ent;
    if (d.has(DynamicTag.HASH)) {
      long ho = fileOffset(segs, d.value(DynamicTag.HASH).getAsLong());
      if (ho >= 0 && src.contains(ho, 8)) {
        try {
          // nchain is the symbol count; symbols() bounds it by the file and records a defect when it lies
          return u32(region(ho, 8, "DT_HASH"), 4);
        } catch (ElfFormatException e) {
          defects.add(e.offset(), "DT_HASH", e.reason());
        }
      }
    }
    if (d.has(DynamicTag.GNU_HASH)) {
      long go = fileOffset(segs, d.value(DynamicTag.GNU_HASH).getAsLong());
      try {
        ByteBuffer h = region(go, 16, "DT_GNU_HASH");
        long nbuckets = u32(h, 0);
        long symoffset = u32(h, 4);
        long bloomSize = u32(h, 8);
        long bucketsOff = go + 16 + bloomSize * (is64 ? 8 : 4);
        if (nbuckets > limits.maxSymbols() || bloomSize > limits.maxSymbols()) {
          throw new ElfFormatException(go, "DT_GNU_HASH sizes are implausible");
        }
        ByteBuffer buckets = region(bucketsOff, nbuckets * 4, "DT_GNU_HASH buckets");
        long maxSym = 0;
        for (int i = 0; i < nbuckets; i++) {
          maxSym = Math.max(maxSym, u32(buckets, i * 4));
        }
        if (maxSym < symoffset) {
          return Math.min(symoffset, fileLimit);
        }
        long chains = bucketsOff + nbuckets * 4;
        long bound = Math.min(fileLimit, limits.maxSymbols());
        // Walk the last chain to its end bit; bounded by the symbol limit and the file.
        boolean ended = false;
        while (maxSym < bound) {
          long co = chains + (maxSym - symoffset) * 4;
          if (!src.contains(co, 4)) {
            defects.add(co, "DT_GNU_HASH", "chain runs past the end of the file");
            break;
          }
          long v = u32(region(co, 4, "DT_GNU_HASH chain"), 0);
          maxSym++;
          if ((v & 1) != 0) {
            ended = true;
            break;
          }
        }
        if (!ended) {
          defects.add(chains, "DT_GNU_HASH", "the last hash chain has no end within " + maxSym + " symbols");
        }
        return Math.min(maxSym, fileLimit);
      } catch (ElfFormatException e) {
        defects.add(e.offset(), "DT_GNU_HASH", e.reason());
      }
    }
    defects.add(symOff, "DT_SYMTAB", "no usable DT_HASH or DT_GNU_HASH to count the dynamic symbols");
    return 0;
  }

  private Symbols symbols(
      long off, long count, long ent, String part, StringTable strings, ByteBuffer shndx, ByteBuffer versym)
      throws ElfFormatException {
    long avail = off >= 0 && off <= src.size() ? (src.size() - off) / ent : 0;
    if (count > avail || count < 0) {
      defects.add(off, part, Long.toUnsignedString(count) + " entries declared, only " + avail + " in the file");
      count = avail;
    }
    if (count > limits.maxSymbols()) {
      defects.add(off, part, count + " entries, cut at the limit of " + limits.maxSymbols());
      count = limits.maxSymbols();
    }
    int n = (int) count;
    if (n == 0) {
      return new Symbols(List.of());
    }
    ByteBuffer b = region(off, n * ent, part);
    Map<Integer, RequiredVersion> needs = Map.of();
    Map<Integer, String> defs = Map.of();
    if (versym != null) {
      if (versym.limit() / 2 < n) {
        defects.add(-1, "version symbols", (versym.limit() / 2) + " entries for " + n + " symbols");
      }
      needs = new HashMap<>();
      defs = new HashMap<>();
      try {
        for (RequiredVersion r : file.versionRequirements()) {
          needs.putIfAbsent(r.index(), r);
        }
      } catch (ElfFormatException e) {
        defects.add(e.offset(), "version requirements", e.reason());
      }
      try {
        for (VersionDefinition dv : file.versionDefinitions()) {
          defs.putIfAbsent(dv.index(), dv.name());
        }
      } catch (ElfFormatException e) {
        defects.add(e.offset(), "version definitions", e.reason());
      }
    }
    List<Symbol> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int p = (int) (i * ent);
      long nameOff = u32(b, p);
      int info;
      int other;
      int sh;
      long value;
      long size;
      if (is64) {
        info = b.get(p + 4) & 0xff;
        other = b.get(p + 5) & 0xff;
        sh = u16(b, p + 6);
        value = b.getLong(p + 8);
        size = b.getLong(p + 16);
      } else {
        value = u32(b, p + 4);
        size = u32(b, p + 8);
        info = b.get(p + 12) & 0xff;
        other = b.get(p + 13) & 0xff;
        sh = u16(b, p + 14);
      }
      if (sh == Symbol.SHN_XINDEX && shndx != null) {
        if ((long) i * 4 + 4 <= shndx.limit()) {
          long x = u32(shndx, i * 4);
          sh = x > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) x;
        } else {
          defects.add(off + p, part, "symbol " + i + " has SHN_XINDEX but no SHT_SYMTAB_SHNDX entry");
        }
      }
      String nm = nameOff == 0 ? "" : strings.get(nameOff);
      Optional<String> version = Optional.empty();
      Optional<String> library = Optional.empty();
      boolean hidden = false;
      if (versym != null && i * 2 + 2 <= versym.limit()) {
        int vs = u16(versym, i * 2);
        int idx = vs & 0x7fff;
        hidden = (vs & 0x8000) != 0;
        if (idx >= 2) {
          RequiredVersion r = needs.get(idx);
          String dname = defs.get(idx);
          if (sh == Symbol.SHN_UNDEF && r != null) {
            version = Optional.of(r.name());
            library = Optional.of(r.library());
          } else if (dname != null) {
            version = Optional.of(dname);
          } else if (r != null) {
            version = Optional.of(r.name());
            library = Optional.of(r.library());
          } else {
            defects.add(-1, "version symbols", "symbol " + i + " refers to undefined version index " + idx);
          }
        }
      }
      out.add(new Symbol(i, nm, value, size, SymbolType.of(info & 0xf), info & 0xf, SymbolBinding.of(info >> 4),
          info >> 4, SymbolVisibility.of(other), other, sh, version, library, hidden));
    }
    return new Symbols(out);
  }

  // ---------------------------------------------------------------- versions

  /** A version table: its bytes, its string table, its declared entry count, and its name for defects. */
  private static final class VersionTable {
    final ByteBuffer bytes;
    final long offset;
    final StringTable strings;
    final long count;
    final String part;

    VersionTable(ByteBuffer bytes, long offset, StringTable strings, long count, String part) {
      this.bytes = bytes;
      this.offset = offset;
      this.strings = strings;
      this.count = count;
      this.part = part;
    }
  }

  private Optional<VersionTable> versionTable(SectionType type, DynamicTag addrTag, DynamicTag numTag)
      throws ElfFormatException {
    Sections secs = sectionsOrEmpty(type == SectionType.GNU_VERNEED ? ".gnu.version_r" : ".gnu.version_d");
    Optional<Section> sec = secs.withType(type).first();
    if (sec.isPresent()) {
      Section s = sec.get();
      StringTable strings = StringTable.EMPTY;
      Optional<Section> link = secs.at(s.link());
      if (link.isPresent() && link.get().hasFileBytes()) {
        Section l = link.get();
        requireStringTable(s, l, name(s));
        strings = new StringTable(clipped(l.offset(), l.size(), name(l)), l.offset(), name(l), defects, limits.maxStringLength());
      } else {
        defects.add(s.offset(), name(s), "sh_link " + s.link() + " is not a string table");
      }
      return Optional.of(new VersionTable(clipped(s.offset(), s.size(), name(s)), s.offset(), strings, s.info(), name(s)));
    }
    if (!secs.isEmpty()) {
      return Optional.empty();
    }
    Dynamic d = file.dynamic();
    if (!d.has(addrTag)) {
      return Optional.empty();
    }
    Segments segs = segmentsOrEmpty(addrTag.name());
    long addr = d.value(addrTag).getAsLong();
    long off = fileOffset(segs, addr);
    if (off < 0) {
      throw new ElfFormatException(-1, "DT_" + addrTag.name() + " address 0x" + Long.toHexString(addr) + " is in no PT_LOAD segment");
    }
    long avail = fileBytesAfter(segs, addr);
    return Optional.of(new VersionTable(clipped(off, avail, "DT_" + addrTag.name()), off, file.dynamicStrings(),
        d.value(numTag).orElse(0), "DT_" + addrTag.name()));
  }

  VersionRequirements readVersionNeeds() throws ElfFormatException {
    Optional<VersionTable> vt = versionTable(SectionType.GNU_VERNEED, DynamicTag.VERNEED, DynamicTag.VERNEEDNUM);
    if (vt.isEmpty()) {
      return new VersionRequirements(List.of());
    }
    VersionTable t = vt.get();
    ByteBuffer b = t.bytes;
    long size = b.limit();
    long bound = Math.min(size / 16, limits.maxVersionEntries());
    boolean limited = limits.maxVersionEntries() < size / 16;
    long count = t.count == 0 ? bound : Math.min(t.count, bound);
    if (t.count > bound) {
      defects.add(t.offset, t.part, t.count + (limited ? " entries, cut at the limit of " + bound
          : " entries declared, at most " + bound + " fit"));
    }
    long auxBudget = bound;
    List<VersionNeed> out = new ArrayList<>();
    long off = 0;
    for (long i = 0; i < count; i++) {
      if (off < 0 || off + 16 > size) {
        defects.add(t.offset + off, t.part, "Verneed entry " + i + " outside the table");
        break;
      }
      int p = (int) off;
      int rev = u16(b, p);
      int cnt = u16(b, p + 2);
      String file = t.strings.get(u32(b, p + 4));
      long aux = off + u32(b, p + 8);
      long next = u32(b, p + 12);
      List<RequiredVersion> versions = new ArrayList<>();
      for (int j = 0; j < cnt; j++) {
        if (auxBudget-- <= 0) {
          defects.add(t.offset + aux, t.part, limited
              ? "Vernaux entries cut at the limit of " + limits.maxVersionEntries()
              : "more Vernaux entries than fit in the table (a cycle?)");
          break;
        }
        if (aux + 16 > size) {
          defects.add(t.offset + aux, t.part, "Vernaux entry outside the table");
          break;
        }
        int a = (int) aux;
        versions.add(new RequiredVersion(t.strings.get(u32(b, a + 8)), file, u32(b, a), u16(b, a + 4), u16(b, a + 6)));
        long an = u32(b, a + 12);
        if (an == 0) {
          if (j < cnt - 1) {
            defects.add(t.offset + aux, t.part, "Vernaux chain ends after " + (j + 1) + " of " + cnt + " entries");
          }
          break;
        }
        aux += an;
      }
      out.add(new VersionNeed(file, rev, versions));
      if (next == 0) {
        if (t.count != 0 && i < count - 1) {
          defects.add(t.offset + off, t.part, "Verneed chain ends after " + (i + 1) + " of " + count + " entries");
        }
        break;
      }
      off += next;
    }
    return new VersionRequirements(out);
  }

  List<VersionDefinition> readVersionDefs() throws ElfFormatException {
    Optional<VersionTable> vt = versionTable(SectionType.GNU_VERDEF, DynamicTag.VERDEF, DynamicTag.VERDEFNUM);
    if (vt.isEmpty()) {
      return List.of();
    }
    VersionTable t = vt.get();
    ByteBuffer b = t.bytes;
    long size = b.limit();
    long bound = Math.min(size / 20, limits.maxVersionEntries());
    boolean limited = limits.maxVersionEntries() < size / 8;
    long count = t.count == 0 ? bound : Math.min(t.count, bound);
    if (t.count > bound) {
      defects.add(t.offset, t.part, t.count + (limits.maxVersionEntries() < size / 20
          ? " entries, cut at the limit of " + bound : " entries declared, at most " + bound + " fit"));
    }
    long auxBudget = Math.min(size / 8, limits.maxVersionEntries());
    List<VersionDefinition> out = new ArrayList<>();
    long off = 0;
    for (long i = 0; i < count; i++) {
      if (off < 0 || off + 20 > size) {
        defects.add(t.offset + off, t.part, "Verdef entry " + i + " outside the table");
        break;
      }
      int p = (int) off;
      int rev = u16(b, p);
      int flags = u16(b, p + 2);
      int ndx = u16(b, p + 4);
      int cnt = u16(b, p + 6);
      long hash = u32(b, p + 8);
      long aux = off + u32(b, p + 12);
      long next = u32(b, p + 16);
      List<String> names = new ArrayList<>();
      for (int j = 0; j < cnt; j++) {
        if (auxBudget-- <= 0) {
          defects.add(t.offset + aux, t.part, limited
              ? "Verdaux entries cut at the limit of " + limits.maxVersionEntries()
              : "more Verdaux entries than fit in the table (a cycle?)");
          break;
        }
        if (aux + 8 > size) {
          defects.add(t.offset + aux, t.part, "Verdaux entry outside the table");
          break;
        }
        names.add(t.strings.get(u32(b, (int) aux)));
        long an = u32(b, (int) aux + 4);
        if (an == 0) {
          break;
        }
        aux += an;
      }
      String nm = names.isEmpty() ? "" : names.get(0);
      out.add(new VersionDefinition(ndx, flags, hash, nm, names.size() > 1 ? names.subList(1, names.size()) : List.of(), rev));
      if (next == 0) {
        break;
      }
      off += next;
    }
    return List.copyOf(out);
  }

  // ---------------------------------------------------------------- notes, comment, interpreter

  Notes readNotes(boolean segmentsOnly) throws ElfFormatException {
    List<Note> out = new ArrayList<>();
    if (!segmentsOnly) {
      Sections noteSections = sectionsOrEmpty("notes").withType(SectionType.NOTE);
      if (!noteSections.isEmpty()) {
        for (Section s : noteSections) {
          try {
            parseNotes(clipped(s.offset(), s.size(), name(s)), s.offset(), s.addressAlignment(), name(s), out);
          } catch (ElfFormatException e) {
            defects.add(e.offset(), name(s), e.reason());
          }
        }
        checkPropertyNotes(out);
        return new Notes(out, header.machine(), header.bits());
      }
    }
    Segments segs = segmentsOnly ? file.segments() : segmentsOrEmpty("notes");
    for (Segment s : segs.ofType(SegmentType.NOTE)) {
      String part = "PT_NOTE[" + s.index() + "]";
      try {
        parseNotes(clipped(s.offset(), s.fileSize(), part), s.offset(), s.alignment(), part, out);
      } catch (ElfFormatException e) {
        defects.add(e.offset(), part, e.reason());
      }
    }
    checkPropertyNotes(out);
    return new Notes(out, header.machine(), header.bits());
  }

  private void checkPropertyNotes(List<Note> notes) {
    long count = notes.stream().filter(n -> n.isGnu(Note.NT_GNU_PROPERTY_TYPE_0)).count();
    if (count > 1 && header.type() != ElfType.REL) {
      defects.add(-1, "notes", count + " NT_GNU_PROPERTY_TYPE_0 notes; a linked file has at most one");
    }
  }

  private void parseNotes(ByteBuffer b, long fileOff, long alignment, String part, List<Note> out) {
    long align;
    if (alignment >= 0 && alignment <= 4) {
      align = 4;
    } else if (alignment == 8) {
      align = 8;
    } else {
      defects.add(fileOff, part, "note alignment " + Long.toUnsignedString(alignment) + " is neither 4 nor 8");
      return;
    }
    long size = b.limit();
    long pos = 0;
    while (size - pos >= 12) {
      int p = (int) pos;
      long namesz = u32(b, p);
      long descsz = u32(b, p + 4);
      long type = u32(b, p + 8);
      // As readelf: the descriptor starts at align_up(12 + namesz, align) from the note, the next note at
      // align_up(descsz, align) after it.
      long descOff = pos + (12 + namesz + align - 1) / align * align;
      if (namesz > size - pos - 12 || descOff > size) {
        defects.add(fileOff + pos, part, "note name size " + namesz + " runs past the end");
        return;
      }
      if (descsz > limits.maxNoteSize()) {
        defects.add(fileOff + pos, part, "note descriptor size " + descsz + " exceeds the limit " + limits.maxNoteSize());
        return;
      }
      if (descsz > size - descOff) {
        defects.add(fileOff + pos, part, "note descriptor size " + descsz + " runs past the end");
        return;
      }
      int nlen = (int) namesz;
      while (nlen > 0 && b.get(p + 12 + nlen - 1) == 0) {
        nlen--;
      }
      byte[] nameBytes = new byte[nlen];
      b.get(p + 12, nameBytes);
      byte[] desc = new byte[(int) descsz];
      b.get((int) descOff, desc);
      out.add(new Note(new String(nameBytes, StandardCharsets.UTF_8), type, desc, header.littleEndian(), part, fileOff + pos));
      pos = descOff + (descsz + align - 1) / align * align;
    }
  }

  List<String> readComments() throws ElfFormatException {
    Optional<Section> s = file.sections().named(".comment");
    if (s.isEmpty() || !s.get().hasFileBytes()) {
      return List.of();
    }
    ByteBuffer b = clipped(s.get().offset(), s.get().size(), ".comment");
    List<String> out = new ArrayList<>();
    int start = 0;
    int end = b.limit();
    for (int i = 0; i <= end; i++) {
      if (i == end || b.get(i) == 0) {
        if (i > start) {
          byte[] bytes = new byte[i - start];
          b.get(start, bytes);
          out.add(new String(bytes, StandardCharsets.UTF_8));
        }
        start = i + 1;
      }
    }
    return List.copyOf(out);
  }

  Optional<String> readInterpreter() throws ElfFormatException {
    Optional<Segment> pt = segmentsOrEmpty("interpreter").first(SegmentType.INTERP);
    ByteBuffer b;
    if (pt.isPresent()) {
      b = clipped(pt.get().offset(), Math.min(pt.get().fileSize() & Long.MAX_VALUE, 4096), "PT_INTERP");
    } else {
      Optional<Section> s = sectionsOrEmpty("interpreter").named(".interp");
      if (s.isEmpty() || !s.get().hasFileBytes()) {
        return Optional.empty();
      }
      b = clipped(s.get().offset(), Math.min(s.get().size() & Long.MAX_VALUE, 4096), ".interp");
    }
    int n = 0;
    while (n < b.limit() && b.get(n) != 0) {
      n++;
    }
    byte[] bytes = new byte[n];
    b.get(0, bytes);
    return Optional.of(new String(bytes, StandardCharsets.UTF_8));
  }

}
