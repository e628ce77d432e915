package dev.wheeltapper.elf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads GNU symbol versioning: the version requirements ({@code .gnu.version_r} / {@code DT_VERNEED};
 * {@code Elf_Verneed} and {@code Elf_Vernaux} chains), the version definitions ({@code .gnu.version_d} /
 * {@code DT_VERDEF}; {@code Elf_Verdef} and {@code Elf_Verdaux} chains), and, through {@link Versym}, each symbol's
 * {@code .gnu.version} index resolved against them. Every chain walk is bounded by the table's size and
 * {@link ElfLimits#maxVersionEntries()}.
 */
final class SymbolVersionReader {
  private final ElfInput in;
  private final Defects defects;
  private final ElfLimits limits;

  SymbolVersionReader(ElfInput in) {
    this.in = in;
    this.defects = in.defects;
    this.limits = in.limits;
  }

  /** A version table: its bytes, its string table, its declared entry count, and its name for defects. */
  private record VersionTable(ByteBuffer bytes, long offset, StringTable strings, long count, String part) {}

  private Optional<VersionTable> versionTable(SectionType type, DynamicTag addrTag, DynamicTag numTag)
      throws ElfFormatException {
    Sections secs = in.sectionsOrEmpty(type == SectionType.GNU_VERNEED ? ".gnu.version_r" : ".gnu.version_d");
    Optional<Section> sec = secs.withType(type).first();
    if (sec.isPresent()) {
      Section s = sec.get();
      StringTable strings = StringTable.EMPTY;
      Optional<Section> link = secs.at(s.link());
      if (link.isPresent() && link.get().hasFileBytes()) {
        Section l = link.get();
        in.requireStringTable(s, l, ElfInput.name(s));
        strings = in.stringTable(l);
      } else {
        defects.add(s.offset(), ElfInput.name(s), "sh_link " + s.link() + " is not a string table");
      }
      return Optional.of(new VersionTable(
          in.clipped(s.offset(), s.size(), ElfInput.name(s)), s.offset(), strings, s.info(), ElfInput.name(s)));
    }
    if (!secs.isEmpty()) {
      return Optional.empty();
    }
    Dynamic d = in.file.dynamic();
    if (!d.has(addrTag)) {
      return Optional.empty();
    }
    Segments segs = in.segmentsOrEmpty(addrTag.name());
    long addr = d.value(addrTag).getAsLong();
    long off = ElfInput.fileOffset(segs, addr);
    if (off < 0) {
      throw new ElfFormatException(-1, "DT_" + addrTag.name() + " address 0x" + Long.toHexString(addr) + " is in no PT_LOAD segment");
    }
    long avail = ElfInput.fileBytesAfter(segs, addr);
    return Optional.of(new VersionTable(in.clipped(off, avail, "DT_" + addrTag.name()), off, in.file.dynamicStrings(),
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
      int rev = ElfInput.u16(b, p);
      int cnt = ElfInput.u16(b, p + 2);
      String file = t.strings.get(ElfInput.u32(b, p + 4));
      long aux = off + ElfInput.u32(b, p + 8);
      long next = ElfInput.u32(b, p + 12);
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
        versions.add(new RequiredVersion(t.strings.get(ElfInput.u32(b, a + 8)), file, ElfInput.u32(b, a),
            ElfInput.u16(b, a + 4), ElfInput.u16(b, a + 6)));
        long an = ElfInput.u32(b, a + 12);
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
      int rev = ElfInput.u16(b, p);
      int flags = ElfInput.u16(b, p + 2);
      int ndx = ElfInput.u16(b, p + 4);
      int cnt = ElfInput.u16(b, p + 6);
      long hash = ElfInput.u32(b, p + 8);
      long aux = off + ElfInput.u32(b, p + 12);
      long next = ElfInput.u32(b, p + 16);
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
        names.add(t.strings.get(ElfInput.u32(b, (int) aux)));
        long an = ElfInput.u32(b, (int) aux + 4);
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

  /**
   * The {@code .gnu.version} (versym) table of {@code n} symbols, with the requirements and definitions it indexes
   * read (through the owning file, so once); a table that cannot be read is a defect and leaves symbols unversioned.
   */
  Versym versym(ByteBuffer versym, int n) {
    if (versym.limit() / 2 < n) {
      defects.add(-1, "version symbols", (versym.limit() / 2) + " entries for " + n + " symbols");
    }
    Map<Integer, RequiredVersion> needs = new HashMap<>();
    Map<Integer, String> defs = new HashMap<>();
    try {
      for (RequiredVersion r : in.file.versionRequirements()) {
        needs.putIfAbsent(r.index(), r);
      }
    } catch (ElfFormatException e) {
      defects.add(e.offset(), "version requirements", e.reason());
    }
    try {
      for (VersionDefinition dv : in.file.versionDefinitions()) {
        defs.putIfAbsent(dv.index(), dv.name());
      }
    } catch (ElfFormatException e) {
      defects.add(e.offset(), "version definitions", e.reason());
    }
    return new Versym(versym, needs, defs, defects);
  }

  /**
   * Resolves symbol {@code i}'s {@code .gnu.version} entry, one symbol at a time while a symbol table is read: the
   * result is left in {@link #version}, {@link #library} and {@link #hidden} so that no object is made per symbol.
   * Confined to the thread reading the table.
   */
  static final class Versym {
    private final ByteBuffer versym;
    private final Map<Integer, RequiredVersion> needs;
    private final Map<Integer, String> defs;
    private final Defects defects;
    Optional<String> version;
    Optional<String> library;
    boolean hidden;

    private Versym(ByteBuffer versym, Map<Integer, RequiredVersion> needs, Map<Integer, String> defs, Defects defects) {
      this.versym = versym;
      this.needs = needs;
      this.defs = defs;
      this.defects = defects;
    }

    /**
     * Resolves symbol {@code i} with section index {@code sh}: an undefined symbol takes its version from the
     * requirements first, a defined one from the definitions.
     *
     * @return false when the table has no entry for the symbol (then it is unversioned)
     */
    /** A resolver over the same tables that records no defect, for decoding again what was checked once. */
    Versym quiet() {
      return new Versym(versym, needs, defs, null);
    }

    boolean resolve(int i, int sh) {
      if (i * 2 + 2 > versym.limit()) {
        return false;
      }
      version = Optional.empty();
      library = Optional.empty();
      int vs = ElfInput.u16(versym, i * 2);
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
        } else if (defects != null) {
          defects.add(-1, "version symbols", "symbol " + i + " refers to undefined version index " + idx);
        }
      }
      return true;
    }
  }
}
