package dev.wheeltapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Suppression;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * SARIF output validates against the official SARIF 2.1.0 schema: the OASIS errata01 {@code sarif-schema-2.1.0.json}
 * kept in test resources with its source ({@code sarif/SOURCES.md}).
 */
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
  void anEntryIsAnArtifactNestedInItsWheelAndSuppressionsValidate() throws Exception {
    ArtifactReport wheel = new ArtifactReport("dist/a-1.0-py3-none-any.whl", "wheel", "1".repeat(64),
        Optional.empty(), List.of(
            Finding.error("record.hash-mismatch", "a/b.py", "content does not match"),
            Finding.warning("hardening.no-canary", "a/b.py", "no canary").withSuppression(new Suppression(
                Suppression.Kind.WAIVED, "vendored, fixed upstream", "waivers.txt:3")),
            Finding.error("zip.unsafe-path", "/etc/passwd", "absolute"),
            Finding.note("signature.deprecated-form", "", "whole wheel")),
        List.of(), ArtifactReport.Binaries.NONE, Optional.empty());
    ArtifactReport binary = new ArtifactReport("lib/x.so", "binary", "2".repeat(64), Optional.empty(),
        List.of(Finding.warning("hardening.no-canary", "lib/x.so", "no canary")), List.of(),
        ArtifactReport.Binaries.NONE, Optional.empty());
    JsonNode sarif = TestJson.MAPPER.valueToTree(SarifReport.document(List.of(wheel, binary)));
    assertThat(validate(sarif)).isEmpty();
    JsonNode artifacts = sarif.at("/runs/0/artifacts");
    // the wheel, its two entries, the bare binary: an entry with two findings is one artifact
    assertThat(artifacts).hasSize(4);
    JsonNode results = sarif.at("/runs/0/results");
    int entry = results.at("/0/locations/0/physicalLocation/artifactLocation/index").asInt();
    assertThat(results.at("/1/locations/0/physicalLocation/artifactLocation/index").asInt()).isEqualTo(entry);
    assertThat(artifacts.at("/" + entry + "/parentIndex").asInt()).isZero();
    assertThat(artifacts.at("/" + entry + "/location/uri").asText()).isEqualTo("/a/b.py");
    int unsafe = results.at("/2/locations/0/physicalLocation/artifactLocation/index").asInt();
    assertThat(artifacts.at("/" + unsafe + "/location/uri").asText()).isEqualTo("/%2Fetc/passwd");
    assertThat(results.at("/3/locations/0/physicalLocation/artifactLocation/index").asInt()).isZero();
    assertThat(results.at("/4/locations/0/physicalLocation/artifactLocation/index").asInt()).isEqualTo(3);
    assertThat(artifacts.at("/3").has("parentIndex")).as("a bare binary is not nested").isFalse();
    assertThat(results.at("/1/suppressions/0/kind").asText()).isEqualTo("external");
    assertThat(results.at("/1/suppressions/0/justification").asText()).isEqualTo("vendored, fixed upstream");
    assertThat(results.at("/0").has("suppressions")).isFalse();
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
