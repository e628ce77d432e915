package dev.wheeltapper.zip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Severity;
import dev.wheeltapper.testing.ZipBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZipScannerTest {

  private static byte[] clean() {
    return new ZipBuilder()
        .directory("pkg/")
        .entry("pkg/__init__.py", "print('hello')\n".repeat(20)).deflated()
        .entry("pkg/data.bin", new byte[] {1, 2, 3, 4}).stored()
        .build();
  }

  private static void assertOnly(ZipScan scan, String code, String path) {
    assertThat(scan.findings()).extracting(Finding::code, Finding::path).contains(tuple(code, path));
    assertThat(scan.findings()).filteredOn(Finding::isError).extracting(Finding::code).containsOnly(code);
  }

  @Test
  void cleanArchiveHasNoFindingsAndResolvedEntries() {
    ZipScan scan = Zips.scan(clean());
    assertThat(scan.findings()).isEmpty();
    assertThat(scan.complete()).isTrue();
    assertThat(scan.entries()).extracting(ScannedEntry::name)
        .containsExactly("pkg/", "pkg/__init__.py", "pkg/data.bin");
    ScannedEntry data = scan.entry("pkg/data.bin").orElseThrow();
    assertThat(data.method()).isEqualTo(ScannedEntry.STORED);
    assertThat(data.compressedSize()).isEqualTo(4);
    assertThat(data.uncompressedSize()).isEqualTo(4);
    assertThat(data.crc32()).isEqualTo(ZipBuilder.crc32(new byte[] {1, 2, 3, 4}));
    assertThat(data.hostSystem()).isEqualTo(ScannedEntry.HOST_UNIX);
    assertThat(data.unixMode()).isEqualTo(0100644);
    assertThat(data.readable()).isTrue();
    assertThat(data.dataOffset()).isEqualTo(data.localHeaderOffset() + 30 + "pkg/data.bin".length());
    assertThat(scan.entry("pkg/").orElseThrow().isDirectory()).isTrue();
    assertThat(scan.entry("pkg/__init__.py").orElseThrow().method()).isEqualTo(ScannedEntry.DEFLATED);
    assertThat(scan.entriesByName()).containsOnlyKeys("pkg/", "pkg/__init__.py", "pkg/data.bin");
    assertThat(scan.entry("missing")).isEmpty();
  }

  @Test
  void emptyArchiveIsClean() {
    ZipScan scan = Zips.scan(new ZipBuilder().build());
    assertThat(scan.findings()).isEmpty();
    assertThat(scan.entries()).isEmpty();
  }

  @Nested
  class NotAZip {
    @Test
    void emptyFile() {
      assertOnly(Zips.scan(new byte[0]), Codes.ZIP_NOT_A_ZIP, "");
    }

    @Test
    void textFile() {
      byte[] text = "this is not a zip archive, just some text that is long enough".getBytes(StandardCharsets.UTF_8);
      ZipScan scan = Zips.scan(text);
      assertOnly(scan, Codes.ZIP_NOT_A_ZIP, "");
      assertThat(scan.complete()).isFalse();
    }

    @Test
    void endRecordPointingNowhere() {
      byte[] zip = new ZipBuilder().entry("a", "x").endRecord(null, null, 5000L).build();
      assertThat(Zips.scan(zip).findings()).extracting(Finding::code).contains(Codes.ZIP_NOT_A_ZIP);
    }

    @Test
    void everyTruncationIsAFindingNeverAnException() {
      byte[] zip = clean();
      for (int len = 0; len < zip.length; len++) {
        ZipScan scan = Zips.scan(Arrays.copyOf(zip, len));
        assertThat(scan.hasErrors()).as("truncated to %d bytes", len).isTrue();
      }
    }

    @Test
    void everySingleByteCorruptionIsHandled() {
      byte[] zip = clean();
      for (int i = 0; i < zip.length; i++) {
        for (int v : new int[] {0x00, 0xFF, 0x80}) {
          byte[] copy = zip.clone();
          copy[i] = (byte) v;
          // Must never throw; the content pass must not either.
          Zips.verify(copy);
        }
      }
    }
  }

  /** Seeded random mutations of archives using every feature: the scan and the content pass never throw. */
  @Test
  void randomMutationsNeverThrow() {
    List<byte[]> seeds = List.of(
        clean(),
        new ZipBuilder().entry("a", "hello hello hello").zip64().zip64EndRecord().comment("c").build(),
        new ZipBuilder().entry("a", "hello").dataDescriptorZip64().entry("b", "x").dataDescriptor().build(),
        new ZipBuilder().entry("caf\u00e9", "x").extra(ZipBuilder.unicodePathExtra(new byte[] {1}, "y"))
            .entry("big", new byte[70_000]).build());
    java.util.Random random = new java.util.Random(20261125);
    for (int round = 0; round < 3000; round++) {
      byte[] zip = seeds.get(round % seeds.size()).clone();
      int edits = 1 + random.nextInt(4);
      for (int i = 0; i < edits; i++) {
        int at = random.nextInt(zip.length);
        switch (random.nextInt(3)) {
          case 0 -> zip[at] = (byte) random.nextInt(256);
          case 1 -> zip[at] = (byte) (random.nextBoolean() ? 0xFF : 0x00);
          default -> zip = Arrays.copyOf(zip, Math.max(0, zip.length - 1 - random.nextInt(8)));
        }
        if (zip.length == 0) {
          break;
        }
      }
      Zips.verify(zip);
    }
  }

  @Nested
  class EndRecords {
    @Test
    void secondEndRecordInTheComment() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("a", "x").secondEndRecordInComment().build());
      assertOnly(scan, Codes.ZIP_MULTIPLE_EOCD, "");
    }

    @Test
    void endRecordInsideStoredEntryDataIsNotAmbiguous() {
      byte[] inner = new ZipBuilder().entry("inner", "x").build();
      ZipScan scan = Zips.scan(new ZipBuilder().entry("inner.zip", inner).stored().build());
      assertThat(scan.findings()).isEmpty();
    }

    @Test
    void manySignaturesInsideDataOfManyEntries() {
      byte[] sigs = new byte[60_000];
      for (int i = 0; i + 4 <= sigs.length; i += 4) {
        sigs[i] = 'P';
        sigs[i + 1] = 'K';
        sigs[i + 2] = 5;
        sigs[i + 3] = 6;
      }
      // 20,000 records over one 60 kB body inflate to 1.2 GB: loosen the overall ratio to reach them all.
      ZipScan scan = Zips.scan(new ZipBuilder().entry("sigs.bin", sigs).stored().centralCopies(20_000).build(),
          ZipLimits.defaults().withTotalRatio(100_000, 0));
      assertThat(scan.findings(Codes.ZIP_MULTIPLE_EOCD)).isEmpty();
      assertThat(scan.findings(Codes.ZIP_OVERLAPPING_ENTRIES)).isNotEmpty();
      assertThat(scan.entries()).hasSize(20_000);
    }

    @Test
    void onlyLocalHeadersAndAnEmptyDirectory() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("hidden", "x").omitFromCentralDirectory().build());
      assertOnly(scan, Codes.ZIP_EXTRA_DATA, "");
      assertThat(scan.findings().get(0).message()).startsWith("39 bytes before the central directory");
    }

    @Test
    void commentIsAllowed() {
      assertThat(Zips.scan(new ZipBuilder().entry("a", "x").comment("hello").build()).findings()).isEmpty();
    }

    @Test
    void commentLengthShorterThanTheComment() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("a", "x").comment("hello").commentLength(2).build());
      assertOnly(scan, Codes.ZIP_EXTRA_DATA, "");
    }

    @Test
    void trailingBytes() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("a", "x").trailing(new byte[] {1, 2, 3}).build());
      assertOnly(scan, Codes.ZIP_EXTRA_DATA, "");
      assertThat(scan.findings().get(0).message()).contains("3 bytes follow");
    }

    @Test
    void entryCountDisagrees() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("a", "x").entry("b", "y").endRecord(3L, null, null).build());
      assertOnly(scan, Codes.ZIP_HEADER_MISMATCH, "");
    }

    @Test
    void diskEntryCountDisagrees() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("a", "x").endRecordDiskEntries(0).build());
      assertOnly(scan, Codes.ZIP_MALFORMED, "");
    }

    @Test
    void centralDirectorySizeDisagrees() {
      byte[] zip = new ZipBuilder().entry("a", "x").entry("b", "y").build();
      ZipScan honest = Zips.scan(zip);
      long cdSize = honest.archiveSize() - 22 - honest.entries().get(0).centralOffset();
      ZipScan scan = Zips.scan(new ZipBuilder().entry("a", "x").entry("b", "y")
          .endRecord(null, cdSize - 1, null).build());
      assertThat(scan.findings()).extracting(Finding::code).contains(Codes.ZIP_HEADER_MISMATCH);
      assertThat(scan.hasErrors()).isTrue();
    }

    @Test
    void centralDirectoryOffsetDisagreesWithThePosition() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("a", "x").entry("b", "y").endRecord(null, null, 7L).build());
      assertOnly(scan, Codes.ZIP_HEADER_MISMATCH, "");
    }

    @Test
    void bytesBetweenCentralDirectoryAndEndRecord() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("a", "x").beforeEndRecord(new byte[7]).build());
      assertThat(scan.findings()).extracting(Finding::code).contains(Codes.ZIP_EXTRA_DATA);
    }

    @Test
    void millionEntriesDeclaredButOneStoredAllocatesNothing() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("a", "x").zip64EndRecordValues(1_000_000L, null, null)
          .build());
      assertOnly(scan, Codes.ZIP_HEADER_MISMATCH, "");
      assertThat(scan.entries()).hasSize(1);
    }
  }

  @Nested
  class Zip64 {
    @Test
    void zip64EndRecordIsClean() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("a", "x").zip64EndRecord().build());
      assertThat(scan.findings()).isEmpty();
      assertThat(scan.zip64()).isTrue();
      assertThat(scan.entries()).hasSize(1);
    }

    @Test
    void zip64ExtraFieldsAreClean() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("a", "hello hello").zip64().zip64EndRecord().build());
      assertThat(scan.findings()).isEmpty();
      assertThat(scan.entries().get(0).uncompressedSize()).isEqualTo(11);
      assertThat(Zips.verify(new ZipBuilder().entry("a", "hello hello").zip64().build())).isEmpty();
    }

    @Test
    void endRecordDisagreesWithZip64EndRecord() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("a", "x").zip64EndRecord().endRecord(2L, null, null)
          .build());
      assertThat(scan.findings()).extracting(Finding::code, Finding::path)
          .contains(tuple(Codes.ZIP_HEADER_MISMATCH, ""));
      assertThat(scan.findings()).filteredOn(f -> f.message().contains("ZIP64 end record gives 1")).isNotEmpty();
    }

    @Test
    void zip64CentralDirectoryOffsetDisagreesWithThePosition() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("a", "x").entry("b", "y").zip64EndRecordValues(null, null, 5L)
          .build());
      assertOnly(scan, Codes.ZIP_HEADER_MISMATCH, "");
      assertThat(scan.findings().get(0).message()).contains("at offset 5 but it starts at offset");
      assertThat(scan.entries()).hasSize(2);
    }

    @Test
    void locatorPointsElsewhere() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("a", "x").zip64LocatorOffset(3).build());
      assertOnly(scan, Codes.ZIP_HEADER_MISMATCH, "");
    }

    @Test
    void extensibleData() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("a", "x").zip64ExtensibleData(new byte[20]).build());
      assertOnly(scan, Codes.ZIP_EXTRA_DATA, "");
      assertThat(scan.findings().get(0).message()).contains("extensible data");
    }

    @Test
    void placeholdersWithoutLocator() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("a", "x").endRecord(0xFFFFL, null, null).build());
      assertThat(scan.findings()).extracting(Finding::code).contains(Codes.ZIP_MALFORMED);
    }

    @Test
    void duplicateZip64Extra() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("a", "x").zip64().extra(ZipBuilder.zip64Extra(1, 1)).build());
      assertThat(scan.findings()).extracting(Finding::code, Finding::path).contains(tuple(Codes.ZIP_MALFORMED, "a"));
    }

    @Test
    void zip64ExtraTooShort() {
      byte[] zip = new ZipBuilder().entry("a", "x").stored().noAutoZip64()
          .centralSizes(ZipBuilder.ZIP64_MARK, ZipBuilder.ZIP64_MARK)
          .centralExtra(ZipBuilder.zip64Extra(1)).build();
      ZipScan scan = Zips.scan(zip);
      assertThat(scan.findings()).extracting(Finding::code, Finding::path).contains(tuple(Codes.ZIP_MALFORMED, "a"));
    }

    @Test
    void zip64ExtraWithOddLength() {
      byte[] zip = new ZipBuilder().entry("a", "x").stored()
          .centralExtra(ZipBuilder.extraField(0x0001, new byte[5])).build();
      assertOnly(Zips.scan(zip), Codes.ZIP_MALFORMED, "a");
    }

    @Test
    void zip64ExtraDisagreesWithTheHeader() {
      // The header says 1 byte; an extra a positional reader would take says 1,000 bytes.
      byte[] zip = new ZipBuilder().entry("a", "x").stored()
          .centralExtra(ZipBuilder.zip64Extra(1000, 1000)).build();
      assertOnly(Zips.scan(zip), Codes.ZIP_HEADER_MISMATCH, "a");
    }

    @Test
    void zip64ExtraAgreeingWithTheHeaderIsFine() {
      byte[] zip = new ZipBuilder().entry("a", "x").stored().centralExtra(ZipBuilder.zip64Extra(1, 1)).build();
      assertThat(Zips.scan(zip).findings()).isEmpty();
    }

    @Test
    void localZip64SizesDisagree() {
      byte[] zip = new ZipBuilder().entry("a", "xyz").stored().zip64().localSizes(3, 4).build();
      assertOnly(Zips.scan(zip), Codes.ZIP_HEADER_MISMATCH, "a");
    }

    @Test
    void placeholderSizeWithoutZip64Extra() {
      byte[] zip = new ZipBuilder().entry("a", "x").stored().noAutoZip64()
          .sizes(ZipBuilder.ZIP64_MARK, ZipBuilder.ZIP64_MARK).build();
      assertThat(Zips.scan(zip).findings()).extracting(Finding::code, Finding::path)
          .contains(tuple(Codes.ZIP_MALFORMED, "a"));
    }
  }

  @Nested
  class LocalVersusCentral {
    @Test
    void name() {
      assertOnly(Zips.scan(new ZipBuilder().entry("a.txt", "x").localName("b.txt").build()),
          Codes.ZIP_HEADER_MISMATCH, "a.txt");
    }

    @Test
    void crc() {
      assertOnly(Zips.scan(new ZipBuilder().entry("a.txt", "x").localCrc(7).build()),
          Codes.ZIP_HEADER_MISMATCH, "a.txt");
    }

    @Test
    void sizes() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("a.txt", "xyz").stored().localSizes(2, 2).build());
      assertThat(scan.findings()).extracting(Finding::code, Finding::path)
          .contains(tuple(Codes.ZIP_HEADER_MISMATCH, "a.txt"));
    }

    @Test
    void method() {
      assertOnly(Zips.scan(new ZipBuilder().entry("a.txt", "x").stored().localMethod(8).build()),
          Codes.ZIP_HEADER_MISMATCH, "a.txt");
    }

    @Test
    void flags() {
      assertOnly(Zips.scan(new ZipBuilder().entry("a.txt", "x").localFlags(0x800).build()),
          Codes.ZIP_HEADER_MISMATCH, "a.txt");
    }

    @Test
    void missingLocalHeader() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("a.txt", "xxxxxxxxxxxxxxxxxxxx").stored().centralOffset(8)
          .build());
      assertThat(scan.findings()).extracting(Finding::code, Finding::path)
          .contains(tuple(Codes.ZIP_HEADER_MISMATCH, "a.txt"));
      assertThat(scan.entries().get(0).readable()).isFalse();
    }
  }

  @Nested
  class DataDescriptors {
    @Test
    void consistentDescriptorIsOnlyAWarning() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("a.txt", "hello").dataDescriptor().build());
      assertThat(scan.findings()).extracting(Finding::code, Finding::severity, Finding::path)
          .containsExactly(tuple(Codes.ZIP_DATA_DESCRIPTOR, Severity.WARNING, "a.txt"));
      assertThat(scan.entries().get(0).hasDataDescriptor()).isTrue();
      assertThat(scan.entries().get(0).dataDescriptorLength()).isEqualTo(16);
    }

    @Test
    void descriptorWithoutSignatureAndZip64DescriptorAreWarnings() {
      for (byte[] zip : List.of(
          new ZipBuilder().entry("a.txt", "hello").dataDescriptorWithoutSignature().build(),
          new ZipBuilder().entry("a.txt", "hello").dataDescriptorZip64().build())) {
        ZipScan scan = Zips.scan(zip);
        assertThat(scan.findings()).extracting(Finding::code).containsExactly(Codes.ZIP_DATA_DESCRIPTOR);
        assertThat(Zips.errorCodes(Zips.verify(zip))).isEmpty();
      }
    }

    @Test
    void descriptorDisagreeingWithCentralDirectory() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("a.txt", "hello").dataDescriptorValues(1, 2, 3).build());
      assertOnly(scan, Codes.ZIP_HEADER_MISMATCH, "a.txt");
      assertThat(scan.findings(Codes.ZIP_DATA_DESCRIPTOR)).hasSize(1);
    }

    @Test
    void descriptorFlagOnlyInLocalHeader() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("a.txt", "hello").dataDescriptor().centralFlags(0).build());
      assertThat(scan.findings()).extracting(Finding::code).containsExactly(Codes.ZIP_DATA_DESCRIPTOR);
    }
  }

  @Nested
  class Layout {
    @Test
    void overlapBombManyCentralRecordsShareOneBody() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("bomb", new byte[10_000]).centralCopies(50).build());
      assertThat(scan.findings(Codes.ZIP_OVERLAPPING_ENTRIES)).hasSize(49)
          .allSatisfy(f -> assertThat(f.path()).isEqualTo("bomb"));
      assertThat(Zips.errorCodes(scan.findings()))
          .containsExactlyInAnyOrder(Codes.ZIP_OVERLAPPING_ENTRIES, Codes.ZIP_DUPLICATE_ENTRY);
    }

    @Test
    void twoNamesOneBody() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("a", "aaaa").stored().entry("b", "aaaa").stored()
          .centralOffset(0).centralName("b").build());
      assertThat(scan.findings()).extracting(Finding::code, Finding::path)
          .contains(tuple(Codes.ZIP_OVERLAPPING_ENTRIES, "b"));
    }

    @Test
    void localHeaderOutsideTheArchive() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("a", "x").centralOffset(1_000_000).build());
      assertThat(scan.findings()).extracting(Finding::code, Finding::path)
          .contains(tuple(Codes.ZIP_OVERLAPPING_ENTRIES, "a"));
    }

    @Test
    void dataRunsIntoTheCentralDirectory() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("a", "x").stored().sizes(500, 500).build());
      assertThat(scan.findings()).extracting(Finding::code, Finding::path)
          .contains(tuple(Codes.ZIP_OVERLAPPING_ENTRIES, "a"));
    }

    @Test
    void prefixCountedByTheOffsets() {
      ZipScan scan = Zips.scan(new ZipBuilder().prefix("#!/bin/sh\n".getBytes(StandardCharsets.UTF_8), true)
          .entry("a", "x").build());
      assertOnly(scan, Codes.ZIP_EXTRA_DATA, "a");
      assertThat(scan.findings().get(0).message()).contains("before the first entry");
    }

    @Test
    void prefixNotCountedByTheOffsets() {
      ZipScan scan = Zips.scan(new ZipBuilder().prefix(new byte[] {'X', 'X', 'X', 'X'}, false)
          .entry("a", "hello").build());
      assertOnly(scan, Codes.ZIP_EXTRA_DATA, "");
      assertThat(scan.findings().get(0).message()).startsWith("4 bytes precede");
      // The entries are still located, as CPython's zipfile does.
      assertThat(scan.entries().get(0).localHeaderOffset()).isEqualTo(4);
      assertThat(Zips.errorCodes(Zips.verify(new ZipBuilder().prefix(new byte[4], false).entry("a", "hello")
          .build()))).containsExactly(Codes.ZIP_EXTRA_DATA);
    }

    @Test
    void bytesBetweenEntries() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("a", "x").gapAfter(new byte[3]).entry("b", "y").build());
      assertOnly(scan, Codes.ZIP_EXTRA_DATA, "b");
    }

    @Test
    void bytesAfterTheLastEntry() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("a", "x").gapAfter(new byte[3]).build());
      assertOnly(scan, Codes.ZIP_EXTRA_DATA, "");
    }

    @Test
    void hiddenLocalEntry() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("a", "x").entry("hidden", "evil").omitFromCentralDirectory()
          .build());
      assertOnly(scan, Codes.ZIP_EXTRA_DATA, "");
      assertThat(scan.findings().get(0).message()).contains("local file header the central directory does not list");
    }
  }

  @Nested
  class Methods {
    @Test
    void encrypted() {
      assertOnly(Zips.scan(new ZipBuilder().entry("a", "x").encrypted().build()), Codes.ZIP_UNSUPPORTED_METHOD, "a");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 9, 12, 14, 93, 99})
    void unknownMethods(int method) {
      assertOnly(Zips.scan(new ZipBuilder().entry("a", "x").method(method).build()),
          Codes.ZIP_UNSUPPORTED_METHOD, "a");
    }
  }

  @Nested
  class SpecialFiles {
    @ParameterizedTest
    @ValueSource(ints = {0120777, 0020644, 0060644, 0010644, 0140644})
    void unixSpecialModes(int mode) {
      assertOnly(Zips.scan(new ZipBuilder().entry("link", "target").unixMode(mode).build()),
          Codes.ZIP_SPECIAL_FILE, "link");
    }

    @Test
    void modeIgnoredForMsDosHost() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("link", "target").versionMadeBy(20)
          .externalAttributes(0120777L << 16).build());
      assertThat(scan.findings()).isEmpty();
    }

    @Test
    void osxHostCountsAsUnix() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("link", "target").versionMadeBy((19 << 8) | 20)
          .externalAttributes(0120777L << 16).build());
      assertOnly(scan, Codes.ZIP_SPECIAL_FILE, "link");
    }

    @Test
    void directoryWithData() {
      assertOnly(Zips.scan(new ZipBuilder().entry("foo/", "payload").stored().build()), Codes.ZIP_SPECIAL_FILE,
          "foo/");
    }

    /** PySocks 1.7.1: Python's zipfile deflates a directory entry to the 2-byte empty stream; harmless. */
    @Test
    void directoryDeflatedToTheEmptyStreamIsClean() {
      byte[] zip = new ZipBuilder().directory("socks/").deflated().entry("socks/__init__.py", "x = 1\n").build();
      ZipScan scan = Zips.scan(zip);
      assertThat(scan.entries().get(0).compressedSize()).isEqualTo(2);
      assertThat(scan.findings()).isEmpty();
    }

    @Test
    void directoryDeclaringNoDataButStoringBytesIsAWarning() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("foo/", "hidden payload").stored().sizes(14, 0).build());
      assertThat(scan.findings()).extracting(Finding::code, Finding::severity, Finding::path)
          .contains(tuple(Codes.ZIP_SPECIAL_FILE, Severity.WARNING, "foo/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pkg/x/", "pkg/x/y.py", "pkg/x/deeper/z.py"})
    void aNameThatIsBothAFileAndADirectoryIsAnError(String other) {
      ZipBuilder b = new ZipBuilder().entry("pkg/x", "file");
      ZipScan scan = Zips.scan((other.endsWith("/") ? b.directory(other) : b.entry(other, "1")).build());
      assertThat(scan.findings()).extracting(Finding::code, Finding::severity, Finding::path)
          .contains(tuple(Codes.ZIP_DUPLICATE_ENTRY, Severity.ERROR, "pkg/x"))
          .extracting(t -> t.toList().get(0)).containsOnly(Codes.ZIP_DUPLICATE_ENTRY);
    }

    @Test
    void directoriesAndTheirFilesDoNotClash() {
      ZipScan scan = Zips.scan(new ZipBuilder().directory("pkg/").entry("pkg/x.py", "1").entry("pkg/sub/y.py", "2")
          .entry("pkg/sub/z.py", "3").build());
      assertThat(scan.findings()).isEmpty();
    }

    @Test
    void directoryNamedEntryWithRegularFileMode() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("foo/", new byte[0]).stored().unixMode(0100644).build());
      assertThat(scan.findings()).extracting(Finding::code, Finding::severity, Finding::path)
          .containsExactly(tuple(Codes.ZIP_SPECIAL_FILE, Severity.WARNING, "foo/"));
    }
  }

  @Nested
  class Names {
    @Test
    void exactDuplicate() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("a/b.py", "1").entry("a/b.py", "2").build());
      assertOnly(scan, Codes.ZIP_DUPLICATE_ENTRY, "a/b.py");
      assertThat(scan.findings(Codes.ZIP_DUPLICATE_ENTRY)).hasSize(1);
    }

    @Test
    void nfcTwins() {
      String composed = "caf\u00e9.py";
      String decomposed = "cafe\u0301.py";
      ZipScan scan = Zips.scan(new ZipBuilder().entry(composed, "1").entry(decomposed, "2").build());
      assertOnly(scan, Codes.ZIP_DUPLICATE_ENTRY, decomposed);
    }

    @Test
    void caseOnlyClashIsAWarning() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("pkg/README", "1").entry("pkg/readme", "2").build());
      assertThat(scan.findings()).extracting(Finding::code, Finding::severity, Finding::path)
          .containsExactly(tuple(Codes.ZIP_CASE_COLLISION, Severity.WARNING, "pkg/readme"));
    }

    @Test
    void doubleSlashTwin() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("a/b", "1").entry("a//b", "2").build());
      assertThat(scan.findings()).extracting(Finding::code, Finding::path)
          .contains(tuple(Codes.ZIP_DUPLICATE_ENTRY, "a//b"), tuple(Codes.ZIP_UNSAFE_PATH, "a//b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "../evil.py", "pkg/../../evil.py", "pkg\\evil.py", "C:/evil.py",
        "c:evil.py", "a\u0000b", "a\u0001b", "a\u001fb", "a\u007fb", "pkg/./x", "", "..", "a/..", "a:b"})
    void unsafePaths(String name) {
      assertOnly(Zips.scan(new ZipBuilder().entry(name, "x").build()), Codes.ZIP_UNSAFE_PATH, name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pkg/..x", "pkg/x..", "pkg-1.0.dist-info/RECORD", "caf\u00e9/\u00fc.py"})
    void safePaths(String name) {
      assertThat(Zips.scan(new ZipBuilder().entry(name, "x").build()).findings()).isEmpty();
    }

    @Test
    void invalidUtf8WithUtf8Flag() {
      byte[] raw = {'a', (byte) 0xC3, (byte) 0x28};
      ZipScan scan = Zips.scan(new ZipBuilder().entry(raw, new byte[] {1}).utf8Flag(true).build());
      assertThat(scan.findings()).extracting(Finding::code).containsExactly(Codes.ZIP_UNSAFE_PATH);
      assertThat(scan.entries().get(0).nameValidUtf8()).isFalse();
      assertThat(scan.findings().get(0).message()).contains("UTF-8 flag is set");
    }

    @Test
    void nonAsciiWithoutUtf8FlagIsAWarning() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("caf\u00e9.py", "x").utf8Flag(false).build());
      assertThat(scan.findings()).extracting(Finding::code, Finding::severity)
          .containsExactly(tuple(Codes.ZIP_UNSAFE_PATH, Severity.WARNING));
    }

    @Test
    void unicodePathExtraDisagreeing() {
      byte[] name = "original".getBytes(StandardCharsets.UTF_8);
      ZipScan scan = Zips.scan(new ZipBuilder().entry("original", "x")
          .extra(ZipBuilder.unicodePathExtra(name, "other")).build());
      assertOnly(scan, Codes.ZIP_HEADER_MISMATCH, "original");
    }

    @Test
    void unicodePathExtraAgreeing() {
      byte[] name = "caf\u00e9".getBytes(StandardCharsets.UTF_8);
      ZipScan scan = Zips.scan(new ZipBuilder().entry("caf\u00e9", "x")
          .extra(ZipBuilder.unicodePathExtra(name, "caf\u00e9")).build());
      assertThat(scan.findings()).isEmpty();
    }

    @Test
    void duplicateUnicodePathExtra() {
      byte[] name = "n".getBytes(StandardCharsets.UTF_8);
      byte[] x = ZipBuilder.unicodePathExtra(name, "n");
      ZipScan scan = Zips.scan(new ZipBuilder().entry("n", "x").centralExtra(x).centralExtra(x).build());
      assertOnly(scan, Codes.ZIP_MALFORMED, "n");
    }

    @Test
    void truncatedExtraField() {
      ZipScan scan = Zips.scan(new ZipBuilder().entry("n", "x").centralExtra(new byte[] {1, 2, 3}).build());
      assertOnly(scan, Codes.ZIP_MALFORMED, "n");
    }
  }

  @Nested
  class Limits {
    @Test
    void entryCount() {
      ZipBuilder b = new ZipBuilder();
      for (int i = 0; i < 11; i++) {
        b.entry("f" + i, "x");
      }
      ZipScan scan = Zips.scan(b.build(), ZipLimits.defaults().withMaxEntries(10));
      assertOnly(scan, Codes.ZIP_LIMIT_EXCEEDED, "");
      assertThat(scan.complete()).isFalse();
      assertThat(scan.entries()).hasSize(10);
    }

    @Test
    void tenGigabytesDeclaredInATinyFile() {
      byte[] zip = new ZipBuilder().entry("big.bin", "tiny").centralSizes(6, 10_000_000_000L)
          .localSizes(6, 10_000_000_000L).build();
      assertThat(zip.length).isLessThan(1024);
      ZipScan scan = Zips.scan(zip);
      assertThat(scan.findings()).extracting(Finding::code, Finding::path)
          .contains(tuple(Codes.ZIP_LIMIT_EXCEEDED, "big.bin"));
      assertThat(scan.complete()).isFalse();
    }

    @Test
    void totalDeclaredSize() {
      ZipBuilder b = new ZipBuilder();
      for (int i = 0; i < 3; i++) {
        b.entry("f" + i, new byte[1000]).stored();
      }
      ZipScan scan = Zips.scan(b.build(), ZipLimits.defaults().withMaxTotalUncompressed(2500));
      assertOnly(scan, Codes.ZIP_LIMIT_EXCEEDED, "f2");
      assertThat(scan.entries()).hasSize(2);
    }

    @Test
    void entryRatioDeclared() {
      byte[] zip = new ZipBuilder().entry("zeros", new byte[100_000]).build();
      ZipScan scan = Zips.scan(zip, ZipLimits.defaults().withEntryRatio(10, 0));
      assertOnly(scan, Codes.ZIP_LIMIT_EXCEEDED, "zeros");
    }

    @Test
    void overallRatioDeclared() {
      ZipBuilder b = new ZipBuilder();
      for (int i = 0; i < 5; i++) {
        b.entry("z" + i, new byte[50_000]);
      }
      ZipScan scan = Zips.scan(b.build(), ZipLimits.defaults().withTotalRatio(20, 0));
      assertThat(scan.findings()).extracting(Finding::code).containsExactly(Codes.ZIP_LIMIT_EXCEEDED);
      assertThat(scan.findings().get(0).message()).contains("overall compression ratio");
    }

    @Test
    void findingsAreCapped() {
      ZipBuilder b = new ZipBuilder();
      for (int i = 0; i < 30; i++) {
        b.entry("../x" + i, "x");
      }
      ZipScan scan = Zips.scan(b.build(), ZipLimits.defaults().withMaxFindings(5));
      assertThat(scan.findings()).hasSize(6);
      assertThat(scan.findings().get(5).severity()).isEqualTo(Severity.NOTE);
      assertThat(scan.findings().get(5).message()).startsWith("25 further");
    }
  }
}
