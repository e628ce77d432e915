package dev.wheeltapper.pe;

import dev.wheeltapper.bytes.BoundedReader;
import dev.wheeltapper.bytes.ByteSource;
import dev.wheeltapper.bytes.ByteSources;
import dev.wheeltapper.pe.PeRecords.CertificateTable;
import dev.wheeltapper.pe.PeRecords.DataDirectory;
import dev.wheeltapper.pe.PeRecords.DebugEntry;
import dev.wheeltapper.pe.PeRecords.Header;
import dev.wheeltapper.pe.PeRecords.Import;
import dev.wheeltapper.pe.PeRecords.LoadConfig;
import dev.wheeltapper.pe.PeRecords.RichEntry;
import dev.wheeltapper.pe.PeRecords.Section;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A PE image (Windows DLL, {@code .pyd} or EXE), read from a bounds-checked {@link ByteSource}: DOS and PE headers
 * (PE32 and PE32+), sections, data directories, imports (including delay-load), exports, the load configuration (read
 * as far as its own Size field says), the debug directory with the CodeView PDB path, the Rich header, the Authenticode
 * certificate table and the overlay after the image.
 *
 * <pre>{@code
 * try (PeFile pe = PeFile.open(Path.of("simpleext.cp312-win_amd64.pyd"))) {
 *   pe.header().pe32Plus();                         // true
 *   pe.header().has(PeRecords.Header.DYNAMIC_BASE); // true
 *   pe.needed();                                    // [python312.dll, KERNEL32.dll, VCRUNTIME140.dll, ...]
 *   pe.overlaySize();                               // bytes after the image and its certificate table
 * }
 * }</pre>
 *
 * <p>Each part is read by the class named for it in the PE/COFF specification: {@code DosHeader} (MS-DOS stub,
 * {@code e_lfanew}), {@link CoffHeader}, {@link OptionalHeader} (with the data directory table), {@code SectionTable},
 * and one class per data directory: {@code ImportDirectory}, {@code DelayImportDirectory}, {@code ExportDirectory},
 * {@code LoadConfigDirectory}, {@code DebugDirectory} (CodeView), {@code ResourceDirectory} ({@link VersionInfo}),
 * {@code CertificateDirectory} ({@link Authenticode}); {@code RichHeader} reads the Rich header in the stub.
 *
 * <p>The headers and section table are read when the file is opened and must be sound ({@link PeFormatException}
 * otherwise). Every other part is read then too, but damage there is recorded in {@link #defects()} and the part is
 * left empty or cut short: no count or size from the file allocates memory beyond the limits below, and every loop is
 * bounded. Immutable after opening and thread-safe; closing releases the file when this object opened it.
 *
 * <p>Just over 400 lines: the public accessors and their Javadoc; the reading is in the classes named above.
 */
public final class PeFile implements Closeable {
  /** At most this many sections (the Windows loader accepts 96). */
  public static final int MAX_SECTIONS = SectionTable.MAX_SECTIONS;
  /** At most this many import descriptors (DLLs) per import table. */
  public static final int MAX_DLLS = 4096;
  /** At most this many imported functions in all. */
  public static final int MAX_FUNCTIONS = 100_000;
  /** At most this many exported names. */
  public static final int MAX_EXPORTS = 100_000;
  /** At most this many debug directory entries. */
  public static final int MAX_DEBUG_ENTRIES = 64;
  /** The longest name read. */
  public static final int MAX_NAME = 4096;

  private final ByteSource src;
  private final boolean owned;
  private final Header header;
  private final SectionTable sectionTable;
  private final List<DataDirectory> directories;
  private final Directories contents;
  private final List<RichEntry> rich;
  private final List<String> defects;

  /**
   * What the data directories hold, each read by the class named for it: damage in one is a defect and leaves it
   * empty or cut short (as far as it was read).
   */
  private record Directories(List<Import> imports, List<String> exports, Optional<String> exportDllName,
      Optional<LoadConfig> loadConfig, List<DebugEntry> debug, Optional<CertificateTable> certificates,
      Optional<VersionInfo> versionInfo) {}

  private PeFile(ByteSource src, boolean owned) throws PeFormatException {
    this.src = src;
    this.owned = owned;
    BoundedReader<PeFormatException> r = BoundedReader.of(src, ByteOrder.LITTLE_ENDIAN, PeFormatException::new);
    List<String> def = new ArrayList<>();
    // the parts every check needs: a PeFormatException when unreadable
    long lfanew = DosHeader.read(r);
    long coffAt = lfanew + 4;
    CoffHeader coff = CoffHeader.read(r, coffAt);
    long optAt = coffAt + CoffHeader.SIZE;
    OptionalHeader opt = OptionalHeader.read(r, optAt, coff);
    header = new Header(coff, opt);
    directories = opt.directories(r, optAt, coff.sizeOfOptionalHeader(), def);
    sectionTable = SectionTable.read(r, optAt + coff.sizeOfOptionalHeader(), coff, coffAt + 2,
        opt.sizeOfHeaders());
    // the optional parts, in this order (so are the defects): damage is recorded, the part kept as far as read
    List<Import> imps = new ArrayList<>();
    int[] budget = {MAX_FUNCTIONS};
    try {
      ImportDirectory.read(r, sectionTable, directory(DataDirectory.IMPORT), opt.pe32Plus(), imps, budget);
    } catch (PeFormatException e) {
      def.add("import table: " + e.getMessage());
    }
    try {
      DelayImportDirectory.read(r, sectionTable, directory(DataDirectory.DELAY_IMPORT), opt, imps, budget);
    } catch (PeFormatException e) {
      def.add("delay-load import table: " + e.getMessage());
    }
    List<String> exp = new ArrayList<>();
    Optional<String> expName = Optional.empty();
    try {
      expName = ExportDirectory.read(r, sectionTable, directory(DataDirectory.EXPORT), exp);
    } catch (PeFormatException e) {
      def.add("export table: " + e.getMessage());
    }
    Optional<LoadConfig> lc = Optional.empty();
    try {
      lc = LoadConfigDirectory.read(r, sectionTable, directory(DataDirectory.LOAD_CONFIG), opt.pe32Plus());
    } catch (PeFormatException e) {
      def.add("load config: " + e.getMessage());
    }
    List<DebugEntry> dbg = new ArrayList<>();
    try {
      DebugDirectory.read(r, sectionTable, directory(DataDirectory.DEBUG), dbg, def);
    } catch (PeFormatException e) {
      def.add("debug directory: " + e.getMessage());
    }
    List<RichEntry> rh = List.of();
    try {
      rh = RichHeader.read(r, lfanew);
    } catch (PeFormatException e) {
      def.add("Rich header: " + e.getMessage());
    }
    rich = rh;
    Optional<CertificateTable> cert = CertificateDirectory.read(r, directory(DataDirectory.SECURITY), def);
    Optional<VersionInfo> vi = Optional.empty();
    try {
      vi = ResourceDirectory.versionInfo(r, sectionTable, directory(DataDirectory.RESOURCE));
    } catch (PeFormatException e) {
      def.add("version resource: " + e.getMessage());
    }
    contents = new Directories(List.copyOf(imps), List.copyOf(exp), expName, lc, List.copyOf(dbg), cert, vi);
    defects = List.copyOf(def);
  }

  /**
   * Opens and maps a file.
   *
   * @param file the file
   * @return the image; close it to release the file
   * @throws PeFormatException when the headers or section table cannot be read
   * @throws IOException when the file cannot be opened
   */
  public static PeFile open(Path file) throws IOException {
    ByteSource src = ByteSources.map(file);
    try {
      return new PeFile(src, true);
    } catch (PeFormatException | RuntimeException e) {
      src.close();
      throw e;
    }
  }

  /**
   * Reads an image from a source the caller keeps open (and closes).
   *
   * @param src the bytes
   * @return the image; closing it does not close {@code src}
   * @throws PeFormatException when the headers or section table cannot be read
   */
  public static PeFile read(ByteSource src) throws PeFormatException {
    return new PeFile(Objects.requireNonNull(src, "src"), false);
  }

  /**
   * Reads exactly {@code size} bytes of a stream (a wheel entry), in memory up to 64 MiB and spilled to a temporary
   * file above.
   *
   * @param in the stream, read and not closed
   * @param size the number of bytes the stream holds
   * @return the image; close it to release a spilled file
   * @throws PeFormatException when the headers or section table cannot be read
   * @throws IOException when the stream cannot be read or holds another size
   */
  public static PeFile read(InputStream in, long size) throws IOException {
    ByteSource src = ByteSources.fromStream(in, size, ByteSources.DEFAULT_MEMORY_THRESHOLD);
    try {
      return new PeFile(src, true);
    } catch (PeFormatException | RuntimeException e) {
      src.close();
      throw e;
    }
  }

  /**
   * Maps an RVA to a file offset through the section table (or the headers, below SizeOfHeaders).
   *
   * @param rva the relative virtual address
   * @return the file offset, empty when no section holds file bytes there
   */
  public Optional<Long> rvaToOffset(long rva) {
    return sectionTable.rvaToOffset(rva);
  }

  /**
   * The underlying bytes.
   *
   * @return the source
   */
  public ByteSource source() {
    return src;
  }

  /**
   * The compiler identification strings MinGW/GCC ({@code GCC: (...) 13.2.0}) and clang ({@code clang version ...})
   * leave in the initialised, non-executable sections, in file order without duplicates: at most 8, searched in at
   * most 64 MiB of sections. Read from the source on each call, so call it while the image is open; an unreadable
   * section is skipped.
   *
   * @return the strings, empty for an image built by MSVC alone
   */
  public List<String> producerStrings() {
    return ProducerStrings.read(src, sectionTable.sections());
  }

  /**
   * The file size.
   *
   * @return the number of bytes
   */
  public long size() {
    return src.size();
  }

  /**
   * The COFF and optional header fields.
   *
   * @return the header
   */
  public Header header() {
    return header;
  }

  /**
   * The section headers in file order.
   *
   * @return the sections
   */
  public List<Section> sections() {
    return sectionTable.sections();
  }

  /**
   * The data directories the optional header declares (at most 16).
   *
   * @return the directories in index order
   */
  public List<DataDirectory> dataDirectories() {
    return directories;
  }

  /**
   * One data directory.
   *
   * @param index its index ({@link DataDirectory#IMPORT} ...)
   * @return the entry, when declared
   */
  public Optional<DataDirectory> directory(int index) {
    return index >= 0 && index < directories.size() ? Optional.of(directories.get(index)) : Optional.empty();
  }

  /**
   * The imports: the import table's DLLs, then the delay-loaded ones.
   *
   * @return the imports in table order
   */
  public List<Import> imports() {
    return contents.imports();
  }

  /**
   * The DLL names the image needs (the import table, then delay-loaded ones), without duplicates.
   *
   * @return the names as written
   */
  public List<String> needed() {
    Set<String> s = new LinkedHashSet<>();
    contents.imports().forEach(i -> s.add(i.dll()));
    return List.copyOf(s);
  }

  /**
   * Every imported function name across all DLLs.
   *
   * @return the names ({@code #n} for ordinals)
   */
  public Set<String> importedFunctions() {
    Set<String> s = new LinkedHashSet<>();
    contents.imports().forEach(i -> s.addAll(i.functions()));
    return s;
  }

  /**
   * The exported names.
   *
   * @return the names in table order
   */
  public List<String> exports() {
    return contents.exports();
  }

  /**
   * The DLL name the export directory records.
   *
   * @return the name, when there is an export directory
   */
  public Optional<String> exportDllName() {
    return contents.exportDllName();
  }

  /**
   * The load configuration, when the image has one.
   *
   * @return the fields the checks read
   */
  public Optional<LoadConfig> loadConfig() {
    return contents.loadConfig();
  }

  /**
   * The debug directory entries.
   *
   * @return the entries
   */
  public List<DebugEntry> debugEntries() {
    return contents.debug();
  }

  /**
   * The PDB path of the first CodeView entry.
   *
   * @return the path the linker recorded
   */
  public Optional<String> pdbPath() {
    return contents.debug().stream().map(DebugEntry::pdbPath).flatMap(Optional::stream).findFirst();
  }

  /**
   * The Rich header entries (Microsoft linker only).
   *
   * @return the entries, empty without a Rich header
   */
  public List<RichEntry> richHeader() {
    return rich;
  }

  /**
   * The Authenticode certificate table, when data directory 4 points somewhere.
   *
   * @return the table; presence only, the signature is not verified
   */
  public Optional<CertificateTable> certificateTable() {
    return contents.certificates();
  }

  /**
   * The version resource: fixed versions and the {@code StringFileInfo} strings.
   *
   * @return the version info, when the image has an {@code RT_VERSION} resource
   */
  public Optional<VersionInfo> versionInfo() {
    return contents.versionInfo();
  }

  /**
   * Where the image ends: the end of the headers and of the last section's file bytes.
   *
   * @return the file offset
   */
  public long imageEnd() {
    return sectionTable.imageEnd();
  }

  /**
   * The number of bytes after the image that are not the certificate table (data appended to the file).
   *
   * @return the overlay size, 0 when none
   */
  public long overlaySize() {
    long end = sectionTable.imageEnd();
    Optional<CertificateTable> certificates = contents.certificates();
    if (certificates.isPresent()) {
      CertificateTable c = certificates.get();
      if (c.offset() >= end && c.offset() <= src.size()) {
        // the certificate table sits after the image; bytes beyond it (or between) are still an overlay
        long certEnd = Math.min(src.size(), c.offset() + c.size());
        return Math.max(0, src.size() - certEnd) + Math.max(0, c.offset() - end);
      }
    }
    return Math.max(0, src.size() - end);
  }

  /**
   * Damage found in optional parts, each a sentence; the part is left empty or cut short.
   *
   * @return the defects
   */
  public List<String> defects() {
    return defects;
  }

  @Override
  public void close() throws IOException {
    if (owned) {
      src.close();
    }
  }
}
