package dev.wheeltapper.zip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Severity;
import dev.wheeltapper.testing.ZipBuilder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The strict scan against Commons Compress's view of the same bytes. */
class ParserDifferentialTest {

  private static byte[] clean() {
    return new ZipBuilder()
        .directory("pkg/")
        .entry("pkg/__init__.py", "print('hello')\n".repeat(20)).deflated()
        .entry("pkg/data.bin", new byte[] {1, 2, 3, 4}).stored()
        .build();
  }

  /** The strict scan alone, without the differential. */
  private static ZipScan strictOnly(byte[] zip) throws IOException {
    return ZipScanner.strict(new ScanContext(source(zip), ZipLimits.defaults()));
  }

  private static ChannelSource source(byte[] zip) throws IOException {
    return new ChannelSource(new SeekableInMemoryByteChannel(zip));
  }

  /** The differential run directly, whatever the strict scan found: one archive strictly, another by Commons. */
  private static List<Finding> compare(byte[] strictView, byte[] commonsView) throws IOException {
    return ParserDifferential.compare(strictOnly(strictView), source(commonsView), ZipLimits.defaults());
  }

  private static List<Finding> compare(byte[] zip) throws IOException {
    return compare(zip, zip);
  }

  private static Map<String, String> facts(String name, String field, String strict, String commons) {
    return Map.of("name", name, "field", field, "strict", strict, "commonsCompress", commons);
  }

  @Nested
  class Agreement {
    @Test
    void cleanArchivesAgree() throws IOException {
      List<byte[]> archives = List.of(
          clean(),
          new ZipBuilder().build(),
          new ZipBuilder().entry("a", "hello hello hello").zip64().zip64EndRecord().comment("c").build(),
          new ZipBuilder().entry("caf\u00e9/na\u00efve.py", "x").entry("big", new byte[70_000]).build());
      for (byte[] zip : archives) {
        assertThat(compare(zip)).isEmpty();
        ZipScan scan = Zips.scan(zip);
        assertThat(scan.findings()).isEmpty();
        assertThat(scan).isEqualTo(strictOnly(zip));
      }
    }

    @Test
    void archiveWithOnlyWarningsIsComparedAndAgrees() throws IOException {
      byte[] zip = new ZipBuilder().entry("a", "hello").dataDescriptorZip64().entry("b", "x").dataDescriptor()
          .entry("B", "y").build();
      ZipScan scan = Zips.scan(zip);
      assertThat(scan.hasErrors()).isFalse();
      assertThat(scan.findings()).extracting(Finding::code)
          .contains(Codes.ZIP_DATA_DESCRIPTOR, Codes.ZIP_CASE_COLLISION)
          .doesNotContain(Codes.ZIP_PARSER_CONFUSION);
      assertThat(compare(zip)).isEmpty();
    }

    /** Whatever a mutation does, an archive the strict scan accepts is one Commons Compress reads the same way. */
    @Test
    void everyMutationTheStrictScanAcceptsReadsTheSameInCommonsCompress() throws IOException {
      List<byte[]> seeds = List.of(clean(),
          new ZipBuilder().entry("a", "hello hello hello").zip64().zip64EndRecord().build(),
          new ZipBuilder().entry("a", "hello").dataDescriptor().entry("b/c.py", "x").build());
      Random random = new Random(20261206);
      int accepted = 0;
      for (int round = 0; round < 4000; round++) {
        byte[] zip = seeds.get(round % seeds.size()).clone();
        for (int i = 1 + random.nextInt(2); i > 0; i--) {
          // Mostly the directories and end records, which sit in the last few hundred bytes.
          int at = zip.length - 1 - random.nextInt(Math.min(zip.length, random.nextBoolean() ? 300 : zip.length));
          zip[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) (random.nextBoolean() ? 0xFF : 0);
        }
        ZipScan scan = strictOnly(zip);
        if (scan.complete() && !scan.hasErrors()) {
          accepted++;
          assertThat(compare(zip)).as("mutation round %d", round).isEmpty();
        }
      }
      assertThat(accepted).isGreaterThan(100);
    }
  }

  /**
   * Known differentials: each one is real (Commons Compress, run directly, sees other entries) and each is already
   * refused by the strict scan, so the scan reports it once, under the strict code, and not again as parser-confusion.
   */
  @Nested
  class KnownExploitsAreRefusedOnce {
    private void refusedOnce(byte[] zip, String strictCode) {
      ZipScan scan = Zips.scan(zip);
      assertThat(scan.findings()).filteredOn(Finding::isError).extracting(Finding::code).contains(strictCode);
      assertThat(scan.findings(Codes.ZIP_PARSER_CONFUSION)).isEmpty();
    }

    @Test
    void commentHoldingAFakeEndRecord() throws IOException {
      byte[] zip = new ZipBuilder().entry("a", "x").secondEndRecordInComment().build();
      assertThat(compare(zip)).extracting(Finding::facts)
          .containsExactly(facts("a", "presence", "present", "absent"));
      refusedOnce(zip, Codes.ZIP_MULTIPLE_EOCD);
    }

    @Test
    void zip64LocatorPointingElsewhere() throws IOException {
      byte[] zip = new ZipBuilder().entry("a", "x").zip64EndRecord().zip64LocatorOffset(0).build();
      assertThat(compare(zip)).singleElement().satisfies(f -> {
        assertThat(f.facts()).containsEntry("field", "readable").containsEntry("strict", "yes");
        assertThat(f.facts().get("commonsCompress")).startsWith("no: ");
      });
      refusedOnce(zip, Codes.ZIP_HEADER_MISMATCH);
    }

    @Test
    void unicodePathExtraFieldNamingAnotherFile() throws IOException {
      byte[] zip = new ZipBuilder().entry("a.py", "x")
          .extra(ZipBuilder.unicodePathExtra("a.py".getBytes(StandardCharsets.UTF_8), "b.py")).build();
      assertThat(compare(zip)).extracting(Finding::facts).containsExactly(
          facts("a.py", "presence", "present", "absent"), facts("b.py", "presence", "absent", "present"));
      refusedOnce(zip, Codes.ZIP_HEADER_MISMATCH);
    }

    @Test
    void nameThatIsNotUtf8() throws IOException {
      byte[] zip = new ZipBuilder().entry(new byte[] {'a', (byte) 0xC3, 'b'}, "x".getBytes(StandardCharsets.UTF_8))
          .build();
      assertThat(compare(zip)).extracting(f -> f.facts().get("field")).containsExactly("presence", "presence");
      refusedOnce(zip, Codes.ZIP_UNSAFE_PATH);
    }

    @Test
    void twoArchivesConcatenated() throws IOException {
      byte[] first = new ZipBuilder().entry("pkg/__init__.py", "good = True\n").build();
      byte[] zip = new ZipBuilder().prefix(first, false).entry("pkg/__init__.py", "evil = True\n").build();
      refusedOnce(zip, Codes.ZIP_MULTIPLE_EOCD);
    }

    @Test
    void localNameDifferingFromTheCentralName() throws IOException {
      // Commons Compress takes the central name, as the strict scan does: no differential, still refused.
      byte[] zip = new ZipBuilder().entry("a.py", "x").localName("b.py").build();
      assertThat(compare(zip)).isEmpty();
      refusedOnce(zip, Codes.ZIP_HEADER_MISMATCH);
    }
  }

  /** Each field compared, shown by giving Commons Compress an archive that differs from the strictly scanned one. */
  @Nested
  class EachDifference {
    @Test
    void entryMissingAndEntryAdded() throws IOException {
      byte[] strict = new ZipBuilder().entry("a.py", "x").entry("b.py", "y").build();
      byte[] commons = new ZipBuilder().entry("a.py", "x").entry("c.py", "y").build();
      List<Finding> found = compare(strict, commons);
      assertThat(found).extracting(Finding::code, Finding::severity)
          .containsOnly(org.assertj.core.groups.Tuple.tuple(Codes.ZIP_PARSER_CONFUSION, Severity.ERROR));
      assertThat(found).extracting(Finding::path).containsExactly("b.py", "c.py");
      assertThat(found).extracting(Finding::facts).containsExactly(
          facts("b.py", "presence", "present", "absent"), facts("c.py", "presence", "absent", "present"));
      assertThat(found.get(0).message()).contains("Commons Compress", "other content than pip");
    }

    @Test
    void nameSeenTwice() throws IOException {
      byte[] strict = new ZipBuilder().entry("a.py", "x").build();
      byte[] commons = new ZipBuilder().entry("a.py", "x").centralCopies(2).build();
      assertThat(compare(strict, commons)).extracting(Finding::facts)
          .containsExactly(facts("a.py", "presence", "present", "2 entries"));
    }

    @Test
    void order() throws IOException {
      byte[] strict = new ZipBuilder().entry("a.py", "x").entry("b.py", "y").build();
      byte[] commons = new ZipBuilder().entry("b.py", "y").entry("a.py", "x").build();
      assertThat(compare(strict, commons)).extracting(Finding::facts)
          .contains(facts("a.py", "order", "entry 0", "\"b.py\" at entry 0"));
    }

    @Test
    void crcMethodAndSizes() throws IOException {
      byte[] strict = new ZipBuilder().entry("a.py", "hello hello hello hello").deflated().build();
      byte[] commons = new ZipBuilder().entry("a.py", "hello hello hello hellx").stored().build();
      ScannedEntry s = strictOnly(strict).entry("a.py").orElseThrow();
      long crc = ZipBuilder.crc32("hello hello hello hellx".getBytes(StandardCharsets.UTF_8));
      assertThat(compare(strict, commons)).extracting(Finding::facts).containsExactly(
          facts("a.py", "method", "8", "0"),
          facts("a.py", "crc32", Long.toString(s.crc32()), Long.toString(crc)),
          facts("a.py", "compressedSize", Long.toString(s.compressedSize()), "23"));
    }

    @Test
    void uncompressedSize() throws IOException {
      byte[] strict = new ZipBuilder().entry("a.py", "x").centralSizes(1, 1).build();
      byte[] commons = new ZipBuilder().entry("a.py", "x").centralSizes(1, 2).build();
      assertThat(compare(strict, commons)).extracting(Finding::facts)
          .containsExactly(facts("a.py", "uncompressedSize", "1", "2"));
    }

    @Test
    void dataOffset() throws IOException {
      byte[] strict = new ZipBuilder().entry("a.py", "x").build();
      byte[] commons = new ZipBuilder().entry("a.py", "x").localExtra(ZipBuilder.extraField(0xCAFE, new byte[6]))
          .build();
      long offset = strictOnly(strict).entry("a.py").orElseThrow().dataOffset();
      assertThat(compare(strict, commons)).extracting(Finding::facts)
          .containsExactly(facts("a.py", "dataOffset", Long.toString(offset), Long.toString(offset + 10)));
    }

    @Test
    void commonsCompressFailingIsAFindingNotACrash() throws IOException {
      byte[] garbage = new byte[3000];
      new Random(3).nextBytes(garbage);
      assertThat(compare(clean(), garbage)).singleElement().satisfies(f -> {
        assertThat(f.code()).isEqualTo(Codes.ZIP_PARSER_CONFUSION);
        assertThat(f.isError()).isTrue();
        assertThat(f.path()).isEmpty();
        assertThat(f.facts()).containsEntry("field", "readable").containsEntry("strict", "yes");
        assertThat(f.facts().get("commonsCompress")).startsWith("no: ");
      });
    }

    @Test
    void findingsAreCappedPerArchive() throws IOException {
      ZipBuilder a = new ZipBuilder();
      ZipBuilder b = new ZipBuilder();
      for (int i = 0; i < 30; i++) {
        a.entry("a" + i, "x");
        b.entry("b" + i, "x");
      }
      ZipLimits limits = ZipLimits.defaults().withMaxFindings(5);
      List<Finding> found = ParserDifferential.compare(strictOnly(a.build()), source(b.build()), limits);
      assertThat(found).hasSize(6);
      assertThat(found.subList(0, 5)).extracting(Finding::code).containsOnly(Codes.ZIP_PARSER_CONFUSION);
      assertThat(found.get(5).code()).isEqualTo(Codes.ZIP_LIMIT_EXCEEDED);
      assertThat(found.get(5).message()).startsWith("55 further");
    }
  }

  @Nested
  class Channel {
    @Test
    void fileChannelStaysOpenAndItsPositionUnmoved(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("a.zip");
      Files.write(file, clean());
      try (FileChannel ch = FileChannel.open(file)) {
        ch.position(7);
        ZipScan scan = new ZipScanner().scan(ch);
        assertThat(scan.findings()).isEmpty();
        assertThat(ch.isOpen()).isTrue();
        assertThat(ch.position()).isEqualTo(7);
      }
    }

    @Test
    void aRealReadErrorPropagatesAsIoException() throws IOException {
      byte[] zip = clean();
      ZipScan scan = strictOnly(zip);
      // Reads of the end of the file succeed (the end records), the rest fails: an I/O error, not a refusal.
      SeekableByteChannel failing = new SeekableInMemoryByteChannel(zip) {
        @Override
        public int read(ByteBuffer dst) throws IOException {
          if (position() < zip.length - 200) {
            throw new IOException("disk on fire");
          }
          return super.read(dst);
        }
      };
      assertThatThrownBy(() -> ParserDifferential.compare(scan, new ChannelSource(failing), ZipLimits.defaults()))
          .isInstanceOf(IOException.class).hasMessage("disk on fire");
    }

    @Test
    void viewIsReadOnlyAndClosesAlone() throws IOException {
      SeekableByteChannel ch = new SeekableInMemoryByteChannel(clean());
      PositionalChannelView view = new PositionalChannelView(new ChannelSource(ch));
      ByteBuffer four = ByteBuffer.allocate(4);
      assertThat(view.read(four)).isEqualTo(4);
      assertThat(Arrays.copyOf(four.array(), 2)).containsExactly('P', 'K');
      assertThat(view.position()).isEqualTo(4);
      view.position(view.size());
      assertThat(view.read(ByteBuffer.allocate(1))).isEqualTo(-1);
      assertThatThrownBy(() -> view.write(ByteBuffer.allocate(1)))
          .isInstanceOf(java.nio.channels.NonWritableChannelException.class);
      view.close();
      assertThat(view.isOpen()).isFalse();
      assertThat(ch.isOpen()).isTrue();
      assertThatThrownBy(() -> view.read(ByteBuffer.allocate(1)))
          .isInstanceOf(java.nio.channels.ClosedChannelException.class);
    }
  }
}
