package dev.wheeltapper.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wheeltapper.report.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders reports as SARIF 2.1.0: one run, one result per finding, {@code ruleId} = the finding code, {@code level}
 * from the severity, the artifact as physical location and the entry path as logical location.
 */
final class SarifReport {
  private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  private static final String INFO_URI = "https://github.com/wheeltapper/wheeltapper";

  private SarifReport() {}

  static ObjectNode document(List<ArtifactReport> reports) {
    ObjectNode root = JsonReport.MAPPER.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "wheeltapper");
    driver.put("version", Version.current());
    driver.put("informationUri", INFO_URI);

    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    ArrayNode rules = driver.putArray("rules");
    ArrayNode artifacts = run.putArray("artifacts");
    ArrayNode results = run.putArray("results");
    // SARIF wants each artifact once: the same file given twice shares one entry.
    Map<String, Integer> artifactIndex = new LinkedHashMap<>();
    for (ArtifactReport r : reports) {
      String key = uri(r.path()) + "\u0000" + r.sha256();
      Integer i = artifactIndex.get(key);
      if (i == null) {
        i = artifactIndex.size();
        artifactIndex.put(key, i);
        ObjectNode art = artifacts.addObject();
        art.putObject("location").put("uri", uri(r.path()));
        art.putObject("hashes").put("sha-256", r.sha256());
      }
      for (Finding f : r.findings()) {
        Integer idx = ruleIndex.get(f.code());
        if (idx == null) {
          idx = ruleIndex.size();
          ruleIndex.put(f.code(), idx);
          ObjectNode rule = rules.addObject();
          rule.put("id", f.code());
          rule.put("name", ruleName(f.code()));
          rule.putObject("shortDescription").put("text", Rules.describe(f.code()));
          rule.putObject("defaultConfiguration").put("level", level(f));
        }
        ObjectNode result = results.addObject();
        result.put("ruleId", f.code());
        result.put("ruleIndex", idx);
        result.put("level", level(f));
        result.putObject("message").put("text", f.message());
        ObjectNode loc = result.putArray("locations").addObject();
        ObjectNode physical = loc.putObject("physicalLocation");
        ObjectNode artLoc = physical.putObject("artifactLocation");
        artLoc.put("uri", uri(r.path()));
        artLoc.put("index", (int) i);
        if (!f.path().isEmpty()) {
          ObjectNode logical = loc.putArray("logicalLocations").addObject();
          logical.put("fullyQualifiedName", f.path());
          logical.put("kind", "member");
        }
      }
    }
    return root;
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
