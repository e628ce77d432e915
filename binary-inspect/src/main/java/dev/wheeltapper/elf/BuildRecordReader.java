package dev.wheeltapper.elf;

import dev.wheeltapper.dwarf.CompilationUnits;
import dev.wheeltapper.dwarf.DwarfLimits;
import dev.wheeltapper.dwarf.DwarfReader;
import dev.wheeltapper.dwarf.DwarfSections;
import dev.wheeltapper.isa.Isa;
import dev.wheeltapper.isa.Prologue;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what a build recorded about itself beyond the gABI tables: the DWARF compilation units' first DIEs (through
 * {@code dev.wheeltapper.dwarf}, sections decompressed by {@link CompressedSectionReader}), the NUL-separated strings
 * of {@code .GCC.command.line} and {@code .annobin.notes}, and the first bytes of every function symbol (through
 * {@code dev.wheeltapper.isa}).
 */
final class BuildRecordReader {
  /** The most strings read from one string section. */
  static final int MAX_STRINGS = 100_000;

  private final ElfInput in;
  /** The prologue being scanned: one reader reads one function at a time. */
  private final byte[] codeBuffer = new byte[Prologue.WINDOW];

  BuildRecordReader(ElfInput in) {
    this.in = in;
  }

  /** NUL-separated strings, empty ones dropped, each cut at {@link ElfLimits#maxStringLength()}. */
  List<String> strings(Section s) throws ElfFormatException {
    if (!s.hasFileBytes()) {
      return List.of();
    }
    ByteBuffer b = new CompressedSectionReader(in).contents(s, ElfFile.MAX_DECOMPRESSED);
    List<String> out = new ArrayList<>();
    int start = 0;
    int end = b.limit();
    for (int i = 0; i <= end && out.size() < MAX_STRINGS; i++) {
      if (i == end || b.get(i) == 0) {
        if (i > start) {
          int n = Math.min(i - start, in.limits.maxStringLength());
          if (n < i - start) {
            in.defects.add(s.offset() + start, ElfInput.name(s), "string of " + (i - start) + " bytes cut at " + n);
          }
          byte[] bytes = new byte[n];
          b.get(start, bytes);
          out.add(new String(bytes, StandardCharsets.UTF_8));
        }
        start = i + 1;
      }
    }
    if (out.size() >= MAX_STRINGS && start < end) {
      in.defects.add(s.offset() + start, ElfInput.name(s), "more than " + MAX_STRINGS + " strings: the rest not read");
    }
    return List.copyOf(out);
  }

  List<String> stringsOf(String name) throws ElfFormatException {
    Optional<Section> s = in.file.sections().named(name);
    return s.isEmpty() ? List.of() : strings(s.get());
  }

  List<AnnobinStringNote> annobinStringNotes() throws ElfFormatException {
    List<AnnobinStringNote> out = new ArrayList<>();
    for (String s : stringsOf(AnnobinStringNote.SECTION)) {
      AnnobinStringNote.parse(s).ifPresent(out::add);
    }
    return List.copyOf(out);
  }

  CompilationUnits compilationUnits() throws ElfFormatException {
    Sections all = in.file.sections();
    if (debugSection(all, "info").isEmpty()) {
      return CompilationUnits.none();
    }
    try {
      // one decompression budget for the five sections together: a hostile file cannot make five 64 MiB arrays
      int[] budget = {ElfFile.MAX_DECOMPRESSED};
      DwarfSections d = new DwarfSections(bytes(all, "info", budget), bytes(all, "abbrev", budget),
          bytes(all, "str", budget), bytes(all, "line_str", budget), bytes(all, "str_offsets", budget),
          in.header.byteOrder());
      return DwarfReader.read(d, DwarfLimits.defaults());
    } catch (ElfFormatException e) {
      return CompilationUnits.unreadable(e.getMessage());
    }
  }

  /** {@code .debug_<name>}, else the legacy {@code .zdebug_<name>}. */
  private static Optional<Section> debugSection(Sections all, String name) {
    Optional<Section> s = all.named(".debug_" + name);
    return s.isPresent() ? s : all.named(".zdebug_" + name);
  }

  private ByteBuffer bytes(Sections all, String name, int[] budget) throws ElfFormatException {
    Optional<Section> s = debugSection(all, name);
    if (s.isEmpty()) {
      return ByteBuffer.allocate(0);
    }
    CompressedSectionReader r = new CompressedSectionReader(in);
    boolean compressed = r.header(s.get()).isPresent();
    ByteBuffer b = r.contents(s.get(), budget[0]);
    if (compressed) {
      budget[0] -= b.remaining(); // views of the file cost nothing; inflated arrays do
    }
    return b;
  }

  FunctionEntries functionEntries() throws ElfFormatException {
    Isa isa = switch (in.header.machine()) {
      case X86_64 -> Isa.X86_64;
      case AARCH64 -> Isa.AARCH64;
      default -> null;
    };
    // the tables decode on access: candidates are counted in one pass and read in a second, never held as a list
    Symbols dynamic = in.file.dynamicSymbols();
    Symbols symtab = new Symbols(List.of());
    if (in.file.sections().withType(SectionType.SYMTAB).size() > 0) {
      try {
        symtab = in.file.symbolTable();
      } catch (ElfFormatException e) {
        in.defects.add(e.offset(), "function entries", ".symtab unreadable: " + e.reason());
      }
    }
    int exports = 0;
    for (int k = 0; k < dynamic.size(); k++) {
      exports += candidate(dynamic, k) ? 1 : 0;
    }
    int candidates = exports;
    for (int k = 0; k < symtab.size(); k++) {
      candidates += candidate(symtab, k) ? 1 : 0;
    }
    if (isa == null) {
      return new FunctionEntries(List.of(), candidates);
    }
    Segments segs = in.segmentsOrEmpty("function entries");
    Sections secs = in.sectionsOrEmpty("function entries");
    List<FunctionEntry> out = new ArrayList<>();
    AddressSet seen = new AddressSet(candidates);
    int skipped = 0;
    int i = 0;
    for (Symbols table : List.of(dynamic, symtab)) {
      for (int k = 0; k < table.size(); k++) {
        if (!candidate(table, k)) {
          continue;
        }
        Symbol s = table.list.get(k);
        boolean fromDynamic = i++ < exports;
        // in a relocatable file st_value is an offset in the symbol's section: the section is part of the address
        if (!seen.add(segs.isEmpty() ? s.sectionIndex() : -1, s.value())) {
          continue; // an alias, or a .symtab copy of an export
        }
        if (out.size() >= FunctionEntries.MAX_FUNCTIONS) {
          skipped++;
          continue;
        }
        Optional<ByteBuffer> code = code(segs, secs, s);
        if (code.isEmpty()) {
          skipped++;
          continue;
        }
        boolean exported = fromDynamic && s.binding() != SymbolBinding.LOCAL
            && (s.visibility() == SymbolVisibility.DEFAULT || s.visibility() == SymbolVisibility.PROTECTED);
        out.add(new FunctionEntry(s.name(), s.value(), s.size(), exported, Prologue.scan(isa, code.get())));
      }
    }
    return new FunctionEntries(out, skipped);
  }

  /** A defined function, as {@code defined().functions()} selects; a table decoded on access tells without names. */
  private static boolean candidate(Symbols table, int k) {
    if (table.list instanceof SymbolList l) {
      return l.isDefinedFunction(k);
    }
    Symbol s = table.list.get(k);
    return s.isDefined() && s.isFunction();
  }

  /** The first bytes of a function: through the PT_LOAD segments, or in a relocatable file through its section. */
  private Optional<ByteBuffer> code(Segments segs, Sections secs, Symbol s) throws ElfFormatException {
    long want = s.size() > 0 ? Math.min(s.size(), Prologue.WINDOW) : Prologue.WINDOW;
    long offset;
    long avail;
    if (!segs.isEmpty()) {
      offset = ElfInput.fileOffset(segs, s.value());
      avail = ElfInput.fileBytesAfter(segs, s.value());
    } else {
      Optional<Section> sec = secs.at(s.sectionIndex());
      if (sec.isEmpty() || !sec.get().hasFileBytes() || s.value() < 0
          || Long.compareUnsigned(s.value(), sec.get().size()) >= 0) {
        return Optional.empty();
      }
      offset = sec.get().offset() + s.value();
      avail = sec.get().size() - s.value();
    }
    long len = Math.min(want, Math.min(avail, in.size() - offset));
    if (offset < 0 || avail <= 0 || len <= 0) {
      return Optional.empty();
    }
    // copied, not viewed: through a mapping, each of up to 65,536 scattered prologues would make 64 KiB resident
    in.copy(offset, codeBuffer, 0, (int) len, "code of function");
    return Optional.of(ByteBuffer.wrap(codeBuffer, 0, (int) len));
  }

  /**
   * The (section, address) pairs already seen, in an open-addressing table of primitives: a large library has
   * hundreds of thousands of function symbols, and a boxed pair per symbol cost more than reading it. Sized once
   * from the candidate count (itself bounded by the symbol limits), at most half full.
   */
  private static final class AddressSet {
    private final long[] values;
    private final int[] sections;
    private final boolean[] used;
    private final int mask;

    AddressSet(int expected) {
      int cap = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
      values = new long[cap];
      sections = new int[cap];
      used = new boolean[cap];
      mask = cap - 1;
    }

    /** Adds the pair; false when it was there already. */
    boolean add(int section, long value) {
      long h = (value ^ (value >>> 29) ^ (section * 0x9E3779B97F4A7C15L)) * 0xBF58476D1CE4E5B9L;
      int i = (int) (h ^ (h >>> 32)) & mask;
      while (used[i]) {
        if (values[i] == value && sections[i] == section) {
          return false;
        }
        i = (i + 1) & mask;
      }
      used[i] = true;
      values[i] = value;
      sections[i] = section;
      return true;
    }
  }
}
