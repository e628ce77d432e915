package dev.wheeltapper.cli;

import dev.wheeltapper.report.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the JSON document of {@code docs/cli.md} as an ordered tree; field names are the contract. */
final class JsonReport {
  private JsonReport() {}

  static Map<String, Object> document(List<ArtifactReport> reports) {
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> tool = new LinkedHashMap<>();
    tool.put("name", "wheeltapper");
    tool.put("version", Version.current());
    root.put("tool", tool);
    List<Object> artifacts = new ArrayList<>();
    int passed = 0;
    for (ArtifactReport r : reports) {
      artifacts.add(artifact(r));
      if (r.passed()) {
        passed++;
      }
    }
    root.put("artifacts", artifacts);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("artifacts", reports.size());
    summary.put("passed", passed);
    summary.put("failed", reports.size() - passed);
    root.put("summary", summary);
    return root;
  }

  static Map<String, Object> artifact(ArtifactReport r) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("path", r.path());
    a.put("kind", r.kind());
    a.put("sha256", r.sha256());
    a.put("verdict", r.verdict());
    r.wheel().ifPresent(w -> {
      Map<String, Object> wn = new LinkedHashMap<>();
      wn.put("name", w.name());
      wn.put("version", w.version());
      wn.put("build", w.build().orElse(null));
      wn.put("tags", w.tags());
      wn.put("rootIsPurelib", w.rootIsPurelib().orElse(null));
      wn.put("wheelVersion", w.wheelVersion().orElse(null));
      wn.put("metadataVersion", w.metadataVersion().orElse(null));
      wn.put("generator", w.generator().orElse(null));
      a.put("wheel", wn);
    });
    List<Object> findings = new ArrayList<>();
    for (Finding f : r.findings()) {
      Map<String, Object> fn = new LinkedHashMap<>();
      fn.put("code", f.code());
      fn.put("severity", f.severity().label());
      fn.put("path", f.path().isEmpty() ? null : f.path());
      fn.put("message", f.message());
      findings.add(fn);
    }
    a.put("findings", findings);
    List<Object> signatures = new ArrayList<>();
    for (ArtifactReport.SignatureReport s : r.signatures()) {
      Map<String, Object> sn = new LinkedHashMap<>();
      sn.put("kind", s.kind());
      sn.put("status", s.status());
      sn.put("signer", s.signer().orElse(null));
      sn.put("detail", s.detail());
      signatures.add(sn);
    }
    a.put("signatures", signatures);
    a.put("binaries", r.binaries());
    r.policy().ifPresent(p -> a.put("policy", p));
    return a;
  }
}
