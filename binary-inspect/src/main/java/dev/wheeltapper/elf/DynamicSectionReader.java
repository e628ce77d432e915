package dev.wheeltapper.elf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the dynamic section ({@code PT_DYNAMIC}, else {@code SHT_DYNAMIC}; {@code Elf32_Dyn} / {@code Elf64_Dyn})
 * into {@link Dynamic}, and its string table ({@code DT_STRTAB} / {@code DT_STRSZ}, else the section's
 * {@code sh_link}).
 */
final class DynamicSectionReader {
  /** Tags a well-formed table holds at most once: a second one is a contradiction worth a defect. */
  private static final long[] SINGLETONS = {5, 6, 10, 14, 30, 0x6ffffffbL, 4, 0x6ffffef5L};

  private final ElfInput in;
  private final Defects defects;
  private final boolean is64;

  DynamicSectionReader(ElfInput in) {
    this.in = in;
    this.defects = in.defects;
    this.is64 = in.is64;
  }

  Dynamic readDynamic() throws ElfFormatException {
    Segments segs = in.segmentsOrEmpty("dynamic table");
    Sections secs = in.sectionsOrEmpty("dynamic table");
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
    ByteBuffer b = in.clipped(off, len, part);
    int ent = is64 ? 16 : 8;
    long max = b.limit() / ent;
    ElfLimits limits = in.limits;
    if (max > limits.maxDynamicEntries()) {
      defects.add(off, part, max + " entries, cut at the limit of " + limits.maxDynamicEntries());
      max = limits.maxDynamicEntries();
    }
    long[] tags = new long[(int) max];
    long[] vals = new long[(int) max];
    int n = 0;
    boolean terminated = false;
    for (int i = 0; i < max; i++) {
      long tag = in.word(b, i * ent);
      if (!is64) {
        tag = (int) tag; // d_tag is signed Elf32_Sword
      }
      if (tag == 0) {
        terminated = true;
        break;
      }
      tags[n] = tag;
      vals[n] = in.word(b, i * ent + (is64 ? 8 : 4));
      n++;
    }
    if (!terminated) {
      defects.add(off, part, "no DT_NULL terminator within " + max + " entries");
    }
    Machine machine = in.header.machine();
    for (long t : SINGLETONS) {
      int seen = 0;
      for (int i = 0; i < n; i++) {
        if (tags[i] == t) {
          seen++;
        }
      }
      if (seen > 1) {
        defects.add(off, part, DynamicTag.of(t, machine) + " appears " + seen + " times");
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
      out.add(new DynamicEntry(i, DynamicTag.of(tags[i], machine), tags[i], vals[i], s));
    }
    return new Dynamic(out, origin, off);
  }

  /** The dynamic string table, for the readers of symbols and versions when there are no section headers. */
  StringTable readDynamicStrings() throws ElfFormatException {
    Dynamic d = in.file.dynamic();
    long[] tags = new long[d.entries().size()];
    long[] vals = new long[tags.length];
    for (int i = 0; i < tags.length; i++) {
      tags[i] = d.entries().get(i).rawTag();
      vals[i] = d.entries().get(i).value();
    }
    Sections secs = in.sectionsOrEmpty("dynamic strings");
    return dynamicStringTable(
        tags, vals, tags.length, in.segmentsOrEmpty("dynamic strings"), secs, secs.withType(SectionType.DYNAMIC).first());
  }

  private StringTable dynamicStringTable(
      long[] tags, long[] vals, int n, Segments segs, Sections secs, Optional<Section> dynSection) {
    // the loader reads DT_STRTAB, but a section header that says otherwise is a contradiction worth a defect
    dynSection.ifPresent(d -> secs.at(d.link()).ifPresent(l -> in.requireStringTable(d, l, ElfInput.name(d))));
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
      long fo = ElfInput.fileOffset(segs, strtab);
      if (fo >= 0) {
        long avail = ElfInput.fileBytesAfter(segs, strtab);
        long len = strsz < 0 ? avail : strsz;
        if (strsz >= 0 && Long.compareUnsigned(strsz, avail) > 0) {
          defects.add(fo, "DT_STRTAB", "DT_STRSZ " + Long.toUnsignedString(strsz) + " runs past its PT_LOAD segment");
          len = avail;
        }
        try {
          return in.strings(fo, len, "DT_STRTAB");
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
          return in.stringTable(link.get());
        } catch (ElfFormatException e) {
          defects.add(e.offset(), "dynamic string section", e.reason());
        }
      }
    }
    return StringTable.EMPTY;
  }
}
