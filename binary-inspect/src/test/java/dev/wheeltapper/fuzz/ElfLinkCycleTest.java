package dev.wheeltapper.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.inspect.BinaryInspector;
import dev.wheeltapper.elf.ElfFile;
import dev.wheeltapper.elf.ElfFormatException;
import dev.wheeltapper.elf.ElfHeader;
import dev.wheeltapper.elf.Section;
import dev.wheeltapper.testsupport.FuzzSeeds;
import dev.wheeltapper.testsupport.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ELF cases of issue 9 that the reader's own hostile tests leave out, in 64-bit little-endian, 32-bit and
 * big-endian variants: {@code sh_link} cycles between sections (the reader follows a link one step, never a chain),
 * and {@code SHN_XINDEX} escapes whose real value lies in a section header 0 that points nowhere.
 */
class ElfLinkCycleTest {

  /** A copy of a binary with writers for section header fields in its byte order and class. */
  private static final class Patch {
    final byte[] b;
    final ByteBuffer buf;
    final ElfHeader h;
    final List<Section> sections;

    Patch(byte[] bytes) throws IOException {
      b = bytes.clone();
      try (ElfFile elf = ElfFile.of(bytes.clone())) {
        h = elf.header();
        sections = elf.sections().list();
      }
      buf = ByteBuffer.wrap(b).order(h.byteOrder());
    }

    Section named(String name) {
      return sections.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    void shLink(int index, int value) {
      buf.putInt((int) (h.shoff() + (long) index * h.shentsize() + (h.is64() ? 40 : 24)), value);
    }

    void shstrndx(int value) {
      buf.putShort(h.is64() ? 62 : 50, (short) value);
    }

    ElfFile open() throws ElfFormatException {
      FuzzSeeds.offer(b.clone(), "ElfFuzzTest#reader", "ElfFuzzTest#inspect");
      return ElfFile.of(b.clone());
    }
  }

  private static byte[] base(String which) throws IOException {
    if (which.startsWith("corpus:")) {
      return Files.readAllBytes(Corpus.corpus(which.substring("corpus:".length())));
    }
    try (InputStream in = ElfLinkCycleTest.class.getResourceAsStream("ElfFuzzTestInputs/reader/" + which)) {
      return in.readAllBytes();
    }
  }


  @ParameterizedTest
  @ValueSource(strings = {"t64.so", "t32.so",
      "corpus:elf/debian-bookworm-s390x/_psutil_posix.cpython-311-s390x-linux-gnu.so"})
  void shLinkCycleBetweenSymbolsAndVersions(String which) throws Exception {
    Patch p = new Patch(base(which));
    Section dynsym = p.named(".dynsym");
    Section versym = p.named(".gnu.version");
    // .dynsym -> .gnu.version -> .dynsym: the symbol names would come from a table that is not a string table
    p.shLink(dynsym.index(), versym.index());
    try (ElfFile elf = p.open()) {
      // The names come from whatever bytes the link names, as readelf and Go's debug/elf do, bounded by the table
      // and the string limit; the cycle is never followed further.
      assertThat(elf.dynamicSymbols().size()).isEqualTo((int) (dynsym.size() / dynsym.entrySize()));
      assertThat(elf.dynamicSymbols().names())
          .allMatch(n -> n.length() <= Math.min(versym.size(), elf.limits().maxStringLength()));
      assertThat(elf.dynamicSymbols().undefined().named("__stack_chk_fail").exists()).isFalse();
      BinaryInspector.forPath(which).inspect(elf);
    }
    // a section linking itself
    Patch s = new Patch(base(which));
    s.shLink(s.named(".dynsym").index(), s.named(".dynsym").index());
    s.shLink(s.named(".dynstr").index(), s.named(".dynstr").index());
    try (ElfFile elf = s.open()) {
      assertThat(elf.dynamicSymbols().names()).hasSize((int) (dynsym.size() / dynsym.entrySize()));
      assertThat(elf.dynamic().needed()).isNotEmpty(); // DT_NEEDED strings come through DT_STRTAB, not the links
      new ElfFuzzTest().reader(s.b);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"t64.so", "t32.so",
      "corpus:elf/debian-bookworm-s390x/_psutil_posix.cpython-311-s390x-linux-gnu.so"})
  void shnXindexEscapeThroughASectionHeaderZeroThatPointsNowhere(String which) throws Exception {
    Patch p = new Patch(base(which));
    p.shstrndx(0xffff); // SHN_XINDEX: the index is in section header 0's sh_link
    p.shLink(0, 0x7fffffff);
    try (ElfFile elf = p.open()) {
      assertThat(elf.sections().size()).isEqualTo(p.sections.size());
      assertThat(elf.sections().names()).allMatch(String::isEmpty);
      assertThat(elf.defects()).anyMatch(d -> d.reason().contains("2147483647"));
      new ElfFuzzTest().reader(p.b);
    }
    // sh_link of section header 0 pointing back at itself
    Patch q = new Patch(base(which));
    q.shstrndx(0xffff);
    q.shLink(0, 0);
    try (ElfFile elf = q.open()) {
      assertThat(elf.sections().names()).allMatch(String::isEmpty);
      new ElfFuzzTest().inspect(q.b);
    }
  }
}
