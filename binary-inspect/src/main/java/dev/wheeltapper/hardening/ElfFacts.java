package dev.wheeltapper.hardening;

import dev.wheeltapper.elf.BuildEvidence;
import dev.wheeltapper.elf.Dynamic;
import dev.wheeltapper.elf.DynamicEntry;
import dev.wheeltapper.elf.DynamicTag;
import dev.wheeltapper.elf.ElfType;
import dev.wheeltapper.elf.GnuProperty;
import dev.wheeltapper.elf.Machine;
import dev.wheeltapper.elf.Segment;
import dev.wheeltapper.elf.SegmentType;
import dev.wheeltapper.elf.SymbolType;
import dev.wheeltapper.elf.Symbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The facts of one ELF file that the hardening and toolchain checks read: an immutable snapshot taken once from the
 * reader (see {@code dev.wheeltapper.inspect.ElfSnapshot}), so the policy code never touches bytes and tests can
 * state a hostile or unusual file directly.
 *
 * <pre>{@code
 * ElfFacts facts = ElfFacts.builder(64, true, ElfFacts.ET_DYN, 62, "x86_64")
 *     .segment(ElfFacts.PT_GNU_STACK, ElfFacts.PF_RW, 0)
 *     .build();
 * Hardening h = ElfHardening.check(facts, CheckContext.bareFile());
 * }</pre>
 *
 * <p>Program headers, dynamic entries and GNU properties are the {@code elf} reader's own records
 * ({@link Segment}, {@link DynamicEntry}, {@link GnuProperty}); symbols are reduced to {@link Sym} (name, defined,
 * type), the shape the toolchain rules read. The constants below are the {@code elf} reader's ({@code SegmentType},
 * {@code DynamicTag}, {@code Dynamic}, {@code ElfType}, {@code Machine}, {@code SymbolType}, {@code Segment}) under
 * their gABI names, not a second table. Over 400 lines: the snapshot and its builder, one method per fact. Immutable
 * and thread-safe.
 *
 * @param bits 32 or 64
 * @param littleEndian byte order
 * @param elfType {@code e_type}
 * @param machine {@code e_machine}
 * @param machineLabel the machine in report form ({@code x86_64}, {@code aarch64}, ...)
 * @param segments the program headers in file order
 * @param hasDynamic whether a dynamic section or segment was found
 * @param dynamic the dynamic entries in order ({@code DT_NULL} excluded)
 * @param needed {@code DT_NEEDED} names
 * @param rpath {@code DT_RPATH} strings (unsplit)
 * @param runpath {@code DT_RUNPATH} strings (unsplit)
 * @param soname {@code DT_SONAME}
 * @param dynamicSymbols {@code .dynsym} (or its dynamic-segment equivalent); taken with {@link
 *     Builder#dynamicSymbols(Symbols)}, a view that decodes each symbol on access, valid while its {@code ElfFile} is
 *     open
 * @param staticSymbols {@code .symtab}, likewise
 * @param hasSymtab whether a {@code SHT_SYMTAB} section exists
 * @param sectionNames the section names in order
 * @param comments the NUL-separated strings of {@code .comment}
 * @param propertyNote whether an {@code NT_GNU_PROPERTY_TYPE_0} note was found
 * @param properties the GNU properties of that note
 * @param noteOwners the owner and type of every other note ({@code "Go:4"}, {@code "GNU:3"}), for language hints
 * @param annobin annobin build attribute notes ({@link AnnobinNotes}: {@code GA$...}, {@code GA*...})
 * @param versionHighest the highest required symbol version per namespace ({@code GLIBC -> 2.17})
 * @param buildEvidence what the build recorded about itself: DWARF producers, {@code .GCC.command.line},
 *     {@code .annobin.notes}, function entry bytes, {@code .gnu.version_r} files ({@link BuildEvidence})
 */
public record ElfFacts(
    int bits,
    boolean littleEndian,
    int elfType,
    int machine,
    String machineLabel,
    List<Segment> segments,
    boolean hasDynamic,
    List<DynamicEntry> dynamic,
    List<String> needed,
    List<String> rpath,
    List<String> runpath,
    Optional<String> soname,
    List<Sym> dynamicSymbols,
    List<Sym> staticSymbols,
    boolean hasSymtab,
    List<String> sectionNames,
    List<String> comments,
    boolean propertyNote,
    List<GnuProperty> properties,
    List<String> noteOwners,
    List<AnnobinNote> annobin,
    Map<String, String> versionHighest,
    BuildEvidence buildEvidence) {

  /** {@code ET_REL}. */
  public static final int ET_REL = ElfType.REL.value();
  /** {@code ET_EXEC}. */
  public static final int ET_EXEC = ElfType.EXEC.value();
  /** {@code ET_DYN}. */
  public static final int ET_DYN = ElfType.DYN.value();
  /** {@code ET_CORE}. */
  public static final int ET_CORE = ElfType.CORE.value();

  /** {@code PT_LOAD}. */
  public static final long PT_LOAD = SegmentType.LOAD.value();
  /** {@code PT_DYNAMIC}. */
  public static final long PT_DYNAMIC = SegmentType.DYNAMIC.value();
  /** {@code PT_INTERP}. */
  public static final long PT_INTERP = SegmentType.INTERP.value();
  /** {@code PT_PHDR}. */
  public static final long PT_PHDR = SegmentType.PHDR.value();
  /** {@code PT_TLS}. */
  public static final long PT_TLS = SegmentType.TLS.value();
  /** {@code PT_GNU_STACK}. */
  public static final long PT_GNU_STACK = SegmentType.GNU_STACK.value();
  /** {@code PT_GNU_RELRO}. */
  public static final long PT_GNU_RELRO = SegmentType.GNU_RELRO.value();
  /** {@code PT_GNU_PROPERTY}. */
  public static final long PT_GNU_PROPERTY = SegmentType.GNU_PROPERTY.value();

  /** {@code DT_SONAME}. */
  public static final long DT_SONAME = DynamicTag.SONAME.value();
  /** {@code DT_DEBUG}. */
  public static final long DT_DEBUG = DynamicTag.DEBUG.value();
  /** {@code DT_TEXTREL}. */
  public static final long DT_TEXTREL = DynamicTag.TEXTREL.value();
  /** {@code DT_BIND_NOW}. */
  public static final long DT_BIND_NOW = DynamicTag.BIND_NOW.value();
  /** {@code DT_FLAGS}. */
  public static final long DT_FLAGS = DynamicTag.FLAGS.value();
  /** {@code DT_FLAGS_1}. */
  public static final long DT_FLAGS_1 = DynamicTag.FLAGS_1.value();
  /** {@code DT_AARCH64_BTI_PLT}. */
  public static final long DT_AARCH64_BTI_PLT = DynamicTag.AARCH64_BTI_PLT.value();
  /** {@code DT_AARCH64_PAC_PLT}. */
  public static final long DT_AARCH64_PAC_PLT = DynamicTag.AARCH64_PAC_PLT.value();
  /** {@code DF_TEXTREL} in {@code DT_FLAGS}. */
  public static final long DF_TEXTREL = Dynamic.DF_TEXTREL;
  /** {@code DF_BIND_NOW} in {@code DT_FLAGS}. */
  public static final long DF_BIND_NOW = Dynamic.DF_BIND_NOW;
  /** {@code DF_1_NOW} in {@code DT_FLAGS_1}. */
  public static final long DF_1_NOW = Dynamic.DF_1_NOW;
  /** {@code DF_1_PIE} in {@code DT_FLAGS_1}. */
  public static final long DF_1_PIE = Dynamic.DF_1_PIE;

  /** {@code EM_386}. */
  public static final int EM_386 = Machine.I386.value();
  /** {@code EM_X86_64}. */
  public static final int EM_X86_64 = Machine.X86_64.value();
  /** {@code EM_AARCH64}. */
  public static final int EM_AARCH64 = Machine.AARCH64.value();

  /** Read and write ({@code PF_R | PF_W}). */
  public static final long PF_RW = Segment.PF_R | Segment.PF_W;
  /** Read and execute ({@code PF_R | PF_X}). */
  public static final long PF_RX = Segment.PF_R | Segment.PF_X;
  /** Read, write and execute. */
  public static final long PF_RWX = Segment.PF_R | Segment.PF_W | Segment.PF_X;

  /** {@code STT_FUNC}. */
  public static final int STT_FUNC = SymbolType.FUNC.value();
  /** {@code STT_FILE}. */
  public static final int STT_FILE = SymbolType.FILE.value();

  /** Validates and copies. */
  public ElfFacts {
    Objects.requireNonNull(machineLabel, "machineLabel");
    segments = List.copyOf(segments);
    dynamic = List.copyOf(dynamic);
    needed = List.copyOf(needed);
    rpath = List.copyOf(rpath);
    runpath = List.copyOf(runpath);
    Objects.requireNonNull(soname, "soname");
    dynamicSymbols = dynamicSymbols instanceof SymbolView ? dynamicSymbols : List.copyOf(dynamicSymbols);
    staticSymbols = staticSymbols instanceof SymbolView ? staticSymbols : List.copyOf(staticSymbols);
    sectionNames = List.copyOf(sectionNames);
    comments = List.copyOf(comments);
    properties = List.copyOf(properties);
    noteOwners = List.copyOf(noteOwners);
    annobin = List.copyOf(annobin);
    versionHighest = java.util.Collections.unmodifiableMap(new TreeMap<>(versionHighest));
    Objects.requireNonNull(buildEvidence, "buildEvidence");
    if (bits != 32 && bits != 64) {
      throw new IllegalArgumentException("bits must be 32 or 64: " + bits);
    }
  }

  /**
   * One symbol, reduced to what the checks read. Kept beside {@code elf.Symbol} on purpose: a snapshot of a
   * 100,000-symbol {@code .symtab} holds three fields per symbol instead of thirteen, and tests state a symbol in one
   * line.
   *
   * @param name the name without version
   * @param defined whether {@code st_shndx != SHN_UNDEF}
   * @param type {@code STT_*}
   */
  public record Sym(String name, boolean defined, int type) {
    /** Rejects a null name. */
    public Sym {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * The {@code name().hashCode()} of each symbol of one of these facts' tables, in table order. For a table taken
   * from the reader the hashes were kept when it was read, so no name is decoded: a search for a few names compares
   * hashes and decodes only the matches.
   *
   * <pre>{@code
   * int[] h = ElfFacts.nameHashes(facts.dynamicSymbols());
   * }</pre>
   *
   * @param table {@link #dynamicSymbols()} or {@link #staticSymbols()}
   * @return a new array, one hash per symbol
   */
  public static int[] nameHashes(List<Sym> table) {
    if (table instanceof SymbolView v) {
      return v.nameHashes();
    }
    int[] h = new int[table.size()];
    int i = 0;
    for (Sym s : table) {
      h[i++] = s.name().hashCode();
    }
    return h;
  }

  /**
   * The values of a dynamic tag, in order.
   *
   * @param tag {@code d_tag}
   * @return the values, empty when the tag is absent
   */
  public List<Long> dynamicValues(long tag) {
    List<Long> out = new ArrayList<>();
    for (DynamicEntry d : dynamic) {
      if (d.rawTag() == tag) {
        out.add(d.value());
      }
    }
    return out;
  }

  /**
   * Whether a dynamic tag is present.
   *
   * @param tag {@code d_tag}
   * @return true when at least one entry has it
   */
  public boolean hasDynamicTag(long tag) {
    return dynamic.stream().anyMatch(d -> d.rawTag() == tag);
  }

  /**
   * The value of a flags tag as the loader reads it: glibc's {@code elf_get_dynamic_info} keeps the last entry of a
   * repeated tag.
   *
   * @param tag {@code DT_FLAGS} or {@code DT_FLAGS_1}
   * @return the last value, 0 when absent
   */
  public long flags(long tag) {
    long f = 0;
    for (DynamicEntry d : dynamic) {
      if (d.rawTag() == tag) {
        f = d.value();
      }
    }
    return f;
  }

  /**
   * Whether a segment type is present.
   *
   * @param type {@code p_type}
   * @return true when at least one program header has it
   */
  public boolean hasSegment(long type) {
    return segments.stream().anyMatch(s -> s.rawType() == type);
  }

  /**
   * Whether a section with this name exists.
   *
   * @param name the section name
   * @return true when present
   */
  public boolean hasSection(String name) {
    return sectionNames.contains(name);
  }

  /**
   * A builder, for the reader adapter and for tests.
   *
   * @param bits 32 or 64
   * @param littleEndian byte order
   * @param elfType {@code e_type}
   * @param machine {@code e_machine}
   * @param machineLabel the machine in report form
   * @return a builder with every list empty
   */
  public static Builder builder(int bits, boolean littleEndian, int elfType, int machine, String machineLabel) {
    return new Builder(bits, littleEndian, elfType, machine, machineLabel);
  }

  /** Collects facts; not thread-safe. */
  public static final class Builder {
    private final int bits;
    private final boolean littleEndian;
    private final int elfType;
    private final int machine;
    private final String machineLabel;
    private final List<Segment> segments = new ArrayList<>();
    private boolean hasDynamic;
    private final List<DynamicEntry> dynamic = new ArrayList<>();
    private final List<String> needed = new ArrayList<>();
    private final List<String> rpath = new ArrayList<>();
    private final List<String> runpath = new ArrayList<>();
    private Optional<String> soname = Optional.empty();
    private final List<Sym> dynamicSymbols = new ArrayList<>();
    private final List<Sym> staticSymbols = new ArrayList<>();
    private Symbols dynamicTable;
    private Symbols staticTable;
    private boolean hasSymtab;
    private final List<String> sectionNames = new ArrayList<>();
    private final List<String> comments = new ArrayList<>();
    private boolean propertyNote;
    private final List<GnuProperty> properties = new ArrayList<>();
    private final List<String> noteOwners = new ArrayList<>();
    private final List<AnnobinNote> annobin = new ArrayList<>();
    private final Map<String, String> versionHighest = new TreeMap<>();
    private BuildEvidence buildEvidence = BuildEvidence.none();

    private Builder(int bits, boolean littleEndian, int elfType, int machine, String machineLabel) {
      this.bits = bits;
      this.littleEndian = littleEndian;
      this.elfType = elfType;
      this.machine = machine;
      this.machineLabel = machineLabel;
    }

    /**
     * Adds a program header as the reader gives it.
     *
     * @param segment the program header
     * @return this
     */
    public Builder segment(Segment segment) {
      segments.add(Objects.requireNonNull(segment, "segment"));
      return this;
    }

    /**
     * Adds a program header from its type, flags and memory size (the rest zero), for tests.
     *
     * @param type {@code p_type}
     * @param flags {@code p_flags}
     * @param memorySize {@code p_memsz}
     * @return this
     */
    public Builder segment(long type, long flags, long memorySize) {
      return segment(new Segment(segments.size(), SegmentType.of(type), type, flags, 0, 0, 0, 0, memorySize, 0));
    }

    /**
     * Adds a dynamic entry as the reader gives it (and marks the file as dynamic).
     *
     * @param entry the entry
     * @return this
     */
    public Builder dynamic(DynamicEntry entry) {
      hasDynamic = true;
      dynamic.add(Objects.requireNonNull(entry, "entry"));
      return this;
    }

    /**
     * Adds a dynamic entry from its tag and value (and marks the file as dynamic), for tests.
     *
     * @param tag {@code d_tag}
     * @param value {@code d_val}
     * @return this
     */
    public Builder dynamic(long tag, long value) {
      return dynamic(new DynamicEntry(dynamic.size(), DynamicTag.of(tag, Machine.of(machine)), tag, value,
          Optional.empty()));
    }

    /**
     * Marks the file as having (or not having) a dynamic section.
     *
     * @param present whether it has one
     * @return this
     */
    public Builder hasDynamic(boolean present) {
      hasDynamic = present;
      return this;
    }

    /**
     * Adds a {@code DT_NEEDED} name.
     *
     * @param name the library
     * @return this
     */
    public Builder needed(String name) {
      needed.add(name);
      return this;
    }

    /**
     * Adds a {@code DT_RPATH} string.
     *
     * @param value the colon-separated list
     * @return this
     */
    public Builder rpath(String value) {
      rpath.add(value);
      return this;
    }

    /**
     * Adds a {@code DT_RUNPATH} string.
     *
     * @param value the colon-separated list
     * @return this
     */
    public Builder runpath(String value) {
      runpath.add(value);
      return this;
    }

    /**
     * Sets {@code DT_SONAME}.
     *
     * @param value the name
     * @return this
     */
    public Builder soname(String value) {
      soname = Optional.of(value);
      return this;
    }

    /**
     * Adds a dynamic symbol.
     *
     * @param name the name
     * @param defined whether defined here
     * @param type {@code STT_*}
     * @return this
     */
    public Builder dynamicSymbol(String name, boolean defined, int type) {
      dynamicSymbols.add(new Sym(name, defined, type));
      return this;
    }

    /**
     * Adds a {@code .symtab} symbol (and marks the table present).
     *
     * @param name the name
     * @param defined whether defined here
     * @param type {@code STT_*}
     * @return this
     */
    public Builder staticSymbol(String name, boolean defined, int type) {
      hasSymtab = true;
      staticSymbols.add(new Sym(name, defined, type));
      return this;
    }

    /**
     * Takes the whole {@code .dynsym} as the reader gives it, without copying: the facts then read it on access, so
     * they are valid while its {@code ElfFile} is open (a large library's names never sit on the heap together).
     * Symbols added one by one come after it.
     *
     * @param table the reader's table
     * @return this
     */
    public Builder dynamicSymbols(Symbols table) {
      dynamicTable = Objects.requireNonNull(table, "table");
      return this;
    }

    /**
     * Takes the whole {@code .symtab} as the reader gives it (and marks the table present), without copying, as
     * {@link #dynamicSymbols(Symbols)}.
     *
     * @param table the reader's table
     * @return this
     */
    public Builder staticSymbols(Symbols table) {
      hasSymtab = true;
      staticTable = Objects.requireNonNull(table, "table");
      return this;
    }

    /**
     * Marks whether a {@code SHT_SYMTAB} section exists.
     *
     * @param present whether it does
     * @return this
     */
    public Builder hasSymtab(boolean present) {
      hasSymtab = present;
      return this;
    }

    /**
     * Adds a section name.
     *
     * @param name the name
     * @return this
     */
    public Builder section(String name) {
      sectionNames.add(name);
      return this;
    }

    /**
     * Adds a {@code .comment} string.
     *
     * @param text one NUL-separated producer string
     * @return this
     */
    public Builder comment(String text) {
      comments.add(text);
      return this;
    }

    /**
     * Marks the GNU property note present (with no properties yet).
     *
     * @return this
     */
    public Builder propertyNote() {
      propertyNote = true;
      return this;
    }

    /**
     * Adds a GNU property as the reader gives it (and marks the note present).
     *
     * @param property the property
     * @return this
     */
    public Builder property(GnuProperty property) {
      propertyNote = true;
      properties.add(Objects.requireNonNull(property, "property"));
      return this;
    }

    /**
     * Adds a GNU property from its type and value (4 data bytes when the value fits, else 8), for tests.
     *
     * @param type {@code pr_type}
     * @param value the data as a number
     * @return this
     */
    public Builder property(long type, long value) {
      return property(new GnuProperty(type, (value >>> 32) == 0 ? 4 : 8, value));
    }

    /**
     * Adds a note owner and type, {@code "Go:4"}.
     *
     * @param owner the note name
     * @param type {@code n_type}
     * @return this
     */
    public Builder note(String owner, long type) {
      noteOwners.add(owner + ":" + type);
      return this;
    }

    /**
     * Adds an annobin note.
     *
     * @param note the parsed note
     * @return this
     */
    public Builder annobin(AnnobinNote note) {
      annobin.add(note);
      return this;
    }

    /**
     * Records the highest required version of a namespace.
     *
     * @param namespace {@code GLIBC}, {@code GLIBCXX}, ...
     * @param version {@code 2.17}
     * @return this
     */
    public Builder versionHighest(String namespace, String version) {
      versionHighest.put(namespace, version);
      return this;
    }

    /**
     * Sets what the build recorded about itself.
     *
     * @param evidence the evidence channels ({@link BuildEvidence#of})
     * @return this
     */
    public Builder buildEvidence(BuildEvidence evidence) {
      buildEvidence = Objects.requireNonNull(evidence, "evidence");
      return this;
    }

    /**
     * Builds the snapshot.
     *
     * @return the facts
     */
    public ElfFacts build() {
      return new ElfFacts(bits, littleEndian, elfType, machine, machineLabel, segments, hasDynamic, dynamic, needed,
          rpath, runpath, soname, symbols(dynamicTable, dynamicSymbols), symbols(staticTable, staticSymbols),
          hasSymtab, sectionNames, comments, propertyNote,
          properties, noteOwners, annobin, versionHighest, buildEvidence);
    }

    /** The reader's table as a view when nothing was added one by one, else the concatenation. */
    private static List<Sym> symbols(Symbols table, List<Sym> added) {
      if (table == null) {
        return added;
      }
      if (added.isEmpty()) {
        return new SymbolView(table);
      }
      List<Sym> all = new ArrayList<>(new SymbolView(table));
      all.addAll(added);
      return all;
    }
  }
}
