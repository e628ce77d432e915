package dev.wheeltapper.cli;

import dev.wheeltapper.bytes.NativeFormat;
import dev.wheeltapper.hardening.CheckResult;
import dev.wheeltapper.hardening.Hardening;
import dev.wheeltapper.hardening.HardeningCheck;
import dev.wheeltapper.hardening.Status;
import dev.wheeltapper.inspect.BinaryInspection;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The hardening heat map of the HTML report: one table per binary format present (ELF, PE, Mach-O, each with its own
 * checks as columns, in the order of {@link HardeningCheck}), one row per inspected binary linked to its place in its
 * wheel's section, one cell per check coloured by its typed {@link Status}. A check that does not apply
 * ({@code not-applicable}) is a grey hatched {@code n/a} cell, never a failed one; every cell also says its status in
 * a symbol and a {@code title}, so the map reads without colour. A footer row counts the failures per check. Rows go
 * to a {@link HtmlSpill}; only the per-check counts stay in memory.
 *
 * <p>Not thread-safe: one report writer adds from one thread.
 */
final class HtmlHeatMap implements Closeable {
  private final Map<NativeFormat, Table> tables = new EnumMap<>(NativeFormat.class);

  /** A format's columns, its rows so far, and how many binaries failed each check. */
  private static final class Table {
    final List<HardeningCheck> columns;
    final HtmlSpill rows = new HtmlSpill();
    final int[] failed;
    int count;

    Table(NativeFormat format) {
      columns = Arrays.stream(HardeningCheck.values()).filter(c -> c.appliesTo(format)).toList();
      failed = new int[columns.size()];
    }
  }

  /**
   * Adds the row of one binary.
   *
   * @param anchor the id of the binary's place in its wheel's section
   * @param wheel the artifact the binary belongs to, as shown
   * @param b the binary
   */
  void add(String anchor, String wheel, BinaryInspection b) throws IOException {
    Hardening h = b.hardening();
    Table t = tables.computeIfAbsent(h.format(), Table::new);
    StringBuilder row = new StringBuilder(256 + 64 * t.columns.size());
    row.append("<tr><th scope=\"row\"><a href=\"#").append(anchor).append("\">");
    HtmlEscaper.append(row, b.path()).append("</a><span class=\"sub\">");
    HtmlEscaper.append(row, wheel).append("</span></th>");
    for (int i = 0; i < t.columns.size(); i++) {
      CheckResult r = h.result(t.columns.get(i));
      if (r.status() == Status.FAIL) {
        t.failed[i]++;
      }
      row.append("<td class=\"s-").append(r.status().label()).append("\" data-status=\"")
          .append(r.status().label()).append("\" title=\"").append(r.check().key()).append(": ");
      HtmlEscaper.append(row, r.value().label()).append(" (").append(r.status().label()).append(")\">")
          .append(symbol(r.status())).append("</td>");
    }
    t.rows.append(row.append("</tr>\n"));
    t.count++;
  }

  /** Whether no binary was added. */
  boolean isEmpty() {
    return tables.isEmpty();
  }

  /** Writes one table per format, ELF first. */
  void writeTo(Writer out) throws IOException {
    for (Map.Entry<NativeFormat, Table> e : tables.entrySet()) {
      Table t = e.getValue();
      StringBuilder head = new StringBuilder(2048);
      head.append("<h3>").append(e.getKey().label()).append(" (").append(t.count)
          .append(t.count == 1 ? " binary" : " binaries").append(")</h3>\n")
          .append("<div class=\"scroll tall\"><table class=\"heat\" data-format=\"").append(e.getKey().label())
          .append("\"><thead><tr><th scope=\"col\">binary</th>");
      for (HardeningCheck c : t.columns) {
        head.append("<th scope=\"col\" class=\"check\"><span>").append(c.key()).append("</span></th>");
      }
      out.append(head.append("</tr></thead><tbody>\n"));
      t.rows.writeTo(out);
      StringBuilder foot = new StringBuilder(512).append("</tbody><tfoot><tr><th scope=\"row\">failed</th>");
      for (int n : t.failed) {
        foot.append("<td>").append(n).append("</td>");
      }
      out.append(foot.append("</tr></tfoot></table></div>\n"));
    }
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (Table t : tables.values()) {
      try {
        t.rows.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** The cell's text: the status without colour. */
  static String symbol(Status s) {
    return switch (s) {
      case PASS -> "\u2713";
      case FAIL -> "\u2717";
      case PARTIAL -> "\u25d0";
      case NOT_APPLICABLE -> "n/a";
      case UNKNOWN -> "?";
    };
  }
}
