package dev.wheeltapper.index.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounded anchor scanner on well-formed, sloppy and hostile pages. */
class AnchorScannerTest {
  private static final AnchorScanner SCANNER = new AnchorScanner(1000, 8, 200, 64);

  @Test
  void readsThePep503FormWithEveryAttribute() throws MarkupException {
    List<Anchor> a = SCANNER.scan("<!DOCTYPE html><html><body>\n"
        + "<a href=\"../../files/foo-1.0-py3-none-any.whl#sha256=ab12\" data-requires-python=\"&gt;=3.8\""
        + " data-yanked=\"bad &amp; broken\" data-core-metadata=\"sha256=cd34\">foo-1.0-py3-none-any.whl</a><br/>\n"
        + "<A HREF='x.tar.gz' data-yanked>x.tar.gz</A>\n</body></html>");
    assertThat(a).hasSize(2);
    assertThat(a.get(0).attribute("href")).contains("../../files/foo-1.0-py3-none-any.whl#sha256=ab12");
    assertThat(a.get(0).attribute("data-requires-python")).contains(">=3.8");
    assertThat(a.get(0).attribute("data-yanked")).contains("bad & broken");
    assertThat(a.get(0).attribute("data-core-metadata")).contains("sha256=cd34");
    assertThat(a.get(0).text()).isEqualTo("foo-1.0-py3-none-any.whl");
    assertThat(a.get(1).attribute("href")).contains("x.tar.gz");
    assertThat(a.get(1).attribute("data-yanked")).contains("");
    assertThat(a.get(1).attribute("data-provenance")).isEmpty();
  }

  @Test
  void skipsCommentsAndOtherElementsAndKeepsTheFirstOfRepeatedAttributes() throws MarkupException {
    List<Anchor> a = SCANNER.scan("<!-- <a href=\"hidden\">no</a> --><abbr>x</abbr><area href=\"no\">"
        + "<a href=first href=second><span>n&#97;me</span>&#x2e;whl</a>");
    assertThat(a).singleElement().satisfies(x -> {
      assertThat(x.attribute("href")).contains("first");
      assertThat(x.text()).isEqualTo("name.whl");
    });
  }

  @Test
  void malformedMarkupEndsAtThePageEnd() throws MarkupException {
    assertThat(SCANNER.scan("<a href=\"never closed")).singleElement()
        .satisfies(x -> assertThat(x.attribute("href")).contains("never closed"));
    assertThat(SCANNER.scan("<a href=x>one<a href=y>two")).extracting(Anchor::text).containsExactly("one", "two");
    assertThat(SCANNER.scan("<a")).singleElement().satisfies(x -> assertThat(x.attributes()).isEmpty());
    assertThat(SCANNER.scan("<!-- unterminated <a href=x>")).isEmpty();
    assertThat(SCANNER.scan("&#0;&#xD800;&#99999999;<a href='&#0;&unknown;'>&#x110000;</a>")).singleElement()
        .satisfies(x -> {
          assertThat(x.attribute("href")).contains("\uFFFD&unknown;");
          assertThat(x.text()).isEqualTo("\uFFFD");
        });
  }

  @Test
  void limitsAreEnforced() {
    assertThatThrownBy(() -> SCANNER.scan("<a href=x>".repeat(1001))).isInstanceOf(MarkupException.class)
        .hasMessageContaining("more than 1000 links");
    assertThatThrownBy(() -> SCANNER.scan("<a " + "b=1 ".repeat(9) + ">")).isInstanceOf(MarkupException.class)
        .hasMessageContaining("more than 8 attributes");
    assertThatThrownBy(() -> SCANNER.scan("<a href=\"" + "x".repeat(201) + "\">")).isInstanceOf(MarkupException.class)
        .hasMessageContaining("longer than 200");
  }

  @Test
  void aLongTextIsCutAndAHugeUnclosedPageIsOnePass() throws MarkupException {
    assertThat(SCANNER.scan("<a href=x>" + "y".repeat(10_000) + "</a>")).singleElement()
        .satisfies(x -> assertThat(x.text()).hasSize(64));
    // 8 MB of unclosed anchors without any "</a": each anchor's text search stops at the next anchor, so the
    // scan stays linear (a search for "</a" per anchor would read the rest of the page a million times).
    AnchorScanner wide = new AnchorScanner(2_000_000, 8, 200, 64);
    assertThat(wide.scan("<a href=x>a ".repeat(700_000))).hasSize(700_000);
  }
}
