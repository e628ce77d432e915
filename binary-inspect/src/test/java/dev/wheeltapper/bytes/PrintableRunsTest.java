package dev.wheeltapper.bytes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The byte-level half of the strings scan: printable runs, their C-string flag, and their bounds. */
class PrintableRunsTest {
  private final List<String> runs = new ArrayList<>();
  private final PrintableRuns scanner = new PrintableRuns((run, whole) -> runs.add((whole ? "C:" : "") + run));

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void runsOfFourOrMorePrintableBytesWithTheirCStringFlag() {
    ByteBuffer b = ByteBuffer.wrap(ascii("abc\0abcd\0\u0001efgh\0ijkl\u0001mnop"));
    scanner.feed(b);
    assertThat(b.position()).isZero();
    scanner.end();
    // "abc" is too short; "efgh" follows 0x01, "ijkl" ends with 0x01; the last run has no NUL after it
    assertThat(runs).containsExactly("C:abcd", "efgh", "ijkl", "mnop");
  }

  @Test
  void theStreamStartCountsAsANul() {
    scanner.feed(ascii("t.cc\0"), 0, 5).end();
    assertThat(runs).containsExactly("C:t.cc");
  }

  @Test
  void piecesMakeTheSameRuns() {
    byte[] b = ascii("junk\0pyo3_runtime.PanicException\0x\u00ffpsutil/_psutil_linux.c\0tail");
    for (int cut = 0; cut <= b.length; cut++) {
      List<String> got = new ArrayList<>();
      new PrintableRuns((run, whole) -> got.add(whole + run)).feed(b, 0, cut).feed(b, cut, b.length - cut).end();
      assertThat(got).as("cut at %d", cut).containsExactly("truejunk", "truepyo3_runtime.PanicException",
          "falsepsutil/_psutil_linux.c", "falsetail");
    }
  }

  @Test
  void aRunLongerThanTheBoundIsCutIntoPiecesThatAreNotCStrings() {
    byte[] big = new byte[PrintableRuns.MAX_RUN * 2 + 10];
    Arrays.fill(big, (byte) 'a');
    big[big.length - 1] = 0;
    scanner.feed(ByteBuffer.wrap(big));
    scanner.end();
    assertThat(runs).hasSize(3).allMatch(r -> !r.startsWith("C:"));
    assertThat(runs.get(0)).hasSize(PrintableRuns.MAX_RUN);
    assertThat(runs.get(2)).hasSize(9);
  }

  @Test
  void endIsFinal() {
    scanner.feed(ascii("abcd"), 0, 4).end();
    scanner.end();
    assertThat(runs).containsExactly("abcd");
    assertThatThrownBy(() -> scanner.feed(ascii("x"), 0, 1)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> scanner.feed(ByteBuffer.wrap(ascii("x")))).isInstanceOf(IllegalStateException.class);
  }
}
