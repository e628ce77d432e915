package dev.wheeltapper.zip;

import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The parser differential: after a strict scan that accepted an archive, the same bytes are read with Commons
 * Compress's central-directory reader ({@link ZipFile}, the ZIP reader most Java tools use) and the two views are
 * compared entry by entry: the names, their order, compressed and uncompressed size, CRC-32, compression method and
 * data offset. Any disagreement, or Commons Compress failing on an archive the strict scan accepted, is a {@code
 * zip.parser-confusion} error: a Java tool reading this wheel with Commons Compress would see other content than pip.
 *
 * <p>This is Commons Compress's one role in wheeltapper: it is never a path to content. It runs only when the strict
 * scan is complete and found no error (an archive already refused needs no second opinion, and the finding would
 * repeat the strict one), so it reads the directory the strict scan checked, within the same entry limit. It costs
 * one more read of the central directory and of each local header's lengths and extra field; no entry data is read.
 *
 * <p>Stateless and thread-safe.
 */
final class ParserDifferential {
  private ParserDifferential() {}

  /**
   * The scan with the differential's findings added, or the scan itself when it is not eligible or both views agree.
   *
   * @param scan the strict scan of the archive in {@code src}
   * @param src the archive
   * @param limits the limits of the strict scan (the per-code finding cap applies)
   * @return the scan, possibly with {@code zip.parser-confusion} findings
   * @throws IOException when the archive cannot be read (not when Commons Compress refuses it)
   */
  static ZipScan addTo(ZipScan scan, ChannelSource src, ZipLimits limits) throws IOException {
    if (!scan.complete() || scan.hasErrors()) {
      return scan;
    }
    List<Finding> differences = compare(scan, src, limits);
    if (differences.isEmpty()) {
      return scan;
    }
    List<Finding> all = new ArrayList<>(scan.findings());
    all.addAll(differences);
    return new ZipScan(scan.archiveSize(), scan.entries(), all, scan.complete(), scan.zip64(),
        scan.commentLength());
  }

  /**
   * Reads {@code src} with Commons Compress and compares its entries with {@code scan}'s.
   *
   * @return the disagreements, at most {@link ZipLimits#maxFindings()} plus one note when more were found
   * @throws IOException when the archive cannot be read (not when Commons Compress refuses it)
   */
  static List<Finding> compare(ZipScan scan, ChannelSource src, ZipLimits limits) throws IOException {
    List<ZipArchiveEntry> commons;
    PositionalChannelView view = new PositionalChannelView(src);
    try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(view).get()) {
      commons = Collections.list(zip.getEntries());
    } catch (IOException | RuntimeException e) {
      if (view.ioError() != null) {
        throw view.ioError();
      }
      String why = innermostMessage(e);
      return List.of(confusion("", "readable", "yes", "no: " + why, "Commons Compress cannot read this archive,"
          + " which the strict scan reads (" + why + ")"));
    }
    Differences out = new Differences(limits.maxFindings());
    compareNames(scan.entries(), commons, out);
    compareEntries(scan.entries(), commons, out);
    return out.findings();
  }

  /** The innermost cause's class and message: Commons Compress wraps the telling message in generic ones. */
  private static String innermostMessage(Throwable e) {
    Throwable t = e;
    for (int depth = 0; t.getCause() != null && t.getCause() != t && depth < 16; depth++) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }

  /** Names one view has and the other lacks (or has more often), then the order when both hold the same names. */
  private static void compareNames(List<ScannedEntry> strict, List<ZipArchiveEntry> commons, Differences out) {
    Map<String, Integer> strictCounts = new LinkedHashMap<>();
    for (ScannedEntry e : strict) {
      strictCounts.merge(e.name(), 1, Integer::sum);
    }
    Map<String, Integer> commonsCounts = new LinkedHashMap<>();
    for (ZipArchiveEntry e : commons) {
      commonsCounts.merge(e.getName(), 1, Integer::sum);
    }
    boolean differ = false;
    Set<String> names = new LinkedHashSet<>(strictCounts.keySet());
    names.addAll(commonsCounts.keySet());
    for (String name : names) {
      int a = strictCounts.getOrDefault(name, 0);
      int b = commonsCounts.getOrDefault(name, 0);
      if (a != b) {
        differ = true;
        out.add(confusion(name, "presence", occurrences(a), occurrences(b), b == 0
            ? "Commons Compress does not see this entry"
            : a == 0 ? "Commons Compress sees an entry the strict scan does not"
            : "Commons Compress sees this name " + b + " times, the strict scan " + a + " times"));
      }
    }
    if (differ) {
      return;
    }
    for (int i = 0; i < strict.size(); i++) {
      String a = strict.get(i).name();
      String b = commons.get(i).getName();
      if (!a.equals(b)) {
        out.add(confusion(a, "order", "entry " + i, "\"" + b + "\" at entry " + i, "Commons Compress lists the"
            + " entries in another order"));
        return;
      }
    }
  }

  private static String occurrences(int n) {
    return n == 0 ? "absent" : n == 1 ? "present" : n + " entries";
  }

  /** Sizes, CRC-32, method and data offset of the entries both views name, the first of each name. */
  private static void compareEntries(List<ScannedEntry> strict, List<ZipArchiveEntry> commons, Differences out) {
    Map<String, ZipArchiveEntry> byName = new HashMap<>();
    for (ZipArchiveEntry e : commons) {
      byName.putIfAbsent(e.getName(), e);
    }
    Set<String> seen = new HashSet<>();
    for (ScannedEntry s : strict) {
      ZipArchiveEntry c = byName.get(s.name());
      if (c == null || !seen.add(s.name())) {
        continue;
      }
      field(out, s.name(), "method", s.method(), c.getMethod());
      field(out, s.name(), "crc32", s.crc32(), c.getCrc());
      field(out, s.name(), "compressedSize", s.compressedSize(), c.getCompressedSize());
      field(out, s.name(), "uncompressedSize", s.uncompressedSize(), c.getSize());
      field(out, s.name(), "dataOffset", s.dataOffset(), c.getDataOffset());
    }
  }

  private static void field(Differences out, String name, String field, long strict, long commons) {
    if (strict != commons) {
      out.add(confusion(name, field, Long.toString(strict), Long.toString(commons), "Commons Compress reads "
          + field + " " + commons + " where the strict scan reads " + strict));
    }
  }

  private static Finding confusion(String name, String field, String strict, String commons, String what) {
    return Finding.error(Codes.ZIP_PARSER_CONFUSION, name, what + ": a Java tool reading this wheel with Commons"
        + " Compress would see other content than pip.")
        .withFact("name", name)
        .withFact("field", field)
        .withFact("strict", strict)
        .withFact("commonsCompress", commons);
  }

  /** The findings, capped like the strict scan's: at most {@code max}, then one note with the count left out. */
  private static final class Differences {
    private final int max;
    private final List<Finding> kept = new ArrayList<>();
    private int suppressed;

    Differences(int max) {
      this.max = max;
    }

    void add(Finding f) {
      if (kept.size() < max) {
        kept.add(Objects.requireNonNull(f));
      } else {
        suppressed++;
      }
    }

    List<Finding> findings() {
      if (suppressed == 0) {
        return kept;
      }
      List<Finding> all = new ArrayList<>(kept);
      all.add(Finding.note(Codes.ZIP_LIMIT_EXCEEDED, "", suppressed + " further parser-confusion findings were not"
          + " kept (at most " + max + ")."));
      return all;
    }
  }
}
