package dev.wheeltapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.testsupport.Corpus;
import dev.wheeltapper.testsupport.TestWheels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example SQL of {@code docs/cache.md}, kept in {@code src/test/resources/cache/queries.sql} (the document holds
 * it verbatim, as it holds the schema), run against a cache of two runs over the corpus wheels and a few wheels made
 * here (one bundling libgfortran, two versions of a project with and without Rust), with every result asserted.
 */
class CacheQueriesTest {
  private static final Path QUERIES = Corpus.repositoryRoot().resolve("cli/src/test/resources/cache/queries.sql");
  private static final Path SCHEMA =
      Corpus.repositoryRoot().resolve("cli/src/main/resources/dev/wheeltapper/cli/cache/schema.sql");
  private static final Path DOC = Corpus.repositoryRoot().resolve("docs/cache.md");

  @TempDir static Path tmp;
  private static Path db;
  private static Path made;

  @BeforeAll
  static void twoRuns() throws Exception {
    Path elf = Corpus.corpus("elf/debian-bookworm-amd64");
    made = Files.createDirectories(tmp.resolve("made"));
    wheel(made, "fortranpkg", "1.0", "cp311-cp311-linux_x86_64", Map.of(
        "fortranpkg/_solve.cpython-311-x86_64-linux-gnu.so",
        Files.readAllBytes(elf.resolve("_yaml.cpython-311-x86_64-linux-gnu.so")),
        "fortranpkg.libs/libgfortran-040039e1.so.5.0.0",
        Files.readAllBytes(elf.resolve("_psutil_posix.cpython-311-x86_64-linux-gnu.so"))));
    wheel(made, "oxide", "1.0", "cp311-abi3-linux_x86_64",
        Map.of("oxide/_rust.abi3.so", Files.readAllBytes(elf.resolve("_rust.abi3.so"))));
    wheel(made, "oxide", "0.9", "cp311-abi3-linux_x86_64",
        Map.of("oxide/_yaml.abi3.so", Files.readAllBytes(elf.resolve("_yaml.cpython-311-x86_64-linux-gnu.so"))));
    Path plumbum = Corpus.corpus("wheels/auditwheel/plumbum-1.6.8-py2.py3-none-any.whl");
    Files.copy(plumbum, made.resolve(plumbum.getFileName()));
    db = tmp.resolve("audit.db");
    CliTest.Run first = CliTest.run("audit", "--jobs", "2", "--format", "json", "--cache", db.toString(),
        Corpus.root().toString(), made.toString());
    assertThat(first.code()).as(first.err()).isEqualTo(Main.EXIT_FAIL);
    // the second run: plumbum gone from the made folder, testzlib new in it, everything else replayed
    Files.delete(made.resolve(plumbum.getFileName()));
    Path zlib = Corpus.corpus("wheels/auditwheel/testzlib-0.0.1-cp310-cp310-linux_x86_64.whl");
    Files.copy(zlib, made.resolve(zlib.getFileName()));
    CliTest.Run second = CliTest.run("audit", "--jobs", "2", "--format", "json", "--cache", db.toString(),
        Corpus.root().toString(), made.toString());
    assertThat(second.json().at("/summary/fromCache").asInt()).isGreaterThan(100);
  }

  @Test
  void theDocumentHoldsTheQueriesAndTheSchemaVerbatim() throws Exception {
    String doc = Files.readString(DOC);
    assertThat(doc).contains("```sql\n" + Files.readString(QUERIES) + "```");
    assertThat(doc).contains("```sql\n" + Files.readString(SCHEMA) + "```");
  }

  @Test
  void whichWheelsBundleLibgfortran() throws Exception {
    assertThat(rows(query(0))).containsExactly(List.of("fortranpkg-1.0-cp311-cp311-linux_x86_64.whl"));
  }

  @Test
  void shareOfNativeWheelsWithRustPerProject() throws Exception {
    assertThat(rows(query(1))).containsExactly(List.of("h3ronpy", "2", "1.0"), List.of("oxide", "2", "0.5"));
  }

  @Test
  void everyWheelThatFailedAndWhy() throws Exception {
    List<List<String>> rows = rows(query(2));
    // every failing wheel, by its errors: the corpus's ten, and oxide 0.9 (an abi3 tag on a CPython 3.11 module)
    assertThat(rows.stream().map(r -> r.get(0)).distinct().toList())
        .isEqualTo(rows("SELECT file_name FROM artifacts WHERE verdict = 'fail' ORDER BY file_name").stream()
            .map(r -> r.get(0)).toList())
        .hasSize(11).contains("oxide-0.9-cp311-abi3-linux_x86_64.whl");
    assertThat(rows).contains(List.of("simpleext-0.0.1-0combase-cp312-cp312-win_amd64.whl", "record.missing-file",
        "simpleext/simpleexe.exe", "RECORD lists simpleext/simpleexe.exe but the archive has no such file."));
    assertThat(rows).contains(List.of("oxide-0.9-cp311-abi3-linux_x86_64.whl", "policy.abi3-violation",
        "oxide/_yaml.abi3.so", "The wheel is tagged cp311-abi3, but PyFrame_New is not in the stable ABI."));
    assertThat(rows).allSatisfy(r -> assertThat(r.get(1)).matches("[a-z0-9]+(\\.[a-z0-9-]+)+"));
  }

  @Test
  void wheelsWhoseBinariesLackFullRelro() throws Exception {
    List<List<String>> rows = rows(query(3));
    assertThat(rows).contains(List.of("cffi-1.5.0-cp27-none-linux_x86_64.whl", "_cffi_backend.so", "none"),
        List.of("python_mscl-67.0.1.0-cp313-cp313-manylinux2014_aarch64.whl", "python_mscl/_mscl.so", "partial"));
    assertThat(rows).extracting(r -> r.get(2)).containsOnly("none", "partial");
    assertThat(rows).hasSize(18 + count(rows(
        "SELECT 1 FROM binaries b JOIN artifacts a USING (artifact_id) JOIN hardening h ON h.artifact_id ="
            + " b.artifact_id AND h.ordinal = b.ordinal WHERE a.path LIKE '%/made/%' AND h.check_name = 'relro'"
            + " AND h.value <> 'full'")));
  }

  @Test
  void whatChangedSinceTheLastRun() throws Exception {
    assertThat(rows(query(4))).containsExactly(
        List.of("gone", made.resolve("plumbum-1.6.8-py2.py3-none-any.whl").toString(), ""),
        List.of("new", made.resolve("testzlib-0.0.1-cp310-cp310-linux_x86_64.whl").toString(), "pass"));
  }

  private static int count(List<List<String>> rows) {
    return rows.size();
  }

  /** The n-th query of the file: blocks apart by an empty line. */
  private static String query(int n) throws Exception {
    String[] blocks = Files.readString(QUERIES).split("\n\n");
    assertThat(blocks).hasSize(5);
    return blocks[n];
  }

  private static List<List<String>> rows(String sql) throws Exception {
    List<List<String>> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
        ResultSet q = s.executeQuery(sql)) {
      ResultSetMetaData m = q.getMetaData();
      while (q.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= m.getColumnCount(); i++) {
          String v = q.getString(i);
          row.add(v == null ? "" : v);
        }
        out.add(row);
      }
    }
    return out;
  }

  private static void wheel(Path dir, String name, String version, String tag, Map<String, byte[]> files)
      throws Exception {
    TestWheels.wheel(dir, name, version, tag, new java.util.TreeMap<>(files), "");
  }
}
