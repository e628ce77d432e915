package dev.wheeltapper.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wheeltapper.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job in {@code local[2]} over every corpus wheel, compared field for field with {@code wheeltapper audit
 * --format json} over the same files; then a rerun that skips them all, and an unreadable location that is a row.
 * One session for the class (the tests run in order: the rerun reads the first run's tables).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditJobCorpusTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  private SparkSession spark;
  private List<Path> wheels;
  private String missing;
  private Path listing;
  private String output;
  private AuditJob.Result first;

  @BeforeAll
  void runTheJobOnce() throws IOException {
    spark = SparkTests.session("local[2]");
    wheels = new ArrayList<>(SparkTests.corpusWheels(tmp.resolve("wheels"), Integer.MAX_VALUE));
    // and one carrying a PEP 770 SBOM, which the rows list as the command line does (a second look into the archive)
    wheels.add(SparkTests.withSbom(wheels.get(0), tmp.resolve("sbom")));
    missing = tmp.resolve("gone/missing-1.0-py3-none-any.whl").toString();
    List<String> lines = new ArrayList<>();
    lines.add("# the corpus, a blank line, a duplicate and a wheel that is not there");
    wheels.forEach(w -> lines.add(w.toString()));
    lines.add("");
    lines.add("  " + wheels.get(0) + "  ");
    lines.add(missing);
    listing = Files.write(tmp.resolve("listing.txt"), lines);
    output = tmp.resolve("out").toString();
    first = new AuditJob(spark).run(new TextListing(listing.toString()), output);
  }

  @AfterAll
  void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  @Order(1)
  void rowsEqualTheCommandLinesJsonReportFieldForField() throws IOException {
    assertThat(first.listed()).isEqualTo(wheels.size() + 1);
    assertThat(first.audited()).isEqualTo(wheels.size() + 1);
    Map<String, Row> rows = byPath(spark.read().parquet(output + "/wheels").collectAsList());
    assertThat(rows).hasSize(wheels.size() + 1);
    Map<String, List<Row>> findings = findingsByWheel();

    JsonNode cli = commandLine(wheels);
    assertThat(cli.get("artifacts")).hasSize(wheels.size());
    String carrying = wheels.get(wheels.size() - 1).toString();
    assertThat(JSON.readTree(rows.get(carrying).<String>getAs("report")).get("sboms")).as("the PEP 770 SBOM")
        .hasSize(1);
    int failed = 0;
    for (JsonNode a : cli.get("artifacts")) {
      String path = a.get("path").asText();
      Row r = rows.get(path);
      assertThat(r).as(path).isNotNull();
      // The whole artifact, as the command line's renderer writes it; withDependencies needs the other wheels of
      // one run, which a job auditing each wheel alone does not have.
      assertThat(JSON.readTree(r.<String>getAs("report"))).as(path).isEqualTo(withoutDependencies(a));
      assertThat(r.<String>getAs("sha256")).isEqualTo(a.get("sha256").asText());
      assertThat(r.<String>getAs("verdict")).isEqualTo(a.get("verdict").asText());
      assertThat(r.<Long>getAs("size")).isEqualTo(Files.size(Path.of(path)));
      JsonNode w = a.path("wheel");
      assertThat(r.<String>getAs("name")).isEqualTo(w.isMissingNode() ? null : w.get("name").asText());
      assertThat(r.<String>getAs("version")).isEqualTo(w.isMissingNode() ? null : w.get("version").asText());
      assertThat(r.getList(r.fieldIndex("tags"))).isEqualTo(texts(w.path("tags")));
      assertThat(r.getList(r.fieldIndex("languages"))).isEqualTo(languages(a));
      assertThat(r.getList(r.fieldIndex("platformTags"))).isEqualTo(texts(a.path("policy").path("platformTags")));
      for (String family : List.of("manylinux", "musllinux")) {
        JsonNode p = a.path("policy").path(family);
        assertThat(r.<String>getAs(family + "Claimed")).as(path)
            .isEqualTo(p.isMissingNode() || p.get("claimed").isNull() ? null : p.get("claimed").asText());
        assertThat(r.<String>getAs(family + "Satisfied")).isEqualTo(p.isMissingNode() ? null : p.get("satisfied").asText());
        assertThat(r.<Boolean>getAs(family + "Ok")).isEqualTo(p.isMissingNode() ? null : p.get("ok").asBoolean());
      }
      assertThat(r.<Integer>getAs("errors") + r.<Integer>getAs("warnings") + r.<Integer>getAs("notes"))
          .isEqualTo(a.get("findings").size());
      List<Row> fs = findings.getOrDefault(path, List.of());
      assertThat(fs).as(path).hasSize(a.get("findings").size());
      for (int i = 0; i < fs.size(); i++) {
        JsonNode f = a.get("findings").get(i);
        Row fr = fs.get(i);
        assertThat(fr.<Integer>getAs("ordinal")).isEqualTo(i);
        assertThat(fr.<String>getAs("sha256")).isEqualTo(a.get("sha256").asText());
        assertThat(fr.<String>getAs("code")).isEqualTo(f.get("code").asText());
        assertThat(fr.<String>getAs("severity")).isEqualTo(f.get("severity").asText());
        assertThat(fr.<String>getAs("entryPath")).isEqualTo(f.get("path").isNull() ? null : f.get("path").asText());
        assertThat(fr.<String>getAs("message")).isEqualTo(f.get("message").asText());
        Map<String, String> facts = new LinkedHashMap<>();
        f.path("facts").properties().forEach(e -> facts.put(e.getKey(), e.getValue().asText()));
        assertThat(fr.getJavaMap(fr.fieldIndex("facts"))).isEqualTo(facts);
      }
      failed += a.get("verdict").asText().equals("fail") ? 1 : 0;
    }
    assertThat(failed).as("the corpus has failing wheels").isPositive();
    assertThat(spark.read().json(output + "/wheels.jsonl").count()).isEqualTo(wheels.size() + 1);
    assertThat(spark.read().json(output + "/findings.jsonl").count())
        .isEqualTo(spark.read().parquet(output + "/findings").count());
  }

  @Test
  @Order(2)
  void anUnreadableWheelIsARowWithItsFindingNotAFailedStage() {
    Row r = byPath(spark.read().parquet(output + "/wheels").collectAsList()).get(missing);
    assertThat(r.<String>getAs("verdict")).isEqualTo("fail");
    assertThat(r.<String>getAs("sha256")).isEmpty();
    assertThat(r.<Long>getAs("size")).isEqualTo(-1L);
    assertThat(r.<String>getAs("memorySafe")).isEqualTo("unknown");
    List<Row> f = findingsByWheel().get(missing);
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.<String>getAs("code")).isEqualTo("zip.not-a-zip");
      assertThat(x.<String>getAs("severity")).isEqualTo("error");
      assertThat(x.getJavaMap(x.fieldIndex("facts"))).containsKey("readError");
      assertThat(x.<String>getAs("message")).startsWith("The wheel could not be read: ").contains("FileNotFound");
    });
  }

  @Test
  @Order(3)
  void theSummarySharesAddUp() {
    Map<String, Long> wheelsBy = new HashMap<>();
    for (Row s : spark.read().parquet(output + "/summary").collectAsList()) {
      wheelsBy.put(s.<String>getAs("section") + "/" + s.<String>getAs("key"), s.<Long>getAs("wheels"));
    }
    assertThat(wheelsBy.get("total/wheels")).isEqualTo(wheels.size() + 1);
    assertThat(wheelsBy.get("verdict/pass") + wheelsBy.get("verdict/fail")).isEqualTo(wheels.size() + 1);
    long nativeWheels = wheelsBy.get("total/native");
    assertThat(nativeWheels).isPositive();
    assertThat(wheelsBy.entrySet().stream().filter(e -> e.getKey().startsWith("memorySafe/"))
        .mapToLong(Map.Entry::getValue).sum()).isEqualTo(nativeWheels);
    assertThat(wheelsBy).containsKeys("language/c", "code/zip.not-a-zip");
  }

  @Test
  @Order(4)
  void aRerunSkipsWhatThisToolVersionAlreadyAudited() throws IOException {
    long before = spark.read().parquet(output + "/wheels").count();
    // The same listing, and one wheel under another path whose listing line carries its SHA-256 (as PEP 503 does).
    Path moved = Files.copy(wheels.get(1), Files.createDirectories(tmp.resolve("moved"))
        .resolve(wheels.get(1).getFileName()));
    String sha = byPath(spark.read().parquet(output + "/wheels").collectAsList()).get(wheels.get(1).toString())
        .getAs("sha256");
    List<String> lines = new ArrayList<>(Files.readAllLines(listing));
    lines.add(moved + "#sha256=" + sha);
    Files.write(listing, lines);

    AuditJob.Result again = new AuditJob(spark).run(new TextListing(listing.toString()), output);
    assertThat(again.listed()).isEqualTo(wheels.size() + 2);
    // Only the unreadable location is tried again: it has no SHA-256 to be known by.
    assertThat(again.audited()).isEqualTo(1);
    assertThat(again.skipped()).isEqualTo(wheels.size() + 1);
    assertThat(spark.read().parquet(output + "/wheels").count()).isEqualTo(before + 1);
    assertThat(spark.read().parquet(output + "/wheels").filter("sha256 != ''").dropDuplicates("path", "sha256")
        .count()).isEqualTo(wheels.size());
  }

  private Map<String, List<Row>> findingsByWheel() {
    Map<String, List<Row>> out = new HashMap<>();
    for (Row f : spark.read().parquet(output + "/findings").orderBy("wheelPath", "ordinal").collectAsList()) {
      out.computeIfAbsent(f.<String>getAs("wheelPath"), k -> new ArrayList<>()).add(f);
    }
    return out;
  }

  private static Map<String, Row> byPath(List<Row> rows) {
    Map<String, Row> out = new HashMap<>();
    for (Row r : rows) {
      assertThat(out.put(r.<String>getAs("path"), r)).as("one row per path").isNull();
    }
    return out;
  }

  /** {@code wheeltapper audit --format json} over the wheels, in this JVM. */
  private static JsonNode commandLine(List<Path> wheels) throws IOException {
    List<String> args = new ArrayList<>(List.of("audit", "--format", "json", "--jobs", "2"));
    wheels.forEach(w -> args.add(w.toString()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isIn(Main.EXIT_PASS, Main.EXIT_FAIL);
    return JSON.readTree(out.toString(StandardCharsets.UTF_8));
  }

  private static JsonNode withoutDependencies(JsonNode artifact) {
    ObjectNode copy = artifact.deepCopy();
    for (String family : List.of("manylinux", "musllinux")) {
      if (copy.path("policy").path(family) instanceof ObjectNode p) {
        p.remove("withDependencies");
      }
    }
    return copy;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** The wheel's languages: its binaries' languages, in order, once each. */
  private static List<String> languages(JsonNode artifact) {
    Set<String> out = new LinkedHashSet<>();
    artifact.path("binaries").forEach(b -> b.path("toolchain").path("languages").forEach(l -> out.add(l.asText())));
    return List.copyOf(out);
  }

  @Test
  @Order(9)
  void aSimpleRepositoryIsAListingItsLinksHashesSkipReadingAndOnlyWheelsAreAudited() throws Exception {
    // a PEP 503 folder index over three corpus wheels and an sdist, the links relative as a mirror writes them
    Path root = tmp.resolve("mirror");
    Path files = Files.createDirectories(root.resolve("files"));
    StringBuilder page = new StringBuilder("<!DOCTYPE html><html><body>\n");
    List<String> names = new ArrayList<>();
    for (Path w : wheels.subList(0, 3)) {
      Path copy = Files.copy(w, files.resolve(w.getFileName()));
      String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(Files.readAllBytes(copy)));
      names.add(w.getFileName().toString());
      page.append("<a href=\"../../files/").append(w.getFileName()).append("#sha256=").append(sha).append("\">")
          .append(w.getFileName()).append("</a><br>\n");
    }
    Files.writeString(files.resolve("demo-1.0.tar.gz"), "not audited");
    page.append("<a href=\"../../files/demo-1.0.tar.gz\">demo-1.0.tar.gz</a>\n</body></html>\n");
    Path project = Files.createDirectories(root.resolve("simple/demo"));
    Files.writeString(project.resolve("index.html"), page);
    Files.writeString(root.resolve("simple/index.html"),
        "<!DOCTYPE html><html><body><a href=\"demo/\">demo</a></body></html>\n");

    String out = tmp.resolve("index-out").toString();
    AuditJob.Result r = new AuditJob(spark).run(new IndexListing(root.resolve("simple").toString(), List.of()), out);
    assertThat(r.listed()).isEqualTo(3);
    assertThat(r.audited()).isEqualTo(3);
    List<Row> rows = spark.read().parquet(out + "/wheels").collectAsList();
    assertThat(rows).hasSize(3);
    for (Row row : rows) {
      String path = row.getAs("path");
      assertThat(names).anyMatch(path::endsWith);
      assertThat(path).doesNotContain("#");
    }
    // the same index again: every wheel is skipped by the hash its link carries, before anything is read
    AuditJob.Result again = new AuditJob(spark).run(new IndexListing(root.resolve("simple").toString(),
        List.of("DEMO")), out);
    assertThat(again.listed()).isEqualTo(3);
    assertThat(again.skipped()).isEqualTo(3);
    assertThat(again.audited()).isZero();
  }
}
