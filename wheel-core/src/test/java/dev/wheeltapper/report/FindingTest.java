package dev.wheeltapper.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Facts travel with a finding through every copy, in insertion order, and their keys are checked. */
class FindingTest {
  private static final Finding MISMATCH = Finding.error(Codes.RECORD_HASH_MISMATCH, "pkg/_x.so", "content differs")
      .withFact("algorithm", "sha256").withFact("expected", "AAA").withFact("actual", "BBB");

  @Test
  void factsKeepTheirOrderAndALaterValueReplacesAnEarlierOne() {
    assertThat(MISMATCH.facts()).containsExactly(
        Map.entry("algorithm", "sha256"), Map.entry("expected", "AAA"), Map.entry("actual", "BBB"));
    assertThat(MISMATCH.withFact("expected", "CCC").facts()).containsEntry("expected", "CCC").hasSize(3);
    assertThat(Finding.note(Codes.ZIP_MALFORMED, "", "x").facts()).isEmpty();
  }

  @Test
  void aNewMessageOrSeverityKeepsTheFacts() {
    Finding amended = MISMATCH.withMessage("(arm64 slice) content differs");
    assertThat(amended.message()).isEqualTo("(arm64 slice) content differs");
    assertThat(amended.facts()).isEqualTo(MISMATCH.facts());
    assertThat(amended.code()).isEqualTo(MISMATCH.code());
    Finding lowered = MISMATCH.withSeverity(Severity.WARNING);
    assertThat(lowered.severity()).isEqualTo(Severity.WARNING);
    assertThat(lowered.facts()).isEqualTo(MISMATCH.facts());
  }

  @Test
  void factsAreACopyAndTheirKeysAreLowerCamelCase() {
    Map<String, String> mutable = new LinkedHashMap<>();
    mutable.put("offset", "0x10");
    Finding f = new Finding(Codes.ZIP_MALFORMED, Severity.ERROR, "", "x", mutable);
    mutable.put("offset", "0x20");
    assertThat(f.facts()).containsEntry("offset", "0x10");
    assertThatThrownBy(() -> f.facts().put("a", "b")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> MISMATCH.withFact("Expected", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MISMATCH.withFact("data-offset", "x")).isInstanceOf(IllegalArgumentException.class);
  }
}
