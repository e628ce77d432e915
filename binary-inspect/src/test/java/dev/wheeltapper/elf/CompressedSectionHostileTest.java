package dev.wheeltapper.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheeltapper.dwarf.DwarfBytes;
import dev.wheeltapper.elf.SectionsElf.Sec;
import dev.wheeltapper.testsupport.FuzzSeeds;
import io.airlift.compress.zstd.ZstdCompressor;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/**
 * Compressed sections that lie: sizes larger or smaller than the data, zip bombs, cut headers, unknown compressions,
 * corrupt zlib and zstd. Each gives a typed {@link ElfFormatException} from the accessor and a named unreadable
 * channel in {@link BuildEvidence}, with no allocation beyond the cap. Each file is offered to the fuzzers as a seed.
 */
class CompressedSectionHostileTest {
  private static final int SHT_PROGBITS = 1;
  private static final byte[] ABBREV = DwarfBytes.abbrev(0x08);
  private static final byte[] INFO = DwarfBytes.unit4(4, DwarfBytes.section().uleb(1).string("GNU C17 12.2.0 -O2")
      .u8(0x0c).u32(0).toBytes());

  private static byte[] zlib(byte[] data) {
    Deflater d = new Deflater();
    d.setInput(data);
    d.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    while (!d.finished()) {
      out.write(buf, 0, d.deflate(buf));
    }
    d.end();
    return out.toByteArray();
  }

  /** An Elf64_Chdr followed by the data. */
  private static byte[] chdr(long type, long size, byte[] data) {
    return ByteBuffer.allocate(24 + data.length).order(ByteOrder.LITTLE_ENDIAN).putInt((int) type).putInt(0)
        .putLong(size).putLong(1).put(data).array();
  }

  private static byte[] elf(byte[] compressedInfo) {
    byte[] bytes = SectionsElf.of(List.of(
        new Sec(".debug_info", SHT_PROGBITS, Section.SHF_COMPRESSED, compressedInfo),
        new Sec(".debug_abbrev", SHT_PROGBITS, 0, ABBREV),
        new Sec(".debug_str", SHT_PROGBITS, 0, new byte[] {0})));
    FuzzSeeds.offer(bytes, "ElfFuzzTest#reader", "ElfFuzzTest#inspect");
    return bytes;
  }

  /** The accessor's refusal, and the same refusal named in the evidence, never thrown from it. */
  private static void refused(byte[] file, String why) throws Exception {
    try (ElfFile elf = ElfFile.of(file)) {
      Section info = elf.section(".debug_info").orElseThrow();
      assertThatThrownBy(() -> elf.uncompressedContents(info)).isInstanceOf(ElfFormatException.class)
          .hasMessageContaining(why);
      BuildEvidence e = BuildEvidence.of(elf);
      assertThat(e.compilationUnits().units()).isEmpty();
      assertThat(e.compilationUnits().complete()).isFalse();
      assertThat(e.unreadable()).hasEntrySatisfying(BuildEvidence.DEBUG_INFO, r -> assertThat(r).contains(why));
    }
  }

  @Test
  void anHonestZlibSectionIsRead() throws Exception {
    try (ElfFile elf = ElfFile.of(elf(chdr(1, INFO.length, zlib(INFO))))) {
      assertThat(elf.compilationUnits().units()).singleElement()
          .satisfies(u -> assertThat(u.producer()).contains("GNU C17 12.2.0 -O2"));
      assertThat(BuildEvidence.of(elf).unreadable()).isEmpty();
    }
  }

  @Test
  void anHonestZstdSectionIsRead() throws Exception {
    ZstdCompressor z = new ZstdCompressor();
    byte[] out = new byte[z.maxCompressedLength(INFO.length)];
    int n = z.compress(INFO, 0, INFO.length, out, 0, out.length);
    try (ElfFile elf = ElfFile.of(elf(chdr(2, INFO.length, Arrays.copyOf(out, n))))) {
      assertThat(elf.compilationUnits().units()).singleElement()
          .satisfies(u -> assertThat(u.producer()).contains("GNU C17 12.2.0 -O2"));
    }
  }

  @Test
  void aHugeDeclaredSizeIsRefusedBeforeAnythingIsAllocated() throws Exception {
    refused(elf(chdr(1, 1L << 40, zlib(INFO))), "more than the cap");
    refused(elf(chdr(2, -1L, zlib(INFO))), "more than the cap"); // 2^64 - 1 unsigned
  }

  @Test
  void aZipBombStopsAtTheDeclaredSize() throws Exception {
    // 80 MiB of zeros deflate to about 80 KiB; declared as 1 000 bytes, inflation stops after them
    Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    byte[] zeros = new byte[1 << 20];
    byte[] buf = new byte[1 << 16];
    for (int i = 0; i < 80; i++) {
      d.setInput(zeros);
      while (!d.needsInput()) {
        bomb.write(buf, 0, d.deflate(buf));
      }
    }
    d.finish();
    while (!d.finished()) {
      bomb.write(buf, 0, d.deflate(buf));
    }
    d.end();
    refused(elf(chdr(1, 1000, bomb.toByteArray())), "inflates past the declared 1000 bytes");
    refused(elf(chdr(1, 80L << 20, bomb.toByteArray())), "more than the cap"); // honest, but over 64 MiB
  }

  @Test
  void theDebugSectionsShareOneDecompressionBudget() throws Exception {
    // two honest 40 MiB sections: together over the 64 MiB budget, so the second is refused
    byte[] forty = zlib(new byte[40 << 20]);
    byte[] file = SectionsElf.of(List.of(
        new Sec(".debug_info", SHT_PROGBITS, Section.SHF_COMPRESSED, chdr(1, 40 << 20, forty)),
        new Sec(".debug_abbrev", SHT_PROGBITS, Section.SHF_COMPRESSED, chdr(1, 40 << 20, forty))));
    try (ElfFile elf = ElfFile.of(file)) {
      assertThat(elf.uncompressedContents(elf.section(".debug_abbrev").orElseThrow()).remaining())
          .isEqualTo(40 << 20); // alone, each is within the cap
      assertThat(BuildEvidence.of(elf).unreadable()).hasEntrySatisfying(BuildEvidence.DEBUG_INFO,
          r -> assertThat(r).contains(".debug_abbrev").contains("more than the cap of " + (24 << 20)));
    }
  }

  @Test
  void sizesThatLieAreRefused() throws Exception {
    refused(elf(chdr(1, INFO.length + 10, zlib(INFO))), "the header declares " + (INFO.length + 10));
    refused(elf(chdr(1, INFO.length - 1, zlib(INFO))), "inflates past");
  }

  @Test
  void cutCorruptAndUnknownDataIsRefused() throws Exception {
    byte[] z = zlib(INFO);
    refused(elf(chdr(1, INFO.length, Arrays.copyOf(z, z.length / 2))), "does not end");
    byte[] corrupt = z.clone();
    corrupt[0] = 0x12; // not a zlib header
    refused(elf(chdr(1, INFO.length, corrupt)), "does not inflate");
    refused(elf(chdr(7, INFO.length, z)), "unknown compression type 0x7");
    refused(elf(chdr(2, INFO.length, new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 1, 2, 3})),
        "zstd data does not decode");
    refused(elf(chdr(2, INFO.length, z)), "zstd data does not decode");
  }

  @Test
  void aZstdFrameStatingMoreThanTheHeaderIsRefusedBeforeDecoding() throws Exception {
    byte[] big = new byte[10_000];
    ZstdCompressor zc = new ZstdCompressor();
    byte[] out = new byte[zc.maxCompressedLength(big.length)];
    int n = zc.compress(big, 0, big.length, out, 0, out.length);
    refused(elf(chdr(2, 100, Arrays.copyOf(out, n))), "states 10000 bytes");
  }

  @Test
  void aCutCompressionHeaderIsRefused() throws Exception {
    byte[] file = elf(new byte[] {1, 0, 0, 0, 0, 0});
    try (ElfFile elf = ElfFile.of(file)) {
      Section info = elf.section(".debug_info").orElseThrow();
      assertThatThrownBy(() -> elf.compressionHeader(info)).isInstanceOf(ElfFormatException.class)
          .hasMessageContaining("Elf_Chdr");
      assertThat(BuildEvidence.of(elf).unreadable()).containsKey(BuildEvidence.DEBUG_INFO);
    }
  }

  @Test
  void aZdebugSectionThatLiesIsRefused() throws Exception {
    byte[] z = zlib(INFO);
    byte[] zdebug = ByteBuffer.allocate(12 + z.length).put("ZLIB".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .order(ByteOrder.BIG_ENDIAN).putLong(INFO.length * 2L).put(z).array();
    byte[] file = SectionsElf.of(List.of(new Sec(".zdebug_info", SHT_PROGBITS, 0, zdebug),
        new Sec(".debug_abbrev", SHT_PROGBITS, 0, ABBREV)));
    FuzzSeeds.offer(file, "ElfFuzzTest#reader", "ElfFuzzTest#inspect");
    try (ElfFile elf = ElfFile.of(file)) {
      assertThat(elf.compressionHeader(elf.section(".zdebug_info").orElseThrow())).hasValueSatisfying(h -> {
        assertThat(h.size()).isEqualTo(INFO.length * 2L);
        assertThat(h.headerSize()).isEqualTo(12);
      });
      assertThat(BuildEvidence.of(elf).unreadable()).hasEntrySatisfying(BuildEvidence.DEBUG_INFO,
          r -> assertThat(r).contains("the header declares " + INFO.length * 2));
    }
  }

  @Test
  void stringSectionsAreBoundedAndSplit() throws Exception {
    byte[] lines = "GNU C17 12.2.0 -O2\0\0-fstack-clash-protection\0unterminated".getBytes(
        java.nio.charset.StandardCharsets.US_ASCII);
    byte[] notes = "SP:3\0FL:2 x.c\0garbage\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] file = SectionsElf.of(List.of(new Sec(".GCC.command.line", SHT_PROGBITS, 0, lines),
        new Sec(".annobin.notes", SHT_PROGBITS, 0, notes)));
    FuzzSeeds.offer(file, "ElfFuzzTest#reader", "ElfFuzzTest#inspect");
    try (ElfFile elf = ElfFile.of(file)) {
      assertThat(elf.recordedCommandLines())
          .containsExactly("GNU C17 12.2.0 -O2", "-fstack-clash-protection", "unterminated");
      assertThat(elf.annobinStringNotes()).extracting(AnnobinStringNote::code).containsExactly("SP", "FL");
      assertThat(elf.functionEntries().functions()).isEmpty();
    }
  }
}
