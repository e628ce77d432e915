package dev.wheeltapper.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.wheeltapper.report.Code;
import dev.wheeltapper.report.CodeRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Generates the code tables of {@code docs/findings.md} (one per area) and the README's finding-code table from
 * {@link CodeRegistry}, and fails when a committed file differs, naming the first differing line. The tables sit
 * between {@code <!-- codes:AREA: ... -->} and {@code <!-- /codes:AREA -->} (README: {@code <!-- codes: ... -->} and
 * {@code <!-- /codes -->}); the prose around them is hand-written and kept.
 *
 * <p>With {@code -Dwheeltapper.docs.update=true} the files are rewritten from the registry instead:
 * <pre>{@code
 * ./mvnw -B -o verify -pl examples -am -Dtest=FindingsDocTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dwheeltapper.docs.update=true
 * }</pre>
 */
class FindingsDocTest {
  static final boolean UPDATE = Boolean.getBoolean("wheeltapper.docs.update");
  /** A region of generated lines: the start marker's key ({@code codes:zip}, {@code codes}), then the body. */
  static final Pattern START = Pattern.compile("^<!-- (codes(?::[a-z]+)?):.*-->$");
  /** A finding code in backticks anywhere on a page. */
  static final Pattern CODE_MENTION = Pattern.compile("`([a-z0-9]+\\.[a-z0-9]+(?:-[a-z0-9]+)*)`");

  /** The repository root: the nearest folder, from the working directory up, that holds {@code mvnw}. */
  static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no folder holding mvnw above " + Path.of("").toAbsolutePath());
  }

  /** A table cell: pipes escaped, so that a text can never add a column. */
  static String cell(String text) {
    return text.replace("|", "\\|");
  }

  /** The table of one area of {@code docs/findings.md}: severity, why, then each reference tool's behaviour. */
  static List<String> areaTable(String area) {
    List<Code> codes = CodeRegistry.all().stream().filter(c -> c.area().equals(area)).toList();
    if (codes.isEmpty()) {
      throw new AssertionError("docs/findings.md has a table for area " + area + ", which has no registered code");
    }
    List<String> tools = List.copyOf(codes.get(0).elsewhere().keySet());
    List<String> out = new ArrayList<>();
    out.add("| code | severity | why this severity | " + String.join(" | ", tools) + " |");
    out.add("|---".repeat(3 + tools.size()) + "|");
    for (Code c : codes) {
      assertThat(List.copyOf(c.elsewhere().keySet())).as("the tools of %s, as in its area", c.id()).isEqualTo(tools);
      StringBuilder row = new StringBuilder("| `" + c.id() + "` | " + cell(c.severityRule()) + " | " + cell(c.why()));
      c.elsewhere().values().forEach(v -> row.append(" | ").append(cell(v)));
      out.add(row.append(" |").toString());
    }
    return out;
  }

  /** The README's table: every code, its severity rule and summary. */
  static List<String> readmeTable() {
    List<String> out = new ArrayList<>();
    out.add("| code | severity | meaning |");
    out.add("|---|---|---|");
    for (Code c : CodeRegistry.all()) {
      out.add("| `" + c.id() + "` | " + cell(c.severityRule()) + " | " + cell(c.summary()) + " |");
    }
    return out;
  }

  /**
   * A page with each generated region's body replaced by what {@code render} gives for its key.
   *
   * @param lines the committed page
   * @param render region key ({@code codes:zip}) to the lines it must hold
   * @param seen filled with the keys of the regions found
   */
  static List<String> regenerate(List<String> lines, Function<String, List<String>> render, Set<String> seen) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      out.add(line);
      Matcher m = START.matcher(line);
      if (!m.matches()) {
        continue;
      }
      String key = m.group(1);
      if (!seen.add(key)) {
        throw new AssertionError("two regions " + key);
      }
      String end = "<!-- /" + key + " -->";
      int j = i + 1;
      while (j < lines.size() && !lines.get(j).equals(end)) {
        j++;
      }
      if (j == lines.size()) {
        throw new AssertionError("region " + key + " has no end line " + end);
      }
      out.addAll(render.apply(key));
      out.add(end);
      i = j;
    }
    return out;
  }

  /** Compares a page with its regeneration (or rewrites it when updating), naming the first differing line. */
  static void check(String relative, List<String> expected, List<String> actual) throws IOException {
    if (expected.equals(actual)) {
      return;
    }
    Path file = repositoryRoot().resolve(relative);
    if (UPDATE) {
      Files.writeString(file, String.join("\n", expected) + "\n", StandardCharsets.UTF_8);
      return;
    }
    int n = 0;
    while (n < expected.size() && n < actual.size() && expected.get(n).equals(actual.get(n))) {
      n++;
    }
    fail("%s differs from the code registry at line %d:%n  committed: %s%n  generated: %s%n"
        + "Edit the registry (dev.wheeltapper.report.*CodeTable), then rerun with -Dwheeltapper.docs.update=true.",
        relative, n + 1, n < actual.size() ? actual.get(n) : "(end of file)",
        n < expected.size() ? expected.get(n) : "(end of file)");
  }

  static List<String> read(String relative) throws IOException {
    return Files.readAllLines(repositoryRoot().resolve(relative), StandardCharsets.UTF_8);
  }

  @Test
  void findingsPageTablesAreTheRegistrys() throws IOException {
    List<String> page = read("docs/findings.md");
    Set<String> seen = new LinkedHashSet<>();
    List<String> generated = regenerate(page, key -> areaTable(key.substring("codes:".length())), seen);
    Set<String> areas = new LinkedHashSet<>();
    CodeRegistry.all().forEach(c -> areas.add("codes:" + c.area()));
    assertThat(seen).as("one table region per area, in registry order").containsExactlyElementsOf(areas);
    check("docs/findings.md", generated, page);
  }

  @Test
  void readmeTableIsTheRegistrys() throws IOException {
    List<String> page = read("README.md");
    Set<String> seen = new LinkedHashSet<>();
    List<String> generated = regenerate(page, key -> {
      assertThat(key).isEqualTo("codes");
      return readmeTable();
    }, seen);
    assertThat(seen).containsExactly("codes");
    check("README.md", generated, page);
  }

  @Test
  void thePagesNameNoUnknownCode() throws IOException {
    Set<String> unknown = new TreeSet<>();
    for (String page : List.of("docs/findings.md", "README.md")) {
      for (String line : read(page)) {
        Matcher m = CODE_MENTION.matcher(line);
        while (m.find()) {
          String area = m.group(1).substring(0, m.group(1).indexOf('.'));
          boolean codeArea = CodeRegistry.all().stream().anyMatch(c -> c.area().equals(area));
          if (codeArea && CodeRegistry.find(m.group(1)).isEmpty()) {
            unknown.add(page + ": " + m.group(1));
          }
        }
      }
    }
    assertThat(unknown).as("codes named in the docs that the registry does not define").isEmpty();
  }

  @Test
  void theRenderingCanFail() {
    // A table row that drifted from the registry is caught, with its line.
    List<String> page = new ArrayList<>(List.of("intro", "<!-- codes: x -->", "| stale |", "<!-- /codes -->"));
    Map<String, List<String>> tables = new LinkedHashMap<>();
    tables.put("codes", readmeTable());
    List<String> generated = regenerate(page, tables::get, new LinkedHashSet<>());
    assertThat(generated).hasSize(3 + CodeRegistry.all().size() + 2).isNotEqualTo(page);
    assertThat(generated.get(2)).isEqualTo("| code | severity | meaning |");
  }
}
