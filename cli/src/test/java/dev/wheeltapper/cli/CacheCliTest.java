package dev.wheeltapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheeltapper.testsupport.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit --cache}: a replayed run reports exactly what an audited one does, in every format; a re-run over a
 * grown folder audits only the new wheel; a run killed with SIGKILL keeps what it finished; a foreign, damaged or
 * other-version database is a usage error; changed bytes are audited again; waivers apply to replayed reports.
 */
class CacheCliTest {
  @TempDir Path tmp;

  /** Every corpus wheel: signed ones and those of the end-of-run pass included (they are audited on every run). */
  private static String corpus() {
    return Corpus.root().toString();
  }

  @Test
  void aReplayedRunIsByteForByteAnAuditedOne() throws Exception {
    Path db = tmp.resolve("audit.db");
    CliTest.Run first = CliTest.run("audit", "--jobs", "2", "--format", "json", "--cache", db.toString(), corpus());
    assertThat(first.code()).as(first.err()).isIn(Main.EXIT_PASS, Main.EXIT_FAIL);
    assertThat(first.json().at("/summary/fromCache").asInt()).isZero();
    for (String format : List.of("json", "sarif", "text", "html", "cyclonedx")) {
      CliTest.Run plain = CliTest.run("audit", "--jobs", "2", "--format", format, corpus());
      CliTest.Run cached = CliTest.run("audit", "--jobs", "2", "--format", format, "--cache", db.toString(),
          corpus());
      assertThat(cached.code()).as(format).isEqualTo(plain.code());
      assertThat(normalise(cached.out())).as(format).isEqualTo(normalise(plain.out()));
      assertThat(format.equals("text") ? cached.out() : cached.err()).as(format)
          .containsPattern("\\(1[0-9][0-9] from cache\\)");
    }
    CliTest.Run again = CliTest.run("audit", "--jobs", "2", "--format", "json", "--cache", db.toString(), corpus());
    JsonNode summary = again.json().at("/summary");
    int artifacts = summary.get("artifacts").asInt();
    int fromCache = summary.get("fromCache").asInt();
    // every wheel but the signed ones and those waiting for others in the end-of-run pass
    assertThat(fromCache).isGreaterThan(artifacts * 3 / 4).isLessThan(artifacts);
    assertThat(first.json().get("artifacts")).isEqualTo(again.json().get("artifacts"));
  }

  /**
   * The cache's own words aside (the JSON field, the text line), and the clock (CycloneDX's timestamp and the serial
   * number made from the document with it): the same document.
   */
  private static String normalise(String out) {
    return out.replaceAll(",\\s*\"fromCache\"\\s*:\\s*\\d+", "").replaceAll(" \\(\\d+ from cache\\)", "")
        .replaceAll("\"timestamp\"\\s*:\\s*\"[^\"]*\"", "\"timestamp\":\"T\"")
        .replaceAll("\"serialNumber\"\\s*:\\s*\"[^\"]*\"", "\"serialNumber\":\"S\"");
  }

  @Test
  void aGrownFolderAuditsOnlyTheNewWheel() throws Exception {
    Path dir = folder(12);
    Path db = tmp.resolve("grown.db");
    Path extra = wheels().get(12);
    CliTest.Run first = CliTest.run("audit", "--format", "json", "--cache", db.toString(), dir.toString());
    assertThat(first.json().at("/summary/fromCache").asInt()).isZero();
    Files.createSymbolicLink(dir.resolve(extra.getFileName()), extra);
    CliTest.Run second = CliTest.run("audit", "--format", "json", "--cache", db.toString(), dir.toString());
    assertThat(second.json().at("/summary/artifacts").asInt()).isEqualTo(13);
    assertThat(second.json().at("/summary/fromCache").asInt()).isEqualTo(12);
    assertThat(query(db, "SELECT audited || '/' || from_cache FROM runs ORDER BY run_id")).containsExactly("12/0",
        "1/12");
  }

  @Test
  void changedBytesAreAuditedAgainNeverReplayed() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("changed"));
    Path wheel = wheels().get(0);
    Path copy = dir.resolve(wheel.getFileName());
    Files.copy(wheel, copy);
    Path db = tmp.resolve("changed.db");
    CliTest.Run first = CliTest.run("audit", "--format", "json", "--cache", db.toString(), dir.toString());
    assertThat(first.json().at("/artifacts/0/verdict").asText()).isEqualTo("pass");
    byte[] bytes = Files.readAllBytes(copy);
    bytes[bytes.length / 2] ^= 1; // same name, size and (after the touch) time: only the bytes tell
    java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(copy);
    Files.write(copy, bytes);
    Files.setLastModifiedTime(copy, time);
    CliTest.Run second = CliTest.run("audit", "--format", "json", "--cache", db.toString(), dir.toString());
    assertThat(second.json().at("/summary/fromCache").asInt()).isZero();
    assertThat(second.json().at("/artifacts/0/verdict").asText()).isEqualTo("fail");
    assertThat(second.json().at("/artifacts/0/sha256").asText())
        .isNotEqualTo(first.json().at("/artifacts/0/sha256").asText());
  }

  @Test
  void aWaiverAppliesToAReplayedReport() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("waived"));
    Path wheel = Corpus.corpus("wheels/auditwheel/testzlib-0.0.1-cp310-cp310-linux_x86_64.whl");
    Files.createSymbolicLink(dir.resolve(wheel.getFileName()), wheel);
    Path db = tmp.resolve("waived.db");
    CliTest.Run first = CliTest.run("audit", "--format", "json", "--cache", db.toString(), dir.toString());
    String code = first.json().at("/artifacts/0/findings/0/code").asText();
    Path waivers = Files.writeString(tmp.resolve("waivers.txt"), code + " * because a test says so\n");
    CliTest.Run waived = CliTest.run("audit", "--format", "json", "--cache", db.toString(), "--waivers",
        waivers.toString(), dir.toString());
    assertThat(waived.json().at("/summary/fromCache").asInt()).isEqualTo(1);
    assertThat(waived.json().at("/artifacts/0/findings/0/suppressed/kind").asText()).isEqualTo("waived");
    CliTest.Run plain = CliTest.run("audit", "--format", "json", "--waivers", waivers.toString(), dir.toString());
    assertThat(normalise(waived.out())).isEqualTo(normalise(plain.out()));
  }

  @Test
  void aForeignDamagedOrOtherVersionDatabaseIsAUsageError() throws Exception {
    String wheel = wheels().get(0).toString();
    Path text = Files.writeString(tmp.resolve("notes.db"), "not a database at all, just some words\n");
    CliTest.Run r = CliTest.run("audit", "--cache", text.toString(), wheel);
    assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("--cache " + text + ": ").contains("not an SQLite database")
        .doesNotContain("internal error");

    Path foreign = tmp.resolve("foreign.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreign); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (x)");
    }
    r = CliTest.run("audit", "--cache", foreign.toString(), wheel);
    assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("not a wheeltapper cache");

    Path other = tmp.resolve("other.db");
    assertThat(CliTest.run("audit", "--cache", other.toString(), wheel).code()).isIn(Main.EXIT_PASS, Main.EXIT_FAIL);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement s = c.createStatement()) {
      s.execute("PRAGMA user_version = 2");
    }
    r = CliTest.run("audit", "--cache", other.toString(), wheel);
    assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("schema version 2");

    Path damaged = tmp.resolve("damaged.db");
    CliTest.run("audit", "--cache", damaged.toString(), corpus());
    checkpoint(damaged);
    byte[] bytes = Files.readAllBytes(damaged);
    for (int i = 4096; i < bytes.length; i += 3) {
      bytes[i] = (byte) 0xA5; // every page after the first, trampled
    }
    Files.write(damaged, bytes);
    r = CliTest.run("audit", "--cache", damaged.toString(), wheel);
    assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).startsWith("wheeltapper: --cache " + damaged + ": ").doesNotContain("internal error");
  }

  @Test
  void aStoredReportThatDoesNotDecodeIsAuditedAgainAndReplaced() throws Exception {
    Path dir = folder(2);
    Path db = tmp.resolve("garbled.db");
    CliTest.Run first = CliTest.run("audit", "--format", "json", "--cache", db.toString(), dir.toString());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
      s.execute("UPDATE artifacts SET report = x'0102030405'");
    }
    CliTest.Run second = CliTest.run("audit", "--format", "json", "--cache", db.toString(), dir.toString());
    assertThat(second.json().at("/summary/fromCache").asInt()).isZero();
    assertThat(second.json().get("artifacts")).isEqualTo(first.json().get("artifacts"));
    CliTest.Run third = CliTest.run("audit", "--format", "json", "--cache", db.toString(), dir.toString());
    assertThat(third.json().at("/summary/fromCache").asInt()).isEqualTo(2);
  }

  /** SIGKILL after three wheels were committed; the next run replays those three and audits the rest. */
  @Test
  void aKilledRunKeepsWhatItFinished() throws Exception {
    Path dir = folder(8);
    Path db = tmp.resolve("killed.db");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-D" + CachedAudit.HALT_AFTER + "=3", "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "audit", "--jobs", "1", "--format", "json",
        "--cache", db.toString(), dir.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(tmp.resolve("killed.err").toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (count(db) < 3) {
        assertThat(p.isAlive()).as("the run waits at its third wheel: %s",
            Files.exists(tmp.resolve("killed.err")) ? Files.readString(tmp.resolve("killed.err")) : "").isTrue();
        assertThat(System.nanoTime()).as("three wheels committed in time").isLessThan(deadline);
        Thread.sleep(100);
      }
    } finally {
      p.destroyForcibly(); // SIGKILL: no shutdown hook, no commit, no close
      p.waitFor(1, TimeUnit.MINUTES);
    }
    assertThat(count(db)).isEqualTo(3);
    assertThat(query(db, "SELECT coalesce(finished, 'killed') FROM runs")).containsExactly("killed");
    CliTest.Run rerun = CliTest.run("audit", "--format", "json", "--cache", db.toString(), dir.toString());
    assertThat(rerun.json().at("/summary/artifacts").asInt()).isEqualTo(8);
    assertThat(rerun.json().at("/summary/fromCache").asInt()).isEqualTo(3);
    assertThat(query(db, "SELECT audited || '/' || from_cache FROM runs WHERE finished IS NOT NULL"))
        .containsExactly("5/3");
  }

  /** The first {@code n} corpus wheels without signatures, linked alone into a folder. */
  private Path folder(int n) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("wheels-" + n));
    for (Path w : wheels().subList(0, n)) {
      Files.createSymbolicLink(dir.resolve(w.getFileName()), w);
    }
    return dir;
  }

  private static List<Path> replayable;

  /** Corpus wheels that a cache replays: without a signature, not waiting for others in the end-of-run pass. */
  private static synchronized List<Path> wheels() throws Exception {
    if (replayable == null) {
      Checks checks = Checks.from(new CommonOptions(), java.util.Optional.of(new TrustOptions()), 1);
      List<Path> out = new java.util.ArrayList<>();
      for (Path w : CacheCodecCorpusTest.corpusWheels()) {
        Path alone = Files.createTempDirectory("alone").resolve(w.getFileName());
        Files.createSymbolicLink(alone, w);
        ArtifactReport r = checks.auditWheel(new Targets.Target(alone, alone.toString())).report();
        if (!r.sha256().isEmpty() && r.signatures().isEmpty() && checks.waitsFor(r).isEmpty()) {
          out.add(w);
        }
        Files.delete(alone);
        Files.delete(alone.getParent());
      }
      replayable = List.copyOf(out);
    }
    return replayable;
  }

  private static int count(Path db) {
    if (!Files.exists(db)) {
      return 0;
    }
    try {
      List<String> n = query(db, "SELECT count(*) FROM artifacts");
      return Integer.parseInt(n.get(0));
    } catch (SQLException e) {
      return 0; // not created yet
    }
  }

  static List<String> query(Path db, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
        ResultSet q = s.executeQuery(sql)) {
      List<String> out = new java.util.ArrayList<>();
      while (q.next()) {
        out.add(q.getString(1));
      }
      return out;
    }
  }

  private static void checkpoint(Path db) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
      s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      s.execute("PRAGMA journal_mode = DELETE");
    }
    assertThat(Files.exists(db.resolveSibling(db.getFileName() + "-wal"))).isFalse();
  }
}
