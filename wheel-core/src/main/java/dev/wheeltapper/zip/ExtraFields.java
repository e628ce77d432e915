package dev.wheeltapper.zip;

import dev.wheeltapper.report.Codes;

/**
 * APPNOTE 4.5, the extra field block of a local or central header, split into (id, offset, length) triples without
 * copying. The fields this scan interprets have their own classes: {@link Zip64ExtendedInformation} (0x0001) and
 * {@link UnicodePathExtraField} (0x7075).
 * At most 16,384 fields fit in the 65,535 bytes a block can hold, so the arrays are bounded by the block.
 */
final class ExtraFields {
  static final int ZIP64 = 0x0001;
  static final int UNICODE_PATH = 0x7075;

  final byte[] data;
  final int count;
  final int[] ids;
  final int[] offsets;
  final int[] lengths;
  /** Set when a field header or body runs past the end of the block. */
  final boolean malformed;

  private ExtraFields(byte[] data, int count, int[] ids, int[] offsets, int[] lengths, boolean malformed) {
    this.data = data;
    this.count = count;
    this.ids = ids;
    this.offsets = offsets;
    this.lengths = lengths;
    this.malformed = malformed;
  }

  static ExtraFields parse(byte[] data) {
    int max = data.length / 4;
    int[] ids = new int[max];
    int[] offsets = new int[max];
    int[] lengths = new int[max];
    int n = 0;
    int p = 0;
    boolean malformed = false;
    while (p < data.length) {
      if (data.length - p < 4) {
        malformed = true;
        break;
      }
      int id = Bytes.u16(data, p);
      int len = Bytes.u16(data, p + 2);
      if (len > data.length - p - 4) {
        malformed = true;
        break;
      }
      ids[n] = id;
      offsets[n] = p + 4;
      lengths[n] = len;
      n++;
      p += 4 + len;
    }
    return new ExtraFields(data, n, ids, offsets, lengths, malformed);
  }

  /** Index of the first field with this id, or -1. */
  int find(int id) {
    for (int i = 0; i < count; i++) {
      if (ids[i] == id) {
        return i;
      }
    }
    return -1;
  }

  /** How many fields have this id. */
  int occurrences(int id) {
    int c = 0;
    for (int i = 0; i < count; i++) {
      if (ids[i] == id) {
        c++;
      }
    }
    return c;
  }

  /**
   * Reports a malformed block, and a ZIP64 or Unicode Path field given twice (readers pick different ones).
   * {@code where} names the header, as in "central directory" or "local header".
   */
  void check(ScanContext ctx, String path, String where) {
    if (malformed) {
      ctx.error(Codes.ZIP_MALFORMED, path, ("local header".equals(where) ? "The local extra fields of this entry"
          : "The central directory extra fields of this entry") + " are malformed: a field runs past the end of"
          + " the block.");
    }
    if (occurrences(ZIP64) > 1) {
      ctx.error(Codes.ZIP_MALFORMED, path, "The " + where + " of this entry has more than one ZIP64 extra field.");
    }
    if (occurrences(UNICODE_PATH) > 1) {
      ctx.error(Codes.ZIP_MALFORMED, path, "The " + where + " of this entry has more than one Unicode Path extra"
          + " field.");
    }
  }
}
