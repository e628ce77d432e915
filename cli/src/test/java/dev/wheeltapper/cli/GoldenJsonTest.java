package dev.wheeltapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheeltapper.testsupport.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command line's JSON for every artifact of the corpus, compared byte for byte with committed golden files under
 * {@code src/test/resources/golden/}: {@code audit --format json} (and {@code --format text}) of every wheel,
 * {@code inspect --format json} of every bare ELF, PE and Mach-O binary, both of the bundled samples. Only the tool
 * version and the corpus's absolute location are normalised (to {@code <version>} and {@code corpus}); the output
 * holds no timestamp, duration or temporary path.
 *
 * <p>With {@code -Dwheeltapper.golden.update=true} the current output replaces the golden files instead; review the
 * change with {@code git diff}. A failure names the artifact and the first JSON pointer whose value differs.
 */
class GoldenJsonTest {
  private static final boolean UPDATE = Boolean.getBoolean("wheeltapper.golden.update");
  private static final Path GOLDEN =
      Corpus.repositoryRoot().resolve("cli").resolve("src").resolve("test").resolve("resources").resolve("golden");
  private static final List<String> BINARY_SUFFIXES = List.of(".so", ".dylib", ".dll", ".exe");

  static Stream<Arguments> wheels() throws IOException {
    return artifacts(name -> name.endsWith(".whl"));
  }

  static Stream<Arguments> binaries() throws IOException {
    return artifacts(name -> BINARY_SUFFIXES.stream().anyMatch(name::endsWith));
  }

  private static Stream<Arguments> artifacts(java.util.function.Predicate<String> accept) throws IOException {
    Path root = Corpus.root();
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> accept.test(p.getFileName().toString()))
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .map(rel -> Arguments.of(Named.of(rel, rel)))
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("wheels")
  void auditJsonOfEveryCorpusWheelIsUnchanged(String relative) throws Exception {
    check("audit", relative);
  }

  @ParameterizedTest
  @MethodSource("binaries")
  void inspectJsonOfEveryCorpusBinaryIsUnchanged(String relative) throws Exception {
    check("inspect", relative);
  }

  /** The text report too: it renders the same typed data (written to a file, so never in colour). */
  @ParameterizedTest
  @MethodSource("wheels")
  void auditTextOfEveryCorpusWheelIsUnchanged(String relative) throws Exception {
    Path out = Files.createTempFile("golden", ".txt");
    try {
      CliTest.Run r = CliTest.run("audit", "--format", "text", "--output", out.toString(),
          Corpus.corpus(relative).toString());
      assertThat(r.code()).as("audit %s: %s", relative, r.err()).isIn(Main.EXIT_PASS, Main.EXIT_FAIL);
      String actual = normalise(Files.readString(out, StandardCharsets.UTF_8));
      Path golden = GOLDEN.resolve("audit-text").resolve(relative + ".txt");
      if (update(golden, actual)) {
        return;
      }
      String expected = Files.readString(golden, StandardCharsets.UTF_8);
      assertThat(actual).as("audit --format text %s differs from %s from line %d", relative,
          GOLDEN.relativize(golden), firstDifferentLine(expected, actual)).isEqualTo(expected);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /** A WebAssembly module: recognised by its magic number, reported with the fields of a binary it has no value for. */
  @Test
  void inspectJsonOfAWebAssemblyModuleIsUnchanged(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
    Path wasm = Files.write(tmp.resolve("module.wasm"), new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 0, 0, 0, 0});
    CliTest.Run r = CliTest.run("inspect", "--format", "json", wasm.toString());
    String actual = normalise(r.out()).replace(tmp.toString(), "<tmp>");
    Path golden = GOLDEN.resolve("inspect").resolve("synthetic").resolve("module.wasm.json");
    if (!update(golden, actual)) {
      assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
    Path out = tmp.resolve("out.txt");
    CliTest.run("inspect", "--format", "text", "--output", out.toString(), wasm.toString());
    String text = Files.readString(out, StandardCharsets.UTF_8).replace(tmp.toString(), "<tmp>");
    Path goldenText = GOLDEN.resolve("inspect-text").resolve("synthetic").resolve("module.wasm.txt");
    if (!update(goldenText, text)) {
      assertThat(text).isEqualTo(Files.readString(goldenText, StandardCharsets.UTF_8));
    }
  }

  /** The bundled samples (a Rust abi3 wheel, a tampered one) through both commands that default to them. */
  @Test
  void jsonOfTheBundledSamplesIsUnchanged() throws Exception {
    check("audit", "samples", "audit", "--format", "json");
    check("inspect", "samples", "inspect", "--format", "json");
  }

  /** The corpus holds enough artifacts for the goldens to mean something: a walk that found none would pass. */
  @Test
  void theCorpusIsThere() throws IOException {
    assertThat(wheels().count()).isGreaterThan(100);
    assertThat(binaries().count()).isGreaterThan(40);
  }

  private static void check(String command, String relative) throws Exception {
    check(command, relative, command, "--format", "json", Corpus.corpus(relative).toString());
  }

  private static void check(String command, String relative, String... args) throws Exception {
    CliTest.Run r = CliTest.run(args);
    assertThat(r.code()).as("%s %s: %s", command, relative, r.err()).isIn(Main.EXIT_PASS, Main.EXIT_FAIL);
    String actual = normalise(r.out());
    Path golden = GOLDEN.resolve(command).resolve(relative + ".json");
    if (update(golden, actual)) {
      return;
    }
    String expected = Files.readString(golden, StandardCharsets.UTF_8);
    if (expected.equals(actual)) {
      return;
    }
    JsonNode e = TestJson.MAPPER.readTree(expected);
    JsonNode a = TestJson.MAPPER.readTree(actual);
    String where = firstDifference(e, a, "").orElse("(same JSON values, different bytes: line "
        + firstDifferentLine(expected, actual) + ")");
    throw new AssertionError(command + " --format json " + relative + " differs from " + GOLDEN.relativize(golden)
        + " at " + where + ": expected " + at(e, where) + " but was " + at(a, where));
  }

  /** Writes the golden file when updating; otherwise requires it to exist. */
  private static boolean update(Path golden, String actual) throws IOException {
    if (UPDATE) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      return true;
    }
    assertThat(golden).as("golden file (rerun with -Dwheeltapper.golden.update=true)").exists();
    return false;
  }

  /** The version and the corpus's absolute path are the only run-dependent parts of the output. */
  static String normalise(String json) {
    String root = Corpus.root().toString();
    return json.replace("\"version\" : \"" + Version.current() + "\"", "\"version\" : \"<version>\"")
        .replace(root, "corpus");
  }

  /** The JSON pointer of the first value that differs, depth first in document order. */
  static Optional<String> firstDifference(JsonNode e, JsonNode a, String pointer) {
    if (e.getNodeType() != a.getNodeType()) {
      return Optional.of(pointer);
    }
    if (e.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> ef = e.properties().iterator();
      Iterator<Map.Entry<String, JsonNode>> af = a.properties().iterator();
      while (ef.hasNext() && af.hasNext()) {
        Map.Entry<String, JsonNode> x = ef.next();
        Map.Entry<String, JsonNode> y = af.next();
        String child = pointer + "/" + x.getKey().replace("~", "~0").replace("/", "~1");
        if (!x.getKey().equals(y.getKey())) {
          return Optional.of(child + " (key order or name: " + x.getKey() + " vs " + y.getKey() + ")");
        }
        Optional<String> d = firstDifference(x.getValue(), y.getValue(), child);
        if (d.isPresent()) {
          return d;
        }
      }
      return ef.hasNext() || af.hasNext() ? Optional.of(pointer + " (number of keys)") : Optional.empty();
    }
    if (e.isArray()) {
      for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
        Optional<String> d = firstDifference(e.get(i), a.get(i), pointer + "/" + i);
        if (d.isPresent()) {
          return d;
        }
      }
      return e.size() == a.size() ? Optional.empty() : Optional.of(pointer + " (array length)");
    }
    return e.equals(a) ? Optional.empty() : Optional.of(pointer);
  }

  private static String at(JsonNode n, String where) {
    int space = where.indexOf(' ');
    String pointer = space < 0 ? where : where.substring(0, space);
    if (!pointer.isEmpty() && !pointer.startsWith("/")) {
      return "?";
    }
    String s = n.at(pointer).toString();
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }

  private static int firstDifferentLine(String expected, String actual) {
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    for (int i = 0; i < Math.min(e.length, a.length); i++) {
      if (!e[i].equals(a[i])) {
        return i + 1;
      }
    }
    return Math.min(e.length, a.length) + 1;
  }
}
