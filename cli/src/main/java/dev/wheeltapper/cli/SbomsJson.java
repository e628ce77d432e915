package dev.wheeltapper.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.wheeltapper.wheel.sbom.EmbeddedSbom;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * A wheel's JSON {@code sboms} array: each file under {@code .dist-info/sboms/} (PEP 770) with {@code path} (the entry
 * path), {@code size}, {@code sha256}, {@code format} ({@code cyclonedx}, {@code spdx}, {@code unknown}),
 * {@code specVersion}, {@code serialNumber}, {@code bomVersion} and {@code problem} ({@code null} where absent).
 */
final class SbomsJson {
  private SbomsJson() {}

  static void write(JsonGenerator g, List<EmbeddedSbom> sboms) throws IOException {
    g.writeStartArray();
    for (EmbeddedSbom s : sboms) {
      g.writeStartObject();
      g.writeStringField("path", s.entryName());
      g.writeNumberField("size", s.size());
      JsonReport.stringOrNull(g, "sha256", s.sha256());
      g.writeStringField("format", s.format().name().toLowerCase(Locale.ROOT));
      JsonReport.stringOrNull(g, "specVersion", s.specVersion());
      JsonReport.stringOrNull(g, "serialNumber", s.serialNumber());
      if (s.bomVersion().isPresent()) {
        g.writeNumberField("bomVersion", s.bomVersion().getAsInt());
      } else {
        g.writeNullField("bomVersion");
      }
      JsonReport.stringOrNull(g, "problem", s.problem());
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
