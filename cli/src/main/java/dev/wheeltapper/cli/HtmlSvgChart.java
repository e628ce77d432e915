package dev.wheeltapper.cli;

import dev.wheeltapper.toolchain.Language;
import dev.wheeltapper.toolchain.MemorySafety;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The inline SVG charts of the HTML report's overview: the language mix of the native code (one bar per language,
 * {@code g.mark[data-language]}, coloured by whether the language is memory-safe) and the memory-safety verdicts of
 * the binaries (one stacked bar, a segment per verdict, {@code g.mark[data-memory-safe]}). Colours come from the
 * page's style sheet through classes; the SVG holds no style attribute, no script and no external reference, and
 * every mark carries its number as text and as a {@code title}, so the chart reads without colour.
 *
 * <p>Stateless and thread-safe.
 */
final class HtmlSvgChart {
  private static final int WIDTH = 600;
  private static final int LABEL = 90;
  private static final int BAR = 22;
  private static final int GAP = 8;
  private static final int NUMBERS = 110;

  private HtmlSvgChart() {}

  /**
   * One horizontal bar per language, longest first.
   *
   * @param languages binaries per language (a binary of two languages counts for both), in the order to draw
   * @param binaries how many binaries were inspected, the base of the percentages
   */
  static String languages(Map<Language, Integer> languages, int binaries) {
    int max = languages.values().stream().mapToInt(Integer::intValue).max().orElse(1);
    int height = Math.max(1, languages.size()) * (BAR + GAP) + GAP;
    StringBuilder s = open("chart-languages", "Binaries per language", height);
    int y = GAP;
    for (Map.Entry<Language, Integer> e : languages.entrySet()) {
      String label = e.getKey().label();
      int n = e.getValue();
      int w = Math.max(2, (int) Math.round((double) n * (WIDTH - LABEL - NUMBERS) / max));
      String kind = e.getKey() == Language.UNKNOWN ? "unknown" : e.getKey().memorySafe() ? "safe" : "unsafe";
      s.append("<g class=\"mark\" data-language=\"").append(HtmlEscaper.text(label)).append("\" data-count=\"")
          .append(n).append("\"><title>").append(HtmlEscaper.text(label)).append(": ").append(n)
          .append(binaries == 1 ? " binary" : " binaries").append(percent(n, binaries)).append("</title>");
      s.append("<text class=\"label\" x=\"").append(LABEL - 6).append("\" y=\"").append(y + BAR - 6)
          .append("\" text-anchor=\"end\">").append(HtmlEscaper.text(label)).append("</text>");
      s.append("<rect class=\"bar ").append(kind).append("\" x=\"").append(LABEL).append("\" y=\"").append(y)
          .append("\" width=\"").append(w).append("\" height=\"").append(BAR).append("\"/>");
      s.append("<text class=\"value\" x=\"").append(LABEL + w + 6).append("\" y=\"").append(y + BAR - 6)
          .append("\">").append(n).append(percent(n, binaries)).append("</text></g>");
      y += BAR + GAP;
    }
    if (languages.isEmpty()) {
      s.append("<text class=\"label\" x=\"").append(LABEL).append("\" y=\"").append(GAP + BAR - 6)
          .append("\">no native code</text>");
    }
    return s.append("</svg>").toString();
  }

  /**
   * One bar split by memory-safety verdict, with a legend row under it.
   *
   * @param verdicts binaries per verdict
   */
  static String memorySafety(Map<MemorySafety, Integer> verdicts) {
    int total = verdicts.values().stream().mapToInt(Integer::intValue).sum();
    int height = BAR + GAP * 3 + 18;
    StringBuilder s = open("chart-memory-safety", "Binaries by memory-safety verdict", height);
    int x = 0;
    int legendX = 0;
    List<MemorySafety> order = new ArrayList<>(List.of(MemorySafety.YES, MemorySafety.MIXED, MemorySafety.NO,
        MemorySafety.UNKNOWN));
    for (int i = 0; i < order.size(); i++) {
      MemorySafety m = order.get(i);
      int n = verdicts.getOrDefault(m, 0);
      if (n == 0) {
        continue;
      }
      // The last segment takes what rounding left, so the bar always spans the full width.
      int w = i == order.size() - 1 || lastNonZero(order, verdicts, i) ? WIDTH - x
          : (int) Math.round((double) n * WIDTH / total);
      String label = m.label();
      s.append("<g class=\"mark\" data-memory-safe=\"").append(label).append("\" data-count=\"").append(n)
          .append("\"><title>memory-safe ").append(label).append(": ").append(n).append(percent(n, total))
          .append("</title><rect class=\"seg ms-").append(label).append("\" x=\"").append(x).append("\" y=\"")
          .append(GAP).append("\" width=\"").append(w).append("\" height=\"").append(BAR).append("\"/>");
      s.append("<rect class=\"seg ms-").append(label).append("\" x=\"").append(legendX).append("\" y=\"")
          .append(GAP * 2 + BAR + 4).append("\" width=\"12\" height=\"12\"/><text class=\"value\" x=\"")
          .append(legendX + 16).append("\" y=\"").append(GAP * 2 + BAR + 15).append("\">").append(label)
          .append(' ').append(n).append("</text></g>");
      x += w;
      legendX += 150;
    }
    if (total == 0) {
      s.append("<text class=\"label\" x=\"0\" y=\"").append(GAP + BAR - 6).append("\">no native code</text>");
    }
    return s.append("</svg>").toString();
  }

  private static boolean lastNonZero(List<MemorySafety> order, Map<MemorySafety, Integer> verdicts, int i) {
    for (int j = i + 1; j < order.size(); j++) {
      if (verdicts.getOrDefault(order.get(j), 0) > 0) {
        return false;
      }
    }
    return true;
  }

  private static StringBuilder open(String id, String title, int height) {
    return new StringBuilder(1024).append("<svg class=\"chart\" id=\"").append(id).append("\" viewBox=\"0 0 ")
        .append(WIDTH).append(' ').append(height).append("\" role=\"img\" aria-labelledby=\"").append(id)
        .append("-title\"><title id=\"").append(id).append("-title\">").append(title).append("</title>");
  }

  /** " (74%)", or nothing when there is no base. */
  static String percent(int n, int of) {
    return of <= 0 ? "" : String.format(Locale.ROOT, " (%d%%)", Math.round(100.0 * n / of));
  }
}
