package dev.wheeltapper.cli;

import dev.wheeltapper.report.Code;
import dev.wheeltapper.report.CodeRegistry;
import dev.wheeltapper.report.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders reports as SARIF 2.1.0: one run, one result per finding, {@code ruleId} = the finding code, {@code level}
 * from the severity, the artifact as physical location and the entry path as logical location. Each code that occurs
 * gets a rule described by the {@link CodeRegistry} (summary, help text, default severity as its default level); a
 * finding's facts go to its result's {@code properties.facts}.
 */
final class SarifReport {
  private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  private static final String INFO_URI = "https://github.com/wheeltapper/wheeltapper";

  private SarifReport() {}

  static Map<String, Object> document(List<ArtifactReport> reports) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    Map<String, Object> run = new LinkedHashMap<>();
    root.put("runs", List.of(run));
    Map<String, Object> driver = new LinkedHashMap<>();
    driver.put("name", "wheeltapper");
    driver.put("version", Version.current());
    driver.put("informationUri", INFO_URI);
    List<Object> rules = new ArrayList<>();
    driver.put("rules", rules);
    run.put("tool", Map.of("driver", driver));
    List<Object> artifacts = new ArrayList<>();
    List<Object> results = new ArrayList<>();
    run.put("artifacts", artifacts);
    run.put("results", results);

    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    // SARIF wants each artifact once: the same file given twice shares one entry.
    Map<String, Integer> artifactIndex = new LinkedHashMap<>();
    for (ArtifactReport r : reports) {
      String key = uri(r.path()) + "\u0000" + r.sha256();
      Integer i = artifactIndex.get(key);
      if (i == null) {
        i = artifactIndex.size();
        artifactIndex.put(key, i);
        Map<String, Object> art = new LinkedHashMap<>();
        art.put("location", Map.of("uri", uri(r.path())));
        art.put("hashes", Map.of("sha-256", r.sha256()));
        java.util.Optional.ofNullable(GuideJson.summary(r.binaries().inspected()))
            .ifPresent(g -> art.put("properties", Map.of("guide", g)));
        artifacts.add(art);
      }
      for (Finding f : r.findings()) {
        Integer idx = ruleIndex.get(f.code());
        if (idx == null) {
          idx = ruleIndex.size();
          ruleIndex.put(f.code(), idx);
          rules.add(rule(f));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", f.code());
        result.put("ruleIndex", idx);
        result.put("level", level(f));
        result.put("message", Map.of("text", f.message()));
        Map<String, Object> artLoc = new LinkedHashMap<>();
        artLoc.put("uri", uri(r.path()));
        artLoc.put("index", i);
        Map<String, Object> loc = new LinkedHashMap<>();
        loc.put("physicalLocation", Map.of("artifactLocation", artLoc));
        if (!f.path().isEmpty()) {
          Map<String, Object> logical = new LinkedHashMap<>();
          logical.put("fullyQualifiedName", f.path());
          logical.put("kind", "member");
          loc.put("logicalLocations", List.of(logical));
        }
        result.put("locations", List.of(loc));
        if (!f.facts().isEmpty()) {
          result.put("properties", Map.of("facts", f.facts()));
        }
        results.add(result);
      }
    }
    return root;
  }

  /** The rule of a finding's code: from the registry, or a generic one for a code it does not know. */
  static Map<String, Object> rule(Finding f) {
    Optional<Code> known = CodeRegistry.find(f.code());
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("id", f.code());
    rule.put("name", ruleName(f.code()));
    rule.put("shortDescription", Map.of("text", known.map(Code::summary).orElse("Finding " + f.code() + ".")));
    known.ifPresent(c -> {
      rule.put("fullDescription", Map.of("text", c.help()));
      rule.put("help", Map.of("text", c.help()));
    });
    rule.put("defaultConfiguration", Map.of("level", known.map(c -> c.severity().label()).orElse(level(f))));
    return rule;
  }

  static String level(Finding f) {
    return switch (f.severity()) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case NOTE -> "note";
    };
  }

  /** SARIF rule names are PascalCase identifiers; derive one from the code. */
  private static String ruleName(String code) {
    StringBuilder sb = new StringBuilder();
    boolean upper = true;
    for (char c : code.toCharArray()) {
      if (c == '.' || c == '-' || c == '*') {
        upper = true;
      } else {
        sb.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return sb.toString();
  }

  /** A relative URI reference for a file path: forward slashes, percent-encoded where needed. */
  static String uri(String path) {
    StringBuilder sb = new StringBuilder();
    for (byte b : path.replace('\\', '/').getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
        sb.append((char) c);
      } else {
        sb.append('%').append(String.format("%02X", c));
      }
    }
    return sb.toString();
  }
}
