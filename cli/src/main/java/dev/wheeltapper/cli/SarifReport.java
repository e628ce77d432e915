package dev.wheeltapper.cli;

import dev.wheeltapper.report.Code;
import dev.wheeltapper.report.CodeRegistry;
import dev.wheeltapper.report.Finding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

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

  /** The whole document as a tree, for tests and small runs; {@link Sink} writes the same bytes as it goes. */
  static Map<String, Object> document(List<ArtifactReport> reports) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    Map<String, Object> run = new LinkedHashMap<>();
    root.put("runs", List.of(run));
    List<Object> rules = new ArrayList<>();
    run.put("tool", Map.of("driver", driver(rules)));
    List<Object> artifacts = new ArrayList<>();
    List<Object> results = new ArrayList<>();
    run.put("artifacts", artifacts);
    run.put("results", results);
    Index index = new Index();
    for (ArtifactReport r : reports) {
      index.add(r, artifacts::add, rules::add, results::add);
    }
    return root;
  }

  private static Map<String, Object> driver(List<Object> rules) {
    Map<String, Object> driver = new LinkedHashMap<>();
    driver.put("name", "wheeltapper");
    driver.put("version", Version.current());
    driver.put("informationUri", INFO_URI);
    driver.put("rules", rules);
    return driver;
  }

  /**
   * The document's cross references, built in artifact order: rule indices by code (codes are few), artifact indices
   * by location and hash (one small entry per distinct artifact: the only per-artifact state of a run's SARIF).
   */
  private static final class Index {
    private final Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    // SARIF wants each artifact once: the same file given twice shares one entry, and so does an entry of it.
    private final Map<String, Integer> artifactIndex = new java.util.HashMap<>();

    /**
     * Adds one artifact's entry (when new), the entries of it that findings name (each once, nested in it through
     * {@code parentIndex}), its new rules and its results, in document order.
     */
    void add(ArtifactReport r, Consumer<Object> artifacts, Consumer<Object> rules, Consumer<Object> results) {
      int i = artifact(artifacts, uri(r.path()) + "\u0000" + r.sha256(), () -> {
        Map<String, Object> art = new LinkedHashMap<>();
        art.put("location", Map.of("uri", uri(r.path())));
        if (!r.sha256().isEmpty()) { // empty: a file that could not be read
          art.put("hashes", Map.of("sha-256", r.sha256()));
        }
        Optional.ofNullable(GuideJson.summary(r.binaries().inspected()))
            .ifPresent(g -> art.put("properties", Map.of("guide", g)));
        return art;
      });
      for (Finding f : r.findings()) {
        Map<String, Object> artLoc = new LinkedHashMap<>();
        // a finding about the artifact itself (a missing file names the path given) is located at the artifact
        if (r.kind().equals("wheel") && !f.path().isEmpty() && !f.path().equals(r.path())) {
          // an entry of a wheel: an artifact nested in its wheel, its URI the entry's path within it
          String encoded = uri(f.path());
          // a leading slash (an unsafe absolute entry name) would read as a URI authority: keep it in the path
          String entry = "/" + (encoded.startsWith("/") ? "%2F" + encoded.substring(1) : encoded);
          artLoc.put("uri", entry);
          artLoc.put("index", artifact(artifacts, i + "\u0000" + entry, () -> {
            Map<String, Object> art = new LinkedHashMap<>();
            art.put("location", Map.of("uri", entry));
            art.put("parentIndex", i);
            return art;
          }));
        } else {
          artLoc.put("uri", uri(r.path()));
          artLoc.put("index", i);
        }
        results.accept(result(f, rule(f, rules), artLoc));
      }
    }

    /** The index of an artifact entry, adding it when its key is new. */
    private int artifact(Consumer<Object> artifacts, String key, java.util.function.Supplier<Object> make) {
      Integer i = artifactIndex.get(key);
      if (i == null) {
        i = artifactIndex.size();
        artifactIndex.put(key, i);
        artifacts.accept(make.get());
      }
      return i;
    }

    /** The index of a finding's rule, adding the rule when its code is new. */
    int rule(Finding f, Consumer<Object> rules) {
      Integer idx = ruleIndex.get(f.code());
      if (idx == null) {
        idx = ruleIndex.size();
        ruleIndex.put(f.code(), idx);
        rules.accept(SarifReport.rule(f));
      }
      return idx;
    }
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

  /**
   * SARIF written as the run goes, byte for byte the document of {@link #document}: the rules come first in the
   * document but are known only at the end, so each artifact's entry and results go to a {@link Spool} (a temporary
   * file) as it comes, and {@link #end} writes the head and rules, then copies the two spooled arrays into place.
   * Memory: the rules, and one index entry per distinct artifact.
   */
  static final class Sink implements ReportSink {
    private final Writer out;
    private final Index index = new Index();
    private final List<Object> rules = new ArrayList<>();
    private Spool artifacts;
    private Spool results;
    private JsonGenerator ga;
    private JsonGenerator gr;
    private long artifactsFrom;
    private long resultsFrom;

    Sink(Writer out) {
      this.out = out;
    }

    @Override
    public void begin() throws IOException {
      artifacts = Spool.create();
      results = Spool.create();
      ga = nested(artifacts, "artifacts");
      artifactsFrom = artifacts.position();
      gr = nested(results, "results");
      resultsFrom = results.position();
    }

    /** A generator positioned inside {@code runs[0].<array>}, so that elements are indented as in the document. */
    private static JsonGenerator nested(Spool spool, String array) throws IOException {
      JsonGenerator g = JsonReport.generator(spool.writer());
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
      g.writeStartObject();
      g.writeArrayFieldStart("runs");
      g.writeStartObject();
      g.writeArrayFieldStart(array);
      g.flush();
      return g;
    }

    @Override
    public void artifact(ArtifactReport r) throws IOException {
      IOException[] failure = new IOException[1];
      index.add(r, a -> write(ga, a, failure), rules::add, res -> write(gr, res, failure));
      if (failure[0] != null) {
        throw failure[0];
      }
    }

    private static void write(JsonGenerator g, Object tree, IOException[] failure) {
      if (failure[0] == null) {
        try {
          JsonWriter.value(g, tree);
        } catch (IOException e) {
          failure[0] = e;
        }
      }
    }

    @Override
    public void end(RunTally tally) throws IOException {
      try {
        // findings about the run's inputs (an empty directory): results at the path given, without an artifact
        for (Finding f : tally.runFindings()) {
          Map<String, Object> artLoc = new LinkedHashMap<>();
          artLoc.put("uri", uri(f.path()));
          JsonWriter.value(gr, result(f, index.rule(f, rules::add), artLoc));
        }
        ga.flush();
        gr.flush();
        JsonGenerator g = JsonReport.generator(out);
        g.writeStartObject();
        g.writeStringField("$schema", SCHEMA);
        g.writeStringField("version", "2.1.0");
        g.writeArrayFieldStart("runs");
        g.writeStartObject();
        g.writeFieldName("tool");
        JsonWriter.value(g, Map.of("driver", driver(rules)));
        g.writeArrayFieldStart("artifacts");
        g.flush();
        // the spooled elements carry their own separators; an array closes as " ]" whether empty or not
        artifacts.copyTo(out, artifactsFrom);
        g.writeEndArray();
        g.writeArrayFieldStart("results");
        g.flush();
        results.copyTo(out, resultsFrom);
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.close();
        out.write(System.lineSeparator());
        out.flush();
      } finally {
        // closing deletes the temporary files
        try {
          artifacts.close();
        } finally {
          results.close();
        }
      }
    }
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
