package dev.wheeltapper.pe;

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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
 * <p>The headers and section table are read when the file is opened and must be sound ({@link PeFormatException}
 * otherwise). Every other part is read then too, but damage there is recorded in {@link #defects()} and the part is
 * left empty or cut short: no count or size from the file allocates memory beyond the limits below, and every loop is
 * bounded. Immutable after opening and thread-safe; closing releases the file when this object opened it.
 */
public final class PeFile implements Closeable {
  /** At most this many sections (the Windows loader accepts 96). */
  public static final int MAX_SECTIONS = 96;
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
  private final List<Section> sections;
  private final List<DataDirectory> directories;
  private final List<Import> imports;
  private final List<String> exports;
  private final Optional<String> exportName;
  private final Optional<LoadConfig> loadConfig;
  private final List<DebugEntry> debug;
  private final List<RichEntry> rich;
  private final Optional<CertificateTable> certificates;
  private final Optional<VersionInfo> versionInfo;
  private final long imageEnd;
  private final List<String> defects;

  private PeFile(ByteSource src, boolean owned) throws PeFormatException {
    this.src = src;
    this.owned = owned;
    Le r = new Le(src);
    List<String> def = new ArrayList<>();
    if (src.size() < 0x40 || r.u16(0, "DOS header") != 0x5a4d) {
      throw new PeFormatException(0, "no MZ DOS header");
    }
    long lfanew = r.u32(0x3c, "e_lfanew");
    if (r.u32(lfanew, "PE signature") != 0x4550L) {
      throw new PeFormatException(lfanew, "no PE\\0\\0 signature where e_lfanew points");
    }
    long coff = lfanew + 4;
    int machine = r.u16(coff, "Machine");
    int nsect = r.u16(coff + 2, "NumberOfSections");
    long stamp = r.u32(coff + 4, "TimeDateStamp");
    int optSize = r.u16(coff + 16, "SizeOfOptionalHeader");
    int chars = r.u16(coff + 18, "Characteristics");
    long opt = coff + 20;
    int magic = r.u16(opt, "optional header Magic");
    boolean plus;
    if (magic == 0x20b) {
      plus = true;
    } else if (magic == 0x10b) {
      plus = false;
    } else {
      throw new PeFormatException(opt, "optional header magic 0x" + Integer.toHexString(magic)
          + " is neither PE32 (0x10b) nor PE32+ (0x20b)");
    }
    int fixed = plus ? 112 : 96;
    if (optSize < fixed) {
      throw new PeFormatException(coff + 16, "SizeOfOptionalHeader " + optSize + " is below the " + fixed
          + " bytes of the fixed fields");
    }
    ByteBuffer o = r.buf(opt, fixed, "optional header");
    long imageBase = plus ? o.getLong(24) : o.getInt(28) & 0xffffffffL;
    header = new Header(machine, nsect, stamp, chars, magic, o.get(2) & 0xff, o.get(3) & 0xff,
        o.getInt(16) & 0xffffffffL, imageBase, o.getInt(56) & 0xffffffffL, o.getInt(60) & 0xffffffffL,
        o.getInt(64) & 0xffffffffL, o.getShort(68) & 0xffff, o.getShort(70) & 0xffff, o.getShort(48) & 0xffff,
        o.getShort(50) & 0xffff);
    long ndirs = o.getInt(fixed - 4) & 0xffffffffL;
    long roomForDirs = (optSize - fixed) / 8;
    if (ndirs > roomForDirs) {
      def.add("NumberOfRvaAndSizes " + ndirs + " exceeds the optional header (room for " + roomForDirs + ")");
      ndirs = roomForDirs;
    }
    ndirs = Math.min(ndirs, 16);
    List<DataDirectory> dirs = new ArrayList<>();
    for (int i = 0; i < ndirs; i++) {
      long at = opt + fixed + 8L * i;
      dirs.add(new DataDirectory(i, r.u32(at, "data directory"), r.u32(at + 4, "data directory")));
    }
    directories = List.copyOf(dirs);
    if (nsect > MAX_SECTIONS) {
      throw new PeFormatException(coff + 2, "NumberOfSections " + nsect + " exceeds " + MAX_SECTIONS);
    }
    long sectAt = opt + optSize;
    if (!src.contains(sectAt, 40L * nsect)) {
      throw new PeFormatException(sectAt, "section table of " + nsect + " entries runs past the end of the file");
    }
    List<Section> sects = new ArrayList<>();
    long end = header.sizeOfHeaders();
    for (int i = 0; i < nsect; i++) {
      ByteBuffer s = r.buf(sectAt + 40L * i, 40, "section header");
      byte[] name = new byte[8];
      s.get(0, name);
      int n = 0;
      while (n < 8 && name[n] != 0) {
        n++;
      }
      Section sec = new Section(new String(name, 0, n, StandardCharsets.ISO_8859_1), s.getInt(8) & 0xffffffffL,
          s.getInt(12) & 0xffffffffL, s.getInt(16) & 0xffffffffL, s.getInt(20) & 0xffffffffL,
          s.getInt(36) & 0xffffffffL);
      sects.add(sec);
      if (sec.sizeOfRawData() > 0) {
        end = Math.max(end, sec.pointerToRawData() + sec.sizeOfRawData());
      }
    }
    sections = List.copyOf(sects);
    imageEnd = Math.min(end, src.size());

    List<Import> imps = new ArrayList<>();
    int[] budget = {MAX_FUNCTIONS};
    try {
      readImports(r, imps, budget);
    } catch (PeFormatException e) {
      def.add("import table: " + e.getMessage());
    }
    try {
      readDelayImports(r, imps, budget);
    } catch (PeFormatException e) {
      def.add("delay-load import table: " + e.getMessage());
    }
    imports = List.copyOf(imps);
    List<String> exp = new ArrayList<>();
    Optional<String> expName = Optional.empty();
    try {
      expName = readExports(r, exp);
    } catch (PeFormatException e) {
      def.add("export table: " + e.getMessage());
    }
    exports = List.copyOf(exp);
    exportName = expName;
    Optional<LoadConfig> lc = Optional.empty();
    try {
      lc = readLoadConfig(r);
    } catch (PeFormatException e) {
      def.add("load config: " + e.getMessage());
    }
    loadConfig = lc;
    List<DebugEntry> dbg = new ArrayList<>();
    try {
      readDebug(r, dbg, def);
    } catch (PeFormatException e) {
      def.add("debug directory: " + e.getMessage());
    }
    debug = List.copyOf(dbg);
    List<RichEntry> rh = new ArrayList<>();
    try {
      readRich(r, lfanew, rh);
    } catch (PeFormatException e) {
      def.add("Rich header: " + e.getMessage());
      rh.clear();
    }
    rich = List.copyOf(rh);
    Optional<CertificateTable> cert = Optional.empty();
    Optional<DataDirectory> sec = directory(DataDirectory.SECURITY);
    if (sec.isPresent() && sec.get().present()) {
      DataDirectory d = sec.get();
      Optional<Integer> type = Optional.empty();
      if (src.contains(d.address(), Math.max(8, d.size()))) {
        type = Optional.of(r.u16(d.address() + 6, "WIN_CERTIFICATE"));
      } else {
        def.add("certificate table 0x" + Long.toHexString(d.address()) + "+" + d.size() + " runs past the end of the"
            + " file");
      }
      cert = Optional.of(new CertificateTable(d.address(), d.size(), type));
    }
    certificates = cert;
    Optional<VersionInfo> vi = Optional.empty();
    try {
      vi = readVersionInfo(r);
    } catch (PeFormatException e) {
      def.add("version resource: " + e.getMessage());
    }
    versionInfo = vi;
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
    if (rva < 0) {
      return Optional.empty();
    }
    if (rva < header.sizeOfHeaders()) {
      return rva < src.size() ? Optional.of(rva) : Optional.empty();
    }
    for (Section s : sections) {
      long va = s.virtualAddress();
      if (rva >= va && rva - va < s.sizeOfRawData()) {
        long off = s.pointerToRawData() + (rva - va);
        return off < src.size() ? Optional.of(off) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private long offset(long rva, String what) throws PeFormatException {
    return rvaToOffset(rva).orElseThrow(() -> new PeFormatException(-1, what + " at RVA 0x" + Long.toHexString(rva)
        + " lies in no section's file bytes"));
  }

  private String nameAt(Le r, long rva, String what) throws PeFormatException {
    return r.cstring(offset(rva, what), MAX_NAME, what);
  }

  private void readImports(Le r, List<Import> out, int[] budget) throws PeFormatException {
    Optional<DataDirectory> d = directory(DataDirectory.IMPORT);
    if (d.isEmpty() || !d.get().present()) {
      return;
    }
    long at = offset(d.get().address(), "import directory");
    for (int i = 0; i < MAX_DLLS; i++) {
      ByteBuffer b = r.buf(at + 20L * i, 20, "import descriptor");
      long ilt = b.getInt(0) & 0xffffffffL;
      long name = b.getInt(12) & 0xffffffffL;
      long iat = b.getInt(16) & 0xffffffffL;
      if (ilt == 0 && name == 0 && iat == 0) {
        return;
      }
      String dll = nameAt(r, name, "imported DLL name");
      out.add(new Import(dll, false, thunks(r, ilt != 0 ? ilt : iat, budget)));
    }
    throw new PeFormatException(at, "more than " + MAX_DLLS + " import descriptors");
  }

  private void readDelayImports(Le r, List<Import> out, int[] budget) throws PeFormatException {
    Optional<DataDirectory> d = directory(DataDirectory.DELAY_IMPORT);
    if (d.isEmpty() || !d.get().present()) {
      return;
    }
    long at = offset(d.get().address(), "delay-load directory");
    for (int i = 0; i < MAX_DLLS; i++) {
      ByteBuffer b = r.buf(at + 32L * i, 32, "delay-load descriptor");
      long attributes = b.getInt(0) & 0xffffffffL;
      long name = b.getInt(4) & 0xffffffffL;
      long int_ = b.getInt(16) & 0xffffffffL;
      if (name == 0) {
        return;
      }
      // attribute bit 0 clear: Visual C++ 6 wrote virtual addresses instead of RVAs
      long base = (attributes & 1) == 0 ? header.imageBase() : 0;
      // the fields are 32 bits wide: VAs wrap like the loader's 32-bit arithmetic
      String dll = nameAt(r, (name - base) & 0xffffffffL, "delay-loaded DLL name");
      List<String> fns = int_ == 0 ? List.of() : thunks(r, (int_ - base) & 0xffffffffL, budget);
      out.add(new Import(dll, true, fns));
    }
    throw new PeFormatException(at, "more than " + MAX_DLLS + " delay-load descriptors");
  }

  private List<String> thunks(Le r, long rva, int[] budget) throws PeFormatException {
    List<String> fns = new ArrayList<>();
    long at = offset(rva, "import lookup table");
    int width = header.pe32Plus() ? 8 : 4;
    while (budget[0] > 0) {
      long v = width == 8 ? r.u64(at, "import thunk") : r.u32(at, "import thunk");
      if (v == 0) {
        return fns;
      }
      budget[0]--;
      boolean ordinal = width == 8 ? v < 0 : (v & 0x80000000L) != 0;
      if (ordinal) {
        fns.add("#" + (v & 0xffff));
      } else {
        long hint = v & 0x7fffffffL;
        Optional<Long> off = rvaToOffset(hint + 2);
        fns.add(off.isPresent() ? r.cstring(off.get(), MAX_NAME, "imported function name") : "?");
      }
      at += width;
    }
    throw new PeFormatException(at, "more than " + MAX_FUNCTIONS + " imported functions");
  }

  private Optional<String> readExports(Le r, List<String> out) throws PeFormatException {
    Optional<DataDirectory> d = directory(DataDirectory.EXPORT);
    if (d.isEmpty() || !d.get().present()) {
      return Optional.empty();
    }
    ByteBuffer b = r.buf(offset(d.get().address(), "export directory"), 40, "export directory");
    long name = b.getInt(12) & 0xffffffffL;
    long count = b.getInt(24) & 0xffffffffL;
    long names = b.getInt(32) & 0xffffffffL;
    Optional<String> dllName = name == 0 ? Optional.empty() : Optional.of(nameAt(r, name, "export DLL name"));
    if (count > MAX_EXPORTS) {
      throw new PeFormatException(-1, "NumberOfNames " + count + " exceeds " + MAX_EXPORTS);
    }
    if (count > 0) {
      long at = offset(names, "export name pointer table");
      for (long i = 0; i < count; i++) {
        out.add(nameAt(r, r.u32(at + 4 * i, "export name pointer"), "exported name"));
      }
    }
    return dllName;
  }

  private Optional<LoadConfig> readLoadConfig(Le r) throws PeFormatException {
    Optional<DataDirectory> d = directory(DataDirectory.LOAD_CONFIG);
    if (d.isEmpty() || !d.get().present()) {
      return Optional.empty();
    }
    long at = offset(d.get().address(), "load config");
    long size = r.u32(at, "load config Size");
    // the structure's own Size field says how many fields the linker wrote (winchecksec reads it the same way)
    long avail = Math.min(size, src.size() - at);
    boolean plus = header.pe32Plus();
    return Optional.of(new LoadConfig(size,
        field(r, at, avail, plus ? 88 : 60, plus),
        field(r, at, avail, plus ? 96 : 64, plus),
        field(r, at, avail, plus ? 104 : 68, plus),
        avail >= (plus ? 148 : 92) ? Optional.of(r.u32(at + (plus ? 144 : 88), "GuardFlags")) : Optional.empty(),
        avail >= (plus ? 80 : 56) ? Optional.of(r.u16(at + (plus ? 78 : 54), "DependentLoadFlags"))
            : Optional.empty()));
  }

  private static Optional<Long> field(Le r, long base, long avail, int off, boolean wide) throws PeFormatException {
    int w = wide ? 8 : 4;
    if (avail < off + w) {
      return Optional.empty();
    }
    return Optional.of(wide ? r.u64(base + off, "load config") : r.u32(base + off, "load config"));
  }

  private void readDebug(Le r, List<DebugEntry> out, List<String> def) throws PeFormatException {
    Optional<DataDirectory> d = directory(DataDirectory.DEBUG);
    if (d.isEmpty() || !d.get().present()) {
      return;
    }
    long at = offset(d.get().address(), "debug directory");
    long n = Math.min(d.get().size() / 28, MAX_DEBUG_ENTRIES);
    for (int i = 0; i < n; i++) {
      ByteBuffer b = r.buf(at + 28L * i, 28, "debug directory entry");
      long type = b.getInt(12) & 0xffffffffL;
      long size = b.getInt(16) & 0xffffffffL;
      long ptr = b.getInt(24) & 0xffffffffL;
      Optional<String> pdb = Optional.empty();
      Optional<Long> ex = Optional.empty();
      if (!src.contains(ptr, size)) {
        def.add("debug entry " + i + " data 0x" + Long.toHexString(ptr) + "+" + size + " runs past the end");
      } else if (type == DebugEntry.CODEVIEW && size >= 24 && r.u32(ptr, "CodeView") == 0x53445352L) {
        pdb = Optional.of(r.cstring(ptr + 24, (int) Math.min(MAX_NAME, size - 24 + 1), "PDB path"));
      } else if (type == DebugEntry.EX_DLLCHARACTERISTICS && size >= 4) {
        ex = Optional.of(r.u32(ptr, "extended DLL characteristics"));
      }
      out.add(new DebugEntry(type, ptr, size, pdb, ex));
    }
  }

  /**
   * Finds {@code RT_VERSION} (type 16) in the resource tree (type, name, language: three levels, first entry of each)
   * and parses it.
   */
  private Optional<VersionInfo> readVersionInfo(Le r) throws PeFormatException {
    Optional<DataDirectory> d = directory(DataDirectory.RESOURCE);
    if (d.isEmpty() || !d.get().present()) {
      return Optional.empty();
    }
    long root = offset(d.get().address(), "resource directory");
    long dir = root;
    for (int level = 0; level < 3; level++) {
      int named = r.u16(dir + 12, "resource directory");
      int ids = r.u16(dir + 14, "resource directory");
      long found = -1;
      for (int i = 0; i < named + ids; i++) { // at most 131070 entries of 8 bytes, each read checked
        long e = dir + 16 + 8L * i;
        long name = r.u32(e, "resource entry");
        long target = r.u32(e + 4, "resource entry");
        if (level > 0 || name == 16) {
          found = target;
          break;
        }
      }
      if (found < 0) {
        return Optional.empty();
      }
      boolean subdir = (found & 0x80000000L) != 0;
      long next = root + (found & 0x7fffffffL);
      if (level < 2 != subdir) {
        throw new PeFormatException(dir, "resource tree is not three levels deep");
      }
      dir = next;
    }
    long rva = r.u32(dir, "resource data entry");
    long size = r.u32(dir + 4, "resource data entry");
    if (size > VersionInfo.MAX_SIZE) {
      throw new PeFormatException(dir, "version resource of " + size + " bytes exceeds " + VersionInfo.MAX_SIZE);
    }
    long at = offset(rva, "version resource");
    ByteBuffer b = r.buf(at, (int) size, "version resource");
    byte[] bytes = new byte[(int) size];
    b.get(0, bytes);
    return Optional.of(VersionInfo.parse(bytes));
  }

  /** The Rich header: "Rich" and an XOR key after the DOS stub, "DanS" XOR key at its start. */
  private static void readRich(Le r, long lfanew, List<RichEntry> out) throws PeFormatException {
    long limit = Math.min(lfanew, 0x1000);
    long rich = -1;
    for (long p = 0x80; p + 8 <= limit; p += 4) {
      if (r.u32(p, "Rich marker") == 0x68636952L) {
        rich = p;
        break;
      }
    }
    if (rich < 0) {
      return;
    }
    long key = r.u32(rich + 4, "Rich key");
    long start = -1;
    for (long p = rich - 8; p >= 0x40; p -= 4) {
      if ((r.u32(p, "Rich header") ^ key) == 0x536e6144L) {
        start = p;
        break;
      }
    }
    if (start < 0) {
      throw new PeFormatException(rich, "Rich marker without a DanS start");
    }
    // DanS and three padding words, then (comp id, count) pairs
    for (long p = start + 16; p + 8 <= rich; p += 8) {
      long comp = r.u32(p, "Rich entry") ^ key;
      long count = r.u32(p + 4, "Rich entry") ^ key;
      out.add(new RichEntry((int) (comp >>> 16), (int) (comp & 0xffff), count));
    }
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
    return sections;
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
    return imports;
  }

  /**
   * The DLL names the image needs (the import table, then delay-loaded ones), without duplicates.
   *
   * @return the names as written
   */
  public List<String> needed() {
    Set<String> s = new LinkedHashSet<>();
    imports.forEach(i -> s.add(i.dll()));
    return List.copyOf(s);
  }

  /**
   * Every imported function name across all DLLs.
   *
   * @return the names ({@code #n} for ordinals)
   */
  public Set<String> importedFunctions() {
    Set<String> s = new LinkedHashSet<>();
    imports.forEach(i -> s.addAll(i.functions()));
    return s;
  }

  /**
   * The exported names.
   *
   * @return the names in table order
   */
  public List<String> exports() {
    return exports;
  }

  /**
   * The DLL name the export directory records.
   *
   * @return the name, when there is an export directory
   */
  public Optional<String> exportDllName() {
    return exportName;
  }

  /**
   * The load configuration, when the image has one.
   *
   * @return the fields the checks read
   */
  public Optional<LoadConfig> loadConfig() {
    return loadConfig;
  }

  /**
   * The debug directory entries.
   *
   * @return the entries
   */
  public List<DebugEntry> debugEntries() {
    return debug;
  }

  /**
   * The PDB path of the first CodeView entry.
   *
   * @return the path the linker recorded
   */
  public Optional<String> pdbPath() {
    return debug.stream().map(DebugEntry::pdbPath).flatMap(Optional::stream).findFirst();
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
    return certificates;
  }

  /**
   * The version resource: fixed versions and the {@code StringFileInfo} strings.
   *
   * @return the version info, when the image has an {@code RT_VERSION} resource
   */
  public Optional<VersionInfo> versionInfo() {
    return versionInfo;
  }

  /**
   * Where the image ends: the end of the headers and of the last section's file bytes.
   *
   * @return the file offset
   */
  public long imageEnd() {
    return imageEnd;
  }

  /**
   * The number of bytes after the image that are not the certificate table (data appended to the file).
   *
   * @return the overlay size, 0 when none
   */
  public long overlaySize() {
    long end = imageEnd;
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
