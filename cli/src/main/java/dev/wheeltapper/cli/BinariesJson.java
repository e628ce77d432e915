package dev.wheeltapper.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.wheeltapper.audit.NativeBinaries;
import dev.wheeltapper.inspect.BinaryInspection;
import java.io.IOException;
import java.util.Map;

/**
 * An artifact's JSON {@code binaries} array: every inspected binary (one per ELF or PE file and per Mach-O slice),
 * then every binary recognised by its magic number in a format without a reader, with the same keys and nulls.
 */
final class BinariesJson {
  private BinariesJson() {}

  static void write(JsonGenerator g, ArtifactReport.Binaries binaries) throws IOException {
    g.writeStartArray();
    for (BinaryInspection b : binaries.inspected()) {
      JsonWriter.value(g, inspection(b));
    }
    for (NativeBinaries.Recognised r : binaries.recognised()) {
      recognised(g, r);
    }
    g.writeEndArray();
  }

  /**
   * A binary's inspection as the JSON tree {@link InspectionJson} builds from the typed model (for the JSON here and
   * the text table).
   */
  static Map<String, Object> inspection(BinaryInspection b) {
    return InspectionJson.of(b);
  }

  private static void recognised(JsonGenerator g, NativeBinaries.Recognised r) throws IOException {
    g.writeStartObject();
    g.writeStringField("path", r.path());
    g.writeStringField("format", r.format().label());
    for (String unknown : new String[] {"bits", "endian", "machine", "type", "hardening", "toolchain"}) {
      g.writeNullField(unknown);
    }
    g.writeArrayFieldStart("needed");
    g.writeEndArray();
    g.writeObjectFieldStart("symbolVersions");
    g.writeEndObject();
    g.writeEndObject();
  }
}
