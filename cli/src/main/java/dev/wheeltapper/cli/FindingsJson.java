package dev.wheeltapper.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.wheeltapper.report.Finding;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * An artifact's JSON {@code findings} array: {@code code}, {@code severity}, {@code path} (null when none),
 * {@code message}, and {@code facts} (the evidence as an object of strings, in the order the check added them) when
 * the finding carries any, then {@code suppressed} ({@code kind} {@code waived} or {@code baselined}, {@code reason},
 * {@code source}) when a waiver or the baseline covers it.
 */
final class FindingsJson {
  private FindingsJson() {}

  static void write(JsonGenerator g, List<Finding> findings) throws IOException {
    g.writeStartArray();
    for (Finding f : findings) {
      g.writeStartObject();
      g.writeStringField("code", f.code());
      g.writeStringField("severity", f.severity().label());
      JsonReport.stringOrNull(g, "path", f.path().isEmpty() ? Optional.empty() : Optional.of(f.path()));
      g.writeStringField("message", f.message());
      if (!f.facts().isEmpty()) {
        g.writeObjectFieldStart("facts");
        for (var fact : f.facts().entrySet()) {
          g.writeStringField(fact.getKey(), fact.getValue());
        }
        g.writeEndObject();
      }
      if (f.suppression().isPresent()) {
        g.writeObjectFieldStart("suppressed");
        g.writeStringField("kind", f.suppression().get().kind().label());
        g.writeStringField("reason", f.suppression().get().reason());
        g.writeStringField("source", f.suppression().get().source());
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
