package dev.wheeltapper.elf;

import dev.wheeltapper.bytes.ByteSource;
import dev.wheeltapper.dwarf.CompilationUnits;
import dev.wheeltapper.bytes.ByteSources;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A bounds-checked ELF reader (ELF32 and ELF64, either byte order) with fluent queries. Opening reads only the file
 * header; every table (sections, segments, dynamic, symbols, versions, notes) is read on first use and memoized, so
 * asking for the machine never touches the symbol table.
 *
 * <pre>{@code
 * try (ElfFile elf = ElfFile.open(Path.of("_speedups.cpython-312-x86_64-linux-gnu.so"))) {
 *   String machine = elf.header().machineLabel();                                  // "x86_64"
 *   boolean canary = elf.dynamicSymbols().undefined().named("__stack_chk_fail").exists();
 *   boolean relro = elf.segments().has(SegmentType.GNU_RELRO);
 *   List<String> needed = elf.dynamic().needed();
 *   Optional<SymbolVersion> glibc = elf.versionRequirements().highest("GLIBC");
 * }
 * }</pre>
 *
 * <p><b>Hostile input.</b> Every offset and size is checked against the file before reading, every count against the
 * bytes present and against {@link ElfLimits}, and every chain walk is bounded. An accessor throws the checked
 * {@link ElfFormatException} (offset and reason) when the table it is asked for cannot be read at all; damage that
 * leaves the rest trustworthy gives a partial result and a recorded {@link ElfDefect} (see {@link #defects()}). No
 * unchecked exception escapes a public accessor.
 *
 * <p><b>Thread-safety.</b> Thread-safe: tables are memoized under a lock, and results are immutable. Close the file
 * when done; results already obtained stay valid, except buffers from {@link #contents(Section)} and
 * {@link #bytes(long, int)}.
 *
 * <p>Over 400 lines because it is the package's one public facade: its body is the Javadoc of the factories and of
 * one accessor per table, each a line of code that asks a memoized part reader (see the package documentation).
 */
public final class ElfFile implements Closeable {
  private final ByteSource src;
  private final ElfLimits limits;
  private final ElfHeader header;
  private final Defects defects = new Defects();
  private final ElfInput input;

  private final Memo<SectionHeader> sectionZero;
  private final Memo<Sections> sections;
  private final Memo<Segments> segments;
  private final Memo<Dynamic> dynamic;
  private final Memo<StringTable> dynamicStrings;
  private final Memo<Symbols> dynamicSymbols;
  private final Memo<Symbols> symbolTable;
  private final Memo<VersionRequirements> versionNeeds;
  private final Memo<List<VersionDefinition>> versionDefs;
  private final Memo<Notes> notes;
  private final Memo<Notes> segmentNotes;
  private final Memo<List<String>> comments;
  private final Memo<Optional<String>> interpreter;
  private final Memo<List<ElfDefect>> inspectAll;
  private final Memo<CompilationUnits> compilationUnits;
  private final Memo<List<String>> commandLines;
  private final Memo<List<AnnobinStringNote>> annobinStrings;
  private final Memo<FunctionEntries> functionEntries;

  /** The most bytes a compressed section is inflated to by the accessors that do not take a cap: 64 MiB. */
  public static final int MAX_DECOMPRESSED = 64 << 20;

  private ElfFile(ByteSource src, ElfLimits limits) throws ElfFormatException {
    this.src = src;
    this.limits = Objects.requireNonNull(limits, "limits");
    ElfInput in = new ElfInput(this, src, limits, defects);
    this.input = in;
    this.header = in.header;
    // one reader per part of the gABI; each table is read once, on first use
    this.sectionZero = new Memo<>("section header 0", () -> new SectionHeaderReader(in).readSectionZero());
    this.sections = new Memo<>("section headers", () -> new SectionHeaderReader(in).readSections());
    this.segments = new Memo<>("program headers", () -> new ProgramHeaderReader(in).readSegments());
    this.dynamic = new Memo<>("dynamic table", () -> new DynamicSectionReader(in).readDynamic());
    this.dynamicStrings = new Memo<>("dynamic strings", () -> new DynamicSectionReader(in).readDynamicStrings());
    this.dynamicSymbols = new Memo<>(".dynsym", () -> new SymbolTableReader(in).readSymbols(SectionType.DYNSYM));
    this.symbolTable = new Memo<>(".symtab", () -> new SymbolTableReader(in).readSymbols(SectionType.SYMTAB));
    this.versionNeeds = new Memo<>(".gnu.version_r", () -> new SymbolVersionReader(in).readVersionNeeds());
    this.versionDefs = new Memo<>(".gnu.version_d", () -> new SymbolVersionReader(in).readVersionDefs());
    this.notes = new Memo<>("notes", () -> new NoteReader(in).readNotes(false));
    this.segmentNotes = new Memo<>("PT_NOTE notes", () -> new NoteReader(in).readNotes(true));
    this.comments = new Memo<>(".comment", () -> new SpecialSectionReader(in).readComments());
    this.interpreter = new Memo<>("interpreter", () -> new SpecialSectionReader(in).readInterpreter());
    this.inspectAll = new Memo<>("all tables", this::readAll);
    // what the build recorded about itself: DWARF producers, recorded switches, annobin strings, function entries
    this.compilationUnits = new Memo<>(".debug_info", () -> new BuildRecordReader(in).compilationUnits());
    this.commandLines = new Memo<>(".GCC.command.line", () -> new BuildRecordReader(in).stringsOf(".GCC.command.line"));
    this.annobinStrings = new Memo<>(".annobin.notes", () -> new BuildRecordReader(in).annobinStringNotes());
    this.functionEntries = new Memo<>("function entries", () -> new BuildRecordReader(in).functionEntries());
  }

  /**
   * Opens a file through a read-only memory mapping (files above 2 GiB are mapped in windows).
   *
   * @param file the file
   * @return the reader; close it
   * @throws ElfFormatException when the file is not ELF or its header is unusable
   * @throws IOException when the file cannot be opened
   */
  public static ElfFile open(Path file) throws IOException {
    return open(file, ElfLimits.defaults());
  }

  /**
   * Opens a file with custom limits.
   *
   * @param file the file
   * @param limits the caps
   * @return the reader; close it
   * @throws ElfFormatException when the file is not ELF or its header is unusable
   * @throws IOException when the file cannot be opened
   */
  public static ElfFile open(Path file, ElfLimits limits) throws IOException {
    return of(ByteSources.map(file), limits);
  }

  /**
   * Reads the bytes between a buffer's position and limit (not copied; do not modify them meanwhile).
   *
   * @param buffer the bytes
   * @return the reader
   * @throws ElfFormatException when the bytes are not ELF or the header is unusable
   */
  public static ElfFile of(ByteBuffer buffer) throws ElfFormatException {
    return ofSource(ByteSources.of(buffer), ElfLimits.defaults());
  }

  /**
   * Reads a byte array (not copied; do not modify it meanwhile).
   *
   * @param bytes the bytes
   * @return the reader
   * @throws ElfFormatException when the bytes are not ELF or the header is unusable
   */
  public static ElfFile of(byte[] bytes) throws ElfFormatException {
    return ofSource(ByteSources.of(bytes), ElfLimits.defaults());
  }

  /**
   * Reads a stream of known size, for example a wheel entry, without the caller extracting it: up to
   * {@link ElfLimits#memoryThreshold()} in memory, larger in a temporary file deleted by {@link #close()}. The stream
   * is read to its end but not closed.
   *
   * @param in the stream
   * @param size the number of bytes it holds
   * @return the reader; close it
   * @throws ElfFormatException when the bytes are not ELF or the header is unusable
   * @throws IOException when the stream fails, or is shorter or longer than {@code size}
   */
  public static ElfFile read(InputStream in, long size) throws IOException {
    return read(in, size, ElfLimits.defaults());
  }

  /**
   * Reads a stream of known size with custom limits.
   *
   * @param in the stream
   * @param size the number of bytes it holds
   * @param limits the caps (and the memory threshold)
   * @return the reader; close it
   * @throws ElfFormatException when the bytes are not ELF or the header is unusable
   * @throws IOException when the stream fails, or is shorter or longer than {@code size}
   */
  public static ElfFile read(InputStream in, long size, ElfLimits limits) throws IOException {
    return of(ByteSources.fromStream(in, size, limits.memoryThreshold()), limits);
  }

  /**
   * Reads any byte source; the reader takes ownership and closes it.
   *
   * @param source the bytes
   * @param limits the caps
   * @return the reader
   * @throws ElfFormatException when the bytes are not ELF or the header is unusable (the source is then closed)
   * @throws IOException when closing the source after a failure fails
   */
  public static ElfFile of(ByteSource source, ElfLimits limits) throws IOException {
    try {
      return new ElfFile(source, limits);
    } catch (ElfFormatException | RuntimeException e) {
      source.close();
      throw e;
    }
  }

  private static ElfFile ofSource(ByteSource source, ElfLimits limits) throws ElfFormatException {
    return new ElfFile(source, limits);
  }

  /** Closes the underlying source (unmapping is left to the garbage collector, as the JDK does). */
  @Override
  public void close() throws IOException {
    src.close();
  }

  // ---------------------------------------------------------------- public accessors

  /**
   * The file header.
   *
   * @return the header, read when the file was opened
   */
  public ElfHeader header() {
    return header;
  }

  /**
   * The machine.
   *
   * @return the machine, {@link Machine#UNKNOWN} for unnamed values
   */
  public Machine machine() {
    return header.machine();
  }

  /**
   * The object type.
   *
   * @return the type
   */
  public ElfType type() {
    return header.type();
  }

  /**
   * 32 or 64.
   *
   * @return the class in bits
   */
  public int bits() {
    return header.bits();
  }

  /**
   * The file size.
   *
   * @return bytes
   */
  public long size() {
    return src.size();
  }

  /**
   * The limits this reader applies.
   *
   * @return the limits
   */
  public ElfLimits limits() {
    return limits;
  }

  /**
   * The section headers (with names), resolving the extended numbering escapes ({@code e_shnum == 0} and
   * {@code e_shstrndx == SHN_XINDEX} through section header 0). Empty when {@code e_shoff} is 0.
   *
   * @return the sections
   * @throws ElfFormatException when the section header table lies outside the file, its entry size is too small, or
   *     its count exceeds {@link ElfLimits#maxSections()}
   */
  public Sections sections() throws ElfFormatException {
    return sections.get();
  }

  /**
   * The first section with a name.
   *
   * @param name for example {@code ".comment"}
   * @return the section, empty when absent
   * @throws ElfFormatException when the section headers cannot be read
   */
  public Optional<Section> section(String name) throws ElfFormatException {
    return sections().named(name);
  }

  /**
   * The program headers, resolving {@code e_phnum == PN_XNUM} through section header 0.
   *
   * @return the segments (empty when there is no program header table)
   * @throws ElfFormatException when the table lies outside the file, its entry size is too small, or its count exceeds
   *     {@link ElfLimits#maxSegments()}
   */
  public Segments segments() throws ElfFormatException {
    return segments.get();
  }

  /**
   * The dynamic table (see {@link Dynamic}).
   *
   * @return the table, {@link Dynamic.Origin#NONE} and empty when the file has none
   * @throws ElfFormatException when the table's location is entirely outside the file
   */
  public Dynamic dynamic() throws ElfFormatException {
    return dynamic.get();
  }

  /**
   * The dynamic symbols ({@code .dynsym}, or {@code DT_SYMTAB} sized by {@code DT_HASH} / {@code DT_GNU_HASH} when
   * there are no section headers), with GNU versions.
   *
   * @return the symbols in table order, index 0 included
   * @throws ElfFormatException when the table cannot be located or read
   */
  public Symbols dynamicSymbols() throws ElfFormatException {
    return dynamicSymbols.get();
  }

  /**
   * The full symbol table ({@code .symtab}); empty in stripped files.
   *
   * @return the symbols in table order
   * @throws ElfFormatException when the section headers or the table cannot be read
   */
  public Symbols symbolTable() throws ElfFormatException {
    return symbolTable.get();
  }

  /**
   * The versions required from libraries ({@code .gnu.version_r}, or {@code DT_VERNEED}).
   *
   * @return the requirements, empty when unversioned
   * @throws ElfFormatException when the table cannot be located or read
   */
  public VersionRequirements versionRequirements() throws ElfFormatException {
    return versionNeeds.get();
  }

  /**
   * The versions this file defines ({@code .gnu.version_d}, or {@code DT_VERDEF}).
   *
   * @return the definitions in table order
   * @throws ElfFormatException when the table cannot be located or read
   */
  public List<VersionDefinition> versionDefinitions() throws ElfFormatException {
    return versionDefs.get();
  }

  /**
   * The notes as {@code readelf -n} finds them: from the {@code SHT_NOTE} sections when there are any, otherwise from
   * the {@code PT_NOTE} segments.
   *
   * @return the notes (damaged notes and unreadable headers are recorded as defects, the rest is returned)
   * @throws ElfFormatException only on an internal reader failure
   */
  public Notes notes() throws ElfFormatException {
    return notes.get();
  }

  /**
   * The notes the loader sees: from the {@code PT_NOTE} segments only, whatever the section headers say.
   *
   * @return the notes
   * @throws ElfFormatException when the program headers cannot be read
   */
  public Notes segmentNotes() throws ElfFormatException {
    return segmentNotes.get();
  }

  /**
   * The NUL-separated strings of the {@code .comment} section (compiler and linker identification).
   *
   * @return the non-empty strings, in order; empty when there is no such section
   * @throws ElfFormatException when the section headers cannot be read or the section lies outside the file
   */
  public List<String> comments() throws ElfFormatException {
    return comments.get();
  }

  /**
   * The program interpreter ({@code PT_INTERP}, or the {@code .interp} section).
   *
   * @return the path, empty when there is none
   * @throws ElfFormatException when the segment or section lies outside the file
   */
  public Optional<String> interpreter() throws ElfFormatException {
    return interpreter.get();
  }

  /**
   * The raw bytes of a section, for scans such as {@code .rodata} strings or {@code .go.buildinfo}.
   *
   * @param section a section of this file
   * @return a read-only buffer in the file's byte order (empty for {@code SHT_NOBITS})
   * @throws ElfFormatException when the section lies outside the file or exceeds {@link ElfLimits#maxSectionBytes()}
   */
  public ByteBuffer contents(Section section) throws ElfFormatException {
    if (!section.hasFileBytes()) {
      return ByteBuffer.allocate(0).asReadOnlyBuffer().order(header.byteOrder());
    }
    if (Long.compareUnsigned(section.size(), limits.maxSectionBytes()) > 0) {
      throw new ElfFormatException(
          section.offset(),
          "section " + section.name() + " has " + Long.toUnsignedString(section.size())
              + " bytes, more than the limit of " + limits.maxSectionBytes());
    }
    return input.region(section.offset(), section.size(), "section " + ElfInput.name(section));
  }

  /**
   * Raw bytes at a file offset.
   *
   * @param offset the file offset
   * @param length how many bytes (at most {@link ElfLimits#maxSectionBytes()})
   * @return a read-only buffer in the file's byte order
   * @throws ElfFormatException when the range lies outside the file or is too long
   */
  public ByteBuffer bytes(long offset, int length) throws ElfFormatException {
    if (length > limits.maxSectionBytes()) {
      throw new ElfFormatException(offset, length + " bytes requested, more than the limit " + limits.maxSectionBytes());
    }
    return input.region(offset, length, "bytes");
  }

  /**
   * Copies raw bytes at a file offset into an array. Unlike {@link #bytes}, which gives a view, a mapped file is read
   * with positional reads, so a scan of a large section does not make its pages resident in this process.
   *
   * <pre>{@code
   * byte[] chunk = new byte[1 << 20];
   * elf.read(rodata.offset(), chunk, 0, (int) Math.min(chunk.length, rodata.size()));
   * }</pre>
   *
   * @param offset the file offset
   * @param dst the destination
   * @param dstOffset where to write in {@code dst}
   * @param length how many bytes
   * @throws ElfFormatException when the range lies outside the file or cannot be read
   */
  public void read(long offset, byte[] dst, int dstOffset, int length) throws ElfFormatException {
    input.copy(offset, dst, dstOffset, length, "bytes");
  }

  /**
   * The compression header of a section: {@code Elf32_Chdr}/{@code Elf64_Chdr} for {@code SHF_COMPRESSED}, or the
   * legacy GNU {@code "ZLIB"} header of a {@code .zdebug*} section.
   *
   * @param section a section of this file
   * @return the header, empty when the section is not compressed
   * @throws ElfFormatException when the section is {@code SHF_COMPRESSED} but its header is cut or outside the file
   */
  public Optional<CompressionHeader> compressionHeader(Section section) throws ElfFormatException {
    return new CompressedSectionReader(input).header(section);
  }

  /**
   * The bytes of a section, decompressed when it is compressed (zlib or zstd, see {@link #compressionHeader}), at most
   * {@link #MAX_DECOMPRESSED} of them.
   *
   * <pre>{@code
   * ByteBuffer info = elf.uncompressedContents(elf.section(".debug_info").orElseThrow());
   * }</pre>
   *
   * @param section a section of this file
   * @return a read-only buffer in the file's byte order: a view of the file when not compressed, else a new array
   * @throws ElfFormatException when the header is damaged, the compression unknown, the data does not decode, or it
   *     decodes to more or fewer bytes than the header declares or than the cap
   */
  public ByteBuffer uncompressedContents(Section section) throws ElfFormatException {
    return uncompressedContents(section, MAX_DECOMPRESSED);
  }

  /**
   * {@link #uncompressedContents(Section)} with another cap on the decompressed size.
   *
   * @param section a section of this file
   * @param maxBytes the most bytes decompressed
   * @return the bytes
   * @throws ElfFormatException as {@link #uncompressedContents(Section)}
   */
  public ByteBuffer uncompressedContents(Section section, int maxBytes) throws ElfFormatException {
    return new CompressedSectionReader(input).contents(section, maxBytes);
  }

  /**
   * The NUL-separated strings of a section (decompressed when compressed), empty strings dropped, each cut at
   * {@link ElfLimits#maxStringLength()} (recorded as a defect).
   *
   * @param section a section of this file
   * @return the strings, in order
   * @throws ElfFormatException when the section cannot be read
   */
  public List<String> strings(Section section) throws ElfFormatException {
    return new BuildRecordReader(input).strings(section);
  }

  /**
   * The first DIE of every unit of the DWARF {@code .debug_info} (or {@code .zdebug_info}), decompressed when
   * compressed: {@code DW_AT_producer}, {@code DW_AT_language}, {@code DW_AT_name}. Units that cannot be read are
   * listed with their reasons, a section that cannot be decompressed gives {@link CompilationUnits#unreadable}.
   *
   * <pre>{@code
   * elf.compilationUnits().units().forEach(cu -> System.out.println(cu.producer().orElse("?")));
   * }</pre>
   *
   * @return the units, {@link CompilationUnits#none()} without DWARF
   * @throws ElfFormatException when the section headers cannot be read
   */
  public CompilationUnits compilationUnits() throws ElfFormatException {
    return compilationUnits.get();
  }

  /**
   * The strings of {@code .GCC.command.line}: the switches GCC records under {@code -frecord-gcc-switches} (the
   * producer string, without {@code -D}, {@code -W} or {@code -Wl} options) and Clang under
   * {@code -frecord-command-line} (the whole driver command line).
   *
   * @return the strings, empty when there is no such section
   * @throws ElfFormatException when the section headers or the section cannot be read
   */
  public List<String> recordedCommandLines() throws ElfFormatException {
    return commandLines.get();
  }

  /**
   * annobin's string notes ({@code .annobin.notes}); the binary notes of {@code .gnu.build.attributes} are among
   * {@link #notes()}.
   *
   * @return the notes, empty when there is no such section
   * @throws ElfFormatException when the section headers or the section cannot be read
   */
  public List<AnnobinStringNote> annobinStringNotes() throws ElfFormatException {
    return annobinStrings.get();
  }

  /**
   * Every function symbol's first bytes, read through the program headers (or, in a relocatable file, its section),
   * as a {@link dev.wheeltapper.isa.Prologue}: entry marker ({@code endbr64}, {@code bti c}, {@code paciasp}), stack
   * allocation and probes. x86-64 and AArch64 only; other machines give none, counted as skipped.
   *
   * <pre>{@code
   * elf.functionEntries().exported().forEach(f -> System.out.println(f.name() + " " + f.prologue().marker()));
   * }</pre>
   *
   * @return the functions, {@code .dynsym} exports first, at most {@link FunctionEntries#MAX_FUNCTIONS}
   * @throws ElfFormatException when {@code .dynsym} cannot be read
   */
  public FunctionEntries functionEntries() throws ElfFormatException {
    return functionEntries.get();
  }

  /**
   * Every defect in the file: reads every table not read yet (a full parse), and lists the damage found, including,
   * as defects, tables that could not be read at all.
   *
   * @return the defects, in the order found; empty for a clean file
   */
  public List<ElfDefect> defects() {
    try {
      return inspectAll.get();
    } catch (ElfFormatException e) {
      // readAll records failures itself; this is a safety net for a reader bug
      defects.add(e.offset(), "reader", e.reason());
      return defects.snapshot();
    }
  }

  /**
   * The defects recorded so far, without reading anything more.
   *
   * @return the defects found by the accessors called until now
   */
  public List<ElfDefect> defectsSoFar() {
    return defects.snapshot();
  }

  @Override
  public String toString() {
    return "ElfFile[" + header.bits() + "-bit " + header.endianLabel() + " " + header.machineLabel() + " "
        + header.type().label() + ", " + src.size() + " bytes]";
  }

  SectionHeader sectionZero() throws ElfFormatException {
    return sectionZero.get();
  }

  StringTable dynamicStrings() throws ElfFormatException {
    return dynamicStrings.get();
  }

  private List<ElfDefect> readAll() {
    List<Memo<?>> all = List.of(sections, segments, dynamic, dynamicSymbols, symbolTable, versionNeeds, versionDefs,
        notes, segmentNotes, interpreter);
    String[] names = {"section headers", "program headers", "dynamic table", ".dynsym", ".symtab",
      "version requirements", "version definitions", "notes", "PT_NOTE notes", "interpreter"};
    for (int i = 0; i < all.size(); i++) {
      try {
        all.get(i).get();
      } catch (ElfFormatException e) {
        defects.add(e.offset(), names[i], "unreadable: " + e.reason());
      }
    }
    try {
      if (!sections().isEmpty()) {
        comments();
      }
    } catch (ElfFormatException e) {
      defects.add(e.offset(), ".comment", "unreadable: " + e.reason());
    }
    return defects.snapshot();
  }
}
