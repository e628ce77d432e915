package dev.wheeltapper.elf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the program header table ({@code e_phoff}, {@code e_phentsize}, {@code e_phnum}; {@code Elf32_Phdr} /
 * {@code Elf64_Phdr}) into {@link Segments}, with {@code PN_XNUM} resolved through section header 0 and the
 * {@code PT_LOAD} contradictions (file size above memory size, alignment, overlaps) recorded as defects.
 */
final class ProgramHeaderReader {
  /** {@code PN_XNUM} in {@code e_phnum}: the count is in section header 0's {@code sh_info}. */
  static final int PN_XNUM = 0xffff;

  private final ElfInput in;
  private final ElfHeader header;
  private final Defects defects;
  private final boolean is64;

  ProgramHeaderReader(ElfInput in) {
    this.in = in;
    this.header = in.header;
    this.defects = in.defects;
    this.is64 = in.is64;
  }

  Segments readSegments() throws ElfFormatException {
    long phoff = header.phoff();
    long count = header.phnum();
    if (count == PN_XNUM) {
      count = in.file.sectionZero().info();
    }
    if (phoff == 0 || count == 0) {
      return new Segments(List.of());
    }
    int size = is64 ? 56 : 32;
    if (header.phentsize() < size) {
      throw new ElfFormatException(
          is64 ? 54 : 42, "e_phentsize " + header.phentsize() + " is smaller than a program header (" + size + ")");
    }
    ElfLimits limits = in.limits;
    if (Long.compareUnsigned(count, limits.maxSegments()) > 0) {
      defects.add(phoff, "program header table",
          Long.toUnsignedString(count) + " entries, cut at the limit of " + limits.maxSegments());
      count = limits.maxSegments();
    }
    int n = (int) count;
    int ent = header.phentsize();
    ByteBuffer tab = in.region(phoff, (long) n * ent, "program header table of " + n + " entries");
    List<Segment> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int p = i * ent;
      Segment s = segment(tab, p, i);
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

  /** One {@code Elf_Phdr}; the two classes order {@code p_flags} differently. */
  private Segment segment(ByteBuffer tab, int p, int i) {
    long type = ElfInput.u32(tab, p);
    if (is64) {
      return new Segment(i, SegmentType.of(type), type, ElfInput.u32(tab, p + 4), tab.getLong(p + 8),
          tab.getLong(p + 16), tab.getLong(p + 24), tab.getLong(p + 32), tab.getLong(p + 40), tab.getLong(p + 48));
    }
    return new Segment(i, SegmentType.of(type), type, ElfInput.u32(tab, p + 24), ElfInput.u32(tab, p + 4),
        ElfInput.u32(tab, p + 8), ElfInput.u32(tab, p + 12), ElfInput.u32(tab, p + 16), ElfInput.u32(tab, p + 20),
        ElfInput.u32(tab, p + 28));
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
}
