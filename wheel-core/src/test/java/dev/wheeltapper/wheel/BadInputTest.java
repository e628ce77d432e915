package dev.wheeltapper.wheel;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheeltapper.testsupport.Corpus;
import dev.wheeltapper.wheel.metadata.MetadataFormatException;
import dev.wheeltapper.wheel.record.RecordFormatException;
import dev.wheeltapper.wheel.record.RecordParseResult;
import dev.wheeltapper.wheel.record.RecordProblem;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input gives its typed exception with a clear message. */
class BadInputTest {

  private static final String NAME = "foo-1.0-py3-none-any.whl";
  private static final String METADATA = "foo-1.0.dist-info/METADATA";

  @TempDir Path tmp;

  // ---- not a ZIP ---------------------------------------------------------------------------------------------

  @Test
  void garbageBytesAreNotAZip() throws Exception {
    Path p = tmp.resolve(NAME);
    Files.write(p, "this is not a zip archive, just some text that goes on for a while.".getBytes(UTF_8));
    assertThatThrownBy(() -> Wheel.open(p))
        .isExactlyInstanceOf(NotAZipException.class)
        .hasMessage(NAME + " is not a readable ZIP archive: No end of central directory record was found: the file is"
            + " not a ZIP archive. [zip.not-a-zip]")
        .satisfies(e -> assertThat(codes(e)).containsExactly("zip.not-a-zip"));
  }

  /** The codes of a refusal's findings: the strict scan's, the same the verifier reports. */
  static List<String> codes(Throwable refusal) {
    return ((ArchiveRefusedException) refusal).findings().stream().map(f -> f.code()).toList();
  }

  @Test
  void emptyFileIsNotAZip() throws Exception {
    Path p = tmp.resolve(NAME);
    Files.write(p, new byte[0]);
    assertThatThrownBy(() -> Wheel.open(p))
        .isExactlyInstanceOf(NotAZipException.class)
        .hasMessage(NAME + " is not a readable ZIP archive: The file is 0 bytes long, too short to be a ZIP archive."
            + " [zip.not-a-zip]");
  }

  @Test
  void truncatedCentralDirectoryIsRefused() throws Exception {
    byte[] zip = TestZips.minimalWheel().build();
    int cd = TestZips.centralHeaders(zip)[0];
    // Keep the end record but cut half of the central directory away in front of it.
    int eocd = zip.length - 22;
    byte[] cut = new byte[cd + 10 + 22];
    System.arraycopy(zip, 0, cut, 0, cd + 10);
    System.arraycopy(zip, eocd, cut, cd + 10, 22);
    assertThatThrownBy(() -> TestZips.open(cut, NAME))
        .isExactlyInstanceOf(ArchiveRefusedException.class)
        .hasMessageStartingWith(NAME + " is refused by the strict ZIP reader: The central directory record at offset ")
        .satisfies(e -> assertThat(codes(e)).contains("zip.malformed"));
  }

  @Test
  void missingFileIsAnOrdinaryIoError() {
    assertThatThrownBy(() -> Wheel.open(tmp.resolve("absent.whl"))).isExactlyInstanceOf(NoSuchFileException.class);
  }

  @Test
  void invalidFileNameIsReportedByFilenameNotByOpen() throws Exception {
    try (Wheel w = TestZips.minimalWheel().open("foo.whl")) {
      assertThat(w.metadata().name()).contains("foo");
      assertThatThrownBy(w::filename)
          .isExactlyInstanceOf(InvalidWheelFilenameException.class)
          .hasMessage("invalid wheel filename 'foo.whl': expected 5 or 6 '-'-separated components, found 1");
    }
  }

  // ---- .dist-info ----------------------------------------------------------------------------------------------

  @Test
  void noDistInfo() throws Exception {
    try (Wheel w =
        TestZips.zip().text("foo/__init__.py", "").text("pkg/foo-1.0.dist-info/METADATA", "Name: foo\n").open(NAME)) {
      assertThat(w.distInfoCandidates()).isEmpty();
      assertThatThrownBy(w::distInfo)
          .isExactlyInstanceOf(DistInfoException.class)
          .hasMessage(NAME + " has no top-level .dist-info directory")
          .satisfies(e -> assertThat(((DistInfoException) e).problem()).isEqualTo(DistInfoException.Problem.MISSING));
      assertThatThrownBy(w::metadata).isExactlyInstanceOf(DistInfoException.class);
      assertThatThrownBy(w::record).isExactlyInstanceOf(DistInfoException.class);
      assertThatThrownBy(w::dataEntries).isExactlyInstanceOf(DistInfoException.class);
    }
  }

  @Test
  void aFileNamedLikeDistInfoIsNotADirectory() throws Exception {
    try (Wheel w = TestZips.zip().text("foo-1.0.dist-info", "").open(NAME)) {
      assertThatThrownBy(w::distInfo).isExactlyInstanceOf(DistInfoException.class)
          .hasMessage(NAME + " has no top-level .dist-info directory");
    }
  }

  @Test
  void twoDistInfoDirectories() throws Exception {
    try (Wheel w =
        TestZips.minimalWheel().text("bar-2.0.dist-info/METADATA", "Name: bar\n").open(NAME)) {
      assertThatThrownBy(w::distInfo)
          .isExactlyInstanceOf(DistInfoException.class)
          .hasMessage(NAME + " has 2 top-level .dist-info directories: foo-1.0.dist-info, bar-2.0.dist-info")
          .satisfies(
              e -> {
                DistInfoException d = (DistInfoException) e;
                assertThat(d.problem()).isEqualTo(DistInfoException.Problem.MULTIPLE);
                assertThat(d.candidates()).containsExactly("foo-1.0.dist-info", "bar-2.0.dist-info");
              });
    }
  }

  @Test
  void badlyNamedDistInfo() throws Exception {
    for (String dir : List.of("foo.dist-info", "foo-1.0-x.dist-info", "-1.0.dist-info", "foo-.dist-info")) {
      try (Wheel w = TestZips.zip().text(dir + "/METADATA", "Name: foo\n").open(NAME)) {
        assertThatThrownBy(w::distInfo)
            .isExactlyInstanceOf(DistInfoException.class)
            .hasMessage(NAME + ": .dist-info directory '" + dir + "' is not named NAME-VERSION.dist-info")
            .satisfies(
                e -> assertThat(((DistInfoException) e).problem()).isEqualTo(DistInfoException.Problem.INVALID_NAME));
      }
    }
  }

  // ---- metadata files ------------------------------------------------------------------------------------------

  @Test
  void undecodableMetadata() throws Exception {
    byte[] md = "Metadata-Version: 2.1\nName: f\u00f6o\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    try (Wheel w = TestZips.minimalWheel().bytes(METADATA, md).open(NAME)) {
      assertThatThrownBy(w::metadata)
          .isExactlyInstanceOf(MetadataFormatException.class)
          .hasMessage("METADATA line 2: not valid UTF-8 (byte offset 29)");
    }
  }

  @Test
  void undecodableWheelAndEntryPoints() throws Exception {
    try (Wheel w =
        TestZips.minimalWheel()
            .bytes("foo-1.0.dist-info/WHEEL", new byte[] {'W', ':', ' ', (byte) 0x80})
            .bytes("foo-1.0.dist-info/entry_points.txt", new byte[] {'[', 'x', ']', '\n', (byte) 0xfe})
            .open(NAME)) {
      assertThatThrownBy(w::wheelInfo)
          .isExactlyInstanceOf(MetadataFormatException.class)
          .hasMessage("WHEEL line 1: not valid UTF-8 (byte offset 3)");
      assertThatThrownBy(w::entryPoints)
          .isExactlyInstanceOf(MetadataFormatException.class)
          .hasMessage("entry_points.txt line 2: not valid UTF-8 (byte offset 4)");
    }
  }

  @Test
  void malformedEntryPoints() throws Exception {
    try (Wheel w = TestZips.minimalWheel().text("foo-1.0.dist-info/entry_points.txt", "x = y\n").open(NAME)) {
      assertThatThrownBy(w::entryPoints)
          .isExactlyInstanceOf(MetadataFormatException.class)
          .hasMessage("entry_points.txt line 1: entry point outside a [section]");
    }
  }

  @Test
  void missingMetadataWheelAndRecord() throws Exception {
    try (Wheel w = TestZips.zip().text("foo-1.0.dist-info/top_level.txt", "foo\n").open(NAME)) {
      assertThatThrownBy(w::metadata)
          .isExactlyInstanceOf(EntryNotFoundException.class)
          .hasMessage("the wheel has no entry 'foo-1.0.dist-info/METADATA'");
      assertThatThrownBy(w::wheelInfo)
          .isExactlyInstanceOf(EntryNotFoundException.class)
          .hasMessage("the wheel has no entry 'foo-1.0.dist-info/WHEEL'");
      assertThatThrownBy(w::record)
          .isExactlyInstanceOf(EntryNotFoundException.class)
          .hasMessage("the wheel has no entry 'foo-1.0.dist-info/RECORD'")
          .satisfies(e -> assertThat(((EntryNotFoundException) e).entryName()).isEqualTo("foo-1.0.dist-info/RECORD"));
      assertThat(w.entryPoints().groups()).isEmpty();
      assertThatThrownBy(() -> w.openEntry("nope")).isExactlyInstanceOf(EntryNotFoundException.class)
          .hasMessage("the wheel has no entry 'nope'");
    }
  }

  // ---- RECORD ------------------------------------------------------------------------------------------------

  @Test
  void malformedRecordLinesStrictAndLenient() throws Exception {
    String record =
        "foo/__init__.py,sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU,0\n"
            + "foo-1.0.dist-info/METADATA,sha256=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855,48\n"
            + "foo-1.0.dist-info/WHEEL,sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU\n"
            + "foo-1.0.dist-info/RECORD,,\n";
    try (Wheel w = TestZips.minimalWheel().text("foo-1.0.dist-info/RECORD", record).open(NAME)) {
      assertThatThrownBy(w::record)
          .isExactlyInstanceOf(RecordFormatException.class)
          .hasMessage(
              "RECORD line 2 (foo-1.0.dist-info/METADATA): hash value of sha256 decodes to 48 bytes, expected 32");
      // lenient keeps the hexadecimal digest of line 2 as a row (it still pins the content; the verifier warns)
      RecordParseResult lenient = w.recordLenient();
      assertThat(lenient.record().entries()).hasSize(3);
      assertThat(lenient.problems())
          .containsExactly(new RecordProblem(3, Optional.of("foo-1.0.dist-info/WHEEL"), "expected 3 fields, found 2"));
    }
  }

  // ---- sizes and limits --------------------------------------------------------------------------------------

  @Test
  void metadataLargerThanItsLimitByDeclaredSize() throws Exception {
    String big = "Name: foo\nSummary: " + "x".repeat(2000) + "\n";
    try (Wheel w =
        TestZips.minimalWheel().text(METADATA, big).open(NAME, ReadLimits.defaults().withMaxMetadataBytes(1000))) {
      assertThatThrownBy(w::metadata)
          .isExactlyInstanceOf(EntryTooLargeException.class)
          .hasMessage("entry '" + METADATA + "' declares 2020 bytes, more than the limit of 1000 bytes")
          .satisfies(
              e -> {
                assertThat(((EntryTooLargeException) e).limit()).isEqualTo(1000);
                assertThat(((EntryTooLargeException) e).entryName()).isEqualTo(METADATA);
              });
    }
  }

  @Test
  void recordLimitIsSeparate() throws Exception {
    try (Wheel w = TestZips.minimalWheel().open(NAME, ReadLimits.defaults().withMaxRecordBytes(10))) {
      assertThat(w.metadata().name()).contains("foo");
      assertThatThrownBy(w::record)
          .isExactlyInstanceOf(EntryTooLargeException.class)
          .hasMessage("entry 'foo-1.0.dist-info/RECORD' declares 96 bytes, more than the limit of 10 bytes");
    }
  }

  @Test
  void entryThatLiesAboutItsSizeIsRefusedAtOpen() throws Exception {
    byte[] zip = TestZips.minimalWheel().text(METADATA, "Name: foo\nSummary: " + "y".repeat(5000) + "\n").build();
    TestZips.put32(zip, TestZips.centralHeader(zip, METADATA) + 24, 10); // declared uncompressed size: 10 bytes
    // The central directory and the data descriptor disagree: the strict scan refuses, so no reader sees 10 bytes
    // where another sees 5,020.
    assertThatThrownBy(() -> Wheel.open(new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(zip), NAME,
        ReadLimits.defaults().withMaxMetadataBytes(1000)))
        .isExactlyInstanceOf(ArchiveRefusedException.class)
        .hasMessageContaining("[zip.header-mismatch " + METADATA + "]")
        .satisfies(e -> assertThat(((ArchiveRefusedException) e).findings()).filteredOn(f -> f.isError())
            .extracting(f -> f.code()).containsExactly("zip.header-mismatch"));
  }

  @Test
  void absurdDeclaredSizeIsRefusedWithoutAllocating() throws Exception {
    byte[] zip = TestZips.minimalWheel().build();
    TestZips.put32(zip, TestZips.centralHeader(zip, METADATA) + 24, 0xFFFFFFF0L);
    assertThatThrownBy(() -> TestZips.open(zip, NAME))
        .isExactlyInstanceOf(ArchiveRefusedException.class)
        .hasMessage(NAME + " is refused by the strict ZIP reader: The entry declares 4294967280 bytes from 40"
            + " compressed bytes, beyond the compression ratio limit of 200. [zip.limit-exceeded " + METADATA + "]")
        .satisfies(e -> assertThat(((ArchiveRefusedException) e).findings())
            .anyMatch(f -> f.code().equals("zip.limit-exceeded") && f.path().equals(METADATA) && f.isError()));
  }

  @Test
  void readEntryArgumentsAreChecked() throws Exception {
    try (Wheel w = TestZips.minimalWheel().open(NAME)) {
      assertThatThrownBy(() -> w.readEntry(METADATA, -1)).isInstanceOf(IllegalArgumentException.class);
      assertThat(w.readEntry(METADATA, 45)).hasSize(45);
      assertThatThrownBy(() -> w.readEntry(METADATA, 44))
          .isExactlyInstanceOf(EntryTooLargeException.class)
          .hasMessage("entry '" + METADATA + "' declares 45 bytes, more than the limit of 44 bytes");
    }
    assertThatThrownBy(() -> ReadLimits.defaults().withMaxRecordBytes(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReadLimits.defaults().withMaxMetadataBytes(1L << 40))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a byte cap must be between 0 and 2147483639: 1099511627776");
    assertThat(ReadLimits.defaults()).isEqualTo(new ReadLimits(16 << 20, 1 << 20));
  }

  // ---- entry data ----------------------------------------------------------------------------------------------

  @Test
  void unsupportedCompressionMethodIsRefusedAtOpen() throws Exception {
    byte[] zip = TestZips.minimalWheel().build();
    TestZips.put16(zip, TestZips.centralHeader(zip, METADATA) + 10, 93); // zstd
    assertThatThrownBy(() -> TestZips.open(zip, NAME))
        .isExactlyInstanceOf(ArchiveRefusedException.class)
        .hasMessageStartingWith(NAME + " is refused by the strict ZIP reader: The entry uses compression method 93;"
            + " only stored (0) and deflate (8) are allowed. [zip.unsupported-method " + METADATA + "]")
        .satisfies(e -> assertThat(codes(e)).contains("zip.unsupported-method"));
  }

  @Test
  void encryptedEntryIsRefusedAtOpen() throws Exception {
    byte[] zip = TestZips.minimalWheel().build();
    int cd = TestZips.centralHeader(zip, METADATA);
    zip[cd + 8] |= 1;
    assertThatThrownBy(() -> TestZips.open(zip, NAME))
        .isExactlyInstanceOf(ArchiveRefusedException.class)
        .hasMessageStartingWith(NAME + " is refused by the strict ZIP reader: The entry is encrypted."
            + " [zip.unsupported-method " + METADATA + "]");
  }

  @Test
  void corruptDeflateData() throws Exception {
    byte[] zip = TestZips.minimalWheel().text(METADATA, "Name: foo\nSummary: " + "abc".repeat(300) + "\n").build();
    int lfh = TestZips.le32(zip, TestZips.centralHeader(zip, METADATA) + 42);
    int nameLen = (zip[lfh + 26] & 0xff) | (zip[lfh + 27] & 0xff) << 8;
    int data = lfh + 30 + nameLen + ((zip[lfh + 28] & 0xff) | (zip[lfh + 29] & 0xff) << 8);
    Arrays.fill(zip, data, data + 8, (byte) 0xff);
    try (Wheel w = TestZips.open(zip, NAME)) {
      // the dist-info reader (shared with the verifier) says what the verifier says
      assertThatThrownBy(w::metadata)
          .isExactlyInstanceOf(EntryReadException.class)
          .hasMessage("cannot read entry '" + METADATA + "': The entry's compressed data is corrupt and cannot be"
              + " inflated, so its CRC-32 cannot match.");
      assertThatThrownBy(() -> w.openEntry(METADATA).transferTo(OutputStream.nullOutputStream()))
          .isExactlyInstanceOf(EntryReadException.class)
          .hasMessage("cannot read entry '" + METADATA + "': invalid block type");
    }
  }

  @Test
  void dataThatContradictsItsCrcIsATypedErrorAtTheEndOfTheStream() throws Exception {
    byte[] zip = TestZips.minimalWheel().build();
    int cd = TestZips.centralHeader(zip, METADATA);
    int lfh = TestZips.le32(zip, cd + 42);
    long crc = TestZips.le32(zip, cd + 16) & 0xFFFFFFFFL;
    // the same wrong CRC-32 in the central directory and the data descriptor: the structure agrees, the data not
    TestZips.put32(zip, cd + 16, crc ^ 1);
    int descriptor = Arrays.stream(TestZips.dataDescriptors(zip)).filter(d -> d > lfh).min().orElseThrow();
    TestZips.put32(zip, descriptor + 4, crc ^ 1);
    try (Wheel w = TestZips.open(zip, NAME)) {
      String expected = "cannot read entry '" + METADATA + "': the entry's data has CRC-32 0x" + Long.toHexString(crc)
          + " but the archive records 0x" + Long.toHexString(crc ^ 1);
      assertThatThrownBy(() -> w.readEntry(METADATA, 1000))
          .isExactlyInstanceOf(EntryReadException.class).hasMessage(expected);
      assertThatThrownBy(() -> w.openEntry(METADATA).transferTo(OutputStream.nullOutputStream()))
          .isExactlyInstanceOf(EntryReadException.class).hasMessage(expected);
      assertThatThrownBy(w::metadata)
          .isExactlyInstanceOf(EntryReadException.class)
          .hasMessageStartingWith("cannot read entry '" + METADATA + "': The entry's data has CRC-32 0x");
    }
  }

  @Test
  void aBrokenLocalHeaderIsRefusedAtOpen() throws Exception {
    byte[] zip = TestZips.minimalWheel().build();
    int lfh = TestZips.le32(zip, TestZips.centralHeader(zip, METADATA) + 42);
    Arrays.fill(zip, lfh, lfh + 4, (byte) 'X'); // destroy the local header signature
    // Commons Compress read the data from the broken header's length fields; the strict layer refuses the archive,
    // as verify and audit do.
    assertThatThrownBy(() -> TestZips.open(zip, NAME))
        .isExactlyInstanceOf(ArchiveRefusedException.class)
        .hasMessageStartingWith(NAME + " is refused by the strict ZIP reader: There is no local file header at offset "
            + lfh + " where the central directory places this entry. [zip.header-mismatch " + METADATA + "]");
  }

  @Test
  void localHeaderOffsetOutsideTheArchive() throws Exception {
    byte[] zip = TestZips.minimalWheel().build();
    TestZips.put32(zip, TestZips.centralHeader(zip, METADATA) + 42, 0x7FFFFFF0L);
    assertThatThrownBy(() -> TestZips.open(zip, NAME))
        .isExactlyInstanceOf(ArchiveRefusedException.class)
        .hasMessageStartingWith(NAME + " is refused by the strict ZIP reader: The entry's local header offset"
            + " 2147483632 points outside the entry area of the archive. [zip.overlapping-entries " + METADATA + "]");
  }

  @Test
  void readingAfterCloseIsATypedError() throws Exception {
    Wheel w = TestZips.minimalWheel().open(NAME);
    InputStream in = w.openEntry(METADATA);
    w.close();
    assertThatThrownBy(() -> in.transferTo(OutputStream.nullOutputStream()))
        .isExactlyInstanceOf(EntryReadException.class)
        .hasMessage("cannot read entry '" + METADATA + "': the archive is closed");
    assertThatThrownBy(() -> w.readEntry(METADATA, 100))
        .isExactlyInstanceOf(EntryReadException.class)
        .hasMessage("cannot read entry '" + METADATA + "': the archive is closed");
  }

  // ---- layout --------------------------------------------------------------------------------------------------

  @Test
  void sbomsLicensesAndUnknownDataSchemes() throws Exception {
    try (Wheel w =
        TestZips.minimalWheel()
            .text("foo-1.0.dist-info/sboms/auditwheel.cdx.json", "{}")
            .text("foo-1.0.dist-info/sboms/sub/x.spdx.json", "{}")
            .text("foo-1.0.dist-info/licenses/", "")
            .text("foo-1.0.dist-info/licenses/COPYING", "text")
            .text("foo-1.0.data/scripts/run", "#!/bin/sh\n")
            .text("foo-1.0.data/headers/foo.h", "")
            .text("foo-1.0.data/lib/odd.so", "")
            .text("foo-1.0.data/README", "")
            .text("foo-2.0.data/purelib/other.py", "")
            .open(NAME)) {
      assertThat(w.sboms()).extracting(DistInfoFile::path).containsExactly("auditwheel.cdx.json", "sub/x.spdx.json");
      assertThat(w.licenseFiles()).extracting(DistInfoFile::path).containsExactly("COPYING");
      List<DataEntry> data = w.dataEntries();
      assertThat(data).extracting(DataEntry::schemeKey).containsExactly("scripts", "headers", "lib", "");
      assertThat(data)
          .extracting(DataEntry::scheme)
          .containsExactly(
              Optional.of(DataScheme.SCRIPTS), Optional.of(DataScheme.HEADERS), Optional.empty(), Optional.empty());
      assertThat(data.get(3).path()).isEqualTo("README");
      assertThat(w.entry("foo-1.0.dist-info/licenses/").orElseThrow().directory()).isTrue();
    }
  }

  @Test
  void duplicateEntryNamesAreRefused() throws Exception {
    // java.util.zip refuses duplicates, so rename a second entry in place to the first one's name.
    byte[] zip = TestZips.zip().text("a.txt", "first").text("b.txt", "second").build();
    for (int off : TestZips.localHeaders(zip)) {
      if (zip[off + 30] == 'b') {
        zip[off + 30] = 'a';
      }
    }
    zip[TestZips.centralHeader(zip, "b.txt") + 46] = 'a';
    // Readers differ on which of two same-named entries they extract: no reader here picks one.
    assertThatThrownBy(() -> TestZips.open(zip, NAME))
        .isExactlyInstanceOf(ArchiveRefusedException.class)
        .hasMessage(NAME + " is refused by the strict ZIP reader: Another entry has the same name."
            + " [zip.duplicate-entry a.txt]");
  }

  @Test
  void corpusWheelOpensThroughEveryEntry() throws Exception {
    // A sanity check that readEntry and openEntry agree on a real wheel.
    try (Wheel w = Wheel.open(Corpus.corpus("wheels/delocate/fakepkg2-1.0-py3-none-any.whl"))) {
      for (WheelEntry e : w.entries()) {
        byte[] bytes = w.readEntry(e.name(), 1 << 20);
        assertThat((long) bytes.length).isEqualTo(e.size());
      }
    }
  }
}
