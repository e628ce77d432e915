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
 * from the severity. A finding about a whole artifact is located at the artifact; one about an entry of a wheel at an
 * artifact nested in its wheel ({@code parentIndex}, the entry's path as its URI), with the entry path also as logical
 * location. Each code that occurs gets a rule described by the {@link CodeRegistry} (summary, full description,
 * help in text and Markdown, default severity as its default level); a finding's facts go to its result's
 * {@code properties.facts}; a waived or baselined finding carries {@code suppressions} (kind {@code external}, its
 * reason as justification).
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
    // SARIF wants each artifact once: the same file given twice shares one entry, and so does an entry of it.
    Map<String, Integer> artifactIndex = new LinkedHashMap<>();
    for (ArtifactReport r : reports) {
      int i = artifact(artifacts, artifactIndex, uri(r.path()) + "\u0000" + r.sha256(), () -> {
        Map<String, Object> art = new LinkedHashMap<>();
        art.put("location", Map.of("uri", uri(r.path())));
        if (!r.sha256().isEmpty()) { // empty: a file an index lists that could not be read
          art.put("hashes", Map.of("sha-256", r.sha256()));
        }
        java.util.Optional.ofNullable(GuideJson.summary(r.binaries().inspected()))
            .ifPresent(g -> art.put("properties", Map.of("guide", g)));
        return art;
      });
      for (Finding f : r.findings()) {
        Integer idx = ruleIndex.get(f.code());
        if (idx == null) {
          idx = ruleIndex.size();
          ruleIndex.put(f.code(), idx);
          rules.add(rule(f));
        }
        Map<String, Object> artLoc = new LinkedHashMap<>();
        if (r.kind().equals("wheel") && !f.path().isEmpty()) {
          // an entry of a wheel: an artifact nested in its wheel, its URI the entry's path within it
          String encoded = uri(f.path());
          // a leading slash (an unsafe absolute entry name) would read as a URI authority: keep it in the path
          String entry = "/" + (encoded.startsWith("/") ? "%2F" + encoded.substring(1) : encoded);
          artLoc.put("uri", entry);
          artLoc.put("index", artifact(artifacts, artifactIndex, i + "\u0000" + entry, () -> {
            Map<String, Object> art = new LinkedHashMap<>();
            art.put("location", Map.of("uri", entry));
            art.put("parentIndex", i);
            return art;
          }));
        } else {
          artLoc.put("uri", uri(r.path()));
          artLoc.put("index", i);
        }
        results.add(result(f, idx, artLoc));
      }
    }
    return root;
  }

  /** The index of an artifact in {@code run.artifacts}, added on first sight. */
  private static int artifact(List<Object> artifacts, Map<String, Integer> index, String key,
      java.util.function.Supplier<Map<String, Object>> make) {
    Integer i = index.get(key);
    if (i == null) {
      i = artifacts.size();
      index.put(key, i);
      artifacts.add(make.get());
    }
    return i;
  }

  /** One result: rule, level, message, location (physical and logical), facts, and the suppression if any. */
  private static Map<String, Object> result(Finding f, int ruleIdx, Map<String, Object> artLoc) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("ruleId", f.code());
    result.put("ruleIndex", ruleIdx);
    result.put("level", level(f));
    result.put("message", Map.of("text", f.message()));
    Map<String, Object> loc = new LinkedHashMap<>();
    loc.put("physicalLocation", Map.of("artifactLocation", artLoc));
    if (!f.path().isEmpty()) {
      Map<String, Object> logical = new LinkedHashMap<>();
      logical.put("fullyQualifiedName", f.path());
      logical.put("kind", "member");
      loc.put("logicalLocations", List.of(logical));
    }
    result.put("locations", List.of(loc));
    f.suppression().ifPresent(s -> {
      // SARIF's kind "external": the suppression lives outside the analysed artifact (a waiver file, a baseline)
      Map<String, Object> sup = new LinkedHashMap<>();
      sup.put("kind", "external");
      sup.put("status", "accepted");
      sup.put("justification", s.reason());
      sup.put("properties", Map.of("wheeltapper", Map.of("kind", s.kind().label(), "source", s.source())));
      result.put("suppressions", List.of(sup));
    });
    if (!f.facts().isEmpty()) {
      result.put("properties", Map.of("facts", f.facts()));
    }
    return result;
  }

  /** The rule of a finding's code: from the registry, or a generic one for a code it does not know. */
  static Map<String, Object> rule(Finding f) {
    Optional<Code> known = CodeRegistry.find(f.code());
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("id", f.code());
    rule.put("name", ruleName(f.code()));
    rule.put("shortDescription", Map.of("text", known.map(Code::summary).orElse("Finding " + f.code() + ".")));
    known.ifPresent(c -> {
      rule.put("fullDescription", Map.of("text", c.summary() + " " + c.severityRule() + ": " + c.why() + "."));
      Map<String, Object> help = new LinkedHashMap<>();
      help.put("text", c.help());
      help.put("markdown", markdownHelp(c));
      rule.put("help", help);
      rule.put("properties", Map.of("tags", List.of(c.area())));
    });
    rule.put("defaultConfiguration", Map.of("level", known.map(c -> c.severity().label()).orElse(level(f))));
    return rule;
  }

  /** The help of {@code docs/findings.md} for one code: severity and why, then what the reference tools do. */
  static String markdownHelp(Code c) {
    StringBuilder sb = new StringBuilder(c.summary()).append("\n\n**").append(c.severityRule()).append("**: ")
        .append(c.why()).append(".\n\n| tool | same case |\n|---|---|\n");
    c.elsewhere().forEach((tool, what) -> sb.append("| ").append(tool).append(" | ")
        .append(what.replace("|", "\\|")).append(" |\n"));
    return sb.append("\nSee docs/findings.md of wheeltapper for every code.").toString();
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
    if (path.regionMatches(true, 0, "http://", 0, 7) || path.regionMatches(true, 0, "https://", 0, 8)) {
      return path; // an index's URL (audit --index), already a URI
    }
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
