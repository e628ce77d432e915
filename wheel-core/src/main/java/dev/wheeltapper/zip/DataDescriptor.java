package dev.wheeltapper.zip;

import dev.wheeltapper.report.Codes;
import java.io.IOException;

/**
 * APPNOTE 4.3.9, the data descriptor: CRC-32 and sizes after an entry's data, with an optional signature, 4-byte sizes
 * or 8-byte sizes when the local header has a ZIP64 field. Its values must equal the central directory's.
 */
final class DataDescriptor {
  static final int SIG = 0x08074b50;

  private DataDescriptor() {}

  /**
   * Reads and checks the descriptor at {@code pos}.
   *
   * @return its length in bytes (what was there when it is cut off)
   */
  static int read(ScanContext ctx, String path, long pos, boolean zip64Sizes, long crc, long csize, long usize)
      throws IOException {
    int want = zip64Sizes ? 24 : 16;
    int got = ctx.readUpTo(pos, want);
    byte[] f = ctx.fixed;
    boolean signed = got >= 4 && Bytes.sig(f, 0, SIG);
    int body = 4 + (zip64Sizes ? 16 : 8);
    int len = (signed ? 4 : 0) + body;
    if (got < len) {
      ctx.error(Codes.ZIP_MALFORMED, path, "The entry's data descriptor is cut off by the end of the entry area.");
      return Math.max(0, got);
    }
    int o = signed ? 4 : 0;
    long dcrc = Bytes.u32(f, o);
    long dc = zip64Sizes ? Bytes.u64(f, o + 4) : Bytes.u32(f, o + 4);
    long du = zip64Sizes ? Bytes.u64(f, o + 12) : Bytes.u32(f, o + 8);
    if (dcrc != crc || dc != csize || du != usize) {
      ctx.error(Codes.ZIP_HEADER_MISMATCH, path, "The data descriptor gives CRC-32 0x" + Long.toHexString(dcrc)
          + ", compressed size " + dc + " and uncompressed size " + du + " but the central directory gives 0x"
          + Long.toHexString(crc) + ", " + csize + " and " + usize + ".");
    }
    return len;
  }
}
