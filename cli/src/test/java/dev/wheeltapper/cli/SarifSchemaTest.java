package dev.wheeltapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.wheeltapper.report.Finding;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SARIF output validates against the official SARIF 2.1.0 schema (kept in test resources). */
class SarifSchemaTest {

  static JsonSchema schema() throws Exception {
    try (InputStream in = SarifSchemaTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
  }

  static Set<ValidationMessage> validate(JsonNode sarif) throws Exception {
    return schema().validate(sarif);
  }

  @Test
  void reportWithFindingsOfEverySeverityValidates() throws Exception {
    ArtifactReport r = new ArtifactReport("dist/a b,c-1.0-py3-none-any.whl", "wheel", "0".repeat(64), Optional.empty(),
        List.of(
            Finding.error("record.hash-mismatch", "a/b.py", "content does not match"),
            Finding.warning("zip.data-descriptor", "a/c.py", "entry uses a data descriptor"),
            Finding.note("signature.deprecated-form", "", "RECORD.p7s is deprecated"),
            Finding.error("record.hash-mismatch", "a/d.py", "again")),
        List.of(), ArtifactReport.Binaries.NONE, Optional.empty());
    JsonNode sarif = TestJson.MAPPER.valueToTree(SarifReport.document(List.of(r, r)));
    assertThat(validate(sarif)).isEmpty();
    assertThat(sarif.at("/runs/0/results")).hasSize(8);
    assertThat(sarif.at("/runs/0/tool/driver/rules")).hasSize(3);
    assertThat(sarif.at("/runs/0/results/0/ruleId").asText()).isEqualTo("record.hash-mismatch");
    assertThat(sarif.at("/runs/0/results/0/level").asText()).isEqualTo("error");
    assertThat(sarif.at("/runs/0/results/1/level").asText()).isEqualTo("warning");
    assertThat(sarif.at("/runs/0/results/0/locations/0/logicalLocations/0/fullyQualifiedName").asText())
        .isEqualTo("a/b.py");
    assertThat(sarif.at("/runs/0/artifacts/0/location/uri").asText()).isEqualTo("dist/a%20b%2Cc-1.0-py3-none-any.whl");
  }

  @Test
  void emptyReportValidates() throws Exception {
    assertThat(validate(TestJson.MAPPER.valueToTree(SarifReport.document(List.of())))).isEmpty();
  }

  @Test
  void theValidatorRejectsABrokenDocument() throws Exception {
    JsonNode broken = TestJson.MAPPER.valueToTree(Map.of("version", "2.1.0", "runs", List.of(Map.of("tool", 1))));
    assertThat(validate(broken)).isNotEmpty();
  }
}
