package dev.wheeltapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Untrusted text in the HTML report: markup characters, controls, bidi overrides, broken UTF-16. */
class HtmlEscaperTest {
  @Test
  void markupCharactersBecomeReferences() {
    assertThat(HtmlEscaper.text("a<b>&\"c\"'d'")).isEqualTo("a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;");
    assertThat(HtmlEscaper.text("plain")).isEqualTo("plain");
  }

  @Test
  void textAndQuotedAttributesReadBackAsGiven() {
    String hostile = "\"'><script>alert(1)</script><a href='x' onclick=\"y\">&amp;";
    Document d = Jsoup.parse("<p title=\"" + HtmlEscaper.text(hostile) + "\" data-x='" + HtmlEscaper.text(hostile)
        + "'>" + HtmlEscaper.text(hostile) + "</p>");
    assertThat(d.select("script, a")).isEmpty();
    assertThat(d.selectFirst("p").text()).isEqualTo(hostile);
    assertThat(d.selectFirst("p").attr("title")).isEqualTo(hostile);
    assertThat(d.selectFirst("p").attr("data-x")).isEqualTo(hostile);
  }

  @Test
  void controlsAndBidiOverridesAreShownNotObeyed() {
    assertThat(HtmlEscaper.text("evil\u202egnp.exe")).isEqualTo("evil\\u202egnp.exe");
    assertThat(HtmlEscaper.text("a\u0000b\u001b[31m\nc")).isEqualTo("a\\u0000b\\u001b[31m\\nc");
  }

  @Test
  void loneSurrogatesAreReplacedAndPairsKept() {
    assertThat(HtmlEscaper.text("x\ud800y")).isEqualTo("x\ufffdy");
    assertThat(HtmlEscaper.text("x\udc00")).isEqualTo("x\ufffd");
    assertThat(HtmlEscaper.text("\ud83d\ude00")).isEqualTo("\ud83d\ude00");
  }
}
