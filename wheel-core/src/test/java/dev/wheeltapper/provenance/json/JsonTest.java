package dev.wheeltapper.provenance.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {
  static JsonValue parse(String s) throws JsonException {
    return Json.parse(s.getBytes(StandardCharsets.UTF_8), Json.Limits.DEFAULT);
  }

  @Test
  void readsEveryKindOfValue() throws Exception {
    JsonValue v = parse(" {\"a\": [1, -2.5e3, \"x\\u00e9\\n\\\"\", true, false, null], \"n\": \"12\", \"o\": {}} ");
    List<JsonValue> a = v.member("a").flatMap(JsonValue::asArray).orElseThrow();
    assertThat(a).hasSize(6);
    assertThat(a.get(0).asLong()).contains(1L);
    assertThat(a.get(1).asLong()).isEmpty();
    assertThat(a.get(2).asString()).contains("x\u00e9\n\"");
    assertThat(a.get(3)).isEqualTo(new JsonValue.JsonBoolean(true));
    assertThat(a.get(5).isNull()).isTrue();
    assertThat(v.member("n").flatMap(JsonValue::asLong)).contains(12L);
    assertThat(v.member("o").flatMap(JsonValue::asObject)).hasValueSatisfying(m -> assertThat(m).isEmpty());
    assertThat(v.member("missing")).isEmpty();
    assertThat(a.get(0).member("x")).isEmpty();
  }

  @Test
  void longsOutOfRangeAreEmpty() throws Exception {
    assertThat(parse("9223372036854775807").asLong()).contains(Long.MAX_VALUE);
    assertThat(parse("9223372036854775808").asLong()).isEmpty();
    assertThat(parse("\"99999999999999999999999\"").asLong()).isEmpty();
    assertThat(parse("\"-\"").asLong()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "{", "}", "[1,]", "{\"a\":1,}", "{\"a\"}", "{a:1}", "'x'", "01", "1.", "-",
      "1e", "tru", "nul", "\"\\x\"", "\"\\u12\"", "\"abc", "[1 2]", "{\"a\":1 \"b\":2}", "1 2", "\"\u0001\"",
      "{\"a\":1,\"a\":1}", "\uFEFF{}", "NaN", "Infinity", "+1"})
  void rejectsMalformedJson(String s) {
    assertThatThrownBy(() -> parse(s)).isInstanceOf(JsonException.class).hasMessageContaining("offset");
  }

  @Test
  void rejectsInvalidUtf8() {
    byte[] b = {'"', (byte) 0xc3, '"'};
    assertThatThrownBy(() -> Json.parse(b, Json.Limits.DEFAULT)).isInstanceOf(JsonException.class)
        .hasMessageContaining("UTF-8");
  }

  @Test
  void boundsDepthSizeAndCount() {
    assertThatThrownBy(() -> parse("[".repeat(65) + "]".repeat(65))).hasMessageContaining("nested deeper");
    assertThatThrownBy(() -> parse("{\"a\":".repeat(100_000))).hasMessageContaining("nested deeper");
    Json.Limits small = new Json.Limits(100, 4, 10);
    assertThatThrownBy(() -> Json.parse(new byte[101], small)).hasMessageContaining("larger than");
    assertThatThrownBy(() -> Json.parse("[1,2,3,4,5,6,7,8,9,10]".getBytes(StandardCharsets.US_ASCII), small))
        .hasMessageContaining("more than 10");
    assertThatThrownBy(() -> new Json.Limits(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    // 2 MB of one-digit numbers: stopped at the element limit, not after allocating a million values
    assertThatThrownBy(() -> parse("[" + "1,".repeat(1_000_000) + "1]")).hasMessageContaining("more than 100000");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{} x", "{}{}", "[] []", "1 ,", " \uFEFF{}", "{}\uFEFF", "[\uFEFF1]", "// c\n{}",
      "{\"a\":1 /* c */}", "[01]", "[.5]", "{\"a\":'x'}", "[\"\t\"]", "[\"\\'\"]", "[1,,2]"})
  void rejectsWhatJacksonCouldBeToldToAllow(String s) {
    assertThatThrownBy(() -> parse(s)).isInstanceOf(JsonException.class).hasMessageContaining("offset");
  }

  @Test
  void duplicateNamesAreRefusedAtTheSecondName() {
    assertThatThrownBy(() -> parse("{\"a\":1, \"b\":{\"a\":2}, \"a\":3}"))
        .isInstanceOf(JsonException.class)
        .hasMessage("duplicate member name \"a\" at offset 21");
  }

  @Test
  void jacksonsOwnDefaultsDoNotNarrowTheLimits() throws Exception {
    // jackson's defaults stop names at 50 000 characters and numbers at 1 000 digits; the limits here are the bytes.
    String name = "n".repeat(60_000);
    assertThat(parse("{\"" + name + "\":true}").member(name)).contains(new JsonValue.JsonBoolean(true));
    String digits = "7".repeat(2_000);
    assertThat(parse("[" + digits + "]").asArray().orElseThrow().get(0)).isEqualTo(new JsonValue.JsonNumber(digits));
    assertThat(parse("[" + "[".repeat(63) + "]".repeat(63) + "]").asArray()).isPresent();
  }
}
