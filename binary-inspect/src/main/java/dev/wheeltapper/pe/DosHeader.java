package dev.wheeltapper.pe;

import dev.wheeltapper.bytes.BoundedReader;

/**
 * The MS-DOS header and stub (PE/COFF specification, "MS-DOS Stub (Image Only)"): the {@code MZ} magic, and at
 * {@code 0x3c} the {@code e_lfanew} offset of the {@code PE\0\0} signature that the COFF file header follows.
 */
final class DosHeader {
  /** The MS-DOS header's size; {@code e_lfanew} is its last field. */
  static final int SIZE = 0x40;
  private static final int MZ = 0x5a4d;
  private static final long PE_SIGNATURE = 0x4550L;

  private DosHeader() {}

  /**
   * Checks the {@code MZ} magic and the PE signature.
   *
   * @return {@code e_lfanew}, the file offset of the PE signature
   */
  static long read(BoundedReader<PeFormatException> r) throws PeFormatException {
    if (r.size() < SIZE || r.u16(0, "DOS header") != MZ) {
      throw new PeFormatException(0, "no MZ DOS header");
    }
    long lfanew = r.u32(0x3c, "e_lfanew");
    if (r.u32(lfanew, "PE signature") != PE_SIGNATURE) {
      throw new PeFormatException(lfanew, "no PE\\0\\0 signature where e_lfanew points");
    }
    return lfanew;
  }
}
