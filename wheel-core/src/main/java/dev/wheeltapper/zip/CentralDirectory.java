package dev.wheeltapper.zip;

import dev.wheeltapper.report.Codes;
import java.io.IOException;
import java.util.Arrays;

/**
 * APPNOTE 4.3.12 as a whole, the central directory: found where the end record says (or where it really starts, with
 * any prefix the offsets do not count), read record by record within its bounds and the entry limit, each record
 * checked with its local header, and its count and size compared with the end record's.
 */
final class CentralDirectory {
  private CentralDirectory() {}

  /**
   * Places the directory: sets {@link ScanContext#cdStart} and {@link ScanContext#shift}.
   *
   * @return false, with a {@code zip.not-a-zip} finding, when there is no central directory where the end record
   *     places it
   */
  static boolean locate(ScanContext ctx, long cdOffset, long cdSize, long count) throws IOException {
    long cdEnd = ctx.cdEnd;
    long actual = cdSize <= cdEnd ? cdEnd - cdSize : -1;
    if (cdOffset == actual) {
      ctx.cdStart = cdOffset;
      return true;
    }
    if (actual > cdOffset && ctx.sigAt(actual, CentralDirectoryFileHeader.SIG)
        && !ctx.sigAt(actual - cdOffset, LocalFileHeader.SIG) && ctx.sigAt(0, LocalFileHeader.SIG)) {
      // Entries start at 0 as the offsets say: the directory offset alone is wrong, not a prefix.
      ctx.cdStart = actual;
      ctx.error(Codes.ZIP_HEADER_MISMATCH, "", "The end record places the central directory at offset " + cdOffset
          + " but it starts at offset " + actual + ".");
      return true;
    }
    if (actual > cdOffset && (count == 0 || ctx.sigAt(actual, CentralDirectoryFileHeader.SIG))) {
      ctx.shift = actual - cdOffset;
      ctx.cdStart = actual;
      ctx.error(Codes.ZIP_EXTRA_DATA, "", ctx.shift + " bytes precede the archive and its offsets do not count them"
          + " (prepended data or a self-extractor stub).");
      return true;
    }
    if (cdOffset < cdEnd && (ctx.sigAt(cdOffset, CentralDirectoryFileHeader.SIG) || count == 0)) {
      ctx.cdStart = cdOffset;
      return true;
    }
    ctx.error(Codes.ZIP_NOT_A_ZIP, "", "The end record places the central directory at offset " + cdOffset
        + " (" + cdSize + " bytes), where there is none.");
    return false;
  }

  /** Reads every record between {@link ScanContext#cdStart} and {@link ScanContext#cdEnd} into the entries. */
  static void read(ScanContext ctx, long count, long cdSizeDeclared) throws IOException {
    long pos = ctx.cdStart;
    long cdEnd = ctx.cdEnd;
    int n = 0;
    while (pos < cdEnd) {
      if (!ctx.readFixed(pos, 4) || !Bytes.sig(ctx.fixed, 0, CentralDirectoryFileHeader.SIG)) {
        break;
      }
      if (n >= ctx.limits.maxEntries()) {
        ctx.error(Codes.ZIP_LIMIT_EXCEEDED, "", "The central directory holds more than " + ctx.limits.maxEntries()
            + " entries, the configured limit; the rest was not read.");
        ctx.complete = false;
        return;
      }
      int fixedLen = CentralDirectoryFileHeader.LENGTH;
      if (pos > cdEnd - fixedLen || !ctx.readFixed(pos, fixedLen)) {
        ctx.error(Codes.ZIP_MALFORMED, "", "The central directory record at offset " + pos + " is truncated.");
        ctx.complete = false;
        break;
      }
      int nlen = Bytes.u16(ctx.fixed, 28);
      int xlen = Bytes.u16(ctx.fixed, 30);
      int clen = Bytes.u16(ctx.fixed, 32);
      long recLen = (long) fixedLen + nlen + xlen + clen;
      if (recLen > cdEnd - pos) {
        ctx.error(Codes.ZIP_MALFORMED, "", "The central directory record at offset " + pos
            + " runs past the end of the central directory.");
        ctx.complete = false;
        break;
      }
      byte[] head = Arrays.copyOf(ctx.fixed, fixedLen);
      byte[] name = ctx.readExact(pos + fixedLen, nlen);
      byte[] extra = ctx.readExact(pos + fixedLen + nlen, xlen);
      if (name == null || extra == null) {
        ctx.error(Codes.ZIP_MALFORMED, "", "The central directory record at offset " + pos + " is truncated.");
        ctx.complete = false;
        break;
      }
      if (!entry(ctx, n, CentralDirectoryFileHeader.parse(ctx, pos, head, name, extra))) {
        ctx.complete = false;
        return;
      }
      pos += recLen;
      n++;
    }
    if (pos < cdEnd) {
      ctx.error(Codes.ZIP_EXTRA_DATA, "", (cdEnd - pos) + " bytes between the central directory and the end record"
          + " are not central directory records.");
    }
    if (n != count) {
      ctx.error(Codes.ZIP_HEADER_MISMATCH, "", "The end record declares " + count
          + " entries but the central directory holds " + n + ".");
    }
    long actualSize = pos - ctx.cdStart;
    if (actualSize != cdSizeDeclared) {
      ctx.error(Codes.ZIP_HEADER_MISMATCH, "", "The end record declares a central directory of " + cdSizeDeclared
          + " bytes but its records take " + actualSize + ".");
    }
  }

  /** Checks one record, its name and its local header, and adds the entry; false when a limit stops the scan. */
  private static boolean entry(ScanContext ctx, int index, CentralDirectoryFileHeader cen) throws IOException {
    EntryNameRules.checkName(ctx, cen);
    cen.checkFields(ctx);
    if (!withinLimits(ctx, cen)) {
      return false;
    }
    long lfhPos = cen.localHeaderOffset() + ctx.shift;
    LocalFileHeader.Data data = LocalFileHeader.read(ctx, cen, lfhPos);
    ctx.entries.add(new ScannedEntry(index, cen.name(), cen.utf8Flag(), cen.nameValidUtf8(), cen.versionMadeBy(),
        cen.flags(), cen.method(), cen.crc(), cen.compressedSize(), cen.uncompressedSize(), cen.externalAttributes(),
        cen.position(), lfhPos, data.offset(), data.descriptorLength()));
    return true;
  }

  /** Declared sizes against the limits, before any data is read. */
  private static boolean withinLimits(ScanContext ctx, CentralDirectoryFileHeader cen) {
    ZipLimits limits = ctx.limits;
    long csize = cen.compressedSize();
    long usize = cen.uncompressedSize();
    String path = cen.name();
    ctx.totalDeclared = ScanContext.saturatingAdd(ctx.totalDeclared, usize);
    if (usize > limits.entryRatioCap(csize)) {
      ctx.error(Codes.ZIP_LIMIT_EXCEEDED, path, "The entry declares " + usize + " bytes from " + csize
          + " compressed bytes, beyond the compression ratio limit of " + limits.maxEntryRatio() + ".");
      return false;
    }
    if (ctx.totalDeclared > limits.maxTotalUncompressed()) {
      ctx.error(Codes.ZIP_LIMIT_EXCEEDED, path, "The entries declare more than " + limits.maxTotalUncompressed()
          + " uncompressed bytes in total, the configured limit.");
      return false;
    }
    if (ctx.totalDeclared > limits.totalRatioCap(ctx.size)) {
      ctx.error(Codes.ZIP_LIMIT_EXCEEDED, path, "The entries declare " + ctx.totalDeclared + " uncompressed bytes"
          + " from a " + ctx.size + "-byte archive, beyond the overall compression ratio limit of "
          + limits.maxTotalRatio() + ".");
      return false;
    }
    return true;
  }
}
