package dev.wheeltapper.wheel.record;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordParserTest {

  private static final String EMPTY_SHA256 = "47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU";

  private static Record parse(String s) throws RecordFormatException {
    return RecordParser.parse(s.getBytes(UTF_8));
  }

  @Test
  void parsesRowsAsPythonCsvWritesThem() throws Exception {
    // csv.writer(lineterminator="\r\n") output, as delvewheel/bdist_wheel on Windows produce it.
    Record r =
        parse(
            "simpleext.pyd,sha256=" + EMPTY_SHA256 + ",10752\r\n"
                + "\"simpleext-0.0.1.data/data/a,b.txt\",sha256=" + EMPTY_SHA256 + ",0\r\n"
                + "\"say \"\"hi\"\".txt\",,\r\n"
                + "simpleext-0.0.1.dist-info/RECORD,,\r\n");
    assertThat(r.entries())
        .containsExactly(
            new RecordEntry(
                "simpleext.pyd", Optional.of(new HashValue("sha256", EMPTY_SHA256)), OptionalLong.of(10752)),
            new RecordEntry(
                "simpleext-0.0.1.data/data/a,b.txt",
                Optional.of(new HashValue("sha256", EMPTY_SHA256)),
                OptionalLong.of(0)),
            new RecordEntry("say \"hi\".txt", Optional.empty(), OptionalLong.empty()),
            new RecordEntry("simpleext-0.0.1.dist-info/RECORD", Optional.empty(), OptionalLong.empty()));
    assertThat(r.find("simpleext-0.0.1.dist-info/RECORD")).isPresent();
    assertThat(r.find("nope")).isEmpty();
  }

  @Test
  void acceptsLfCrAndMissingFinalNewlineAndLineBreaksInQuotes() throws Exception {
    assertThat(parse("a,,\nb,,").entries()).extracting(RecordEntry::path).containsExactly("a", "b");
    assertThat(parse("a,,\rb,,\r").entries()).extracting(RecordEntry::path).containsExactly("a", "b");
    assertThat(parse("\"multi\nline\",,\nc,,\n").entries())
        .extracting(RecordEntry::path)
        .containsExactly("multi\nline", "c");
    assertThat(parse("").entries()).isEmpty();
  }

  @Test
  void quoteInsideUnquotedFieldIsLiteralAsInPython() throws Exception {
    assertThat(parse("a\"b,,\n").entries()).extracting(RecordEntry::path).containsExactly("a\"b");
  }

  @Test
  void keepsBackslashesAndDuplicatesAsWritten() throws Exception {
    Record r = parse("dir\\file.py,,\nx,,\nx,,1\n");
    assertThat(r.entries()).extracting(RecordEntry::path).containsExactly("dir\\file.py", "x", "x");
    assertThat(r.find("x").orElseThrow().size()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a.py,sha256=x|1|a.py|expected 3 fields, found 2",
        "a.py,,1,extra|1|a.py|expected 3 fields, found 4",
        ",,|1||empty path",
        "a.py,,-1|1|a.py|size '-1' is not a non-negative decimal integer",
        "a.py,, 5|1|a.py|size ' 5' is not a non-negative decimal integer",
        "a.py,,1_000|1|a.py|size '1_000' is not a non-negative decimal integer",
        "a.py,,99999999999999999999|1|a.py|size '99999999999999999999' is too large",
        "a.py,sha256,1|1|a.py|hash 'sha256' is not algorithm=value",
        "a.py,=abc,1|1|a.py|hash '=abc' has an empty algorithm name",
        "a.py,sha256=,1|1|a.py|hash 'sha256=' has an empty value",
        "a.py,sha-256=abcd,1|1|a.py|hash algorithm 'sha-256' contains '-'",
        "a.py,sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU=,1|1|a.py|hash value of sha256 has '=' padding;"
            + " RECORD hashes are unpadded",
        "a.py,sha256=47DEQpj8HBSa+/TImW-5JCeuQeRkm5NMpJWZG3hSuFU,1|1|a.py|hash value of sha256 contains '+' at"
            + " index 12, outside the URL-safe base64 alphabet",
        "a.py,sha256=abcde,1|1|a.py|hash value of sha256 has 5 characters, a length base64 cannot produce",
        "a.py,sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFV,1|1|a.py|hash value of sha256 is not canonical"
            + " base64 (non-zero tail bits)",
        "a.py,sha256=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855,1|1|a.py|hash value of sha256"
            + " decodes to 48 bytes, expected 32",
        "a.py,sha256=AAAA,1|1|a.py|hash value of sha256 decodes to 3 bytes, expected 32",
      })
  void strictParseRejectsMalformedLineWithExactMessage(String line, int lineNo, String path, String reason) {
    String text = "ok.py,,\n".repeat(lineNo - 1) + line + "\n";
    String expectedPath = path == null ? "" : " (" + path + ")";
    assertThatThrownBy(() -> parse(text))
        .isInstanceOf(RecordFormatException.class)
        .hasMessage("RECORD line " + lineNo + expectedPath + ": " + reason)
        .satisfies(
            e -> {
              RecordFormatException r = (RecordFormatException) e;
              assertThat(r.line()).isEqualTo(lineNo);
              assertThat(r.reason()).isEqualTo(reason);
              assertThat(r.path()).isEqualTo(Optional.ofNullable(path));
            });
  }

  @Test
  void csvLevelErrors() {
    assertThatThrownBy(() -> parse("a,,\n\"open,,\n"))
        .isInstanceOf(RecordFormatException.class)
        .hasMessage("RECORD line 2 (open,,\\n): unterminated quoted field");
    assertThatThrownBy(() -> parse("\"a\"x,,\n"))
        .isInstanceOf(RecordFormatException.class)
        .hasMessage("RECORD line 1 (a): unexpected character 'x' after a closing quote");
    assertThatThrownBy(() -> parse("a,,\n\nb,,\n"))
        .isInstanceOf(RecordFormatException.class)
        .hasMessage("RECORD line 2: empty line");
    assertThatThrownBy(() -> parse("a,,\r\n\r\n"))
        .isInstanceOf(RecordFormatException.class)
        .hasMessage("RECORD line 2: empty line");
  }

  @Test
  void escapesControlCharactersInMessagesButKeepsThePath() {
    assertThatThrownBy(() -> parse("\u001b[31mred.py,,x\n"))
        .isInstanceOf(RecordFormatException.class)
        .hasMessage("RECORD line 1 (\\u001b[31mred.py): size 'x' is not a non-negative decimal integer")
        .satisfies(e -> assertThat(((RecordFormatException) e).path()).contains("\u001b[31mred.py"));
  }

  @Test
  void manyBadBytesStayLinear() {
    byte[] bytes = new byte[4 << 20];
    java.util.Arrays.fill(bytes, (byte) 0xff);
    for (int i = 100; i < bytes.length; i += 100) {
      bytes[i] = '\n';
    }
    RecordParseResult r = RecordParser.parseLenient(bytes);
    assertThat(r.record().entries()).isEmpty();
    assertThat(r.problems()).hasSize(41944).allMatch(p -> p.reason().equals("not valid UTF-8"));
    assertThat(r.problems().get(41943).line()).isEqualTo(41944);
  }

  @Test
  void rejectsBytesThatAreNotUtf8WithTheirLine() {
    byte[] bytes = {'a', ',', ',', '\n', 'b', (byte) 0xff, ',', ',', '\n', 'c', ',', ',', '\n'};
    assertThatThrownBy(() -> RecordParser.parse(bytes))
        .isInstanceOf(RecordFormatException.class)
        .hasMessage("RECORD line 2 (b\uFFFD): not valid UTF-8");
  }

  @Test
  void lenientParseKeepsGoodRowsAndReportsEveryBadLine() {
    byte[] bytes =
        ("a.py,sha256=" + EMPTY_SHA256 + ",0\n"
                + "b.py,sha256=x\n"
                + "c.py,,zz\n"
                + "\"d\"\"q.py\",,\n"
                + "\n"
                + "e.py,md5=AAAA,1\n"
                + "f.py,,\n")
            .getBytes(UTF_8);
    RecordParseResult r = RecordParser.parseLenient(bytes);
    assertThat(r.isClean()).isFalse();
    assertThat(r.record().entries()).extracting(RecordEntry::path).containsExactly("a.py", "d\"q.py", "f.py");
    assertThat(r.problems())
        .containsExactly(
            new RecordProblem(2, Optional.of("b.py"), "expected 3 fields, found 2"),
            new RecordProblem(3, Optional.of("c.py"), "size 'zz' is not a non-negative decimal integer"),
            new RecordProblem(5, Optional.empty(), "empty line"),
            new RecordProblem(6, Optional.of("e.py"), "hash value of md5 decodes to 3 bytes, expected 16"));
    assertThat(r.problems().get(0).describe()).isEqualTo("RECORD line 2 (b.py): expected 3 fields, found 2");
  }

  @Test
  void lenientParseOfUtf8ErrorSkipsOnlyThatRowAndCountsLinesInsideQuotes() {
    byte[] bytes = {
      '"', 'x', '\n', 'y', '"', ',', ',', '\n', // a row spanning lines 1-2
      'b', (byte) 0xc3, ',', ',', '\n', // line 3: truncated 2-byte sequence
      'c', ',', ',', '\n'
    };
    RecordParseResult r = RecordParser.parseLenient(bytes);
    assertThat(r.record().entries()).extracting(RecordEntry::path).containsExactly("x\ny", "c");
    assertThat(r.problems()).containsExactly(new RecordProblem(3, Optional.of("b\uFFFD"), "not valid UTF-8"));
  }

  @Test
  void recordEntryValidates() {
    assertThatThrownBy(() -> new RecordEntry("", Optional.empty(), OptionalLong.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("empty path");
    assertThatThrownBy(() -> new RecordEntry("a", Optional.empty(), OptionalLong.of(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("negative size -1");
  }
}
