package dev.wheeltapper.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.testsupport.Corpus;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report as written, without a browser: its numbers against the JSON report of the same run (the corpus),
 * its links, that it loads nothing, that it reads without scripts, and that hostile names stay text.
 * {@code HtmlBrowserTest} renders it in Chromium.
 */
class HtmlReportTest {
  @TempDir Path tmp;

  private static Document corpus() throws Exception {
    return Jsoup.parse(HtmlFixtures.corpusHtml().toFile(), "UTF-8");
  }

  @Test
  void theOverviewCountsArtifactsByVerdictAsTheJsonDoes() throws Exception {
    Document d = corpus();
    JsonNode summary = HtmlFixtures.corpusJson().get("summary");
    assertThat(d.selectFirst("[data-count-artifacts]").attr("data-count-artifacts"))
        .isEqualTo(summary.get("artifacts").asText());
    assertThat(d.selectFirst("[data-count-fail]").attr("data-count-fail")).isEqualTo(summary.get("failed").asText());
    assertThat(d.selectFirst("[data-count-pass]").attr("data-count-pass")).isEqualTo(summary.get("passed").asText());
    assertThat(d.select("section.artifact")).hasSize(summary.get("artifacts").asInt());
    assertThat(d.select("section.artifact[data-verdict=fail]")).hasSize(summary.get("failed").asInt());
    assertThat(d.select("table.index tbody tr[data-verdict=fail]")).hasSize(summary.get("failed").asInt());
    assertThat(d.select("table.index tbody tr[data-verdict=pass]")).hasSize(summary.get("passed").asInt());
    // each section in run order, under the artifact's path as given
    JsonNode artifacts = HtmlFixtures.corpusJson().get("artifacts");
    for (int i = 0; i < artifacts.size(); i++) {
      Element s = d.getElementById("w" + (i + 1));
      assertThat(s.attr("data-verdict")).isEqualTo(artifacts.get(i).get("verdict").asText());
      assertThat(s.selectFirst("h3").text()).endsWith(artifacts.get(i).get("path").asText());
      assertThat(s.select("li.finding")).hasSize(artifacts.get(i).get("findings").size());
    }
  }

  @Test
  void everyLinkStaysInThePageAndFindsItsTarget() throws Exception {
    Document d = corpus();
    Elements links = d.select("a[href]");
    assertThat(links).hasSizeGreaterThan(300);
    Set<String> ids = new HashSet<>(d.select("[id]").eachAttr("id"));
    for (Element a : links) {
      String href = a.attr("href");
      assertThat(href).as(a.outerHtml()).startsWith("#");
      assertThat(ids).as("target of %s", href).contains(href.substring(1));
    }
    assertThat(d.select("[src], link, img, iframe, object, embed, base, form[action]")).isEmpty();
  }

  @Test
  void itLoadsNothingAndRunsOnlyItsOwnStyleAndScript() throws Exception {
    String html = Files.readString(HtmlFixtures.corpusHtml(), StandardCharsets.UTF_8);
    Document d = Jsoup.parse(html);
    assertThat(d.select("script")).hasSize(1);
    assertThat(d.select("style")).hasSize(1);
    String csp = d.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
    assertThat(csp).startsWith("default-src 'none';")
        .contains("script-src '" + HtmlReport.sha256(d.selectFirst("script").data()) + "'")
        .contains("style-src '" + HtmlReport.sha256(d.selectFirst("style").data()) + "'");
    for (Element e : d.getAllElements()) {
      for (Attribute a : e.attributes()) {
        assertThat(a.getKey()).as(e.tagName()).doesNotStartWith("on").isNotEqualTo("style");
      }
    }
    assertThat(html).doesNotContain("url(").doesNotContain("@import").doesNotContain("xlink:href");
    // the page's own parts (an empty run) name no URL at all; in the corpus only escaped text from artifacts may
    String empty = render(List.of());
    assertThat(empty).doesNotContainPattern("(?i)(https?|ftp|wss?|file|data):").doesNotContain("//www.");
  }

  @Test
  void theLanguageChartHasOneMarkPerLanguageOfTheNativeCode() throws Exception {
    Document d = corpus();
    Map<String, Integer> expected = new TreeMap<>();
    Map<String, Integer> safety = new TreeMap<>();
    for (JsonNode a : HtmlFixtures.corpusJson().get("artifacts")) {
      for (JsonNode b : a.get("binaries")) {
        if (b.get("toolchain").isNull()) {
          continue;
        }
        b.at("/toolchain/languages").forEach(l -> expected.merge(l.asText(), 1, Integer::sum));
        safety.merge(b.at("/toolchain/memorySafe").asText(), 1, Integer::sum);
      }
    }
    assertThat(expected).containsKeys("c", "c++", "cython", "rust");
    Map<String, Integer> marks = new TreeMap<>();
    for (Element g : d.select("svg#chart-languages g.mark")) {
      assertThat(g.select("rect.bar")).hasSize(1);
      marks.put(g.attr("data-language"), Integer.parseInt(g.attr("data-count")));
    }
    assertThat(marks).isEqualTo(expected);
    Map<String, Integer> segments = new TreeMap<>();
    for (Element g : d.select("svg#chart-memory-safety g.mark")) {
      segments.put(g.attr("data-memory-safe"), Integer.parseInt(g.attr("data-count")));
    }
    assertThat(segments).isEqualTo(safety);
  }

  @Test
  void theHeatMapShowsEachBinarysTypedChecksWithNotApplicableApartFromFailed() throws Exception {
    Document d = corpus();
    JsonNode artifacts = HtmlFixtures.corpusJson().get("artifacts");
    int inspected = 0;
    for (JsonNode a : artifacts) {
      for (JsonNode b : a.get("binaries")) {
        inspected += b.get("hardening").isNull() ? 0 : 1;
      }
    }
    Elements rows = d.select("table.heat tbody tr");
    assertThat(rows).hasSize(inspected);
    Pattern anchor = Pattern.compile("#w(\\d+)-b(\\d+)");
    int notApplicable = 0;
    int failed = 0;
    for (Element row : rows) {
      List<String> columns = row.closest("table").select("thead th.check").eachText();
      Matcher m = anchor.matcher(row.selectFirst("th a").attr("href"));
      assertThat(m.matches()).isTrue();
      JsonNode checks = artifacts.get(Integer.parseInt(m.group(1)) - 1).get("binaries")
          .get(Integer.parseInt(m.group(2)) - 1).at("/hardening/checks");
      Elements cells = row.select("td");
      assertThat(cells).hasSameSizeAs(columns);
      for (int i = 0; i < columns.size(); i++) {
        String status = checks.get(columns.get(i)).get("status").asText();
        Element cell = cells.get(i);
        assertThat(cell.attr("data-status")).as("%s %s", row.selectFirst("th a").text(), columns.get(i))
            .isEqualTo(status);
        assertThat(cell.className()).isEqualTo("s-" + status);
        if (status.equals("not-applicable")) {
          notApplicable++;
          assertThat(cell.text()).isEqualTo("n/a");
        } else if (status.equals("fail")) {
          failed++;
          assertThat(cell.text()).isEqualTo("\u2717");
        }
      }
    }
    assertThat(notApplicable).isPositive();
    assertThat(failed).isPositive();
    assertThat(d.select("table.heat").eachAttr("data-format")).containsExactly("elf", "pe", "macho");
  }

  @Test
  void eachElfBinaryShowsTheGuideProfileRowByRowAsTheJsonDoes() throws Exception {
    Document d = corpus();
    JsonNode artifacts = HtmlFixtures.corpusJson().get("artifacts");
    int profiles = 0;
    for (int a = 0; a < artifacts.size(); a++) {
      JsonNode binaries = artifacts.get(a).get("binaries");
      for (int b = 0; b < binaries.size(); b++) {
        JsonNode rows = binaries.get(b).at("/hardening/guide/rows");
        Element section = d.getElementById("w" + (a + 1) + "-b" + (b + 1));
        Element table = section == null ? null : section.selectFirst("table.guide");
        if (rows.isMissingNode() || rows.isNull()) {
          assertThat(table).as("no guide for %s", binaries.get(b).get("path")).isNull();
          continue;
        }
        profiles++;
        assertThat(table).as("guide of %s", binaries.get(b).get("path")).isNotNull();
        Elements trs = table.select("tbody tr");
        assertThat(trs).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
          assertThat(trs.get(i).selectFirst("th").text()).isEqualTo(rows.get(i).get("option").asText());
          assertThat(trs.get(i).attr("data-status")).isEqualTo(rows.get(i).get("status").asText());
          assertThat(trs.get(i).select("td").get(2).text()).isEqualTo(rows.get(i).get("evidence").asText());
        }
      }
    }
    assertThat(profiles).isPositive();
    // the overview's share per option counts the artifacts whose every C/C++ ELF binary meets it, as the JSON says
    Map<String, int[]> expected = new java.util.LinkedHashMap<>();
    for (JsonNode a : artifacts) {
      JsonNode g = a.get("guide");
      if (g == null || g.isNull() || g.get("cOrCxxBinaries").asInt() == 0) {
        continue;
      }
      for (JsonNode o : g.get("options")) {
        int[] c = expected.computeIfAbsent(o.get("option").asText(), k -> new int[4]);
        String w = o.get("wheel").asText();
        c[0] += w.equals("not-applicable") ? 0 : 1;
        c[1] += w.equals("met") ? 1 : 0;
        c[2] += w.equals("not-met") ? 1 : 0;
        c[3] += w.equals("undeterminable") ? 1 : 0;
      }
    }
    Elements share = d.select("table.guide-share tbody tr");
    assertThat(share).hasSize(expected.size()).hasSize(21);
    for (Element row : share) {
      int[] c = expected.get(row.attr("data-option"));
      assertThat(c).as(row.attr("data-option")).isNotNull();
      List<Integer> cells = row.select("td").stream().limit(4).map(e -> Integer.parseInt(e.text())).toList();
      assertThat(cells).as(row.attr("data-option")).containsExactly(c[0], c[1], c[2], c[3]);
    }
  }

  @Test
  void policyComplianceAndFindingsByCodeAgreeWithTheJson() throws Exception {
    Document d = corpus();
    int judged = 0;
    int notOk = 0;
    Map<String, Integer> byCode = new HashMap<>();
    for (JsonNode a : HtmlFixtures.corpusJson().get("artifacts")) {
      JsonNode p = a.get("policy");
      if (p != null && (p.has("manylinux") || p.has("musllinux") || p.has("abi3"))) {
        judged++;
        for (String family : List.of("manylinux", "musllinux", "abi3")) {
          notOk += p.has(family) && !p.get(family).get("ok").asBoolean() ? 1 : 0;
        }
      }
      a.get("findings").forEach(f -> byCode.merge(f.get("code").asText() + " " + f.get("severity").asText(), 1,
          Integer::sum));
    }
    assertThat(d.select("table.policy tbody tr")).hasSize(judged);
    assertThat(d.select("table.policy .badge.fail")).hasSize(notOk);
    assertThat(notOk).isPositive();
    Map<String, Integer> rows = new HashMap<>();
    for (Element r : d.select("table.codes tr.code-row")) {
      rows.put(r.attr("data-code") + " " + r.attr("data-severity"), Integer.parseInt(r.select("td").get(2).text()));
      assertThat(r.select("td").get(5).text()).startsWith("docs/findings.md#");
    }
    assertThat(rows).isEqualTo(byCode);
  }

  @Test
  void withoutScriptsEveryFindingIsShownAndTheFilterFormIsHidden() throws Exception {
    Document d = corpus();
    int findings = 0;
    for (JsonNode a : HtmlFixtures.corpusJson().get("artifacts")) {
      findings += a.get("findings").size();
    }
    assertThat(d.selectFirst("form#filter").hasAttr("hidden")).isTrue();
    assertThat(d.select("noscript")).hasSize(1);
    assertThat(d.select("li.finding")).hasSize(findings);
    assertThat(d.select("[hidden]")).hasSize(1);
    // the filter offers every code that occurs, once
    List<String> options = new ArrayList<>(d.select("#filter-code option").eachAttr("value"));
    options.remove("");
    assertThat(options).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(d.select("li.finding").eachAttr("data-code").stream().distinct()
            .toList());
  }

  @Test
  void hostileNamesStayText() throws Exception {
    Path wheel = HtmlFixtures.hostileWheel(tmp);
    Path out = tmp.resolve("hostile.html");
    CliTest.Run r = CliTest.run("audit", "--format", "html", "--output", out.toString(), wheel.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_FAIL);
    String html = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(html).doesNotContain("<script>document").doesNotContain("<img").doesNotContain("<b onmouseover")
        .doesNotContain("<svg onload").doesNotContain("</style><script>")
        .contains("&lt;script&gt;document.documentElement.dataset.pwned=&#39;2&#39;&lt;/script&gt;");
    Document d = Jsoup.parse(html);
    assertThat(d.select("script")).hasSize(1);
    assertThat(d.select("img, b, svg[onload]")).isEmpty();
    for (Element e : d.getAllElements()) {
      for (Attribute a : e.attributes()) {
        assertThat(a.getKey()).doesNotStartWith("on");
      }
    }
    // escaped, not mangled: the heading reads the path as given, the entry names are in the findings and binaries
    assertThat(d.selectFirst("section.artifact h3").text()).endsWith(wheel.toString());
    assertThat(d.select("li.finding").text()).contains("pkg/<script>document.documentElement.dataset.pwned='2'</script>.py");
    assertThat(d.select("details.binary summary .path").eachText())
        .containsExactly("pkg/<img src=x onerror=\"document.documentElement.dataset.pwned='3'\">'.so");
    assertThat(d.select("table.heat tbody th a").eachText())
        .containsExactly("pkg/<img src=x onerror=\"document.documentElement.dataset.pwned='3'\">'.so");
    assertThat(d.select("a[href]").eachAttr("href")).allMatch(h -> h.matches("#[a-z0-9-]+"));
  }

  @Test
  void anEmptyRunIsASmallCompletePage() throws Exception {
    String html = render(List.of());
    assertThat(html.length()).isLessThan(24 * 1024);
    Document d = Jsoup.parse(html);
    assertThat(d.select("section.artifact")).isEmpty();
    assertThat(d.selectFirst("[data-count-artifacts]").attr("data-count-artifacts")).isEqualTo("0");
    assertThat(d.selectFirst("#artifacts").text()).contains("No artifact was given or found.");
    assertThat(d.select("svg#chart-languages g.mark")).isEmpty();
  }

  /** The page costs about what the JSON of the same run does: no per-cell bloat. */
  @Test
  void theCorpusReportStaysNearTheSizeOfItsJson() throws Exception {
    HtmlFixtures.corpusJson();
    long html = Files.size(HtmlFixtures.corpusHtml());
    long json = Files.size(HtmlFixtures.OUT.resolve("corpus-audit.json"));
    assertThat(html).isLessThan(json * 3 / 2).isLessThan(3L << 20);
  }

  @Test
  void everyFindingsReferenceIsASectionOfFindingsMd() throws Exception {
    String doc = Files.readString(Corpus.repositoryRoot().resolve("docs").resolve("findings.md"));
    List<String> slugs = new ArrayList<>();
    for (String line : doc.split("\n")) {
      if (line.startsWith("## ")) {
        // GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens
        slugs.add(line.substring(3).strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
            .replace(' ', '-'));
      }
    }
    assertThat(slugs).containsAll(HtmlFindingCodes.SECTIONS.values());
    for (String area : HtmlFindingCodes.SECTIONS.keySet()) {
      assertThat(HtmlFindingCodes.reference(area + ".x")).isEqualTo("docs/findings.md#"
          + HtmlFindingCodes.SECTIONS.get(area));
    }
    assertThat(HtmlFindingCodes.reference("unheard-of.x")).isEqualTo("docs/findings.md");
  }

  @Test
  void theStreamIsBeginArtifactsEndAndNothingElse() throws Exception {
    StringWriter w = new StringWriter();
    try (HtmlReport html = new HtmlReport(w)) {
      assertThatThrownBy(html::end).isInstanceOf(IllegalStateException.class);
      html.begin();
      html.end();
      assertThatThrownBy(html::end).isInstanceOf(IllegalStateException.class);
    }
    assertThat(w.toString()).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
  }

  @Test
  void findingsAboutTheRunItselfComeFirstAndCountInNoArtifact() throws Exception {
    StringWriter w = new StringWriter();
    HtmlReport html = new HtmlReport(w);
    html.begin();
    html.end(List.of(Finding.error("input.missing", "dist/<nope>", "dist/<nope> does not exist.")));
    Document d = Jsoup.parse(w.toString());
    Element run = d.selectFirst("section#run");
    assertThat(run.select("li.finding[data-code=input.missing][data-severity=error]").text())
        .contains("dist/<nope> does not exist.");
    assertThat(run.nextElementSibling().id()).isEqualTo("verdicts");
    Element row = d.selectFirst("tr.code-row[data-code=input.missing]");
    assertThat(row.select("td").get(2).text()).isEqualTo("1");
    assertThat(row.select("td").get(3).text()).isEqualTo("0");
    assertThat(d.select("#filter-code option").eachAttr("value")).containsExactly("", "input.missing");
  }

  private static String render(List<ArtifactReport> reports) throws Exception {
    StringWriter w = new StringWriter();
    HtmlReport.write(reports, w);
    return w.toString();
  }
}
