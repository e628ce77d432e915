package dev.wheeltapper.zip;

import dev.wheeltapper.report.Codes;

/**
 * APPNOTE 4.5.3, the ZIP64 extended information extra field (0x0001): 8-byte values for exactly the header fields
 * that hold the placeholder, in the order uncompressed size, compressed size, local header offset, disk start. A
 * field longer than its header asks for, whose extra values disagree with the header, is a finding: a reader that
 * takes the values positionally sees other sizes.
 */
final class Zip64ExtendedInformation {
  private Zip64ExtendedInformation() {}

  /**
   * Resolves a central directory record's sizes and local header offset through its ZIP64 field.
   *
   * @return {uncompressed size, compressed size, local header offset}
   */
  static long[] central(ScanContext ctx, String path, ExtraFields extra, long usize, long csize, long lfh,
      long diskStart) {
    int z = extra.find(ExtraFields.ZIP64);
    if (z < 0) {
      if (usize == Bytes.MAX32 || csize == Bytes.MAX32 || lfh == Bytes.MAX32) {
        ctx.error(Codes.ZIP_MALFORMED, path, "This entry marks a size or offset as ZIP64 but has no ZIP64 extra"
            + " field.");
      }
      return new long[] {usize, csize, lfh};
    }
    byte[] data = extra.data;
    int off = extra.offsets[z];
    int len = extra.lengths[z];
    int need = (usize == Bytes.MAX32 ? 8 : 0) + (csize == Bytes.MAX32 ? 8 : 0) + (lfh == Bytes.MAX32 ? 8 : 0)
        + (diskStart == Bytes.MAX16 ? 4 : 0);
    if (len != 0 && len != 8 && len != 16 && len != 24 && len != 28) {
      ctx.error(Codes.ZIP_MALFORMED, path, "The ZIP64 extra field of this entry is " + len
          + " bytes long, which no ZIP64 layout gives.");
    }
    if (len < need) {
      ctx.error(Codes.ZIP_MALFORMED, path, "The ZIP64 extra field of this entry is too short for the sizes and"
          + " offset its header marks as ZIP64.");
      return new long[] {usize, csize, lfh};
    }
    long[] full = {usize, csize, lfh};
    int p = off;
    long nu = usize;
    long nc = csize;
    long nl = lfh;
    if (usize == Bytes.MAX32) {
      nu = Bytes.u64(data, p);
      p += 8;
    }
    if (csize == Bytes.MAX32) {
      nc = Bytes.u64(data, p);
      p += 8;
    }
    if (lfh == Bytes.MAX32) {
      nl = Bytes.u64(data, p);
    }
    // A reader that takes the fields positionally would see other values when the extra is longer.
    for (int i = 0; i < 3 && (i + 1) * 8 <= len; i++) {
      full[i] = Bytes.u64(data, off + i * 8);
    }
    if (len > need && (full[0] != nu || full[1] != nc || full[2] != nl)) {
      ctx.error(Codes.ZIP_HEADER_MISMATCH, path, "The ZIP64 extra field of this entry holds more values than its"
          + " header asks for and they disagree with the header, so readers disagree on its sizes.");
    }
    return new long[] {nu, nc, nl};
  }

  /**
   * Resolves a local file header's sizes through its ZIP64 field, if it has one.
   *
   * @return {uncompressed size, compressed size}
   */
  static long[] local(ScanContext ctx, String path, ExtraFields extra, long lusize, long lcsize) {
    int z = extra.find(ExtraFields.ZIP64);
    if (z < 0) {
      if (lusize == Bytes.MAX32 || lcsize == Bytes.MAX32) {
        ctx.error(Codes.ZIP_MALFORMED, path, "The local header marks a size as ZIP64 but has no ZIP64 extra"
            + " field.");
      }
      return new long[] {lusize, lcsize};
    }
    byte[] data = extra.data;
    int off = extra.offsets[z];
    int len = extra.lengths[z];
    // Like the central directory: 8-byte values for the placeholder fields, uncompressed size first.
    int need = (lusize == Bytes.MAX32 ? 8 : 0) + (lcsize == Bytes.MAX32 ? 8 : 0);
    if (len < need) {
      ctx.error(Codes.ZIP_MALFORMED, path, "The local ZIP64 extra field of this entry is " + len
          + " bytes long, too short for the sizes its header marks as ZIP64.");
      return new long[] {lusize, lcsize};
    }
    long nu = lusize;
    long nc = lcsize;
    int p = off;
    if (lusize == Bytes.MAX32) {
      nu = Bytes.u64(data, p);
      p += 8;
    }
    if (lcsize == Bytes.MAX32) {
      nc = Bytes.u64(data, p);
    }
    long fu = len >= 8 ? Bytes.u64(data, off) : nu;
    long fc = len >= 16 ? Bytes.u64(data, off + 8) : nc;
    if (len > need && (fu != nu || fc != nc)) {
      ctx.error(Codes.ZIP_HEADER_MISMATCH, path, "The local ZIP64 extra field of this entry holds more values"
          + " than its header asks for and they disagree with the header, so readers disagree on its sizes.");
    }
    return new long[] {nu, nc};
  }
}
