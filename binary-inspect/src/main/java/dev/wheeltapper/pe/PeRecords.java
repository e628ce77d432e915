package dev.wheeltapper.pe;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The typed parts of a PE image that {@link PeFile} hands out. Each is an immutable, thread-safe record. Over 400
 * lines because {@link Header} keeps, for its callers, an accessor per field of the two headers it joins.
 *
 * <pre>{@code
 * PeRecords.Section text = pe.sections().get(0);
 * text.name();   // ".text"
 * }</pre>
 */
public final class PeRecords {
  private PeRecords() {}

  /**
   * The COFF file header and the optional header, with the fields the checks read by their specification names.
   *
   * <pre>{@code
   * PeRecords.Header h = pe.header();
   * h.pe32Plus();                                // true
   * h.has(PeRecords.Header.DYNAMIC_BASE);        // ASLR
   * h.coff().timeDateStamp();
   * }</pre>
   *
   * @param coff the COFF file header
   * @param optional the optional header
   */
  public record Header(CoffHeader coff, OptionalHeader optional) {

    /** IMAGE_FILE_RELOCS_STRIPPED. */
    public static final int RELOCS_STRIPPED = CoffHeader.RELOCS_STRIPPED;
    /** IMAGE_FILE_EXECUTABLE_IMAGE. */
    public static final int EXECUTABLE_IMAGE = CoffHeader.EXECUTABLE_IMAGE;
    /** IMAGE_FILE_DLL. */
    public static final int DLL = CoffHeader.DLL;
    /** IMAGE_DLLCHARACTERISTICS_HIGH_ENTROPY_VA. */
    public static final int HIGH_ENTROPY_VA = OptionalHeader.HIGH_ENTROPY_VA;
    /** IMAGE_DLLCHARACTERISTICS_DYNAMIC_BASE. */
    public static final int DYNAMIC_BASE = OptionalHeader.DYNAMIC_BASE;
    /** IMAGE_DLLCHARACTERISTICS_FORCE_INTEGRITY. */
    public static final int FORCE_INTEGRITY = OptionalHeader.FORCE_INTEGRITY;
    /** IMAGE_DLLCHARACTERISTICS_NX_COMPAT. */
    public static final int NX_COMPAT = OptionalHeader.NX_COMPAT;
    /** IMAGE_DLLCHARACTERISTICS_NO_ISOLATION. */
    public static final int NO_ISOLATION = OptionalHeader.NO_ISOLATION;
    /** IMAGE_DLLCHARACTERISTICS_NO_SEH. */
    public static final int NO_SEH = OptionalHeader.NO_SEH;
    /** IMAGE_DLLCHARACTERISTICS_NO_BIND. */
    public static final int NO_BIND = OptionalHeader.NO_BIND;
    /** IMAGE_DLLCHARACTERISTICS_APPCONTAINER. */
    public static final int APPCONTAINER = OptionalHeader.APPCONTAINER;
    /** IMAGE_DLLCHARACTERISTICS_GUARD_CF. */
    public static final int GUARD_CF = OptionalHeader.GUARD_CF;
    /** IMAGE_DLLCHARACTERISTICS_TERMINAL_SERVER_AWARE. */
    public static final int TERMINAL_SERVER_AWARE = OptionalHeader.TERMINAL_SERVER_AWARE;

    /** Rejects nulls. */
    public Header {
      Objects.requireNonNull(coff, "coff");
      Objects.requireNonNull(optional, "optional");
    }

    /**
     * IMAGE_FILE_HEADER.Machine.
     *
     * @return {@code 0x8664} AMD64, {@code 0x14c} I386, {@code 0xaa64} ARM64 ...
     */
    public int machine() {
      return coff.machine();
    }

    /**
     * The declared section count.
     *
     * @return NumberOfSections
     */
    public int numberOfSections() {
      return coff.numberOfSections();
    }

    /**
     * The link time stamp.
     *
     * @return seconds since 1970, or a reproducible-build hash
     */
    public long timeDateStamp() {
      return coff.timeDateStamp();
    }

    /**
     * IMAGE_FILE_HEADER.Characteristics.
     *
     * @return the flags
     */
    public int characteristics() {
      return coff.characteristics();
    }

    /**
     * The optional header magic.
     *
     * @return {@code 0x10b} PE32 or {@code 0x20b} PE32+
     */
    public int magic() {
      return optional.magic();
    }

    /**
     * The linker's major version.
     *
     * @return MajorLinkerVersion
     */
    public int majorLinkerVersion() {
      return optional.linkerVersion().major();
    }

    /**
     * The linker's minor version.
     *
     * @return MinorLinkerVersion
     */
    public int minorLinkerVersion() {
      return optional.linkerVersion().minor();
    }

    /**
     * AddressOfEntryPoint.
     *
     * @return an RVA
     */
    public long entryPoint() {
      return optional.entryPoint();
    }

    /**
     * The preferred load address.
     *
     * @return ImageBase
     */
    public long imageBase() {
      return optional.imageBase();
    }

    /**
     * SizeOfImage.
     *
     * @return the size in memory
     */
    public long sizeOfImage() {
      return optional.sizeOfImage();
    }

    /**
     * SizeOfHeaders.
     *
     * @return the size of the headers in the file
     */
    public long sizeOfHeaders() {
      return optional.sizeOfHeaders();
    }

    /**
     * The optional header CheckSum.
     *
     * @return the checksum, 0 when not set
     */
    public long checkSum() {
      return optional.checkSum();
    }

    /**
     * The Subsystem.
     *
     * @return the subsystem number
     */
    public int subsystem() {
      return optional.subsystem();
    }

    /**
     * IMAGE_OPTIONAL_HEADER.DllCharacteristics.
     *
     * @return the flags
     */
    public int dllCharacteristics() {
      return optional.dllCharacteristics();
    }

    /**
     * The minimum Windows major version.
     *
     * @return MajorSubsystemVersion
     */
    public int majorSubsystemVersion() {
      return optional.subsystemVersion().major();
    }

    /**
     * The minimum Windows minor version.
     *
     * @return MinorSubsystemVersion
     */
    public int minorSubsystemVersion() {
      return optional.subsystemVersion().minor();
    }

    /**
     * Whether this is PE32+ (64-bit).
     *
     * @return true for magic {@code 0x20b}
     */
    public boolean pe32Plus() {
      return optional.pe32Plus();
    }

    /**
     * Whether a DllCharacteristics flag is set.
     *
     * @param flag one of the constants
     * @return true when set
     */
    public boolean has(int flag) {
      return optional.has(flag);
    }

    /**
     * Whether the image is a DLL (IMAGE_FILE_DLL).
     *
     * @return true for a DLL or {@code .pyd}
     */
    public boolean isDll() {
      return coff.isDll();
    }

    /**
     * Whether relocations were stripped (IMAGE_FILE_RELOCS_STRIPPED): the image can only load at its ImageBase.
     *
     * @return true when stripped
     */
    public boolean relocsStripped() {
      return coff.relocsStripped();
    }

    /**
     * The machine label in the project's vocabulary.
     *
     * @return {@code x86_64}, {@code i686}, {@code aarch64}, {@code arm}, or {@code pe-0x...}
     */
    public String machineLabel() {
      return coff.machineLabel();
    }
  }

  /**
   * One section header.
   *
   * @param name the name (8 bytes, NUL-padded; {@code /123} string-table references are kept as written)
   * @param virtualSize VirtualSize
   * @param virtualAddress VirtualAddress (an RVA)
   * @param sizeOfRawData SizeOfRawData
   * @param pointerToRawData PointerToRawData (a file offset)
   * @param characteristics the section flags ({@code 0x20000000} execute, {@code 0x80000000} write)
   */
  public record Section(String name, long virtualSize, long virtualAddress, long sizeOfRawData,
      long pointerToRawData, long characteristics) {

    /** Rejects null. */
    public Section {
      Objects.requireNonNull(name, "name");
    }

    /**
     * Whether the section is both writable and executable.
     *
     * @return true for IMAGE_SCN_MEM_WRITE and IMAGE_SCN_MEM_EXECUTE together
     */
    public boolean writableAndExecutable() {
      return (characteristics & 0x20000000L) != 0 && (characteristics & 0x80000000L) != 0;
    }
  }

  /**
   * One data directory entry.
   *
   * @param index its index (0 export, 1 import, 4 certificate table, 6 debug, 10 load config, 13 delay import ...)
   * @param address its RVA (a file offset for the certificate table)
   * @param size its size
   */
  public record DataDirectory(int index, long address, long size) {
    /** The export table. */
    public static final int EXPORT = 0;
    /** The import table. */
    public static final int IMPORT = 1;
    /** The resource table. */
    public static final int RESOURCE = 2;
    /** The certificate (Authenticode) table: a file offset, not an RVA. */
    public static final int SECURITY = 4;
    /** The base relocation table. */
    public static final int BASERELOC = 5;
    /** The debug directory. */
    public static final int DEBUG = 6;
    /** The load configuration directory. */
    public static final int LOAD_CONFIG = 10;
    /** The delay-load import descriptors. */
    public static final int DELAY_IMPORT = 13;
    /** The CLR (.NET) runtime header. */
    public static final int CLR = 14;

    /**
     * Whether the entry points anywhere.
     *
     * @return address and size non-zero
     */
    public boolean present() {
      return address != 0 && size != 0;
    }
  }

  /**
   * The functions imported from one DLL.
   *
   * @param dll the DLL name as written ({@code KERNEL32.dll})
   * @param delayLoad true for a delay-load import
   * @param functions imported names, {@code #ordinal} for imports by ordinal (at most the reader's limit)
   */
  public record Import(String dll, boolean delayLoad, List<String> functions) {
    /** Copies. */
    public Import {
      Objects.requireNonNull(dll, "dll");
      functions = List.copyOf(functions);
    }
  }

  /**
   * The load configuration fields the checks read; a field beyond the structure's own {@code Size} is empty.
   *
   * @param size the structure's own Size field
   * @param securityCookie the /GS cookie VA
   * @param seHandlerTable the SafeSEH handler table VA (x86)
   * @param seHandlerCount the SafeSEH handler count (x86)
   * @param guardFlags the Control Flow Guard flags
   * @param dependentLoadFlags /DEPENDENTLOADFLAG
   */
  public record LoadConfig(long size, Optional<Long> securityCookie, Optional<Long> seHandlerTable,
      Optional<Long> seHandlerCount, Optional<Long> guardFlags, Optional<Integer> dependentLoadFlags) {

    /** IMAGE_GUARD_RF_INSTRUMENTED. */
    public static final long RF_INSTRUMENTED = 0x20000L;
    /** IMAGE_GUARD_RF_ENABLE. */
    public static final long RF_ENABLE = 0x40000L;
    /** IMAGE_GUARD_RF_STRICT. */
    public static final long RF_STRICT = 0x80000L;

    /** Rejects nulls. */
    public LoadConfig {
      Objects.requireNonNull(securityCookie, "securityCookie");
      Objects.requireNonNull(seHandlerTable, "seHandlerTable");
      Objects.requireNonNull(seHandlerCount, "seHandlerCount");
      Objects.requireNonNull(guardFlags, "guardFlags");
      Objects.requireNonNull(dependentLoadFlags, "dependentLoadFlags");
    }
  }

  /**
   * One debug directory entry.
   *
   * @param type the type (2 CodeView, 16 repro, 20 extended DLL characteristics)
   * @param pointerToRawData the data's file offset
   * @param sizeOfData the data's size
   * @param pdbPath the PDB path of a CodeView RSDS entry
   * @param exDllCharacteristics the flags of a type-20 entry ({@code 0x1} CET_COMPAT)
   */
  public record DebugEntry(long type, long pointerToRawData, long sizeOfData, Optional<String> pdbPath,
      Optional<Long> exDllCharacteristics) {
    /** IMAGE_DEBUG_TYPE_CODEVIEW. */
    public static final long CODEVIEW = 2;
    /** IMAGE_DEBUG_TYPE_REPRO. */
    public static final long REPRO = 16;
    /** IMAGE_DEBUG_TYPE_EX_DLLCHARACTERISTICS. */
    public static final long EX_DLLCHARACTERISTICS = 20;
    /** IMAGE_DLLCHARACTERISTICS_EX_CET_COMPAT. */
    public static final long CET_COMPAT = 0x1;

    /** Rejects nulls. */
    public DebugEntry {
      Objects.requireNonNull(pdbPath, "pdbPath");
      Objects.requireNonNull(exDllCharacteristics, "exDllCharacteristics");
    }
  }

  /**
   * One entry of the Rich header the Microsoft linker writes between the DOS stub and the PE header.
   *
   * @param productId the tool's product id (the high 16 bits of the comp id)
   * @param build the tool's build number
   * @param count how many objects that tool produced
   */
  public record RichEntry(int productId, int build, long count) {}

  /**
   * The Authenticode certificate table (data directory 4).
   *
   * @param offset its file offset
   * @param size its size
   * @param certificateType WIN_CERTIFICATE.wCertificateType of the first entry ({@code 2} PKCS#7 SignedData), when
   *     readable
   */
  public record CertificateTable(long offset, long size, Optional<Integer> certificateType) {
    /** Rejects null. */
    public CertificateTable {
      Objects.requireNonNull(certificateType, "certificateType");
    }
  }
}
