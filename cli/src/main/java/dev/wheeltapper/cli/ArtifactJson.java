package dev.wheeltapper.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * One element of the JSON {@code artifacts} array: path, kind, hash, verdict, the wheel's name and tags, then the
 * findings, signatures, binaries and (for an audited wheel) policy parts.
 */
final class ArtifactJson {
  private ArtifactJson() {}

  static void write(JsonGenerator g, ArtifactReport r) throws IOException {
    g.writeStartObject();
    g.writeStringField("path", r.path());
    g.writeStringField("kind", r.kind());
    if (r.sha256().isEmpty()) {
      g.writeNullField("sha256"); // the file could not be read
    } else {
      g.writeStringField("sha256", r.sha256());
    }
    g.writeStringField("verdict", r.verdict());
    if (r.wheel().isPresent()) {
      wheel(g, r.wheel().get());
    }
    g.writeFieldName("findings");
    FindingsJson.write(g, r.findings());
    g.writeArrayFieldStart("signatures");
    for (ArtifactReport.SignatureReport s : r.signatures()) {
      g.writeStartObject();
      g.writeStringField("kind", s.kind());
      g.writeStringField("status", s.status());
      JsonReport.stringOrNull(g, "signer", s.signer());
      g.writeStringField("detail", s.detail());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeFieldName("binaries");
    BinariesJson.write(g, r.binaries());
    if (r.policy().isPresent()) {
      g.writeFieldName("policy");
      PolicyJson.write(g, r.policy().get());
    }
    g.writeEndObject();
  }

  private static void wheel(JsonGenerator g, ArtifactReport.WheelSummary w) throws IOException {
    g.writeObjectFieldStart("wheel");
    g.writeStringField("name", w.name());
    g.writeStringField("version", w.version());
    JsonReport.stringOrNull(g, "build", w.build());
    JsonReport.strings(g, "tags", w.tags());
    if (w.rootIsPurelib().isPresent()) {
      g.writeBooleanField("rootIsPurelib", w.rootIsPurelib().get());
    } else {
      g.writeNullField("rootIsPurelib");
    }
    JsonReport.stringOrNull(g, "wheelVersion", w.wheelVersion());
    JsonReport.stringOrNull(g, "metadataVersion", w.metadataVersion());
    JsonReport.stringOrNull(g, "generator", w.generator());
    g.writeEndObject();
  }
}
