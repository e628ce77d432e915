package dev.wheeltapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheeltapper.testsupport.GeneratedElf;
import dev.wheeltapper.testsupport.TestWheels;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: a binary whose dynamic symbol table is far larger than the heap (libtensorflow_cc.so: 1.7 million
 * symbols, 300 MB of names) is audited within it, not turned into {@code input.too-large}. The generated library has
 * {@value #SYMBOLS} exported symbols with {@value #NAME_LENGTH}-byte names: held as symbols and strings, as the reader
 * once held them, they need about 200 MB; the forked JVM has {@value #HEAP}. The report must equal an in-process
 * run's.
 */
class SymbolTableMemoryTest {
  private static final String HEAP = "-Xmx64m";
  private static final int SYMBOLS = 1_000_000;
  private static final int NAME_LENGTH = 48;

  @TempDir Path tmp;

  @Test
  void aLibraryWithAMillionSymbolsIsAuditedInASmallHeap() throws Exception {
    Path wheel = wheel();
    Path json = tmp.resolve("report.json");
    int code = ForkedRuns.run(tmp, List.of(HEAP, "-XX:+UseSerialGC"), 3, "audit", "--format", "json", "--output",
        json.toString(), wheel.toString());
    JsonNode forked = TestJson.MAPPER.readTree(json.toFile());

    JsonNode artifact = forked.get("artifacts").get(0);
    List<String> codes = new ArrayList<>();
    artifact.get("findings").forEach(f -> codes.add(f.get("code").asText()));
    assertThat(codes).doesNotContain("input.too-large", "input.unreadable");
    assertThat(artifact.get("binaries")).hasSize(1);
    CliTest.Run inProcess = CliTest.run("audit", "--format", "json", wheel.toString());
    assertThat(code).as("exit code").isEqualTo(inProcess.code());
    assertThat(forked.get("artifacts")).isEqualTo(inProcess.json().get("artifacts"));
  }

  /** A platform wheel holding the library. */
  private Path wheel() throws Exception {
    Path path = tmp.resolve("syms-1.0-cp311-cp311-manylinux_2_17_x86_64.whl");
    String distInfo = "syms-1.0.dist-info/";
    List<String> rows = new ArrayList<>();
    try (OutputStream os = Files.newOutputStream(path); ZipOutputStream zip = new ZipOutputStream(os)) {
      TestWheels.entry(zip, "syms/_native.cpython-311-x86_64-linux-gnu.so",
          GeneratedElf.sharedObject(true, SYMBOLS, 1, NAME_LENGTH, 0), rows);
      entry(zip, distInfo + "METADATA", "Metadata-Version: 2.1\nName: syms\nVersion: 1.0\n", rows);
      entry(zip, distInfo + "WHEEL", "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: false\n"
          + "Tag: cp311-cp311-manylinux_2_17_x86_64\n", rows);
      rows.add(distInfo + "RECORD,,");
      zip.putNextEntry(new ZipEntry(distInfo + "RECORD"));
      zip.write((String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return path;
  }

  private static void entry(ZipOutputStream zip, String path, String text, List<String> rows) throws Exception {
    TestWheels.entry(zip, path, text.getBytes(StandardCharsets.UTF_8), rows);
  }
}
