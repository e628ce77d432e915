package dev.wheeltapper.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;

/**
 * The official CycloneDX 1.6 JSON schema, as cyclonedx-core-java ships it ({@code bom-1.6.schema.json} with the
 * {@code spdx.schema.json} and {@code jsf-0.82.schema.json} it refers to, at the root of its jar), read offline: its
 * {@code http://cyclonedx.org/schema/} references resolve to the class path. Validated with the same
 * json-schema-validator line as the SARIF test (cyclonedx-core-java's own validator needs its 2.x line).
 */
final class CycloneDxSchema {
  private static final JsonSchema SCHEMA = load();

  private CycloneDxSchema() {}

  private static JsonSchema load() {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
        b -> b.schemaMappers(m -> m.mapPrefix("http://cyclonedx.org/schema/", "classpath:")));
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    return factory.getSchema(SchemaLocation.of("classpath:bom-1.6.schema.json"), config);
  }

  /** The schema's complaints about a document: empty when it validates. */
  static Set<ValidationMessage> validate(JsonNode bom) {
    return SCHEMA.validate(bom);
  }
}
