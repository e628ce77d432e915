package dev.wheeltapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheeltapper.report.Code;
import dev.wheeltapper.report.CodeRegistry;
import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SARIF rules come from the code registry, and findings' facts reach their results. */
class SarifRulesTest {

  static JsonNode sarif(Finding... findings) {
    ArtifactReport r = new ArtifactReport("dist/a-1.0-py3-none-any.whl", "wheel", "0".repeat(64), Optional.empty(),
        List.of(findings), List.of(), ArtifactReport.Binaries.NONE, Optional.empty());
    return TestJson.MAPPER.valueToTree(SarifReport.document(List.of(r)));
  }

  @Test
  void aRegisteredCodesRuleCarriesItsSummaryHelpAndDefaultSeverity() throws Exception {
    // signature.untrusted is a warning by default, an error under --require-signature: the rule keeps the default.
    JsonNode sarif = sarif(Finding.error(Codes.SIGNATURE_UNTRUSTED, "", "untrusted, and a signature is required"));
    Code code = CodeRegistry.find(Codes.SIGNATURE_UNTRUSTED).orElseThrow();
    JsonNode rule = sarif.at("/runs/0/tool/driver/rules/0");
    assertThat(rule.at("/id").asText()).isEqualTo("signature.untrusted");
    assertThat(rule.at("/name").asText()).isEqualTo("SignatureUntrusted");
    assertThat(rule.at("/shortDescription/text").asText()).isEqualTo(code.summary());
    assertThat(rule.at("/fullDescription/text").asText()).startsWith(code.summary())
        .contains(code.severityRule() + ": " + code.why());
    assertThat(rule.at("/help/text").asText()).isEqualTo(code.help());
    // docs/findings.md's row: severity, why, and each reference tool that looks at the case
    assertThat(rule.at("/help/markdown").asText()).contains("**" + code.severityRule() + "**", "| uv | ");
    assertThat(rule.at("/properties/tags/0").asText()).isEqualTo("signature");
    assertThat(rule.at("/defaultConfiguration/level").asText()).isEqualTo("warning");
    assertThat(sarif.at("/runs/0/results/0/level").asText()).isEqualTo("error");
    assertThat(SarifSchemaTest.validate(sarif)).isEmpty();
  }

  @Test
  void anUnknownCodeGetsAGenericRuleAtTheFindingsLevel() throws Exception {
    JsonNode sarif = sarif(Finding.note("future.new-check", "", "something new"));
    JsonNode rule = sarif.at("/runs/0/tool/driver/rules/0");
    assertThat(rule.at("/shortDescription/text").asText()).isEqualTo("Finding future.new-check.");
    assertThat(rule.has("fullDescription")).isFalse();
    assertThat(rule.at("/defaultConfiguration/level").asText()).isEqualTo("note");
    assertThat(SarifSchemaTest.validate(sarif)).isEmpty();
  }

  @Test
  void factsReachTheResultsPropertiesInOrder() throws Exception {
    JsonNode sarif = sarif(
        Finding.error(Codes.RECORD_HASH_MISMATCH, "a/b.py", "content does not match the sha256 in RECORD")
            .withFact("algorithm", "sha256").withFact("expected", "1Vr").withFact("actual", "q0c"),
        Finding.warning(Codes.ZIP_DATA_DESCRIPTOR, "a/c.py", "entry uses a data descriptor"));
    JsonNode facts = sarif.at("/runs/0/results/0/properties/facts");
    assertThat(facts.fieldNames()).toIterable().containsExactly("algorithm", "expected", "actual");
    assertThat(facts.at("/expected").asText()).isEqualTo("1Vr");
    assertThat(sarif.at("/runs/0/results/1").has("properties")).isFalse();
    assertThat(SarifSchemaTest.validate(sarif)).isEmpty();
  }
}
