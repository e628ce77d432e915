package dev.wheeltapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A part of the HTML report kept in memory while small, then in a temporary file that close() removes. */
class HtmlSpillTest {
  @Test
  void aSmallPartStaysInMemory() throws Exception {
    try (HtmlSpill s = new HtmlSpill()) {
      assertThat(s.isEmpty()).isTrue();
      s.append("<tr>").append("\u00e9\ud83d\ude00</tr>");
      StringWriter w = new StringWriter();
      s.writeTo(w);
      assertThat(w).hasToString("<tr>\u00e9\ud83d\ude00</tr>");
      assertThat(s.spilled()).isFalse();
      assertThat(s.file()).isEmpty();
    }
  }

  @Test
  void aLargePartMovesToAFileAndComesBackWholeThenTheFileIsGone() throws Exception {
    StringBuilder expected = new StringBuilder();
    Path file;
    try (HtmlSpill s = new HtmlSpill()) {
      for (int i = 0; expected.length() <= 2 * HtmlSpill.IN_MEMORY; i++) {
        String row = "<tr><td>" + i + " \u00e9\u4e2d</td></tr>\n";
        s.append(row);
        expected.append(row);
      }
      assertThat(s.spilled()).isTrue();
      file = s.file().orElseThrow();
      assertThat(file).exists();
      StringWriter w = new StringWriter();
      s.writeTo(w);
      assertThat(w.toString()).isEqualTo(expected.toString());
      StringWriter again = new StringWriter();
      s.writeTo(again);
      assertThat(again.toString()).isEqualTo(expected.toString());
    }
    assertThat(Files.exists(file)).isFalse();
  }
}
