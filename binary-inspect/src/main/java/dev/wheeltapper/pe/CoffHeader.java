package dev.wheeltapper.pe;

import dev.wheeltapper.bytes.BoundedReader;
import java.nio.ByteBuffer;

/**
 * The COFF file header ({@code IMAGE_FILE_HEADER}, PE/COFF specification "COFF File Header"), the 20 bytes after the
 * {@code PE\0\0} signature.
 *
 * <pre>{@code
 * CoffHeader coff = pe.header().coff();
 * coff.machineLabel();   // "x86_64"
 * coff.isDll();          // true for a .pyd
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param machine Machine ({@code 0x8664} AMD64, {@code 0x14c} I386, {@code 0xaa64} ARM64)
 * @param numberOfSections NumberOfSections, the declared section count
 * @param timeDateStamp TimeDateStamp, the link time (seconds since 1970, or a reproducible-build hash)
 * @param sizeOfOptionalHeader SizeOfOptionalHeader
 * @param characteristics Characteristics ({@link #DLL}, {@link #RELOCS_STRIPPED} ...)
 */
public record CoffHeader(int machine, int numberOfSections, long timeDateStamp, int sizeOfOptionalHeader,
    int characteristics) {

  /** IMAGE_FILE_RELOCS_STRIPPED. */
  public static final int RELOCS_STRIPPED = 0x0001;
  /** IMAGE_FILE_EXECUTABLE_IMAGE. */
  public static final int EXECUTABLE_IMAGE = 0x0002;
  /** IMAGE_FILE_DLL. */
  public static final int DLL = 0x2000;

  /** The header's size in bytes. */
  static final int SIZE = 20;

  /** Reads the header at {@code at} (just after the PE signature). */
  static CoffHeader read(BoundedReader<PeFormatException> r, long at) throws PeFormatException {
    ByteBuffer b = r.buf(at, SIZE, "COFF file header");
    return new CoffHeader(b.getShort(0) & 0xffff, b.getShort(2) & 0xffff, b.getInt(4) & 0xffffffffL,
        b.getShort(16) & 0xffff, b.getShort(18) & 0xffff);
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
   * @return {@code x86_64}, {@code i686}, {@code aarch64}, {@code arm64ec}, {@code arm}, or {@code pe-0x...}
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
