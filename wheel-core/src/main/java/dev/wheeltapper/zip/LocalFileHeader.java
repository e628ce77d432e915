package dev.wheeltapper.zip;

import dev.wheeltapper.report.Codes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * APPNOTE 4.3.7, the local file header an entry's central record points to, checked field by field against that
 * record (name, flags, method, CRC-32 and sizes, the Unicode Path and ZIP64 extra fields), and the data descriptor
 * (4.3.9) that may follow the data. Gives the entry's data offset and data descriptor length.
 */
final class LocalFileHeader {
  static final int SIG = 0x04034b50;
  /** The fixed part of the header; name and extra field follow. */
  static final int LENGTH = 30;

  private LocalFileHeader() {}

  /** Where the entry's data lies: its offset (-1 when unreadable) and the data descriptor's length. */
  record Data(long offset, int descriptorLength) {}

  /**
   * Reads and checks the local header of a central record, and the data descriptor after its data.
   *
   * @param lfhPos the local header's position in the file (the declared offset plus any prefix)
   */
  static Data read(ScanContext ctx, CentralDirectoryFileHeader cen, long lfhPos) throws IOException {
    String path = cen.name();
    if (lfhPos < 0 || lfhPos >= ctx.cdStart) {
      ctx.error(Codes.ZIP_OVERLAPPING_ENTRIES, path, "The entry's local header offset " + cen.localHeaderOffset()
          + " points outside the entry area of the archive.");
      return new Data(-1, 0);
    }
    if (!ctx.readFixed(lfhPos, LENGTH) || !Bytes.sig(ctx.fixed, 0, SIG)) {
      ctx.error(Codes.ZIP_HEADER_MISMATCH, path, "There is no local file header at offset " + lfhPos
          + " where the central directory places this entry.");
      return new Data(-1, 0);
    }
    long[] local = new long[2];
    long dataOffset = checkAgainstCentral(ctx, cen, lfhPos, local);
    int ddLen = 0;
    boolean descriptor = ((cen.flags() | local[0]) & 0x08) != 0;
    if (dataOffset >= 0) {
      if (cen.compressedSize() > ctx.cdStart - dataOffset) {
        ctx.error(Codes.ZIP_OVERLAPPING_ENTRIES, path, "The entry's " + cen.compressedSize() + " bytes of data run"
            + " past the start of the central directory.");
        dataOffset = -1;
      } else if (descriptor) {
        ddLen = DataDescriptor.read(ctx, path, dataOffset + cen.compressedSize(), local[1] != 0, cen.crc(),
            cen.compressedSize(), cen.uncompressedSize());
      }
    }
    if (descriptor) {
      ctx.warning(Codes.ZIP_DATA_DESCRIPTOR, path, "The entry's sizes and CRC follow its data in a data"
          + " descriptor, which PyPI refuses on upload.");
    }
    return new Data(dataOffset, ddLen);
  }

  /**
   * Compares the header (its fixed part already in {@link ScanContext#fixed}) with the central record; returns the
   * data offset or -1. {@code out[0]} receives the local flags, {@code out[1]} 1 when the header has ZIP64 sizes.
   */
  private static long checkAgainstCentral(ScanContext ctx, CentralDirectoryFileHeader cen, long pos, long[] out)
      throws IOException {
    String path = cen.name();
    byte[] f = ctx.fixed;
    int lflags = Bytes.u16(f, 6);
    int lmethod = Bytes.u16(f, 8);
    long lcrc = Bytes.u32(f, 14);
    long lcsize = Bytes.u32(f, 18);
    long lusize = Bytes.u32(f, 22);
    int nlen = Bytes.u16(f, 26);
    int xlen = Bytes.u16(f, 28);
    byte[] lname = ctx.readExact(pos + LENGTH, nlen);
    byte[] lextra = ctx.readExact(pos + LENGTH + nlen, xlen);
    if (lname == null || lextra == null) {
      ctx.error(Codes.ZIP_MALFORMED, path, "The entry's local file header is truncated.");
      return -1;
    }
    if (!Arrays.equals(lname, cen.rawName())) {
      ctx.error(Codes.ZIP_HEADER_MISMATCH, path, "The local file header names this entry \""
          + new String(lname, StandardCharsets.UTF_8) + "\", unlike the central directory.");
    }
    out[0] = lflags;
    // Bit 3 (data descriptor) may legitimately be set in the local header only.
    if ((lflags & ~0x08) != (cen.flags() & ~0x08)) {
      ctx.error(Codes.ZIP_HEADER_MISMATCH, path, "The local file header has flags 0x" + Integer.toHexString(lflags)
          + " but the central directory has 0x" + Integer.toHexString(cen.flags()) + ".");
    }
    if (lmethod != cen.method()) {
      ctx.error(Codes.ZIP_HEADER_MISMATCH, path, "The local file header gives compression method " + lmethod
          + " but the central directory gives " + cen.method() + ".");
    }
    ExtraFields extra = ExtraFields.parse(lextra);
    extra.check(ctx, path, "local header");
    UnicodePathExtraField.check(ctx, extra, lname, ScanContext.decodeUtf8(lname), path, "local header");
    if (extra.find(ExtraFields.ZIP64) >= 0) {
      out[1] = 1;
    }
    long[] sizes = Zip64ExtendedInformation.local(ctx, path, extra, lusize, lcsize);
    lusize = sizes[0];
    lcsize = sizes[1];
    boolean descriptor = (cen.flags() & 0x08) != 0 || (lflags & 0x08) != 0;
    if (!descriptor || lcrc != 0 || lcsize != 0 || lusize != 0) {
      compare(ctx, path, "CRC-32", lcrc, cen.crc(), true);
      compare(ctx, path, "compressed size", lcsize, cen.compressedSize(), false);
      compare(ctx, path, "uncompressed size", lusize, cen.uncompressedSize(), false);
    }
    long data = pos + LENGTH + nlen + xlen;
    return data <= ctx.size ? data : -1;
  }

  private static void compare(ScanContext ctx, String path, String what, long local, long central, boolean hex) {
    if (local != central) {
      ctx.error(Codes.ZIP_HEADER_MISMATCH, path, "The local file header gives " + what + " "
          + (hex ? "0x" + Long.toHexString(local) : local) + " but the central directory gives "
          + (hex ? "0x" + Long.toHexString(central) : central) + ".");
    }
  }
}
