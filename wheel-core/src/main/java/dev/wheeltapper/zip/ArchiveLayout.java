package dev.wheeltapper.zip;

import dev.wheeltapper.report.Codes;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The cross-checks between the records of APPNOTE 4.3.6 (the overall layout): entries that overlap, bytes that
 * belong to no entry before the central directory, and end-record signatures outside every entry's data.
 */
final class ArchiveLayout {
  private ArchiveLayout() {}

  /** Overlaps, bytes outside entries, and the gap before the central directory. */
  static void checkEntries(ScanContext ctx) throws IOException {
    List<ScannedEntry> entries = ctx.entries;
    int n = entries.size();
    long[][] spans = new long[n][];
    for (int i = 0; i < n; i++) {
      ScannedEntry e = entries.get(i);
      spans[i] = new long[] {e.localHeaderOffset(), e.readable() ? e.end() : e.localHeaderOffset()
          + LocalFileHeader.LENGTH, i};
    }
    Arrays.sort(spans, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[2], b[2]));
    long cursor = ctx.shift;
    int owner = -1;
    for (long[] s : spans) {
      ScannedEntry e = entries.get((int) s[2]);
      if (s[0] < cursor && owner >= 0) {
        String other = entries.get(owner).name();
        ctx.error(Codes.ZIP_OVERLAPPING_ENTRIES, e.name(), s[0] == entries.get(owner).localHeaderOffset()
            ? "The entry shares its local header at offset " + s[0] + " with \"" + other + "\"."
            : "The entry overlaps the data of \"" + other + "\".");
      } else if (ctx.complete && s[0] > cursor && s[0] < ctx.cdStart) {
        ctx.error(Codes.ZIP_EXTRA_DATA, e.name(), (s[0] - cursor) + " bytes " + (owner < 0
            ? "before the first entry" : "between \"" + entries.get(owner).name() + "\" and this entry")
            + " belong to no entry" + hidden(ctx, cursor) + ".");
      }
      if (s[1] > cursor) {
        cursor = s[1];
        owner = (int) s[2];
      }
    }
    if (ctx.complete && cursor < ctx.cdStart) {
      ctx.error(Codes.ZIP_EXTRA_DATA, "", (ctx.cdStart - cursor) + " bytes " + (owner < 0 ? "before"
          : "between the last entry and") + " the central directory belong to no entry" + hidden(ctx, cursor) + ".");
    }
  }

  private static String hidden(ScanContext ctx, long pos) throws IOException {
    return ctx.sigAt(pos, LocalFileHeader.SIG)
        ? " (they start with a local file header the central directory does not list)"
        : ctx.sigAt(pos, DataDescriptor.SIG) ? " (they start with a data descriptor signature)" : "";
  }

  /**
   * End-record signatures outside every entry's data (in the comment, a gap or the directory) are ambiguous. Entry
   * data ranges are sorted and merged once, then each candidate is a binary search, so a tail full of signatures
   * and many entries stays cheap.
   */
  static void checkOtherEndRecords(ScanContext ctx) {
    if (ctx.otherEocds.isEmpty()) {
      return;
    }
    long[][] ranges = ctx.entries.stream().filter(ScannedEntry::readable)
        .map(e -> new long[] {e.dataOffset(), e.dataOffset() + e.compressedSize()})
        .sorted((a, b) -> Long.compare(a[0], b[0])).toArray(long[][]::new);
    long[] starts = new long[ranges.length];
    long[] ends = new long[ranges.length];
    int m = 0;
    for (long[] r : ranges) {
      if (m > 0 && r[0] <= ends[m - 1]) {
        ends[m - 1] = Math.max(ends[m - 1], r[1]);
      } else {
        starts[m] = r[0];
        ends[m] = r[1];
        m++;
      }
    }
    for (long c : ctx.otherEocds) {
      int i = Arrays.binarySearch(starts, 0, m, c);
      int idx = i >= 0 ? i : -i - 2;
      boolean inData = idx >= 0 && c < ends[idx];
      if (!inData) {
        ctx.error(Codes.ZIP_MULTIPLE_EOCD, "", "A second end of central directory record at offset " + c
            + " lets readers disagree on which entries the archive holds.");
        return;
      }
    }
  }
}
