package dev.wheeltapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheeltapper.testsupport.Oracles;
import dev.wheeltapper.testsupport.Oracles.Oracle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report of the corpus rendered by a real browser, Debian's Chromium headless (through the oracle gate):
 * screenshots at a desktop and a phone width under {@code cli/target/html-report/}, and the DOM after the page's script
 * ran ({@code --dump-dom}), checked against the JSON report of the same run; the filter driven through the address
 * ({@code ?code=...}, {@code ?severity=...}), as a person shares a filtered view.
 */
class HtmlBrowserTest {
  @TempDir Path tmp;

  @Test
  void theCorpusReportRendersWithItsNumbersLinksAndChart() throws Exception {
    Oracles.require(Oracle.CHROMIUM);
    Path html = HtmlFixtures.corpusHtml();
    JsonNode json = HtmlFixtures.corpusJson();
    for (String[] size : new String[][] {{"desktop", "1280,2400"}, {"phone", "390,2400"}}) {
      Path png = HtmlFixtures.OUT.resolve("corpus-audit-" + size[0] + ".png");
      Files.deleteIfExists(png);
      chromium("--screenshot=" + png, "--window-size=" + size[1], "--hide-scrollbars", html.toUri().toString());
      byte[] head = new byte[8];
      try (InputStream in = Files.newInputStream(png)) {
        assertThat(in.readNBytes(head, 0, 8)).isEqualTo(8);
      }
      assertThat(head).startsWith(0x89, 'P', 'N', 'G');
      assertThat(Files.size(png)).isGreaterThan(20_000);
    }

    Document d = dom(html.toUri().toString());
    // the script ran: the filter is shown and counts every finding
    int findings = 0;
    for (JsonNode a : json.get("artifacts")) {
      findings += a.get("findings").size();
    }
    assertThat(d.selectFirst("form#filter").hasAttr("hidden")).isFalse();
    assertThat(d.selectFirst("#filter-status").text()).isEqualTo(findings + " findings");
    assertThat(d.select("li.finding:not([hidden])")).hasSize(findings);

    JsonNode summary = json.get("summary");
    assertThat(d.selectFirst("[data-count-fail]").text()).isEqualTo(summary.get("failed").asInt() + " failed");
    assertThat(d.selectFirst("[data-count-pass]").text()).isEqualTo(summary.get("passed").asInt() + " passed");
    assertThat(d.select("section.artifact[data-verdict=fail]")).hasSize(summary.get("failed").asInt());
    assertThat(d.select("section.artifact[data-verdict=pass]")).hasSize(summary.get("passed").asInt());

    Elements links = d.select("a[href]");
    assertThat(links).hasSizeGreaterThan(300);
    Set<String> ids = new HashSet<>(d.select("[id]").eachAttr("id"));
    for (Element a : links) {
      assertThat(ids).as("target of %s", a.attr("href")).contains(a.attr("href").substring(1));
    }

    List<String> languages = new ArrayList<>();
    for (JsonNode a : json.get("artifacts")) {
      for (JsonNode b : a.get("binaries")) {
        b.path("toolchain").path("languages").forEach(l -> {
          if (!languages.contains(l.asText())) {
            languages.add(l.asText());
          }
        });
      }
    }
    Elements marks = d.select("svg#chart-languages g.mark");
    assertThat(marks.eachAttr("data-language")).containsExactlyInAnyOrderElementsOf(languages);
    assertThat(d.select("svg#chart-languages g.mark rect.bar")).hasSameSizeAs(languages);
  }

  @Test
  void filteringByACodeHidesEveryOtherFinding() throws Exception {
    Oracles.require(Oracle.CHROMIUM);
    JsonNode json = HtmlFixtures.corpusJson();
    Map<String, Integer> byCode = new HashMap<>();
    int total = 0;
    for (JsonNode a : json.get("artifacts")) {
      for (JsonNode f : a.get("findings")) {
        byCode.merge(f.get("code").asText(), 1, Integer::sum);
        total++;
      }
    }
    // the most frequent code, ties broken by name: a filter that has something to show and something to hide
    String code = byCode.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .findFirst().orElseThrow().getKey();
    int expected = byCode.get(code);
    assertThat(expected).isLessThan(total);
    int withCode = 0;
    for (JsonNode a : json.get("artifacts")) {
      for (JsonNode f : a.get("findings")) {
        if (f.get("code").asText().equals(code)) {
          withCode++;
          break;
        }
      }
    }

    Document d = dom(HtmlFixtures.corpusHtml().toUri() + "?code=" + code);
    assertThat(d.selectFirst("#filter-code option[selected], #filter-code").attr("id")).isEqualTo("filter-code");
    Elements shown = d.select("li.finding:not([hidden])");
    assertThat(shown).hasSize(expected);
    assertThat(shown.eachAttr("data-code")).containsOnly(code);
    Elements hidden = d.select("li.finding[hidden]");
    assertThat(hidden).hasSize(total - expected);
    assertThat(hidden.eachAttr("data-code")).doesNotContain(code);
    assertThat(d.select("tr.code-row:not([hidden])").eachAttr("data-code")).containsOnly(code);
    assertThat(d.select("section.artifact:not([hidden])")).hasSize(withCode);
    assertThat(d.selectFirst("#filter-status").text()).startsWith(expected + " of " + total + " findings shown");
  }

  @Test
  void filteringBySeverityShowsOnlyThoseSeverities() throws Exception {
    Oracles.require(Oracle.CHROMIUM);
    int errors = 0;
    for (JsonNode a : HtmlFixtures.corpusJson().get("artifacts")) {
      for (JsonNode f : a.get("findings")) {
        errors += f.get("severity").asText().equals("error") ? 1 : 0;
      }
    }
    Document d = dom(HtmlFixtures.corpusHtml().toUri() + "?severity=error");
    assertThat(d.select("li.finding:not([hidden])")).hasSize(errors);
    assertThat(d.select("li.finding:not([hidden])").eachAttr("data-severity")).containsOnly("error");
    assertThat(d.select("input[name=severity][value=warning]").hasAttr("checked")).isTrue(); // markup unchanged
    assertThat(d.select("section.artifact:not([hidden])")).hasSize(
        HtmlFixtures.corpusJson().get("summary").get("failed").asInt());
  }

  @Test
  void hostileNamesDoNotRunInTheBrowser() throws Exception {
    Oracles.require(Oracle.CHROMIUM);
    Path wheel = HtmlFixtures.hostileWheel(tmp);
    Path out = tmp.resolve("hostile.html");
    CliTest.Run r = CliTest.run("audit", "--format", "html", "--output", out.toString(), wheel.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_FAIL);
    Document d = dom(out.toUri().toString());
    assertThat(d.selectFirst("html").attributes().hasKey("data-" + HtmlFixtures.PWNED)).isFalse();
    assertThat(d.select("img, b")).isEmpty();
    assertThat(d.selectFirst("form#filter").hasAttr("hidden")).isFalse(); // the page's own script did run
    assertThat(d.select("li.finding").text()).contains("<script>");
  }

  /** The DOM once the page loaded and its script ran. */
  private Document dom(String url) throws Exception {
    return Jsoup.parse(chromium("--dump-dom", url), url);
  }

  /** Runs headless Chromium with a throwaway profile; its standard output, after a zero exit. */
  private String chromium(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--disable-extensions", "--user-data-dir=" + tmp.resolve("profile")));
    cmd.addAll(Arrays.asList(args));
    Path err = tmp.resolve("chromium.err");
    Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 120 s: " + cmd);
    }
    assertThat(p.exitValue()).as("%s: %s", cmd, Files.readString(err)).isZero();
    return new String(out, StandardCharsets.UTF_8);
  }
}
