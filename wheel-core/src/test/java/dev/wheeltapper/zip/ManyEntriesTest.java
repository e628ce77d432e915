package dev.wheeltapper.zip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Severity;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A central directory of 1,000,000 records, all sharing one local header: an overlap bomb at scale. */
class ManyEntriesTest {

  private static void le(OutputStream o, long v, int bytes) throws IOException {
    for (int i = 0; i < bytes; i++) {
      o.write((int) (v >>> (8 * i)) & 0xFF);
    }
  }

  private static Path millionEntries(Path dir) throws IOException {
    Path file = dir.resolve("million.zip");
    int n = 1_000_000;
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      // One stored local entry "e" holding "x"; every central record names it differently.
      le(o, 0x04034b50, 4);
      le(o, 20, 2);
      le(o, 0, 2);
      le(o, 0, 2);
      le(o, 0, 4);
      le(o, 0x8cdc1683L, 4);
      le(o, 1, 4);
      le(o, 1, 4);
      le(o, 1, 2);
      le(o, 0, 2);
      o.write('e');
      o.write('x');
      long cdStart = 32;
      for (int i = 0; i < n; i++) {
        byte[] name = String.format("e%07d", i).getBytes(StandardCharsets.US_ASCII);
        le(o, 0x02014b50, 4);
        le(o, (3 << 8) | 20, 2);
        le(o, 20, 2);
        le(o, 0, 2);
        le(o, 0, 2);
        le(o, 0, 4);
        le(o, 0x8cdc1683L, 4);
        le(o, 1, 4);
        le(o, 1, 4);
        le(o, name.length, 2);
        le(o, 0, 2); // extra length
        le(o, 0, 2); // comment length
        le(o, 0, 2); // disk number start
        le(o, 0, 2); // internal attributes
        le(o, 0100644L << 16, 4);
        le(o, 0, 4);
        o.write(name);
      }
      long cdSize = (long) n * (46 + 8);
      long z64 = cdStart + cdSize;
      le(o, 0x06064b50, 4);
      le(o, 44, 8);
      le(o, 45, 2);
      le(o, 45, 2);
      le(o, 0, 4);
      le(o, 0, 4);
      le(o, n, 8);
      le(o, n, 8);
      le(o, cdSize, 8);
      le(o, cdStart, 8);
      le(o, 0x07064b50, 4);
      le(o, 0, 4);
      le(o, z64, 8);
      le(o, 1, 4);
      le(o, 0x06054b50, 4);
      le(o, 0, 4);
      le(o, 0xFFFF, 2);
      le(o, 0xFFFF, 2);
      le(o, cdSize, 4);
      le(o, cdStart, 4);
      le(o, 0, 2);
    }
    return file;
  }

  @TempDir static Path dir;
  private static Path file;

  @BeforeAll
  static void build() throws IOException {
    file = millionEntries(dir);
  }

  @Test
  void millionEntryCentralDirectoryStopsAtTheEntryLimit() throws IOException {
    ZipScan scan = new ZipScanner().scan(file);
    assertThat(scan.complete()).isFalse();
    assertThat(scan.entries()).hasSize(ZipLimits.defaults().maxEntries());
    int cap = ZipLimits.defaults().maxFindings();
    assertThat(scan.findings(Codes.ZIP_LIMIT_EXCEEDED)).extracting(Finding::severity)
        .containsExactly(Severity.ERROR, Severity.NOTE);
    assertThat(scan.findings(Codes.ZIP_HEADER_MISMATCH)).hasSize(cap);
    assertThat(scan.findings(Codes.ZIP_OVERLAPPING_ENTRIES)).hasSize(cap);
    Finding last = scan.findings().get(scan.findings().size() - 1);
    assertThat(last.severity()).isEqualTo(Severity.NOTE);
    assertThat(last.message()).startsWith((2 * (ZipLimits.defaults().maxEntries() - cap) - 1) + " further");
  }

  @Test
  void millionEntriesWithALowLimit() throws IOException {
    ZipScan scan = new ZipScanner(ZipLimits.defaults().withMaxEntries(1000)).scan(file);
    assertThat(scan.entries()).hasSize(1000);
    assertThat(scan.findings(Codes.ZIP_LIMIT_EXCEEDED)).hasSize(1);
    assertThat(scan.findings(Codes.ZIP_HEADER_MISMATCH)).hasSize(1000)
        .allSatisfy(f -> assertThat(f.message()).contains("names this entry \"e\""));
    assertThat(scan.findings(Codes.ZIP_OVERLAPPING_ENTRIES)).hasSize(999);
  }
}
