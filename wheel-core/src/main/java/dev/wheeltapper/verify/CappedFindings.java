package dev.wheeltapper.verify;

import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The findings of one verification, at most {@code cap} per code ({@link dev.wheeltapper.zip.ZipLimits#maxFindings()}),
 * so a wheel of a million unlisted files yields a report of a thousand findings and one note, not a million
 * findings, and one flood cannot hide another kind of defect. The cap bounds the report; while entries are checked in
 * parallel, each entry's own findings wait (a few per entry, at most {@code maxEntries} entries) until they are added
 * here in central directory order, which keeps the report the same whatever the parallelism. Confined to the
 * verifying thread.
 */
final class CappedFindings {
  private final int cap;
  private final List<Finding> kept = new ArrayList<>();
  private final Map<String, Integer> perCode = new HashMap<>();
  private long suppressed;

  CappedFindings(int cap) {
    this.cap = cap;
  }

  void add(Finding f) {
    if (perCode.merge(f.code(), 1, Integer::sum) <= cap) {
      kept.add(f);
    } else {
      suppressed++;
    }
  }

  void addAll(Collection<Finding> findings) {
    findings.forEach(this::add);
  }

  Stream<Finding> stream() {
    return kept.stream();
  }

  /** The kept findings in order, followed by a note counting the ones dropped, if any. */
  List<Finding> toList() {
    List<Finding> out = new ArrayList<>(kept);
    if (suppressed > 0) {
      out.add(Finding.note(Codes.ZIP_LIMIT_EXCEEDED, "",
          suppressed + " further findings were not kept (at most " + cap + " per code)."));
    }
    return out;
  }
}
