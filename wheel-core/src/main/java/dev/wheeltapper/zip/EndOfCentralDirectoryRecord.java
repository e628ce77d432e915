package dev.wheeltapper.zip;

import dev.wheeltapper.report.Codes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * APPNOTE 4.3.16, the end of central directory record: found by searching the file's last 65,557 bytes for its
 * signature. Several can fit (one may hide in the comment of another); the one whose comment reaches the end of the
 * file and whose central directory ends where it starts is preferred, and the others are kept for the layout check.
 *
 * @param position where the record starts in the file
 * @param disk number of this disk
 * @param cdDisk disk where the central directory starts
 * @param diskEntries central directory records on this disk
 * @param count central directory records in total
 * @param cdSize size of the central directory in bytes
 * @param cdOffset offset of the central directory, as the record declares it
 * @param commentLength length of the archive comment
 */
record EndOfCentralDirectoryRecord(long position, long disk, long cdDisk, long diskEntries, long count, long cdSize,
    long cdOffset, int commentLength) {
  static final int SIG = 0x06054b50;
  /** The fixed part of the record; the comment follows. */
  static final int LENGTH = 22;

  /**
   * Finds and reads the record; adds {@code zip.not-a-zip} and returns null when there is none, and
   * {@code zip.extra-data} for bytes after its comment. Positions of the other candidates go to
   * {@link ScanContext#otherEocds}.
   */
  static EndOfCentralDirectoryRecord locate(ScanContext ctx) throws IOException {
    long size = ctx.size;
    if (size < LENGTH) {
      return notZip(ctx, "The file is " + size + " bytes long, too short to be a ZIP archive.");
    }
    int tailLen = (int) Math.min(size, 0xFFFF + LENGTH);
    long tailStart = size - tailLen;
    byte[] tail = ctx.readExact(tailStart, tailLen);
    if (tail == null) {
      return notZip(ctx, "The end of the file could not be read.");
    }
    int[] best = {-1, -1, -1, -1};
    List<Integer> candidates = new ArrayList<>();
    for (int i = tailLen - LENGTH; i >= 0; i--) {
      if (Bytes.sig(tail, i, SIG)) {
        candidates.add(i);
        int clen = Bytes.u16(tail, i + 20);
        if (i + LENGTH + clen > tailLen) {
          continue;
        }
        long cdSizeField = Bytes.u32(tail, i + 12);
        long cdOffsetField = Bytes.u32(tail, i + 16);
        boolean consistent = cdSizeField == Bytes.MAX32 || cdOffsetField == Bytes.MAX32
            || cdOffsetField + cdSizeField == tailStart + i;
        int rank = (i + LENGTH + clen == tailLen ? 0 : 2) + (consistent ? 0 : 1);
        if (best[rank] < 0) {
          best[rank] = i;
        }
      }
    }
    int chosen = -1;
    for (int r : best) {
      if (r >= 0) {
        chosen = r;
        break;
      }
    }
    if (chosen < 0) {
      return notZip(ctx, "No end of central directory record was found: the file is not a ZIP archive.");
    }
    for (int c : candidates) {
      if (c != chosen) {
        ctx.otherEocds.add(tailStart + c);
      }
    }
    EndOfCentralDirectoryRecord eocd = new EndOfCentralDirectoryRecord(tailStart + chosen,
        Bytes.u16(tail, chosen + 4), Bytes.u16(tail, chosen + 6), Bytes.u16(tail, chosen + 8),
        Bytes.u16(tail, chosen + 10), Bytes.u32(tail, chosen + 12), Bytes.u32(tail, chosen + 16),
        Bytes.u16(tail, chosen + 20));
    long after = size - (eocd.position + LENGTH + eocd.commentLength);
    if (after > 0) {
      ctx.error(Codes.ZIP_EXTRA_DATA, "", after + " bytes follow the end of central directory record and its"
          + " comment.");
    }
    return eocd;
  }

  /** Whether a field holds a ZIP64 placeholder, so that the ZIP64 end record must be read. */
  boolean hasPlaceholders() {
    return count == Bytes.MAX16 || cdSize == Bytes.MAX32 || cdOffset == Bytes.MAX32;
  }

  private static EndOfCentralDirectoryRecord notZip(ScanContext ctx, String message) {
    ctx.error(Codes.ZIP_NOT_A_ZIP, "", message);
    ctx.complete = false;
    return null;
  }
}
