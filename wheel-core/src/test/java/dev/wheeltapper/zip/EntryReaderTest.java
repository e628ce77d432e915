package dev.wheeltapper.zip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.testing.ZipBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntryReaderTest {

  private interface ReadCheck {
    void check(ScannedEntry entry, EntryReader reader) throws Exception;
  }

  private static void withEntry(byte[] zip, ZipLimits limits, String name, ReadCheck check) throws Exception {
    try (SeekableByteChannel ch = new SeekableInMemoryByteChannel(zip);
        EntryReader reader = new EntryReader(ch, limits)) {
      ZipScan scan = new ZipScanner(limits).scan(ch);
      check.check(scan.entry(name).orElseThrow(), reader);
    }
  }

  private static byte[] mixed(int size) {
    byte[] b = new byte[size];
    Random r = new Random(42);
    for (int i = 0; i < size; i++) {
      b[i] = (i / 4096) % 2 == 0 ? (byte) r.nextInt(256) : (byte) ('a' + i % 7);
    }
    return b;
  }

  @Test
  void deflatedAndStoredEntriesFeedTheSinksInOnePass() throws Exception {
    byte[] content = mixed(300_000);
    for (boolean deflate : new boolean[] {true, false}) {
      ZipBuilder b = new ZipBuilder().entry("pkg/big.bin", content);
      byte[] zip = (deflate ? b.deflated() : b.stored()).build();
      withEntry(zip, ZipLimits.defaults(), "pkg/big.bin", (e, reader) -> {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        int[] calls = {0};
        EntryReadResult r = reader.read(e, sha::update, copy::write, (buf, off, len) -> calls[0]++);
        assertThat(r.findings()).isEmpty();
        assertThat(r.ok()).isTrue();
        assertThat(r.crcOk()).isTrue();
        assertThat(r.limitHit()).isFalse();
        assertThat(r.bytesProduced()).isEqualTo(content.length);
        assertThat(r.bytesConsumed()).isEqualTo(e.compressedSize());
        assertThat(r.actualCrc()).isEqualTo(ZipBuilder.crc32(content));
        assertThat(copy.toByteArray()).isEqualTo(content);
        assertThat(sha.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(content));
        // Whole buffers, not bytes: at most one call per 64 KiB plus inflater slack.
        assertThat(calls[0]).isLessThan(20);
        assertThat(reader.totalProduced()).isEqualTo(content.length);
      });
    }
  }

  @Test
  void emptyEntries() throws Exception {
    byte[] zip = new ZipBuilder().entry("empty", new byte[0]).entry("empty-stored", new byte[0]).stored().build();
    withEntry(zip, ZipLimits.defaults(), "empty", (e, reader) -> assertThat(reader.read(e).ok()).isTrue());
    withEntry(zip, ZipLimits.defaults(), "empty-stored", (e, reader) -> assertThat(reader.read(e).ok()).isTrue());
    byte[] noData = new ZipBuilder().entry("dir/", new byte[0]).deflated().rawData(new byte[0])
        .unixMode(040755).build();
    assertThat(Zips.verify(noData)).isEmpty();
    byte[] missing = new ZipBuilder().entry("f", "abc").deflated().rawData(new byte[0]).sizes(0, 3).build();
    assertThat(Zips.verify(missing)).extracting(Finding::code).containsExactly(Codes.ZIP_HEADER_MISMATCH);
  }

  @Test
  void crcMismatch() throws Exception {
    byte[] zip = new ZipBuilder().entry("a.py", "print(1)\n").crc(0x12345678L).build();
    assertThat(Zips.scan(zip).findings()).isEmpty();
    withEntry(zip, ZipLimits.defaults(), "a.py", (e, reader) -> {
      EntryReadResult r = reader.read(e);
      assertThat(r.crcOk()).isFalse();
      assertThat(r.ok()).isFalse();
      assertThat(r.findings()).extracting(Finding::code, Finding::path)
          .containsExactly(tuple(Codes.ZIP_CRC_MISMATCH, "a.py"));
    });
  }

  @Test
  void dataLongerThanDeclaredIsCutAtTheDeclaredSize() throws Exception {
    byte[] content = "0123456789".repeat(100).getBytes();
    for (boolean deflate : new boolean[] {true, false}) {
      ZipBuilder b = new ZipBuilder().entry("a", content);
      (deflate ? b.deflated() : b.stored()).crc(ZipBuilder.crc32(Arrays.copyOf(content, 9)));
      byte[] data = deflate ? ZipBuilder.deflate(content) : content;
      byte[] zip = b.sizes(data.length, 9).build();
      withEntry(zip, ZipLimits.defaults(), "a", (e, reader) -> {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        EntryReadResult r = reader.read(e, got::write);
        assertThat(got.size()).isEqualTo(9);
        assertThat(r.bytesProduced()).isEqualTo(9);
        assertThat(r.limitHit()).isTrue();
        assertThat(r.crcOk()).isFalse();
        assertThat(r.findings()).extracting(Finding::code).containsExactly(Codes.ZIP_HEADER_MISMATCH);
        assertThat(r.findings().get(0).message()).contains("more than its declared 9 bytes");
      });
    }
  }

  @Test
  void dataShorterThanDeclared() throws Exception {
    byte[] content = "hello".getBytes();
    byte[] data = ZipBuilder.deflate(content);
    byte[] zip = new ZipBuilder().entry("a", content).sizes(data.length, 50).build();
    withEntry(zip, ZipLimits.defaults(), "a", (e, reader) -> {
      EntryReadResult r = reader.read(e);
      assertThat(r.findings()).extracting(Finding::code).containsExactly(Codes.ZIP_HEADER_MISMATCH);
      assertThat(r.findings().get(0).message()).contains("inflates to 5 bytes but declares 50");
    });
  }

  @Test
  void corruptDeflateData() throws Exception {
    byte[] garbage = new byte[64];
    Arrays.fill(garbage, (byte) 0xFF);
    byte[] zip = new ZipBuilder().entry("a", "hello").rawData(garbage).sizes(64, 5).build();
    withEntry(zip, ZipLimits.defaults(), "a", (e, reader) -> {
      EntryReadResult r = reader.read(e);
      assertThat(r.findings()).extracting(Finding::code, Finding::path)
          .containsExactly(tuple(Codes.ZIP_CRC_MISMATCH, "a"));
      assertThat(r.findings().get(0).message()).contains("corrupt");
    });
  }

  @Test
  void compressedSizeTooSmallForTheDeflateStream() throws Exception {
    byte[] content = mixed(5_000);
    byte[] data = ZipBuilder.deflate(content);
    byte[] zip = new ZipBuilder().entry("a", content).rawData(Arrays.copyOf(data, data.length - 10))
        .sizes(data.length - 10, content.length).build();
    withEntry(zip, ZipLimits.defaults(), "a", (e, reader) -> {
      EntryReadResult r = reader.read(e);
      assertThat(r.findings()).extracting(Finding::code).containsExactly(Codes.ZIP_HEADER_MISMATCH);
      assertThat(r.findings().get(0).message()).contains("too small");
    });
  }

  @Test
  void compressedSizeLongerThanTheDeflateStream() throws Exception {
    byte[] data = ZipBuilder.deflate("hello".getBytes());
    byte[] padded = Arrays.copyOf(data, data.length + 3);
    byte[] zip = new ZipBuilder().entry("a", "hello").rawData(padded).sizes(padded.length, 5).build();
    withEntry(zip, ZipLimits.defaults(), "a", (e, reader) -> {
      EntryReadResult r = reader.read(e);
      assertThat(r.findings()).extracting(Finding::code).containsExactly(Codes.ZIP_HEADER_MISMATCH);
      assertThat(r.findings().get(0).message()).contains("ends 3 bytes before");
    });
  }

  @Test
  void callerCapForMetadataFiles() throws Exception {
    byte[] zip = new ZipBuilder().entry("METADATA", "x".repeat(1000)).build();
    withEntry(zip, ZipLimits.defaults(), "METADATA", (e, reader) -> {
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      EntryReadResult r = reader.read(e, 100, got::write);
      assertThat(got.size()).isEqualTo(100);
      assertThat(r.limitHit()).isTrue();
      assertThat(r.findings()).extracting(Finding::code, Finding::path)
          .containsExactly(tuple(Codes.ZIP_LIMIT_EXCEEDED, "METADATA"));
    });
  }

  @Test
  void ratioLimitStopsInflatingABomb() throws Exception {
    byte[] zip = new ZipBuilder().entry("bomb", new byte[5_000_000]).build();
    // 5 MB at 1000:1 is below the default ratio floor (64 MiB): real wheels ship such files (onnx)
    assertThat(Zips.scan(zip).findings()).isEmpty();
    // past the floor the scan refuses it (ratio 1000 > 200); the reader enforces its own limits too
    assertThat(Zips.scan(zip, ZipLimits.defaults().withEntryRatio(200, 1L << 20)).findings())
        .extracting(Finding::code).containsExactly(Codes.ZIP_LIMIT_EXCEEDED);
    ZipLimits limits = ZipLimits.defaults().withEntryRatio(10, 0);
    try (SeekableByteChannel ch = new SeekableInMemoryByteChannel(zip);
        EntryReader reader = new EntryReader(ch, limits)) {
      ScannedEntry e = new ZipScanner(ZipLimits.defaults().withEntryRatio(5000, 0)).scan(ch).entries().get(0);
      long[] got = {0};
      EntryReadResult r = reader.read(e, (b, o, l) -> got[0] += l);
      assertThat(r.limitHit()).isTrue();
      assertThat(got[0]).isEqualTo(10 * e.compressedSize());
      assertThat(r.findings()).extracting(Finding::code).containsExactly(Codes.ZIP_LIMIT_EXCEEDED);
      assertThat(r.findings().get(0).message()).contains("compression ratio");
    }
  }

  @Test
  void totalLimitCountsAcrossEntries() throws Exception {
    byte[] zip = new ZipBuilder().entry("a", new byte[600]).stored().entry("b", new byte[600]).stored().build();
    ZipLimits limits = ZipLimits.defaults().withMaxTotalUncompressed(1000);
    try (SeekableByteChannel ch = new SeekableInMemoryByteChannel(zip);
        EntryReader reader = new EntryReader(ch, limits)) {
      ZipScan scan = new ZipScanner().scan(ch);
      assertThat(reader.read(scan.entries().get(0)).ok()).isTrue();
      EntryReadResult second = reader.read(scan.entries().get(1));
      assertThat(second.bytesProduced()).isEqualTo(400);
      assertThat(second.findings()).extracting(Finding::code).containsExactly(Codes.ZIP_LIMIT_EXCEEDED);
    }
  }

  @Test
  void tenGigabytesDeclaredProducesOnlyTheRealBytes() throws Exception {
    byte[] zip = new ZipBuilder().entry("big.bin", "tiny").stored().centralSizes(4, 10_000_000_000L)
        .localSizes(4, 10_000_000_000L).build();
    assertThat(zip.length).isLessThan(1024);
    ZipLimits loose = ZipLimits.defaults().withMaxTotalUncompressed(Long.MAX_VALUE)
        .withEntryRatio(Long.MAX_VALUE / 4, 0).withTotalRatio(Long.MAX_VALUE / 4, 0);
    withEntry(zip, loose, "big.bin", (e, reader) -> {
      assertThat(e.uncompressedSize()).isEqualTo(10_000_000_000L);
      EntryReadResult r = reader.read(e);
      assertThat(r.bytesProduced()).isEqualTo(4);
      assertThat(r.findings()).extracting(Finding::code).containsExactly(Codes.ZIP_HEADER_MISMATCH);
    });
  }

  @Test
  void unreadableAndUnsupportedEntriesAreFindings() throws Exception {
    byte[] zip = new ZipBuilder().entry("gone", "x").centralOffset(3).entry("enc", "x").encrypted()
        .entry("bz", "x").method(12).build();
    withEntry(zip, ZipLimits.defaults(), "gone", (e, reader) ->
        assertThat(reader.read(e).findings()).extracting(Finding::code).containsExactly(Codes.ZIP_HEADER_MISMATCH));
    withEntry(zip, ZipLimits.defaults(), "enc", (e, reader) -> assertThat(reader.read(e).findings())
        .extracting(Finding::code).containsExactly(Codes.ZIP_UNSUPPORTED_METHOD));
    withEntry(zip, ZipLimits.defaults(), "bz", (e, reader) -> assertThat(reader.read(e).findings())
        .extracting(Finding::code).containsExactly(Codes.ZIP_UNSUPPORTED_METHOD));
  }

  @Test
  void entryCutOffByTheEndOfTheFile() throws Exception {
    byte[] zip = new ZipBuilder().entry("a", mixed(2000)).stored().build();
    try (SeekableByteChannel ch = new SeekableInMemoryByteChannel(zip)) {
      ScannedEntry e = new ZipScanner().scan(ch).entries().get(0);
      byte[] cut = Arrays.copyOf(zip, (int) e.dataOffset() + 100);
      try (SeekableByteChannel c2 = new SeekableInMemoryByteChannel(cut); EntryReader reader = new EntryReader(c2)) {
        EntryReadResult r = reader.read(e);
        assertThat(r.bytesProduced()).isEqualTo(100);
        assertThat(r.findings()).extracting(Finding::code).containsExactly(Codes.ZIP_HEADER_MISMATCH);
        assertThat(r.findings().get(0).message()).contains("cut off");
      }
    }
  }

  @Test
  void archiveBeyondFourGibibytes(@TempDir Path dir) throws IOException {
    long hole = (1L << 32) + 12345;
    byte[] content = mixed(70_000);
    Path zip = new ZipBuilder()
        .entry("hole.bin", new byte[0]).sparseStoredData(hole, 0)
        .entry("after/data.bin", content)
        .write(dir.resolve("big.zip"));
    try (FileChannel ch = FileChannel.open(zip); EntryReader reader = new EntryReader(ch)) {
      assertThat(ch.size()).isGreaterThan(hole);
      ZipScan scan = new ZipScanner().scan(ch);
      assertThat(scan.findings()).isEmpty();
      assertThat(scan.zip64()).isTrue();
      ScannedEntry after = scan.entry("after/data.bin").orElseThrow();
      assertThat(after.localHeaderOffset()).isGreaterThan(1L << 32);
      assertThat(scan.entry("hole.bin").orElseThrow().uncompressedSize()).isEqualTo(hole);
      MessageDigest sha;
      try {
        sha = MessageDigest.getInstance("SHA-256");
      } catch (java.security.NoSuchAlgorithmException ex) {
        throw new AssertionError(ex);
      }
      EntryReadResult r = reader.read(after, sha::update);
      assertThat(r.ok()).isTrue();
      try {
        assertThat(sha.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(content));
      } catch (java.security.NoSuchAlgorithmException ex) {
        throw new AssertionError(ex);
      }
    }
  }
}
