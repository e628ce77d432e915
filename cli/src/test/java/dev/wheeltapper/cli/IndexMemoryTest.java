package dev.wheeltapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheeltapper.testsupport.GeneratedElf;
import dev.wheeltapper.testsupport.TestWheels;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: {@code audit --index} over a generated PEP 503 index whose wheels hold far more bytes than the heap of the
 * forked JVM that audits them ({@value #HEAP}): each wheel carries an incompressible payload and an ELF binary that
 * inflates to {@value #ELF_MIB} MiB (more than the per-wheel capture budget such a heap allows, so it goes through a
 * temporary file). The report must list every wheel with the verdict, findings and binaries an in-process run with a
 * large heap gives. A wheel whose binary needs more heap than there is (an ELF with 1.5 million symbols) must become an
 * {@code input.too-large} error on that wheel, never the end of the run, and the run's exit code says it failed.
 */
class IndexMemoryTest {
  private static final String HEAP = "-Xmx48m";
  private static final int WHEELS = 12;
  private static final int PAYLOAD = 8 << 20;
  private static final int ELF_MIB = 24;
  private static final int HUGE_SYMBOLS = 1_500_000;

  @TempDir Path tmp;

  private final Map<String, List<String>> projects = new LinkedHashMap<>();

  @Test
  void anIndexFarLargerThanTheHeapIsReportedInFullAndAsWithAnyHeap() throws Exception {
    Random random = new Random(19);
    long onDisk = 0;
    for (int i = 0; i < WHEELS; i++) {
      onDisk += wheel(String.format("big%02d", i), random, 100, PAYLOAD, ELF_MIB << 20);
    }
    writePages();
    assertThat(onDisk).as("wheel bytes on disk").isGreaterThan(2L * (48L << 20));

    Path json = tmp.resolve("report.json");
    int code = fork(json, "2");
    JsonNode forked = TestJson.MAPPER.readTree(json.toFile());
    CliTest.Run inProcess = CliTest.run("audit", "--format", "json", "--jobs", "2", "--index",
        tmp.resolve("simple").toString());
    JsonNode reference = inProcess.json();
    assertThat(code).as("exit code").isEqualTo(inProcess.code());

    assertThat(forked.get("artifacts")).hasSize(WHEELS);
    assertThat(forked.at("/summary/artifacts").asInt()).isEqualTo(WHEELS);
    for (JsonNode a : forked.get("artifacts")) {
      assertThat(a.get("binaries")).as("%s's binaries", a.get("path").asText()).hasSize(1);
      assertThat(codes(a)).doesNotContain("input.too-large", "input.unreadable");
    }
    assertThat(forked.get("artifacts")).isEqualTo(reference.get("artifacts"));
  }

  @Test
  void aWheelThatNeedsMoreThanTheHeapIsAFindingAndTheRunGoesOn() throws Exception {
    Random random = new Random(18);
    wheel("huge", random, HUGE_SYMBOLS, 0, 0);
    wheel("small", random, 100, 1 << 20, 1 << 20);
    writePages();

    Path json = tmp.resolve("report.json");
    assertThat(fork(json, "1")).isEqualTo(Main.EXIT_FAIL);
    JsonNode doc = TestJson.MAPPER.readTree(json.toFile());
    assertThat(doc.get("artifacts")).hasSize(2);
    JsonNode huge = doc.get("artifacts").get(0);
    JsonNode small = doc.get("artifacts").get(1);
    assertThat(huge.get("path").asText()).endsWith("huge-1.0-cp311-cp311-manylinux_2_17_x86_64.whl");
    assertThat(codes(huge)).containsExactly("input.too-large");
    assertThat(huge.get("verdict").asText()).isNotEqualTo("PASS");
    assertThat(small.get("path").asText()).endsWith("small-1.0-cp311-cp311-manylinux_2_17_x86_64.whl");
    assertThat(codes(small)).doesNotContain("input.too-large");
  }

  private static List<String> codes(JsonNode artifact) {
    List<String> out = new ArrayList<>();
    artifact.get("findings").forEach(f -> out.add(f.get("code").asText()));
    return out;
  }

  /** Runs the command line over the index in a JVM with a small heap; standard error is read on failure. */
  private int fork(Path out, String jobs) throws Exception {
    return ForkedRuns.run(tmp, List.of(HEAP, "-XX:+UseSerialGC"), 2, "audit", "--jobs", jobs, "--format", "json",
        "--output", out.toString(), "--index", tmp.resolve("simple").toString());
  }

  /**
   * A platform wheel holding an incompressible payload and an ELF shared object with {@code symbols} symbols,
   * zero-padded to {@code elfSize} bytes (it deflates to little, so the bytes arrive inflated); returns its size.
   */
  private long wheel(String name, Random random, int symbols, int payloadSize, int elfSize) throws Exception {
    String file = name + "-1.0-cp311-cp311-manylinux_2_17_x86_64.whl";
    Path path = Files.createDirectories(tmp.resolve("files")).resolve(file);
    String distInfo = name + "-1.0.dist-info/";
    byte[] metadata = ("Metadata-Version: 2.1\nName: " + name + "\nVersion: 1.0\n").getBytes(StandardCharsets.UTF_8);
    byte[] wheel = ("Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: false\n"
        + "Tag: cp311-cp311-manylinux_2_17_x86_64\n").getBytes(StandardCharsets.UTF_8);
    byte[] payload = new byte[payloadSize];
    random.nextBytes(payload);
    byte[] elf = GeneratedElf.sharedObject(false, symbols, 2, 0, elfSize);
    String so = name + "/_native.cpython-311-x86_64-linux-gnu.so";
    List<String> rows = new ArrayList<>();
    try (OutputStream os = Files.newOutputStream(path); ZipOutputStream zip = new ZipOutputStream(os)) {
      TestWheels.entry(zip, so, elf, rows);
      if (payloadSize > 0) {
        TestWheels.entry(zip, name + "/payload.bin", payload, rows);
      }
      TestWheels.entry(zip, distInfo + "METADATA", metadata, rows);
      TestWheels.entry(zip, distInfo + "WHEEL", wheel, rows);
      rows.add(distInfo + "RECORD,,");
      zip.putNextEntry(new ZipEntry(distInfo + "RECORD"));
      zip.write((String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path)));
    projects.put(name, List.of(file, sha));
    return Files.size(path);
  }

  /** The PEP 503 pages: the root and one page per project, each link with its {@code #sha256=}. */
  private void writePages() throws IOException {
    StringBuilder root = new StringBuilder("<!DOCTYPE html><html><body>\n");
    for (Map.Entry<String, List<String>> p : projects.entrySet()) {
      root.append("<a href=\"").append(p.getKey()).append("/\">").append(p.getKey()).append("</a>\n");
      String file = p.getValue().get(0);
      Files.createDirectories(tmp.resolve("simple/" + p.getKey()));
      Files.writeString(tmp.resolve("simple/" + p.getKey() + "/index.html"), "<!DOCTYPE html><html><body>\n"
          + "<a href=\"../../files/" + file + "#sha256=" + p.getValue().get(1) + "\">" + file + "</a>\n"
          + "</body></html>\n");
    }
    Files.writeString(tmp.resolve("simple/index.html"), root.append("</body></html>\n"));
  }
}
