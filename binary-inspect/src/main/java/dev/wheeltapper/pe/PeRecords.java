package dev.wheeltapper.pe;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The typed parts of a PE image that {@link PeFile} hands out. Each is an immutable, thread-safe record.
 *
 * <pre>{@code
 * PeRecords.Section text = pe.sections().get(0);
 * text.name();   // ".text"
 * }</pre>
 */
public final class PeRecords {
  private PeRecords() {}

  /**
   * The COFF file header and the optional header fields the checks read.
   *
   * @param machine IMAGE_FILE_HEADER.Machine ({@code 0x8664} AMD64, {@code 0x14c} I386, {@code 0xaa64} ARM64)
   * @param numberOfSections the declared section count
   * @param timeDateStamp the link time stamp (seconds since 1970, or a reproducible-build hash)
   * @param characteristics IMAGE_FILE_HEADER.Characteristics
   * @param magic {@code 0x10b} PE32 or {@code 0x20b} PE32+
   * @param majorLinkerVersion the linker's major version
   * @param minorLinkerVersion the linker's minor version
   * @param entryPoint AddressOfEntryPoint (an RVA)
   * @param imageBase the preferred load address
   * @param sizeOfImage SizeOfImage
   * @param sizeOfHeaders SizeOfHeaders
   * @param checkSum the optional header CheckSum (0 when not set)
   * @param subsystem the Subsystem
   * @param dllCharacteristics IMAGE_OPTIONAL_HEADER.DllCharacteristics
   * @param majorSubsystemVersion the minimum Windows major version
   * @param minorSubsystemVersion the minimum Windows minor version
   */
  public record Header(int machine, int numberOfSections, long timeDateStamp, int characteristics, int magic,
      int majorLinkerVersion, int minorLinkerVersion, long entryPoint, long imageBase, long sizeOfImage,
      long sizeOfHeaders, long checkSum, int subsystem, int dllCharacteristics, int majorSubsystemVersion,
      int minorSubsystemVersion) {

    /** IMAGE_FILE_RELOCS_STRIPPED. */
    public static final int RELOCS_STRIPPED = 0x0001;
    /** IMAGE_FILE_EXECUTABLE_IMAGE. */
    public static final int EXECUTABLE_IMAGE = 0x0002;
    /** IMAGE_FILE_DLL. */
    public static final int DLL = 0x2000;
    /** IMAGE_DLLCHARACTERISTICS_HIGH_ENTROPY_VA. */
    public static final int HIGH_ENTROPY_VA = 0x0020;
    /** IMAGE_DLLCHARACTERISTICS_DYNAMIC_BASE. */
    public static final int DYNAMIC_BASE = 0x0040;
    /** IMAGE_DLLCHARACTERISTICS_FORCE_INTEGRITY. */
    public static final int FORCE_INTEGRITY = 0x0080;
    /** IMAGE_DLLCHARACTERISTICS_NX_COMPAT. */
    public static final int NX_COMPAT = 0x0100;
    /** IMAGE_DLLCHARACTERISTICS_NO_ISOLATION. */
    public static final int NO_ISOLATION = 0x0200;
    /** IMAGE_DLLCHARACTERISTICS_NO_SEH. */
    public static final int NO_SEH = 0x0400;
    /** IMAGE_DLLCHARACTERISTICS_NO_BIND. */
    public static final int NO_BIND = 0x0800;
    /** IMAGE_DLLCHARACTERISTICS_APPCONTAINER. */
    public static final int APPCONTAINER = 0x1000;
    /** IMAGE_DLLCHARACTERISTICS_GUARD_CF. */
    public static final int GUARD_CF = 0x4000;
    /** IMAGE_DLLCHARACTERISTICS_TERMINAL_SERVER_AWARE. */
    public static final int TERMINAL_SERVER_AWARE = 0x8000;

    /**
     * Whether this is PE32+ (64-bit).
     *
     * @return true for magic {@code 0x20b}
     */
    public boolean pe32Plus() {
      return magic == 0x20b;
    }

    /**
     * Whether a DllCharacteristics flag is set.
     *
     * @param flag one of the constants
     * @return true when set
     */
    public boolean has(int flag) {
      return (dllCharacteristics & flag) != 0;
    }

    /**
     * Whether the image is a DLL (IMAGE_FILE_DLL).
     *
     * @return true for a DLL or {@code .pyd}
     */
    public boolean isDll() {
      return (characteristics & DLL) != 0;
    }

    /**
     * Whether relocations were stripped (IMAGE_FILE_RELOCS_STRIPPED): the image can only load at its ImageBase.
     *
     * @return true when stripped
     */
    public boolean relocsStripped() {
      return (characteristics & RELOCS_STRIPPED) != 0;
    }

    /**
     * The machine label in the project's vocabulary.
     *
     * @return {@code x86_64}, {@code i686}, {@code aarch64}, {@code arm}, or {@code pe-0x...}
     */
    public String machineLabel() {
      switch (machine) {
        case 0x8664:
          return "x86_64";
        case 0x14c:
          return "i686";
        case 0xaa64:
          return "aarch64";
        case 0xa641:
          return "arm64ec";
        case 0x1c0:
        case 0x1c4:
          return "arm";
        default:
          return "pe-0x" + Integer.toHexString(machine);
      }
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
