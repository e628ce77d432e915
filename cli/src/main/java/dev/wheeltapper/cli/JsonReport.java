package dev.wheeltapper.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes the JSON document of {@code docs/cli.md} ({@code tool}, {@code artifacts}, {@code summary}) straight from the
 * typed reports with Jackson's streaming generator, indented; field names are the contract. Each part has its
 * renderer: {@link ArtifactJson}, {@link FindingsJson}, {@link BinariesJson}, {@link PolicyJson}, {@link Abi3Json},
 * {@link InstalledTogetherJson}, {@link SummaryJson}.
 */
final class JsonReport {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private JsonReport() {}

  /** Writes the document for these reports, without a trailing newline; {@code out} stays open. */
  static void write(List<ArtifactReport> reports, Writer out) throws IOException {
    try (JsonGenerator g = generator(out)) {
      g.writeStartObject();
      g.writeObjectFieldStart("tool");
      g.writeStringField("name", "wheeltapper");
      g.writeStringField("version", Version.current());
      g.writeEndObject();
      g.writeArrayFieldStart("artifacts");
      for (ArtifactReport r : reports) {
        ArtifactJson.write(g, r);
      }
      g.writeEndArray();
      g.writeFieldName("summary");
      SummaryJson.write(g, reports);
      g.writeEndObject();
    }
  }

  /** The one generator configuration of the command line's JSON: indented as Jackson's default printer does. */
  static JsonGenerator generator(Writer out) throws IOException {
    JsonGenerator g = FACTORY.createGenerator(new NonClosingWriter(out));
    g.setPrettyPrinter(new DefaultPrettyPrinter());
    return g;
  }

  /** A string, or JSON {@code null}. */
  static void stringOrNull(JsonGenerator g, String field, java.util.Optional<String> value) throws IOException {
    if (value.isPresent()) {
      g.writeStringField(field, value.get());
    } else {
      g.writeNullField(field);
    }
  }

  /** A JSON array of strings. */
  static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  /** A JSON object of string values, in the map's order. */
  static void stringMap(JsonGenerator g, String field, java.util.Map<String, String> values) throws IOException {
    g.writeObjectFieldStart(field);
    for (java.util.Map.Entry<String, String> e : values.entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }
}
