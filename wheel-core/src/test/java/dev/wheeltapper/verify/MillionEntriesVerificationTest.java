package dev.wheeltapper.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Severity;
import dev.wheeltapper.zip.ZipLimits;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wheel of 1,000,000 files end to end through {@link WheelVerifier}: the dist-info first, then a million empty
 * stored modules, each with its own local header (so, unlike the scanner's overlap bomb, every entry is real), ZIP64
 * end records. RECORD lists only the dist-info, so every module is also unlisted.
 */
class MillionEntriesVerificationTest {
  private static final int MODULES = 1_000_000;
  private static final String DIST = "many-1.0.dist-info/";

  @TempDir static Path dir;
  private static Path wheel;

  @BeforeAll
  static void build() throws Exception {
    wheel = dir.resolve("many-1.0-py3-none-any.whl");
    writeWheel(wheel);
  }

  @Test
  void theDefaultEntryLimitStopsTheVerifierWithAFinding() throws IOException {
    VerificationReport r = WheelVerifier.builder().parallelism(2).build().verify(wheel);
    assertThat(r.passed()).isFalse();
    int limit = ZipLimits.defaults().maxEntries();
    assertThat(r.findings()).filteredOn(f -> f.severity() == Severity.ERROR && f.code().equals(Codes.ZIP_LIMIT_EXCEEDED))
        .extracting(Finding::message)
        .containsExactly("The central directory holds more than " + limit + " entries, the configured limit; the rest"
            + " was not read.");
    // the first 100,000 entries are read and checked: the dist-info plus 99,997 modules, none of them in RECORD
    assertThat(r.entriesChecked()).isEqualTo(limit);
    assertCapped(r, limit - 3);
  }

  @Test
  void withTheLimitRaisedEveryEntryIsCheckedAndTheFindingsStayCapped() throws IOException {
    ZipLimits limits = ZipLimits.defaults().withMaxEntries(MODULES + 3);
    VerificationReport r = WheelVerifier.builder().limits(limits).parallelism(2).build().verify(wheel);
    assertThat(r.entriesChecked()).isEqualTo(MODULES + 3);
    assertThat(r.findings()).noneMatch(f -> f.severity() == Severity.ERROR && f.code().equals(Codes.ZIP_LIMIT_EXCEEDED));
    assertCapped(r, MODULES);
  }

  /** {@code unlisted} modules missing from RECORD: the first 1,000 are findings, the rest one closing note. */
  private static void assertCapped(VerificationReport r, int unlisted) {
    int cap = ZipLimits.defaults().maxFindings();
    assertThat(r.findings()).filteredOn(f -> f.code().equals(Codes.RECORD_UNLISTED_FILE)).hasSize(cap)
        .first().extracting(Finding::path).isEqualTo("many/m0000000.py");
    assertThat(r.findings()).last().isEqualTo(Finding.note(Codes.ZIP_LIMIT_EXCEEDED, "",
        (unlisted - cap) + " further findings were not kept (at most " + cap + " per code)."));
  }

  /** Entry point of the child JVM: verifies with the default limits and prints a summary. */
  public static void main(String[] args) throws Exception {
    VerificationReport r = WheelVerifier.builder().parallelism(2).build().verify(Path.of(args[0]));
    System.out.println("passed=" + r.passed() + " checked=" + r.entriesChecked() + " findings=" + r.findings().size());
  }

  @Test
  void aMillionEntryWheelStopsAtTheEntryLimitInA64MibHeap() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
        MillionEntriesVerificationTest.class.getName(), wheel.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    int limit = ZipLimits.defaults().maxEntries();
    // the limit finding, 1,000 unlisted files and the closing note
    assertThat(out).contains("passed=false checked=" + limit + " findings=" + (ZipLimits.defaults().maxFindings() + 2));
  }

  // ---- writing the wheel, sequentially, little-endian ----

  private static final class Out {
    final OutputStream o;
    long pos;

    Out(OutputStream o) {
      this.o = o;
    }

    void le(long v, int bytes) throws IOException {
      for (int i = 0; i < bytes; i++) {
        o.write((int) (v >>> (8 * i)) & 0xFF);
      }
      pos += bytes;
    }

    void bytes(byte[] b) throws IOException {
      o.write(b);
      pos += b.length;
    }
  }

  private static void writeWheel(Path file) throws Exception {
    byte[] metadata = "Metadata-Version: 2.1\nName: many\nVersion: 1.0\n".getBytes(StandardCharsets.UTF_8);
    byte[] wheelInfo = "Wheel-Version: 1.0\nGenerator: t\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
        .getBytes(StandardCharsets.UTF_8);
    String rows = row(DIST + "METADATA", metadata) + row(DIST + "WHEEL", wheelInfo) + DIST + "RECORD,,\n";
    byte[] record = rows.getBytes(StandardCharsets.UTF_8);
    long[] offsets = new long[MODULES + 3];
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      Out o = new Out(os);
      byte[][] firstNames = {utf8(DIST + "METADATA"), utf8(DIST + "WHEEL"), utf8(DIST + "RECORD")};
      byte[][] firstData = {metadata, wheelInfo, record};
      for (int i = 0; i < 3; i++) {
        offsets[i] = o.pos;
        local(o, firstNames[i], firstData[i]);
      }
      byte[] empty = new byte[0];
      for (int i = 0; i < MODULES; i++) {
        offsets[3 + i] = o.pos;
        local(o, name(i), empty);
      }
      long cdStart = o.pos;
      for (int i = 0; i < 3; i++) {
        centralRecord(o, firstNames[i], firstData[i], offsets[i]);
      }
      for (int i = 0; i < MODULES; i++) {
        centralRecord(o, name(i), empty, offsets[3 + i]);
      }
      long cdSize = o.pos - cdStart;
      long n = MODULES + 3L;
      long z64 = o.pos;
      o.le(0x06064b50, 4);
      o.le(44, 8);
      o.le(45, 2);
      o.le(45, 2);
      o.le(0, 4);
      o.le(0, 4);
      o.le(n, 8);
      o.le(n, 8);
      o.le(cdSize, 8);
      o.le(cdStart, 8);
      o.le(0x07064b50, 4);
      o.le(0, 4);
      o.le(z64, 8);
      o.le(1, 4);
      o.le(0x06054b50, 4);
      o.le(0, 4);
      o.le(0xFFFF, 2);
      o.le(0xFFFF, 2);
      o.le(Math.min(cdSize, 0xFFFFFFFFL), 4);
      o.le(Math.min(cdStart, 0xFFFFFFFFL), 4);
      o.le(0, 2);
    }
  }

  private static byte[] name(int i) {
    return utf8(String.format("many/m%07d.py", i));
  }

  /** The fields local and central headers share: version needed through extra length. */
  private static void commonFields(Out o, byte[] name, byte[] data) throws IOException {
    o.le(20, 2);
    o.le(0x800, 2); // UTF-8 names
    o.le(0, 2); // stored
    o.le(0, 4);
    o.le(crc(data), 4);
    o.le(data.length, 4);
    o.le(data.length, 4);
    o.le(name.length, 2);
    o.le(0, 2);
  }

  private static void local(Out o, byte[] name, byte[] data) throws IOException {
    o.le(0x04034b50, 4);
    commonFields(o, name, data);
    o.bytes(name);
    o.bytes(data);
  }

  private static void centralRecord(Out o, byte[] name, byte[] data, long offset) throws IOException {
    o.le(0x02014b50, 4);
    o.le((3 << 8) | 20, 2);
    commonFields(o, name, data);
    o.le(0, 2);
    o.le(0, 2);
    o.le(0, 2);
    o.le(0100644L << 16, 4);
    o.le(offset, 4);
    o.bytes(name);
  }

  private static long crc(byte[] data) {
    CRC32 c = new CRC32();
    c.update(data);
    return c.getValue();
  }

  private static String row(String path, byte[] data) throws Exception {
    byte[] d = MessageDigest.getInstance("SHA-256").digest(data);
    return path + ",sha256=" + Base64.getUrlEncoder().withoutPadding().encodeToString(d) + "," + data.length + "\n";
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
