package dev.wheeltapper.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheeltapper.testsupport.FuzzSeeds;
import dev.wheeltapper.testing.NativeFixtures;
import dev.wheeltapper.testing.NativeFixtures.Fixture;
import dev.wheeltapper.testsupport.Corpus;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile inputs built by mutating real binaries (the gcc fixtures and a big-endian corpus module): each gives a
 * typed {@link ElfFormatException} with an offset, or a partial result with a recorded defect; never an unchecked
 * exception, an unbounded allocation or an endless loop.
 */
class ElfHostileTest {

  /** A mutable copy of a binary with field writers in its byte order and class. */
  static final class Mutant {
    final byte[] b;
    final ByteBuffer buf;
    final boolean is64;
    final ElfHeader h;
    final List<Section> sections;
    final List<Segment> segments;

    Mutant(Path file) throws IOException {
      b = Files.readAllBytes(file);
      try (ElfFile elf = ElfFile.of(b.clone())) {
        h = elf.header();
        sections = elf.sections().list();
        segments = elf.segments().list();
      }
      is64 = h.is64();
      buf = ByteBuffer.wrap(b).order(h.byteOrder());
    }

    static Mutant of(Fixture f) throws IOException {
      return new Mutant(NativeFixtures.get(f));
    }

    void u16(long off, int v) {
      buf.putShort((int) off, (short) v);
    }

    void u32(long off, long v) {
      buf.putInt((int) off, (int) v);
    }

    void word(long off, long v) {
      if (is64) {
        buf.putLong((int) off, v);
      } else {
        buf.putInt((int) off, (int) v);
      }
    }

    long shdr(int index) {
      return h.shoff() + (long) index * h.shentsize();
    }

    int symSize() {
      return is64 ? 24 : 16;
    }

    int dynSize() {
      return is64 ? 16 : 8;
    }

    long phdr(int index) {
      return h.phoff() + (long) index * h.phentsize();
    }

    Section section(String name) {
      return sections.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    Segment segment(SegmentType t) {
      return segments.stream().filter(s -> s.type() == t).findFirst().orElseThrow();
    }

    /** Section header field offsets: size, link, info, entsize, offset, addralign. */
    long shSize(int i) {
      return shdr(i) + (is64 ? 32 : 20);
    }

    long shLink(int i) {
      return shdr(i) + (is64 ? 40 : 24);
    }

    long shInfo(int i) {
      return shdr(i) + (is64 ? 44 : 28);
    }

    long shOffset(int i) {
      return shdr(i) + (is64 ? 24 : 16);
    }

    long shAlign(int i) {
      return shdr(i) + (is64 ? 48 : 32);
    }

    long shEntsize(int i) {
      return shdr(i) + (is64 ? 56 : 36);
    }

    long phFilesz(int i) {
      return phdr(i) + (is64 ? 32 : 16);
    }

    long phOffset(int i) {
      return phdr(i) + (is64 ? 8 : 4);
    }

    long ehPhoff() {
      return is64 ? 32 : 28;
    }

    long ehShoff() {
      return is64 ? 40 : 32;
    }

    long ehShentsize() {
      return is64 ? 58 : 46;
    }

    long ehPhentsize() {
      return is64 ? 54 : 42;
    }

    long ehPhnum() {
      return is64 ? 56 : 44;
    }

    long ehShnum() {
      return is64 ? 60 : 48;
    }

    long ehShstrndx() {
      return is64 ? 62 : 50;
    }

    ElfFile open() throws ElfFormatException {
      FuzzSeeds.offer(b.clone(), "ElfFuzzTest#reader", "ElfFuzzTest#inspect");
      return ElfFile.of(b.clone());
    }

    ElfFile open(ElfLimits limits) throws IOException {
      FuzzSeeds.offer(b.clone(), "ElfFuzzTest#reader", "ElfFuzzTest#inspect");
      return ElfFile.of(dev.wheeltapper.bytes.ByteSources.of(b.clone()), limits);
    }

    ElfFile truncated(int length) throws ElfFormatException {
      byte[] cut = Arrays.copyOf(b, length);
      FuzzSeeds.offer(cut, "ElfFuzzTest#reader", "ElfFuzzTest#inspect");
      return ElfFile.of(cut);
    }
  }

  /** Calls every accessor; only ElfFormatException may come out. Returns how many accessors failed. */
  static int touchAll(ElfFile elf) {
    int failed = 0;
    List<Accessor> all = List.of(
        elf::sections, elf::segments, elf::dynamic, elf::dynamicSymbols, elf::symbolTable, elf::versionRequirements,
        elf::versionDefinitions, elf::notes, elf::segmentNotes, elf::comments, elf::interpreter,
        () -> elf.notes().gnuProperties().ibt(), () -> elf.notes().buildId(), () -> elf.notes().abiTag(),
        () -> elf.versionRequirements().highestByNamespace(), () -> elf.dynamic().needed(),
        () -> elf.dynamic().bindNow(), () -> elf.dynamic().runpath(), () -> {
          for (Section s : elf.sections()) {
            if (s.size() < 1 << 20) {
              elf.contents(s);
            }
          }
          return null;
        });
    for (Accessor a : all) {
      try {
        a.get();
      } catch (ElfFormatException e) {
        assertThat(e.reason()).isNotBlank();
        // the memo turns reader bugs into ElfFormatException; a hostile test must see none of those
        assertThat(e.getCause() instanceof RuntimeException).as("internal error behind %s", e.getMessage()).isFalse();
        failed++;
      }
    }
    assertThat(elf.defects()).isNotNull();
    return failed;
  }

  interface Accessor {
    Object get() throws ElfFormatException;
  }

  static List<Path> bases() {
    return List.of(NativeFixtures.get(Fixture.HARDENED_SO), NativeFixtures.get(Fixture.M32_SO),
        NativeFixtures.get(Fixture.VERSIONED_SO),
        Corpus.corpus("elf/debian-bookworm-s390x/_psutil_posix.cpython-311-s390x-linux-gnu.so"));
  }

  /** 64-bit little-endian, 32-bit little-endian and 64-bit big-endian variants of the hostile cases. */
  static List<Path> variants() {
    return List.of(NativeFixtures.get(Fixture.HARDENED_SO), NativeFixtures.get(Fixture.M32_SO),
        Corpus.corpus("elf/debian-bookworm-s390x/_psutil_posix.cpython-311-s390x-linux-gnu.so"));
  }

  @Test
  void truncationAtEveryHeaderAndTableBoundary() throws IOException {
    for (Path base : bases()) {
      Mutant m = new Mutant(base);
      TreeSet<Long> cuts = new TreeSet<>();
      for (long i = 0; i <= 72; i++) {
        cuts.add(i);
      }
      for (Section s : m.sections) {
        cuts.addAll(List.of(s.offset(), s.offset() + 1, s.offset() + s.size() / 2, s.offset() + s.size() - 1));
        cuts.addAll(List.of(m.shdr(s.index()), m.shdr(s.index()) + 1));
      }
      for (Segment s : m.segments) {
        cuts.addAll(List.of(s.offset() + 1, s.offset() + s.fileSize() / 2, s.offset() + s.fileSize() - 1));
        cuts.addAll(List.of(m.phdr(s.index()), m.phdr(s.index()) + 1));
      }
      int hsize = m.is64 ? 64 : 52;
      for (long cut : cuts) {
        if (cut < 0 || cut >= m.b.length) {
          continue;
        }
        if (cut < hsize) {
          assertThatThrownBy(() -> m.truncated((int) cut)).as("cut at %d", cut)
              .isInstanceOf(ElfFormatException.class)
              .satisfies(e -> assertThat(((ElfFormatException) e).offset()).isBetween(0L, 6L));
          continue;
        }
        try (ElfFile elf = m.truncated((int) cut)) {
          touchAll(elf);
          if (cut < m.shdr(m.sections.size())) {
            assertThatThrownBy(elf::sections).as("sections cut at %d of %s", cut, base)
                .isInstanceOf(ElfFormatException.class).hasMessageContaining("section header table");
          }
          if (cut < m.phdr(m.segments.size())) {
            assertThatThrownBy(elf::segments).as("segments cut at %d", cut)
                .isInstanceOf(ElfFormatException.class).hasMessageContaining("program header table");
          }
        }
      }
    }
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("variants")
  void truncatedSectionDataKeepsTheHeadersAndRecordsDefects(Path base) throws IOException {
    // Move the section header table to the front copy so that cutting the file cuts .dynsym, not the headers.
    Mutant m = new Mutant(base);
    Section dynsym = m.section(".dynsym");
    m.u32(m.shSize(dynsym.index()) , 0);
    m.word(m.shSize(dynsym.index()), m.b.length * 4L);
    try (ElfFile elf = m.open()) {
      Symbols syms = elf.dynamicSymbols();
      assertThat(syms.size()).isPositive().isLessThanOrEqualTo(m.b.length / m.symSize());
      assertThat(elf.defects()).anyMatch(d -> d.part().equals(".dynsym") && d.reason().contains("only"));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 4, 5, 6})
  void badIdentification(int offset) throws IOException {
    Mutant m = Mutant.of(Fixture.HARDENED_SO);
    m.b[offset] = offset == 0 ? (byte) 0x7e : (byte) 3;
    assertThatThrownBy(m::open).isInstanceOf(ElfFormatException.class)
        .satisfies(e -> assertThat(((ElfFormatException) e).offset()).isEqualTo(offset));
  }

  @Test
  void notElfAtAll() {
    byte[] ldScript = "/* GNU ld script\n   Use the shared library */\nGROUP ( /lib/libc.so.6 )\n".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> ElfFile.of(ldScript)).isInstanceOf(ElfFormatException.class).hasMessageContaining("bad magic");
    assertThatThrownBy(() -> ElfFile.of(new byte[0])).isInstanceOf(ElfFormatException.class).hasMessageContaining("too short");
  }

  @Test
  void wrongVersionAndHeaderSizeAreDefects() throws IOException {
    Mutant m = Mutant.of(Fixture.HARDENED_SO);
    m.u32(20, 7);
    m.u16(52, 12);
    try (ElfFile elf = m.open()) {
      assertThat(elf.defectsSoFar()).extracting(ElfDefect::reason)
          .anyMatch(r -> r.contains("e_version is 7")).anyMatch(r -> r.contains("e_ehsize is 12"));
      assertThat(elf.sections().size()).isEqualTo(m.sections.size());
    }
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("variants")
  void headerEntrySizesSmallerThanTheStructsAreRejected(Path base) throws IOException {
    Mutant m = new Mutant(base);
    m.u16(m.ehShentsize(), 39);
    m.u16(m.ehPhentsize(), 31);
    try (ElfFile elf = m.open()) {
      assertThatThrownBy(elf::sections).isInstanceOf(ElfFormatException.class).hasMessageContaining("e_shentsize 39");
      assertThatThrownBy(elf::segments).isInstanceOf(ElfFormatException.class).hasMessageContaining("e_phentsize 31");
      assertThat(touchAll(elf)).isPositive();
      assertThat(elf.defects()).anyMatch(d -> d.reason().contains("unreadable"));
    }
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("variants")
  void overflowingOffsetsAndCounts(Path base) throws IOException {
    Mutant m = new Mutant(base);
    m.word(m.ehPhoff(), 0xffffffffffffff00L);
    m.word(m.ehShoff(), Long.MAX_VALUE - 10);
    try (ElfFile elf = m.open()) {
      assertThatThrownBy(elf::segments).isInstanceOf(ElfFormatException.class)
          .satisfies(e -> assertThat(((ElfFormatException) e).offset()).isEqualTo(m.is64 ? 0xffffffffffffff00L : 0xffffff00L));
      assertThatThrownBy(elf::sections).isInstanceOf(ElfFormatException.class).hasMessageContaining("past the end");
      touchAll(elf);
    }
    Mutant n = new Mutant(base);
    n.u16(n.ehShnum(), 0xfeff);
    n.u16(n.ehPhnum(), 0xfffe);
    try (ElfFile elf = n.open(ElfLimits.defaults().withMaxSections(1000))) {
      // cut at the limit (a defect), then the 1,000 headers still lie past the end of the file
      assertThatThrownBy(elf::sections).isInstanceOf(ElfFormatException.class)
          .hasMessageContaining("section header table of 1000 entries");
      assertThatThrownBy(elf::segments).isInstanceOf(ElfFormatException.class).hasMessageContaining("program header table");
      assertThat(elf.defectsSoFar()).extracting(ElfDefect::reason).contains("65279 entries, cut at the limit of 1000");
    }
  }

  /** Exceeding a table limit is a defect and a partial table, not an exception: the first entries are read. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("variants")
  void tablesBeyondTheLimitsAreCutAndRecorded(Path base) throws IOException {
    Mutant m = new Mutant(base);
    ElfLimits tight = ElfLimits.defaults().withMaxSections(5).withMaxSegments(2);
    try (ElfFile elf = m.open(tight)) {
      assertThat(elf.sections().size()).isEqualTo(5);
      assertThat(elf.segments().size()).isEqualTo(2);
      assertThat(touchAll(elf)).isZero();
      assertThat(elf.defects()).extracting(ElfDefect::reason)
          .contains(m.sections.size() + " entries, cut at the limit of 5", m.segments.size()
              + " entries, cut at the limit of 2");
    }
    try (ElfFile elf = m.open(ElfLimits.defaults().withMaxDynamicEntries(3).withMaxVersionEntries(1))) {
      assertThat(elf.dynamic().entries()).hasSize(3);
      assertThat(elf.versionRequirements().needs()).hasSizeLessThanOrEqualTo(1);
      assertThat(touchAll(elf)).isZero();
      assertThat(elf.defects()).extracting(ElfDefect::reason)
          .anyMatch(r -> r.endsWith(" entries, cut at the limit of 3"))
          .anyMatch(r -> r.equals("Vernaux entries cut at the limit of 1") || r.endsWith("cut at the limit of 1"));
    }
    // the defaults leave the same file whole
    try (ElfFile elf = m.open(ElfLimits.defaults())) {
      assertThat(elf.sections().size()).isEqualTo(m.sections.size());
      assertThat(elf.defects()).isEmpty();
    }
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("variants")
  void extendedNumberingThroughSectionHeaderZero(Path base) throws IOException {
    Mutant m = new Mutant(base);
    m.word(m.shSize(0), m.sections.size());
    m.u32(m.shLink(0), m.h.shstrndx());
    m.u32(m.shInfo(0), m.segments.size());
    m.u16(m.ehShnum(), 0);
    m.u16(m.ehShstrndx(), 0xffff);
    m.u16(m.ehPhnum(), 0xffff);
    try (ElfFile elf = m.open()) {
      assertThat(elf.header().shnum()).isZero();
      assertThat(elf.header().phnum()).isEqualTo(0xffff);
      assertThat(elf.sections().list()).extracting(Section::name)
          .containsExactlyElementsOf(m.sections.stream().map(Section::name).collect(Collectors.toList()));
      assertThat(elf.segments().list()).isEqualTo(m.segments);
      assertThat(elf.dynamicSymbols().undefined().named("__stack_chk_fail").exists()).isTrue();
    }
    // PN_XNUM with no section header table to resolve it
    Mutant n = new Mutant(base);
    n.u16(n.ehPhnum(), 0xffff);
    n.word(n.ehShoff(), 0);
    try (ElfFile elf = n.open()) {
      assertThatThrownBy(elf::segments).isInstanceOf(ElfFormatException.class).hasMessageContaining("extended numbering");
    }
    // section header 0 itself outside the file
    Mutant o = new Mutant(base);
    o.u16(o.ehShnum(), 0);
    o.word(o.ehShoff(), o.b.length - 8);
    try (ElfFile elf = o.open()) {
      assertThatThrownBy(elf::sections).isInstanceOf(ElfFormatException.class).hasMessageContaining("section header 0");
    }
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("variants")
  void allocationBombsAreBoundedByTheFileAndTheLimits(Path base) throws IOException {
    Mutant m = new Mutant(base);
    Section dynsym = m.section(".dynsym");
    m.word(m.shSize(dynsym.index()), m.is64 ? 0x4000000000000000L : 0xfffffff0L);
    try (ElfFile elf = m.open()) {
      assertThat(elf.dynamicSymbols().size()).isLessThanOrEqualTo(m.b.length / m.symSize());
      assertThat(elf.defects()).anyMatch(d -> d.reason().contains("entries declared"));
    }
    try (ElfFile elf = new Mutant(base).open(ElfLimits.defaults().withMaxSymbols(3))) {
      assertThat(elf.dynamicSymbols().size()).isEqualTo(3);
      assertThat(elf.defects()).anyMatch(d -> d.reason().contains("cut at the limit of 3"));
    }
    try (ElfFile elf = new Mutant(base).open(ElfLimits.defaults().withMaxStringLength(4))) {
      assertThat(elf.dynamicSymbols().undefined().names()).allMatch(n -> n.length() <= 4);
      assertThat(elf.defects()).anyMatch(d -> d.reason().contains("longer than 4"));
    }
    try (ElfFile elf = new Mutant(base).open(ElfLimits.defaults().withMaxSectionBytes(8))) {
      Section text = elf.section(".text").orElseThrow();
      assertThatThrownBy(() -> elf.contents(text)).isInstanceOf(ElfFormatException.class).hasMessageContaining("limit");
    }
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("variants")
  void zeroAndOddEntrySizes(Path base) throws IOException {
    Mutant m = new Mutant(base);
    Section dynsym = m.section(".dynsym");
    m.word(m.shEntsize(dynsym.index()), 0);
    m.word(m.shSize(dynsym.index()), dynsym.size() + 5);
    try (ElfFile elf = m.open()) {
      assertThat(elf.dynamicSymbols().size()).isEqualTo((int) (dynsym.size() / m.symSize()));
      assertThat(elf.dynamicSymbols().undefined().named("__stack_chk_fail").exists()).isTrue();
      assertThat(elf.defects()).anyMatch(d -> d.reason().contains("sh_entsize 0"))
          .anyMatch(d -> d.reason().contains("not a multiple"));
    }
  }

  /**
   * {@code sh_link} naming a section that exists but is not {@code SHT_STRTAB}: the symbol table, the dynamic section,
   * the version needs and {@code e_shstrndx} each record a defect naming the link; names are read from the wrong
   * section as readelf does (so they may be garbage) and nothing throws.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("variants")
  void linksToSectionsThatAreNotStringTables(Path base) throws IOException {
    Mutant m = new Mutant(base);
    Section dynsym = m.section(".dynsym");
    Section dynamic = m.section(".dynamic");
    Section verneed = m.section(".gnu.version_r");
    Section text = m.section(".text");
    m.u32(m.shLink(dynsym.index()), text.index());
    m.u32(m.shLink(dynamic.index()), dynsym.index());
    m.u32(m.shLink(verneed.index()), text.index());
    m.u16(m.ehShstrndx(), text.index());
    try (ElfFile elf = m.open()) {
      assertThat(touchAll(elf)).isZero();
      assertThat(elf.dynamicSymbols().size()).isEqualTo((int) (dynsym.size() / m.symSize()));
      // the loader's view does not use section links: DT_STRTAB still names the needed libraries
      assertThat(elf.dynamic().needed()).isNotEmpty().allMatch(n -> n.startsWith("lib"));
      assertThat(elf.defects()).extracting(ElfDefect::reason)
          .contains("e_shstrndx " + text.index() + " names a section of type 0x1, not SHT_STRTAB")
          .anyMatch(r -> r.startsWith("sh_link " + text.index() + " points to ") && r.endsWith(", which is not SHT_STRTAB"))
          .anyMatch(r -> r.startsWith("sh_link " + dynsym.index() + " points to "));
      assertThat(elf.defects()).filteredOn(d -> d.reason().endsWith("which is not SHT_STRTAB"))
          .extracting(ElfDefect::offset)
          .contains(dynsym.offset(), dynamic.offset(), verneed.offset());
    }
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("variants")
  void linksPointingNowhereOrToThemselves(Path base) throws IOException {
    Mutant m = new Mutant(base);
    Section dynsym = m.section(".dynsym");
    m.u32(m.shLink(dynsym.index()), 9999);
    try (ElfFile elf = m.open()) {
      assertThat(elf.dynamicSymbols().size()).isEqualTo((int) (dynsym.size() / m.symSize()));
      assertThat(elf.dynamicSymbols().names()).allMatch(String::isEmpty);
      assertThat(elf.defects()).anyMatch(d -> d.reason().contains("sh_link 9999"));
    }
    Mutant s = new Mutant(base);
    s.u32(s.shLink(dynsym.index()), dynsym.index());
    s.u16(s.ehShstrndx(), 4000);
    try (ElfFile elf = s.open()) {
      assertThat(elf.dynamicSymbols().names()).allMatch(String::isEmpty);
      assertThat(elf.sections().names()).allMatch(String::isEmpty);
      assertThat(elf.defects()).anyMatch(d -> d.reason().contains("e_shstrndx 4000"));
    }
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("variants")
  void stringTablesWithoutTerminator(Path base) throws IOException {
    Mutant m = new Mutant(base);
    Section dynstr = m.section(".dynstr");
    // cut .dynstr in the middle of its last string and fill the rest of the file bytes with letters
    m.word(m.shSize(dynstr.index()), dynstr.size() - 2);
    m.b[(int) (dynstr.offset() + dynstr.size() - 1)] = 'x';
    m.b[(int) (dynstr.offset() + dynstr.size() - 2)] = 'x';
    try (ElfFile elf = m.open()) {
      touchAll(elf);
      assertThat(elf.defects()).anyMatch(d -> d.reason().contains("not terminated"));
    }
    Mutant n = new Mutant(base);
    Section d2 = n.section(".dynsym");
    n.u32(d2.offset() + n.symSize(), 0x7fffffff); // st_name of symbol 1 far outside .dynstr
    try (ElfFile elf = n.open()) {
      assertThat(elf.dynamicSymbols().list().get(1).name()).isEmpty();
      assertThat(elf.defects()).anyMatch(d -> d.reason().contains("outside the string table"));
    }
  }

  static List<Path> loaderViewFiles() {
    // DT_GNU_HASH counts the symbols of the gcc fixture, DT_HASH those of the mips64el module (MIPS has no GNU hash)
    return List.of(NativeFixtures.get(Fixture.VERSIONED_SO),
        Corpus.corpus("elf/debian-bookworm-mips64el/_psutil_posix.cpython-311-mips64el-linux-gnuabi64.so"));
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("loaderViewFiles")
  void withoutSectionHeadersTheLoaderViewStillAnswers(Path file) throws IOException {
    boolean fixture = file.getFileName().toString().equals("versioned.so");
    List<String> syms;
    List<RequiredVersion> versions;
    List<Note> notes;
    try (ElfFile elf = ElfFile.open(file)) {
      syms = elf.dynamicSymbols().stream().map(Symbol::versionedName).collect(Collectors.toList());
      versions = elf.versionRequirements().all();
      notes = elf.segmentNotes().list();
    }
    Mutant m = new Mutant(file);
    m.word(m.ehShoff(), 0);
    m.u16(m.ehShnum(), 0);
    m.u16(m.ehShstrndx(), 0);
    try (ElfFile elf = m.open()) {
      assertThat(elf.sections().isEmpty()).isTrue();
      assertThat(elf.dynamic().needed()).contains("libc.so.6");
      assertThat(elf.dynamicSymbols().stream().map(Symbol::versionedName)).containsExactlyElementsOf(syms);
      assertThat(elf.versionRequirements().all()).isEqualTo(versions);
      if (fixture) {
        assertThat(elf.versionDefinitions()).extracting(VersionDefinition::name).contains("FOO_2.0");
      }
      assertThat(elf.notes().list()).isEqualTo(notes);
      assertThat(elf.comments()).isEmpty();
      assertThat(elf.defects()).isEmpty();
    }
  }

  @Test
  void hashChainsThatNeverEndAndAbsurdChainCounts() throws IOException {
    Mutant m = Mutant.of(Fixture.VERSIONED_SO);
    Section gnuHash = m.section(".gnu.hash");
    long nbuckets = m.buf.getInt((int) gnuHash.offset()) & 0xffffffffL;
    long bloom = m.buf.getInt((int) gnuHash.offset() + 8) & 0xffffffffL;
    long chains = gnuHash.offset() + 16 + bloom * 8 + nbuckets * 4;
    for (long p = chains; p + 4 <= gnuHash.offset() + gnuHash.size(); p += 4) {
      m.u32(p, 0); // no chain ever sets its end bit
    }
    m.word(m.ehShoff(), 0);
    m.u16(m.ehShnum(), 0);
    m.u16(m.ehShstrndx(), 0);
    try (ElfFile elf = m.open()) {
      touchAll(elf);
      assertThat(elf.dynamicSymbols().size()).isLessThanOrEqualTo(m.b.length / 24);
      // the walk runs on into the bytes after the hash table until some word has its low bit set: bounded, and the
      // garbage symbols it then reads show up as defects
      assertThat(elf.defects()).isNotEmpty();
    }
    try (ElfFile elf = m.open(ElfLimits.defaults().withMaxSymbols(2))) {
      assertThat(elf.dynamicSymbols().size()).isLessThanOrEqualTo(2);
      assertThat(elf.defects()).anyMatch(d -> d.reason().contains("hash chain has no end")
          || d.reason().contains("implausible") || d.reason().contains("cut at the limit"));
    }
    Path mips = Corpus.corpus("elf/debian-bookworm-mips64el/_psutil_posix.cpython-311-mips64el-linux-gnuabi64.so");
    Mutant n = new Mutant(mips);
    Section hash = n.section(".hash");
    n.u32(hash.offset() + 4, 0xffffffffL); // nchain
    n.word(n.ehShoff(), 0);
    n.u16(n.ehShnum(), 0);
    n.u16(n.ehShstrndx(), 0);
    try (ElfFile elf = n.open()) {
      assertThat(elf.dynamicSymbols().size()).isLessThanOrEqualTo(n.b.length / 24);
      assertThat(elf.defects()).anyMatch(d -> d.part().equals("DT_SYMTAB") && d.reason().contains("entries declared"));
    }
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("variants")
  void dynamicTableDamage(Path base) throws IOException {
    Mutant m = new Mutant(base);
    List<DynamicEntry> original;
    try (ElfFile elf = m.open()) {
      original = elf.dynamic().entries();
    }
    Segment pt = m.segment(SegmentType.DYNAMIC);
    m.word(m.phFilesz(pt.index()), (long) original.size() * m.dynSize()); // cut off every DT_NULL
    try (ElfFile elf = m.open()) {
      assertThat(elf.dynamic().entries()).isEqualTo(original);
      assertThat(elf.defects()).anyMatch(d -> d.reason().contains("no DT_NULL"));
    }
    // SHT_DYNAMIC disagreeing with PT_DYNAMIC: the segment wins
    Mutant n = new Mutant(base);
    Section dyn = n.section(".dynamic");
    n.word(n.shOffset(dyn.index()), 64);
    try (ElfFile elf = n.open()) {
      assertThat(elf.dynamic().entries()).isEqualTo(original);
      assertThat(elf.dynamic().origin()).isEqualTo(Dynamic.Origin.SEGMENT);
      assertThat(elf.defects()).anyMatch(d -> d.reason().contains("disagrees with PT_DYNAMIC"));
    }
    // DT_STRTAB in no PT_LOAD: strings come from the section the dynamic section links
    Mutant o = new Mutant(base);
    for (int i = 0; i < original.size(); i++) {
      if (original.get(i).tag() == DynamicTag.STRTAB) {
        o.word(pt.offset() + (long) i * o.dynSize() + o.dynSize() / 2, 0x7ff00000L);
      }
    }
    try (ElfFile elf = o.open()) {
      assertThat(elf.dynamic().needed()).containsExactly("libc.so.6");
      assertThat(elf.defects()).anyMatch(d -> d.reason().contains("is in no PT_LOAD segment"));
    }
    // PT_DYNAMIC entirely outside the file
    Mutant p = new Mutant(base);
    p.word(p.phOffset(pt.index()), p.b.length + 100L);
    try (ElfFile elf = p.open()) {
      assertThatThrownBy(elf::dynamic).isInstanceOf(ElfFormatException.class).hasMessageContaining("PT_DYNAMIC");
      touchAll(elf);
    }
  }

  @Test
  void overlappingAndOddSegments() throws IOException {
    Mutant m = Mutant.of(Fixture.HARDENED_SO);
    List<Segment> loads = m.segments.stream().filter(s -> s.type() == SegmentType.LOAD).collect(Collectors.toList());
    Segment second = loads.get(1);
    m.word(m.phdr(second.index()) + (m.is64 ? 16 : 8), loads.get(0).virtualAddress()); // p_vaddr onto the first LOAD
    m.word(m.phdr(second.index()) + (m.is64 ? 48 : 28), 0x1001); // p_align not a power of two
    try (ElfFile elf = m.open()) {
      assertThat(elf.segments().size()).isEqualTo(m.segments.size());
      assertThat(elf.defects()).anyMatch(d -> d.reason().contains("overlaps PT_LOAD"))
          .anyMatch(d -> d.reason().contains("not a power of two"));
    }
    Mutant n = Mutant.of(Fixture.HARDENED_SO);
    n.word(n.ehPhoff(), 8); // program header table on top of the ELF header
    try (ElfFile elf = n.open()) {
      touchAll(elf);
      assertThat(elf.defects()).anyMatch(d -> d.reason().contains("overlaps the ELF header"));
    }
    Mutant o = Mutant.of(Fixture.HARDENED_SO);
    o.word(o.ehShoff(), o.h.phoff()); // section header table on top of the program headers
    try (ElfFile elf = o.open()) {
      touchAll(elf);
      assertThat(elf.defects()).anyMatch(d -> d.reason().contains("section header table overlaps"));
    }
  }

  @Test
  void repeatedDynamicTags() throws IOException {
    Mutant m = Mutant.of(Fixture.HARDENED_SO);
    Segment pt = m.segment(SegmentType.DYNAMIC);
    List<DynamicEntry> original;
    try (ElfFile elf = m.open()) {
      original = elf.dynamic().entries();
    }
    int flags1 = original.stream().filter(e -> e.tag() == DynamicTag.FLAGS_1).findFirst().orElseThrow().index();
    m.word(pt.offset() + flags1 * 16L, 30); // DT_FLAGS_1 becomes a second DT_FLAGS with value DF_1_NOW|... bits
    try (ElfFile elf = m.open()) {
      assertThat(elf.dynamic().entries(DynamicTag.FLAGS)).hasSize(2);
      assertThat(elf.dynamic().flags()).isEqualTo(original.get(flags1).value() | Dynamic.DF_BIND_NOW);
      assertThat(elf.dynamic().flags1()).isZero();
      assertThat(elf.defects()).anyMatch(d -> d.reason().contains("FLAGS appears 2 times"));
    }
  }

  /** The bytes with {@code extra} appended at an 8-aligned offset, which is returned in {@code at[0]}. */
  private static byte[] append(byte[] bytes, byte[] extra, long[] at) {
    int start = (bytes.length + 7) & ~7;
    byte[] out = Arrays.copyOf(bytes, start + extra.length);
    System.arraycopy(extra, 0, out, start, extra.length);
    at[0] = start;
    return out;
  }

  @Test
  void extendedSymbolSectionIndexThroughSymtabShndx() throws IOException {
    Mutant m = Mutant.of(Fixture.OBJECT);
    Section symtab = m.section(".symtab");
    int count = (int) (symtab.size() / 24);
    Symbol target;
    try (ElfFile elf = m.open()) {
      target = elf.symbolTable().named("fixture_answer").first().orElseThrow();
    }
    ByteBuffer shndx = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
    shndx.putInt(target.index() * 4, target.sectionIndex());
    long[] at = new long[1];
    byte[] withData = append(m.b, shndx.array(), at);
    long dataOff = at[0];
    int n = m.sections.size();
    ByteBuffer table = ByteBuffer.allocate((n + 1) * 64).order(ByteOrder.LITTLE_ENDIAN);
    table.put(Arrays.copyOfRange(m.b, (int) m.h.shoff(), (int) m.h.shoff() + n * 64));
    table.putInt(n * 64 + 4, 18).putLong(n * 64 + 24, dataOff).putLong(n * 64 + 32, count * 4L)
        .putInt(n * 64 + 40, symtab.index()).putLong(n * 64 + 48, 4).putLong(n * 64 + 56, 4);
    byte[] bytes = append(withData, table.array(), at);
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(40, at[0]).putShort(60, (short) (n + 1));
    b.putShort((int) (symtab.offset() + target.index() * 24L + 6), (short) 0xffff);
    try (ElfFile elf = ElfFile.of(bytes)) {
      assertThat(elf.sections().withType(SectionType.SYMTAB_SHNDX).size()).isEqualTo(1);
      Symbol s = elf.symbolTable().named("fixture_answer").first().orElseThrow();
      assertThat(s.sectionIndex()).isEqualTo(target.sectionIndex());
      assertThat(elf.sections().at(s.sectionIndex()).map(Section::name)).contains(".text.fixture_answer");
      assertThat(elf.defects()).isEmpty();
    }
  }

  @Test
  void programHeadersWiderThanTheStructAreStridedByEntrySize() throws IOException {
    Mutant m = Mutant.of(Fixture.HARDENED_SO);
    int n = m.segments.size();
    ByteBuffer wide = ByteBuffer.allocate(n * 64);
    for (int i = 0; i < n; i++) {
      wide.put(i * 64, m.b, (int) m.phdr(i), 56);
    }
    long[] at = new long[1];
    byte[] bytes = append(m.b, wide.array(), at);
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(32, at[0]).putShort(54, (short) 64);
    try (ElfFile elf = ElfFile.of(bytes)) {
      assertThat(elf.segments().list()).isEqualTo(m.segments);
      assertThat(elf.dynamic().bindNow()).isTrue();
    }
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("variants")
  void absurdNotes(Path base) throws IOException {
    Mutant m = new Mutant(base);
    Section id = m.section(".note.gnu.build-id");
    m.u32(id.offset() + 4, 0xfffffff0L); // descsz
    try (ElfFile elf = m.open()) {
      assertThat(elf.notes().buildId()).isEmpty();
      assertThat(elf.defects()).anyMatch(d -> d.part().equals(".note.gnu.build-id") && d.reason().contains("descriptor size"));
    }
    Mutant n = new Mutant(base);
    n.u32(id.offset(), 0x7fffffff); // namesz
    try (ElfFile elf = n.open()) {
      assertThat(elf.notes().buildId()).isEmpty();
      assertThat(elf.defects()).anyMatch(d -> d.reason().contains("name size"));
    }
    Mutant o = new Mutant(base);
    o.word(o.shAlign(id.index()), 16);
    try (ElfFile elf = o.open()) {
      assertThat(elf.notes().buildId()).isEmpty();
      assertThat(elf.defects()).anyMatch(d -> d.reason().contains("alignment 16"));
    }
    Mutant p = new Mutant(base);
    Segment note = p.segment(SegmentType.NOTE);
    p.word(p.phOffset(note.index()), p.b.length + 1L);
    try (ElfFile elf = p.open()) {
      assertThat(elf.segmentNotes().size()).isLessThan(2);
      assertThat(elf.defects()).anyMatch(d -> d.part().startsWith("PT_NOTE"));
    }
    // a property whose size overruns its note ends the walk
    Mutant q = Mutant.of(Fixture.CET_NOSTDLIB_SO);
    Section prop = q.section(".note.gnu.property");
    q.u32(prop.offset() + 16 + 4, 0x1000);
    try (ElfFile elf = q.open()) {
      assertThat(elf.notes().gnuProperties().isEmpty()).isTrue();
      assertThat(elf.notes().gnuProperties().ibt()).isFalse();
    }
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("variants")
  void versionChainsAreBounded(Path base) throws IOException {
    Mutant m = new Mutant(base);
    Section vr = m.section(".gnu.version_r");
    m.u32(m.shInfo(vr.index()), 0xffffffffL); // absurd vn count
    m.u16(vr.offset() + 2, 0xffff); // vn_cnt of the first entry
    m.u32(vr.offset() + 8, 0); // vn_aux pointing at the Verneed itself
    try (ElfFile elf = m.open()) {
      assertThat(elf.versionRequirements().all().size()).isLessThanOrEqualTo((int) (vr.size() / 16));
      assertThat(elf.defects()).anyMatch(d -> d.part().equals(".gnu.version_r"));
    }
    Mutant n = Mutant.of(Fixture.VERSIONED_SO);
    Section vd = n.section(".gnu.version_d");
    n.u32(n.shInfo(vd.index()), 100000);
    n.u32(vd.offset() + 16, 0x7ffffff0); // vd_next far away
    try (ElfFile elf = n.open()) {
      assertThat(elf.versionDefinitions()).hasSize(1);
      assertThat(elf.defects()).anyMatch(d -> d.reason().contains("at most"));
      assertThat(elf.defects()).anyMatch(d -> d.reason().contains("outside the table"));
    }
  }

  @Test
  void randomMutationsNeverEscapeUnchecked() throws IOException {
    Random rnd = new Random(20261125L);
    for (Path base : bases()) {
      Mutant original = new Mutant(base);
      int[] hot = hotOffsets(original);
      for (int round = 0; round < 300; round++) {
        byte[] bytes = original.b.clone();
        int flips = 1 + rnd.nextInt(8);
        for (int i = 0; i < flips; i++) {
          int at = rnd.nextInt(4) == 0 ? rnd.nextInt(bytes.length) : hot[rnd.nextInt(hot.length)];
          bytes[at] = (byte) (rnd.nextInt(3) == 0 ? 0xff : rnd.nextInt(256));
        }
        ElfFile elf;
        try {
          elf = ElfFile.of(bytes);
        } catch (ElfFormatException e) {
          continue;
        }
        touchAll(elf);
      }
    }
  }

  /** Header, program header and section header bytes, and the starts of the dynamic-linking tables. */
  private static int[] hotOffsets(Mutant m) {
    List<Integer> hot = new ArrayList<>();
    for (int i = 0; i < (m.is64 ? 64 : 52); i++) {
      hot.add(i);
    }
    for (int i = 0; i < m.segments.size() * m.h.phentsize(); i++) {
      hot.add((int) m.h.phoff() + i);
    }
    for (int i = 0; i < m.sections.size() * m.h.shentsize(); i++) {
      hot.add((int) m.h.shoff() + i);
    }
    for (Section s : m.sections) {
      if (s.hasFileBytes() && (s.type() == SectionType.NOTE || s.type() == SectionType.DYNAMIC
          || s.type() == SectionType.GNU_VERNEED || s.type() == SectionType.GNU_VERDEF || s.type() == SectionType.GNU_HASH)) {
        for (long i = 0; i < Math.min(s.size(), 64); i++) {
          hot.add((int) (s.offset() + i));
        }
      }
    }
    return hot.stream().filter(i -> i < m.b.length).mapToInt(Integer::intValue).toArray();
  }

  @Test
  void filesBeyondTwoGibibytes(@TempDir Path dir) throws IOException {
    // A sparse 3 GiB file: the fixture at the start, its section header table moved to 2.5 GiB.
    Mutant m = Mutant.of(Fixture.HARDENED_SO);
    long newShoff = (5L << 29) + 3;
    byte[] table = Arrays.copyOfRange(m.b, (int) m.h.shoff(), (int) m.h.shoff() + m.sections.size() * m.h.shentsize());
    m.word(m.ehShoff(), newShoff);
    Path big = dir.resolve("big.so");
    try (RandomAccessFile raf = new RandomAccessFile(big.toFile(), "rw")) {
      raf.setLength(3L << 30);
      raf.write(m.b);
      raf.seek(newShoff);
      raf.write(table);
    }
    try (ElfFile elf = ElfFile.open(big)) {
      assertThat(elf.size()).isEqualTo(3L << 30);
      assertThat(elf.sections().names()).containsExactlyElementsOf(m.sections.stream().map(Section::name).collect(Collectors.toList()));
      assertThat(elf.dynamicSymbols().undefined().named("__stack_chk_fail").exists()).isTrue();
      assertThat(elf.bytes(newShoff, table.length).order(ByteOrder.BIG_ENDIAN).get(4)).isEqualTo(table[4]);
    }
  }
}
