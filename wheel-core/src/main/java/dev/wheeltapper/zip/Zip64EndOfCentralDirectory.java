package dev.wheeltapper.zip;

import dev.wheeltapper.report.Codes;
import java.io.IOException;

/**
 * APPNOTE 4.3.14 and 4.3.15, the ZIP64 end of central directory record and its locator: the locator sits 20 bytes
 * before the end record and points to the record, whose 64-bit values replace the end record's placeholders. A
 * locator that points elsewhere, a record with extensible data or bytes between record and locator are findings.
 */
final class Zip64EndOfCentralDirectory {
  static final int RECORD_SIG = 0x06064b50;
  static final int LOCATOR_SIG = 0x07064b50;
  /** The locator's length; it ends where the end record starts. */
  static final int LOCATOR_LENGTH = 20;
  /** The record's fixed part, signature and size field included. */
  static final int RECORD_LENGTH = 56;
  /** The fixed bytes the record's size field counts (it excludes its own 12 leading bytes). */
  private static final long FIXED_SIZE = 44;

  private Zip64EndOfCentralDirectory() {}

  /**
   * Finds the locator before the end record and the ZIP64 end record it points to, with their findings; sets
   * {@link ScanContext#zip64} when there is a locator.
   *
   * @return the record's position, or -1 when there is none usable
   */
  static long locate(ScanContext ctx, long eocd) throws IOException {
    long loc = eocd - LOCATOR_LENGTH;
    if (loc < 0 || !ctx.readFixed(loc, LOCATOR_LENGTH) || !Bytes.sig(ctx.fixed, 0, LOCATOR_SIG)) {
      return -1;
    }
    ctx.zip64 = true;
    long z64Disk = Bytes.u32(ctx.fixed, 4);
    long declared = Bytes.u64(ctx.fixed, 8);
    long totalDisks = Bytes.u32(ctx.fixed, 16);
    if (z64Disk != 0 || totalDisks > 1) {
      ctx.error(Codes.ZIP_MALFORMED, "", "The ZIP64 end record locator describes an archive split across "
          + totalDisks + " disks.");
    }
    long rec;
    if (declared < loc && ctx.sigAt(declared, RECORD_SIG)) {
      rec = declared;
    } else if (loc >= RECORD_LENGTH && ctx.sigAt(loc - RECORD_LENGTH, RECORD_SIG)) {
      rec = loc - RECORD_LENGTH;
      ctx.error(Codes.ZIP_HEADER_MISMATCH, "", "The ZIP64 end record locator points to offset " + declared
          + " but the ZIP64 end record is at offset " + rec + ".");
    } else {
      ctx.error(Codes.ZIP_MALFORMED, "", "The ZIP64 end record locator points to offset " + declared
          + ", where there is no ZIP64 end record.");
      return -1;
    }
    if (!ctx.readFixed(rec, RECORD_LENGTH)) {
      ctx.error(Codes.ZIP_MALFORMED, "", "The ZIP64 end record at offset " + rec + " is truncated.");
      return -1;
    }
    long recSize = Bytes.u64(ctx.fixed, 4);
    if (recSize < FIXED_SIZE) {
      ctx.error(Codes.ZIP_MALFORMED, "", "The ZIP64 end record declares a size of " + recSize
          + " bytes, less than its 44 fixed bytes.");
    } else if (recSize > FIXED_SIZE) {
      ctx.error(Codes.ZIP_EXTRA_DATA, "", "The ZIP64 end record carries " + (recSize > loc ? "more than " + loc
          : String.valueOf(recSize - FIXED_SIZE)) + " bytes of extensible data that no reader of wheels uses.");
    }
    long recEnd = recSize > loc ? Long.MAX_VALUE : rec + 12 + recSize;
    if (recSize >= FIXED_SIZE && recEnd != loc) {
      if (recEnd < loc) {
        ctx.error(Codes.ZIP_EXTRA_DATA, "", (loc - recEnd) + " bytes lie between the ZIP64 end record and its"
            + " locator.");
      } else {
        ctx.error(Codes.ZIP_HEADER_MISMATCH, "", "The ZIP64 end record's declared size runs past its locator.");
      }
    }
    return rec;
  }

  /**
   * The end record's values with the ZIP64 record's in their place; a value the end record gives without a
   * placeholder that disagrees with the ZIP64 record is a {@code zip.header-mismatch}.
   *
   * @return the merged values, or the end record unchanged when the ZIP64 record cannot be read
   */
  static EndOfCentralDirectoryRecord merge(ScanContext ctx, EndOfCentralDirectoryRecord eocd, long rec)
      throws IOException {
    if (!ctx.readFixed(rec, RECORD_LENGTH)) {
      return eocd;
    }
    byte[] f = ctx.fixed;
    long[] w = {Bytes.u64(f, 24), Bytes.u64(f, 32), Bytes.u64(f, 40), Bytes.u64(f, 48), Bytes.u32(f, 16),
        Bytes.u32(f, 20)};
    long[] v = {eocd.diskEntries(), eocd.count(), eocd.cdSize(), eocd.cdOffset(), eocd.disk(), eocd.cdDisk()};
    String[] names = {"entries on this disk", "total entries", "central directory size",
        "central directory offset", "disk number", "central directory disk"};
    long[] sentinel = {Bytes.MAX16, Bytes.MAX16, Bytes.MAX32, Bytes.MAX32, Bytes.MAX16, Bytes.MAX16};
    for (int i = 0; i < v.length; i++) {
      if (v[i] != sentinel[i] && v[i] != w[i]) {
        ctx.error(Codes.ZIP_HEADER_MISMATCH, "", "The end record gives " + names[i] + " " + v[i]
            + " but the ZIP64 end record gives " + w[i] + ".");
      }
    }
    return new EndOfCentralDirectoryRecord(eocd.position(), w[4], w[5], w[0], w[1], w[2], w[3],
        eocd.commentLength());
  }
}
