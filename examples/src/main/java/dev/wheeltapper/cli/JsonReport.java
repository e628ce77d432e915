package dev.wheeltapper.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wheeltapper.report.Finding;
import java.util.List;

/** Renders reports as the JSON document of {@code shared/spec/cli.md}; field names are the contract. */
final class JsonReport {
  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  static ObjectNode document(List<ArtifactReport> reports) {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode tool = root.putObject("tool");
    tool.put("name", "wheeltapper");
    tool.put("version", Version.current());
    ArrayNode artifacts = root.putArray("artifacts");
    int passed = 0;
    for (ArtifactReport r : reports) {
      artifacts.add(artifact(r));
      if (r.passed()) {
        passed++;
      }
    }
    ObjectNode summary = root.putObject("summary");
    summary.put("artifacts", reports.size());
    summary.put("passed", passed);
    summary.put("failed", reports.size() - passed);
    return root;
  }

  static ObjectNode artifact(ArtifactReport r) {
    ObjectNode a = MAPPER.createObjectNode();
    a.put("path", r.path());
    a.put("kind", r.kind());
    a.put("sha256", r.sha256());
    a.put("verdict", r.verdict());
    r.wheel().ifPresent(w -> {
      ObjectNode wn = a.putObject("wheel");
      wn.put("name", w.name());
      wn.put("version", w.version());
      putOptional(wn, "build", w.build().orElse(null));
      ArrayNode tags = wn.putArray("tags");
      w.tags().forEach(tags::add);
      if (w.rootIsPurelib().isPresent()) {
        wn.put("rootIsPurelib", w.rootIsPurelib().get());
      } else {
        wn.putNull("rootIsPurelib");
      }
      putOptional(wn, "wheelVersion", w.wheelVersion().orElse(null));
      putOptional(wn, "metadataVersion", w.metadataVersion().orElse(null));
      putOptional(wn, "generator", w.generator().orElse(null));
    });
    ArrayNode findings = a.putArray("findings");
    for (Finding f : r.findings()) {
      ObjectNode fn = findings.addObject();
      fn.put("code", f.code());
      fn.put("severity", f.severity().label());
      putOptional(fn, "path", f.path().isEmpty() ? null : f.path());
      fn.put("message", f.message());
    }
    ArrayNode signatures = a.putArray("signatures");
    for (ArtifactReport.SignatureReport s : r.signatures()) {
      ObjectNode sn = signatures.addObject();
      sn.put("kind", s.kind());
      sn.put("status", s.status());
      putOptional(sn, "signer", s.signer().orElse(null));
      sn.put("detail", s.detail());
    }
    ArrayNode binaries = a.putArray("binaries");
    for (var b : r.binaries()) {
      binaries.add(MAPPER.<JsonNode>valueToTree(b));
    }
    r.policy().ifPresent(p -> a.set("policy", MAPPER.valueToTree(p)));
    return a;
  }

  private static void putOptional(ObjectNode node, String field, String value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }
}
