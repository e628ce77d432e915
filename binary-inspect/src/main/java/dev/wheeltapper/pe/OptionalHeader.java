package dev.wheeltapper.pe;

import dev.wheeltapper.bytes.BoundedReader;
import dev.wheeltapper.pe.PeRecords.DataDirectory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The optional header ({@code IMAGE_OPTIONAL_HEADER32/64}, PE/COFF specification "Optional Header (Image Only)"): the
 * standard and Windows-specific fields the checks read, PE32 or PE32+ by its Magic, and the data directory table
 * that follows them ({@link #directories}).
 *
 * <pre>{@code
 * OptionalHeader opt = pe.header().optional();
 * opt.pe32Plus();                                  // true
 * opt.has(OptionalHeader.DYNAMIC_BASE);            // ASLR
 * opt.subsystemVersion().major();                  // 6
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param magic Magic, {@link #PE32} or {@link #PE32_PLUS}
 * @param linkerVersion MajorLinkerVersion and MinorLinkerVersion
 * @param entryPoint AddressOfEntryPoint (an RVA)
 * @param imageBase ImageBase, the preferred load address
 * @param sizeOfImage SizeOfImage
 * @param sizeOfHeaders SizeOfHeaders
 * @param checkSum CheckSum (0 when not set)
 * @param subsystem Subsystem
 * @param subsystemVersion MajorSubsystemVersion and MinorSubsystemVersion, the minimum Windows version
 * @param dllCharacteristics DllCharacteristics ({@link #DYNAMIC_BASE}, {@link #NX_COMPAT} ...)
 * @param numberOfRvaAndSizes NumberOfRvaAndSizes as written (the table read may be shorter)
 */
public record OptionalHeader(int magic, Version linkerVersion, long entryPoint, long imageBase, long sizeOfImage,
    long sizeOfHeaders, long checkSum, int subsystem, Version subsystemVersion, int dllCharacteristics,
    long numberOfRvaAndSizes) {

  /** Magic of a PE32 image. */
  public static final int PE32 = 0x10b;
  /** Magic of a PE32+ (64-bit) image. */
  public static final int PE32_PLUS = 0x20b;
  /** At most this many data directories are read (the specification defines 16). */
  public static final int MAX_DIRECTORIES = 16;

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
   * A major.minor version pair of the optional header.
   *
   * @param major the major version
   * @param minor the minor version
   */
  public record Version(int major, int minor) {}

  /** Rejects nulls. */
  public OptionalHeader {
    Objects.requireNonNull(linkerVersion, "linkerVersion");
    Objects.requireNonNull(subsystemVersion, "subsystemVersion");
  }

  /**
   * Whether this is PE32+ (64-bit).
   *
   * @return true for magic {@code 0x20b}
   */
  public boolean pe32Plus() {
    return magic == PE32_PLUS;
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

  /** The size of the fields before the data directory table: 96 bytes for PE32, 112 for PE32+. */
  static int fixedSize(boolean pe32Plus) {
    return pe32Plus ? 112 : 96;
  }

  /**
   * Reads the fixed fields at {@code at}; {@code coff} gives SizeOfOptionalHeader.
   *
   * @throws PeFormatException when Magic is neither PE32 nor PE32+, or the fields do not fit
   */
  static OptionalHeader read(BoundedReader<PeFormatException> r, long at, CoffHeader coff)
      throws PeFormatException {
    int magic = r.u16(at, "optional header Magic");
    if (magic != PE32 && magic != PE32_PLUS) {
      throw new PeFormatException(at, "optional header magic 0x" + Integer.toHexString(magic)
          + " is neither PE32 (0x10b) nor PE32+ (0x20b)");
    }
    boolean plus = magic == PE32_PLUS;
    int fixed = fixedSize(plus);
    if (coff.sizeOfOptionalHeader() < fixed) {
      // the offset of SizeOfOptionalHeader in the COFF header, which ends where this header starts
      throw new PeFormatException(at - CoffHeader.SIZE + 16, "SizeOfOptionalHeader " + coff.sizeOfOptionalHeader()
          + " is below the " + fixed + " bytes of the fixed fields");
    }
    ByteBuffer o = r.buf(at, fixed, "optional header");
    long imageBase = plus ? o.getLong(24) : o.getInt(28) & 0xffffffffL;
    return new OptionalHeader(magic, new Version(o.get(2) & 0xff, o.get(3) & 0xff), o.getInt(16) & 0xffffffffL,
        imageBase, o.getInt(56) & 0xffffffffL, o.getInt(60) & 0xffffffffL, o.getInt(64) & 0xffffffffL,
        o.getShort(68) & 0xffff, new Version(o.getShort(48) & 0xffff, o.getShort(50) & 0xffff),
        o.getShort(70) & 0xffff, o.getInt(fixed - 4) & 0xffffffffL);
  }

  /**
   * Reads the data directory table after the fixed fields at {@code at}: NumberOfRvaAndSizes entries, cut to what
   * SizeOfOptionalHeader has room for (a defect) and to {@link #MAX_DIRECTORIES}.
   */
  List<DataDirectory> directories(BoundedReader<PeFormatException> r, long at, int sizeOfOptionalHeader,
      List<String> defects) throws PeFormatException {
    int fixed = fixedSize(pe32Plus());
    long n = numberOfRvaAndSizes;
    long room = (sizeOfOptionalHeader - fixed) / 8;
    if (n > room) {
      defects.add("NumberOfRvaAndSizes " + n + " exceeds the optional header (room for " + room + ")");
      n = room;
    }
    n = Math.min(n, MAX_DIRECTORIES);
    List<DataDirectory> dirs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long e = at + fixed + 8L * i;
      dirs.add(new DataDirectory(i, r.u32(e, "data directory"), r.u32(e + 4, "data directory")));
    }
    return List.copyOf(dirs);
  }
}
