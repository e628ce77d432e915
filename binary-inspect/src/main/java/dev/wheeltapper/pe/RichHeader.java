package dev.wheeltapper.pe;

import dev.wheeltapper.bytes.BoundedReader;
import dev.wheeltapper.pe.PeRecords.RichEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * The Rich header, which the Microsoft linker writes into the MS-DOS stub (undocumented): {@code "Rich"} and an XOR
 * key before {@code e_lfanew}, {@code "DanS"} XOR key at its start, then (comp id, count) pairs XORed with the key.
 */
final class RichHeader {
  private static final long RICH = 0x68636952L;
  private static final long DANS = 0x536e6144L;
  /** Linkers put the Rich header inside the first 4 KiB; the scan for it stops there. */
  private static final long SCAN_LIMIT = 0x1000;

  private RichHeader() {}

  /**
   * Reads the entries.
   *
   * @return the entries, empty without a {@code "Rich"} marker
   * @throws PeFormatException when there is a marker without a {@code DanS} start, or a read fails
   */
  static List<RichEntry> read(BoundedReader<PeFormatException> r, long lfanew) throws PeFormatException {
    long limit = Math.min(lfanew, SCAN_LIMIT);
    long rich = -1;
    for (long p = 0x80; p + 8 <= limit; p += 4) {
      if (r.u32(p, "Rich marker") == RICH) {
        rich = p;
        break;
      }
    }
    if (rich < 0) {
      return List.of();
    }
    long key = r.u32(rich + 4, "Rich key");
    long start = -1;
    for (long p = rich - 8; p >= DosHeader.SIZE; p -= 4) {
      if ((r.u32(p, "Rich header") ^ key) == DANS) {
        start = p;
        break;
      }
    }
    if (start < 0) {
      throw new PeFormatException(rich, "Rich marker without a DanS start");
    }
    List<RichEntry> out = new ArrayList<>();
    // DanS and three padding words, then (comp id, count) pairs; the scan limit bounds their number
    for (long p = start + 16; p + 8 <= rich; p += 8) {
      long comp = r.u32(p, "Rich entry") ^ key;
      long count = r.u32(p + 4, "Rich entry") ^ key;
      out.add(new RichEntry((int) (comp >>> 16), (int) (comp & 0xffff), count));
    }
    return out;
  }
}
