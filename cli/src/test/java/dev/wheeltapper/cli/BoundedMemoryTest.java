package dev.wheeltapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: the report is written as artifacts finish, so a run's memory does not grow with its size. A directory of
 * many small wheels, each with a thousand files its RECORD does not list (a thousand error findings, the most one code
 * keeps per wheel) and an incompressible payload, is audited by the command line in a forked JVM whose heap (40 MiB)
 * is smaller than the wheels on disk and than their reports held together (about 450 kB each, 54 MB): before the reports
 * were streamed, this run ended in an OutOfMemoryError. JSON and SARIF (which spools its results) must both complete
 * with every artifact.
 */
class BoundedMemoryTest {
  private static final int WHEELS = 120;
  private static final int UNLISTED = 1_000;
  private static final int PAYLOAD = 384 * 1024;
  private static final String HEAP = "-Xmx40m";

  @TempDir Path tmp;

  @Test
  void aDirectoryFarLargerThanTheHeapIsReportedInFull() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("index"));
    Random random = new Random(19);
    long total = 0;
    for (int i = 0; i < WHEELS; i++) {
      total += wheel(dir, String.format("bulk%03d", i), random);
    }
    assertThat(total).as("bytes on disk").isGreaterThan(40L << 20);

    Path json = tmp.resolve("report.json");
    assertThat(fork("json", json, dir)).isEqualTo(Main.EXIT_FAIL);
    try (JsonParser p = TestJson.MAPPER.createParser(json.toFile())) {
      int artifacts = 0;
      int findings = 0;
      int depth = 0;
      int summaryArtifacts = -1;
      String field = null;
      for (JsonToken t; (t = p.nextToken()) != null; ) {
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          depth++;
          if (t == JsonToken.START_OBJECT && depth == 3 && "artifacts".equals(field)) {
            artifacts++;
          }
        } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          depth--;
        } else if (t == JsonToken.FIELD_NAME) {
          if (depth == 1) {
            field = p.currentName();
          } else if ("code".equals(p.currentName()) && "artifacts".equals(field)) {
            findings++;
          } else if ("artifacts".equals(p.currentName()) && "summary".equals(field)) {
            p.nextToken();
            summaryArtifacts = p.getIntValue();
          }
        }
      }
      assertThat(artifacts).isEqualTo(WHEELS);
      assertThat(summaryArtifacts).isEqualTo(WHEELS);
      assertThat(findings).isGreaterThanOrEqualTo(WHEELS * UNLISTED);
    }

    Path sarif = tmp.resolve("report.sarif");
    assertThat(fork("sarif", sarif, dir)).isEqualTo(Main.EXIT_FAIL);
    try (JsonParser p = TestJson.MAPPER.createParser(sarif.toFile())) {
      int results = 0;
      for (JsonToken t; (t = p.nextToken()) != null; ) {
        if (t == JsonToken.FIELD_NAME && "ruleId".equals(p.currentName())) {
          results++;
        }
      }
      assertThat(results).isGreaterThanOrEqualTo(WHEELS * UNLISTED);
    }
  }

  /** Runs the command line in a JVM with a small heap; its standard error goes to a file, read on failure. */
  private int fork(String format, Path out, Path dir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path err = tmp.resolve("stderr-" + format + ".txt");
    Process p = new ProcessBuilder(java, HEAP, "-XX:+ExitOnOutOfMemoryError", "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "audit", "--jobs", "2", "--format", format,
        "--output", out.toString(), dir.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the run ends").isTrue();
    String stderr = Files.readString(err);
    assertThat(stderr).as("%s run's standard error", format).doesNotContain("OutOfMemoryError")
        .doesNotContain("internal error");
    return p.exitValue();
  }

  /** A wheel whose RECORD lists its metadata but not its thousand modules nor its payload; returns its size. */
  private static long wheel(Path dir, String name, Random random) throws IOException {
    Path file = dir.resolve(name + "-1.0-py3-none-any.whl");
    String distInfo = name + "-1.0.dist-info/";
    byte[] metadata = ("Metadata-Version: 2.1\nName: " + name + "\nVersion: 1.0\n").getBytes(StandardCharsets.UTF_8);
    byte[] wheel = "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
        .getBytes(StandardCharsets.UTF_8);
    byte[] payload = new byte[PAYLOAD];
    random.nextBytes(payload);
    try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
      for (int i = 0; i < UNLISTED; i++) {
        entry(zip, name + "/module_" + i + ".py", ("x = " + i + "\n").getBytes(StandardCharsets.UTF_8));
      }
      entry(zip, name + "/payload.bin", payload);
      entry(zip, distInfo + "METADATA", metadata);
      entry(zip, distInfo + "WHEEL", wheel);
      String record = String.join("\n", List.of(row(distInfo + "METADATA", metadata), row(distInfo + "WHEEL", wheel),
          distInfo + "RECORD,,")) + "\n";
      entry(zip, distInfo + "RECORD", record.getBytes(StandardCharsets.UTF_8));
    }
    return Files.size(file);
  }

  private static void entry(ZipOutputStream zip, String path, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(path));
    zip.write(content);
    zip.closeEntry();
  }

  private static String row(String path, byte[] content) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(content);
      return path + ",sha256=" + Base64.getUrlEncoder().withoutPadding().encodeToString(d) + "," + content.length;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
