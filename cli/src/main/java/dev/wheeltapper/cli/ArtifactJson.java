package dev.wheeltapper.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.wheeltapper.toolchain.MemorySafety;
import java.io.IOException;

/**
 * One element of the JSON {@code artifacts} array: path, kind, hash, verdict, the wheel's name and tags, then the
 * findings, signatures, binaries and (for an audited wheel) policy parts; for a wheel, the SBOMs it carries; last
 * the wheel-level facts the command established: {@code languages}, {@code memorySafe}, {@code nativeCode} ({@code
 * inspect}, {@code audit}) and {@code signed} ({@code verify}, {@code audit}).
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
      JsonReport.stringOrNull(g, "source", s.source());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeFieldName("binaries");
    BinariesJson.write(g, r.binaries());
    g.writeFieldName("guide");
    JsonWriter.value(g, GuideJson.summary(r.binaries().inspected()));
    if (r.policy().isPresent()) {
      g.writeFieldName("policy");
      PolicyJson.write(g, r.policy().get());
    }
    if (r.kind().equals("wheel")) {
      g.writeFieldName("sboms");
      SbomsJson.write(g, r.inventory().sboms());
    }
    if (r.overview().isPresent()) {
      overview(g, r, r.overview().get());
    }
    g.writeEndObject();
  }

  /**
   * The wheel-level facts. {@code nativeCode}: a native binary was found (null when the wheel could not be read in
   * full and none was); {@code memorySafe}: the library's verdict over those binaries, null without native code.
   */
  private static void overview(JsonGenerator g, ArtifactReport r, ArtifactReport.Overview o) throws IOException {
    if (o.natives().isPresent()) {
      ArtifactReport.Natives n = o.natives().get();
      JsonReport.strings(g, "languages", n.languages());
      boolean found = !r.binaries().inspected().isEmpty() || !r.binaries().recognised().isEmpty();
      boolean unread = n.memorySafe() == MemorySafety.UNKNOWN && !found;
      if (found || unread) {
        g.writeStringField("memorySafe", n.memorySafe().label());
      } else {
        g.writeNullField("memorySafe");
      }
      if (unread) {
        g.writeNullField("nativeCode");
      } else {
        g.writeBooleanField("nativeCode", found);
      }
    }
    if (o.signed().isPresent()) {
      g.writeBooleanField("signed", o.signed().get());
    }
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
