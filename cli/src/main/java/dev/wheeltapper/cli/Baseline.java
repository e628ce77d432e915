package dev.wheeltapper.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.wheeltapper.report.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A baseline ({@code --baseline REPORT.json}): an earlier {@code --format json} report of wheeltapper. A finding is
 * baselined when the baseline holds a finding with the same artifact file name (the last segment of the path, so a
 * report made in another folder or CI workspace still matches), the same code and the same {@code path} (the entry
 * inside the wheel; none for a finding about the whole artifact). Message, severity and facts may differ: a new tool
 * version that rewords a finding does not make it new. Every finding of the baseline counts, suppressed or not.
 *
 * <p>Read with Jackson's streaming parser, keeping only those three strings per finding; a file that is not JSON, or
 * not a wheeltapper report ({@code tool.name} and an {@code artifacts} array), is a usage error.
 */
final class Baseline {
  /** Large enough for a report of thousands of wheels; beyond it the file is not a baseline worth reading. */
  private static final long MAX_BYTES = 512L << 20;
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build();

  private final Set<String> keys;
  private final String source;

  private Baseline(Set<String> keys, String source) {
    this.keys = Set.copyOf(keys);
    this.source = source;
  }

  /** The file name of the baseline, as suppressions name it. */
  String source() {
    return source;
  }

  /** How many distinct findings the baseline holds. */
  int size() {
    return keys.size();
  }

  /** Whether the baseline holds this finding of an artifact (by file name, code and path). */
  boolean contains(String artifactFileName, Finding f) {
    return keys.contains(key(artifactFileName, f.code(), f.path()));
  }

  static String key(String artifactFileName, String code, String path) {
    return artifactFileName + '\u0000' + code + '\u0000' + path;
  }

  /** The last segment of an artifact path, with either separator. */
  static String fileName(String path) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return path.substring(slash + 1);
  }

  static Baseline read(Path file) throws UsageException {
    String name = String.valueOf(file.getFileName());
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new UsageException("--baseline " + file + ": larger than 512 MiB, not a baseline");
      }
      try (InputStream in = Files.newInputStream(file); JsonParser p = FACTORY.createParser(in)) {
        return new Baseline(parse(p, file), name);
      }
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new UsageException("--baseline " + file + ": not a wheeltapper JSON report (not JSON: "
          + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new UsageException("--baseline " + file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static Set<String> parse(JsonParser p, Path file) throws IOException, UsageException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw notAReport(file, "not a JSON object");
    }
    boolean tool = false;
    boolean artifacts = false;
    Set<String> keys = new HashSet<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (field.equals("tool") && value == JsonToken.START_OBJECT) {
        tool = toolIsWheeltapper(p);
      } else if (field.equals("artifacts") && value == JsonToken.START_ARRAY) {
        artifacts = true;
        while (p.nextToken() == JsonToken.START_OBJECT) {
          artifact(p, keys);
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
          throw notAReport(file, "an element of artifacts is not an object");
        }
      } else {
        p.skipChildren();
      }
    }
    if (!tool || !artifacts) {
      throw notAReport(file, !tool ? "no tool.name \"wheeltapper\"" : "no artifacts array");
    }
    return keys;
  }

  private static boolean toolIsWheeltapper(JsonParser p) throws IOException {
    boolean ours = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      if (field.equals("name")) {
        ours = "wheeltapper".equals(p.getValueAsString());
      }
      p.skipChildren();
    }
    return ours;
  }

  /** One artifact object: its path and its findings' codes and paths, whatever the field order. */
  private static void artifact(JsonParser p, Set<String> keys) throws IOException {
    Optional<String> path = Optional.empty();
    Set<String> findings = new HashSet<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (field.equals("path") && value == JsonToken.VALUE_STRING) {
        path = Optional.of(p.getText());
      } else if (field.equals("findings") && value == JsonToken.START_ARRAY) {
        while (p.nextToken() == JsonToken.START_OBJECT) {
          finding(p, findings);
        }
      } else {
        p.skipChildren();
      }
    }
    if (path.isPresent()) {
      String fileName = fileName(path.get());
      findings.forEach(codeAndPath -> keys.add(fileName + '\u0000' + codeAndPath));
    }
  }

  private static void finding(JsonParser p, Set<String> out) throws IOException {
    String code = null;
    String path = "";
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (field.equals("code") && value == JsonToken.VALUE_STRING) {
        code = p.getText();
      } else if (field.equals("path") && value == JsonToken.VALUE_STRING) {
        path = p.getText();
      } else {
        p.skipChildren();
      }
    }
    if (code != null) {
      out.add(code + '\u0000' + path);
    }
  }

  private static UsageException notAReport(Path file, String why) {
    return new UsageException("--baseline " + file + ": not a wheeltapper JSON report (" + why + ")");
  }
}
