package dev.wheeltapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path err = tmp.resolve("stderr.txt");
    Process p = new ProcessBuilder(java, HEAP, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "audit", "--format", "json", "--output", json.toString(), wheel.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
    assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("the run ends").isTrue();
    assertThat(Files.readString(err)).as("standard error").doesNotContain("internal error");
    JsonNode forked = TestJson.MAPPER.readTree(json.toFile());

    JsonNode artifact = forked.get("artifacts").get(0);
    List<String> codes = new ArrayList<>();
    artifact.get("findings").forEach(f -> codes.add(f.get("code").asText()));
    assertThat(codes).doesNotContain("input.too-large", "input.unreadable");
    assertThat(artifact.get("binaries")).hasSize(1);
    CliTest.Run inProcess = CliTest.run("audit", "--format", "json", wheel.toString());
    assertThat(p.exitValue()).as("exit code").isEqualTo(inProcess.code());
    assertThat(forked.get("artifacts")).isEqualTo(inProcess.json().get("artifacts"));
  }

  /** A platform wheel holding the library. */
  private Path wheel() throws Exception {
    Path path = tmp.resolve("syms-1.0-cp311-cp311-manylinux_2_17_x86_64.whl");
    String distInfo = "syms-1.0.dist-info/";
    List<String> rows = new ArrayList<>();
    try (OutputStream os = Files.newOutputStream(path); ZipOutputStream zip = new ZipOutputStream(os)) {
      entry(zip, "syms/_native.cpython-311-x86_64-linux-gnu.so", elf(), rows);
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
    entry(zip, path, text.getBytes(StandardCharsets.UTF_8), rows);
  }

  private static void entry(ZipOutputStream zip, String path, byte[] content, List<String> rows) throws Exception {
    zip.putNextEntry(new ZipEntry(path));
    zip.write(content);
    zip.closeEntry();
    byte[] d = MessageDigest.getInstance("SHA-256").digest(content);
    rows.add(path + ",sha256=" + Base64.getUrlEncoder().withoutPadding().encodeToString(d) + "," + content.length);
  }

  /**
   * A little-endian ELF64 x86-64 shared object with section headers only (null, .dynsym, .dynstr, .shstrtab):
   * {@value #SYMBOLS} global absolute data symbols, each with its own C++-looking name.
   */
  private static byte[] elf() {
    byte[] shstrtab = "\0.dynsym\0.dynstr\0.shstrtab\0".getBytes(StandardCharsets.US_ASCII);
    long symOff = 64;
    long symSize = 24L * (SYMBOLS + 1);
    long strOff = symOff + symSize;
    long strSize = 1 + (long) SYMBOLS * (NAME_LENGTH + 1);
    long shstrOff = strOff + strSize;
    long shOff = (shstrOff + shstrtab.length + 7) & ~7L;
    ByteBuffer b = ByteBuffer.allocate((int) (shOff + 4 * 64)).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}).putLong(0);
    b.putShort((short) 3).putShort((short) 62).putInt(1).putLong(0).putLong(0).putLong(shOff).putInt(0);
    b.putShort((short) 64).putShort((short) 56).putShort((short) 0).putShort((short) 64).putShort((short) 4)
        .putShort((short) 3);
    b.position((int) symOff + 24); // symbol 0 is the null symbol
    for (int i = 0; i < SYMBOLS; i++) {
      b.putInt(1 + i * (NAME_LENGTH + 1)).put((byte) 0x11).put((byte) 0).putShort((short) 0xfff1)
          .putLong(0x1000L + 16L * i).putLong(16);
    }
    b.position((int) strOff + 1);
    String pad = "x".repeat(NAME_LENGTH);
    for (int i = 0; i < SYMBOLS; i++) {
      String name = "_ZN9wheeltap" + i + pad;
      b.put(name.substring(0, NAME_LENGTH).getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
    }
    b.put(shstrtab);
    b.position((int) shOff + 64);
    section(b, 1, 11, symOff, symSize, 2, 1, 8, 24);
    section(b, 9, 3, strOff, strSize, 0, 0, 1, 0);
    section(b, 17, 3, shstrOff, shstrtab.length, 0, 0, 1, 0);
    return b.array();
  }

  private static void section(ByteBuffer b, int name, int type, long offset, long size, int link, int info,
      long align, long entsize) {
    b.putInt(name).putInt(type).putLong(0).putLong(0).putLong(offset).putLong(size).putInt(link).putInt(info)
        .putLong(align).putLong(entsize);
  }
}
