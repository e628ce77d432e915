package dev.wheeltapper.elf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.bytes.ByteSource;
import dev.wheeltapper.bytes.ByteSources;
import dev.wheeltapper.testing.NativeFixtures;
import dev.wheeltapper.testing.NativeFixtures.Fixture;
import dev.wheeltapper.testsupport.Corpus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fluent API answers the hardening, linking and versioning questions correctly on binaries of known build. */
class ElfApiTest {

  private static ElfFile open(Fixture f) throws IOException {
    return ElfFile.open(NativeFixtures.get(f));
  }

  @Test
  void hardenedSharedObject() throws IOException {
    try (ElfFile elf = open(Fixture.HARDENED_SO)) {
      assertThat(elf.type()).isEqualTo(ElfType.DYN);
      assertThat(elf.machine()).isEqualTo(Machine.X86_64);
      assertThat(elf.header().machineLabel()).isEqualTo("x86_64");
      assertThat(elf.dynamicSymbols().undefined().named("__stack_chk_fail").exists()).isTrue();
      assertThat(elf.dynamicSymbols().undefined().functions().nameMatches(n -> n.startsWith("__") && n.endsWith("_chk")).names())
          .containsExactlyInAnyOrder("__snprintf_chk", "__strcpy_chk");
      assertThat(elf.segments().has(SegmentType.GNU_RELRO)).isTrue();
      assertThat(elf.dynamic().bindNow()).isTrue();
      assertThat(elf.dynamic().flags1() & Dynamic.DF_1_NOW).isNotZero();
      assertThat(elf.segments().last(SegmentType.GNU_STACK).map(Segment::isExecutable)).contains(false);
      assertThat(elf.dynamic().needed()).containsExactly("libc.so.6");
      assertThat(elf.dynamic().rpath()).isEmpty();
      assertThat(elf.dynamic().runpath()).isEmpty();
      assertThat(elf.dynamic().textrel()).isFalse();
      assertThat(elf.dynamic().pieFlag()).isFalse();
      assertThat(elf.interpreter()).isEmpty();
      assertThat(elf.comments()).anyMatch(c -> c.startsWith("GCC: ("));
      assertThat(elf.notes().buildId()).hasValueSatisfying(id -> assertThat(id).hasSize(40));
      assertThat(elf.dynamicSymbols().undefined().named("__strcpy_chk").first().flatMap(Symbol::version))
          .contains("GLIBC_2.3.4");
      assertThat(elf.dynamicSymbols().undefined().named("__strcpy_chk").first().flatMap(Symbol::library))
          .contains("libc.so.6");
      assertThat(elf.sections().withType(SectionType.NOTE).names()).contains(".note.gnu.build-id");
      assertThat(elf.symbolTable().isEmpty()).isFalse();
      assertThat(elf.defects()).isEmpty();
    }
  }

  @Test
  void plainSharedObjectHasNoHardening() throws IOException {
    try (ElfFile elf = open(Fixture.PLAIN_SO)) {
      assertThat(elf.dynamicSymbols().undefined().named("__stack_chk_fail").exists()).isFalse();
      assertThat(elf.dynamicSymbols().nameMatches(n -> n.endsWith("_chk")).exists()).isFalse();
      assertThat(elf.segments().has(SegmentType.GNU_RELRO)).isFalse();
      assertThat(elf.dynamic().bindNow()).isFalse();
      assertThat(elf.notes().gnuProperties().ibt()).isFalse();
    }
  }

  @Test
  void pieAndFixedAddressExecutables() throws IOException {
    try (ElfFile elf = open(Fixture.PIE)) {
      assertThat(elf.type()).isEqualTo(ElfType.DYN);
      assertThat(elf.interpreter()).contains("/lib64/ld-linux-x86-64.so.2");
      assertThat(elf.dynamic().has(DynamicTag.DEBUG)).isTrue();
      assertThat(elf.dynamic().pieFlag()).isTrue();
      assertThat(elf.segments().has(SegmentType.PHDR)).isTrue();
      assertThat(elf.notes().abiTag()).hasValueSatisfying(t -> assertThat(t.osName()).isEqualTo("Linux"));
    }
    try (ElfFile elf = open(Fixture.NO_PIE)) {
      assertThat(elf.type()).isEqualTo(ElfType.EXEC);
      assertThat(elf.type().label()).isEqualTo("exec");
      assertThat(elf.dynamic().pieFlag()).isFalse();
    }
  }

  @Test
  void executableStack() throws IOException {
    try (ElfFile elf = open(Fixture.EXECSTACK_SO)) {
      Segment stack = elf.segments().last(SegmentType.GNU_STACK).orElseThrow();
      assertThat(stack.isExecutable()).isTrue();
      assertThat(stack.flagString()).isEqualTo("RWE");
    }
  }

  @Test
  void searchPaths() throws IOException {
    try (ElfFile elf = open(Fixture.RUNPATH_SO)) {
      assertThat(elf.dynamic().runpath()).containsExactly("/opt/fixture/lib", "$ORIGIN/../lib");
      assertThat(elf.dynamic().rpath()).isEmpty();
    }
    try (ElfFile elf = open(Fixture.RPATH_SO)) {
      assertThat(elf.dynamic().rpath()).containsExactly("/opt/fixture/lib");
      assertThat(elf.dynamic().runpath()).isEmpty();
    }
  }

  @Test
  void symbolVersioning() throws IOException {
    try (ElfFile elf = open(Fixture.VERSIONED_SO)) {
      VersionRequirements req = elf.versionRequirements();
      assertThat(req.highest("GLIBC").map(SymbolVersion::name)).contains("GLIBC_2.34");
      assertThat(req.inNamespace("GLIBC").get(0).name()).isEqualTo("GLIBC_2.2.5");
      assertThat(req.requires("GLIBC_2.2.5")).isTrue();
      assertThat(req.from("libc.so.6")).isNotEmpty();
      assertThat(req.highest("GLIBCXX")).isEmpty();
      assertThat(elf.dynamicSymbols().undefined().named("memcpy").first().flatMap(Symbol::version)).contains("GLIBC_2.2.5");
      assertThat(elf.dynamicSymbols().undefined().named("pthread_create").first().flatMap(Symbol::version))
          .contains("GLIBC_2.34");
      List<VersionDefinition> defs = elf.versionDefinitions();
      assertThat(defs.stream().map(VersionDefinition::name)).containsExactly("versioned.so", "FOO_1.0", "FOO_2.0");
      assertThat(defs.get(0).isBase()).isTrue();
      assertThat(defs.get(2).parents()).containsExactly("FOO_1.0");
      Symbol bar = elf.dynamicSymbols().defined().named("bar").first().orElseThrow();
      assertThat(bar.version()).contains("FOO_2.0");
      assertThat(bar.library()).isEmpty();
      assertThat(bar.versionedName()).isEqualTo("bar@@FOO_2.0");
      assertThat(elf.dynamicSymbols().withVersion("FOO_1.0").defined().names()).contains("foo", "copy", "spawn");
    }
  }

  @Test
  void cxxNamespaces() throws IOException {
    try (ElfFile elf = open(Fixture.CXX_SO)) {
      var highest = elf.versionRequirements().highestByNamespace();
      assertThat(highest).containsKeys("GLIBC", "GLIBCXX", "CXXABI");
      assertThat(highest.get("GLIBCXX").numbers().get(0)).isEqualTo(3L);
      assertThat(elf.versionRequirements().inNamespace("GLIBCXX").stream().map(SymbolVersion::name))
          .startsWith("GLIBCXX_3.4");
    }
  }

  @Test
  void thirtyTwoBit() throws IOException {
    try (ElfFile elf = open(Fixture.M32_SO)) {
      assertThat(elf.bits()).isEqualTo(32);
      assertThat(elf.machine()).isEqualTo(Machine.I386);
      assertThat(elf.header().machineLabel()).isEqualTo("i386");
      assertThat(elf.dynamicSymbols().undefined().named("__stack_chk_fail").exists()).isTrue();
      assertThat(elf.dynamic().bindNow()).isTrue();
      assertThat(elf.versionRequirements().highest("GLIBC")).isPresent();
    }
  }

  @Test
  void cetPropertyNote() throws IOException {
    try (ElfFile elf = open(Fixture.CET_NOSTDLIB_SO)) {
      GnuProperties p = elf.notes().gnuProperties();
      assertThat(p.x86Feature1And()).hasValue(GnuProperties.X86_IBT | GnuProperties.X86_SHSTK);
      assertThat(p.ibt()).isTrue();
      assertThat(p.shstk()).isTrue();
      assertThat(p.bti()).isFalse();
      assertThat(p.aarch64Feature1And()).isEmpty();
      assertThat(elf.segmentNotes().gnuProperties().ibt()).isTrue();
      assertThat(elf.segments().has(SegmentType.GNU_PROPERTY)).isTrue();
    }
  }

  @Test
  void packageAndGoNotes() throws IOException {
    try (ElfFile elf = open(Fixture.NOTES_SO)) {
      assertThat(elf.notes().packageMetadata()).contains("{\"type\":\"deb\",\"name\":\"fixture\",\"version\":\"1.0\"}");
      assertThat(elf.notes().goBuildId()).contains("abc/def");
      assertThat(elf.notes().owner("FDO")).hasSize(1);
      assertThat(elf.notes().find("Go", Note.NT_GO_BUILDID).map(Note::source)).contains(".note.go.buildid");
    }
    try (ElfFile elf = open(Fixture.HARDENED_SO)) {
      assertThat(elf.notes().packageMetadata()).isEmpty();
      assertThat(elf.notes().goBuildId()).isEmpty();
    }
  }

  @Test
  void aarch64PropertyBitsAreReadForAarch64Only() throws IOException {
    // The x86 CET fixture rewritten as AArch64 with FEATURE_1_AND = BTI | PAC: same note framing, other meaning.
    ElfHostileTest.Mutant m = ElfHostileTest.Mutant.of(Fixture.CET_NOSTDLIB_SO);
    Section prop = m.section(".note.gnu.property");
    m.u16(18, Machine.AARCH64.value());
    m.u32(prop.offset() + 16, GnuProperties.AARCH64_FEATURE_1_AND);
    try (ElfFile elf = m.open()) {
      GnuProperties p = elf.notes().gnuProperties();
      assertThat(p.aarch64Feature1And()).hasValue(3);
      assertThat(p.bti()).isTrue();
      assertThat(p.pac()).isTrue();
      assertThat(p.gcs()).isFalse();
      assertThat(p.ibt()).isFalse();
      assertThat(p.x86Feature1And()).isEmpty();
    }
  }

  @Test
  void relocatableObject() throws IOException {
    try (ElfFile elf = open(Fixture.OBJECT)) {
      assertThat(elf.type()).isEqualTo(ElfType.REL);
      assertThat(elf.segments().isEmpty()).isTrue();
      assertThat(elf.dynamic().exists()).isFalse();
      assertThat(elf.dynamic().origin()).isEqualTo(Dynamic.Origin.NONE);
      assertThat(elf.dynamicSymbols().isEmpty()).isTrue();
      assertThat(elf.symbolTable().defined().functions().names()).contains("fixture_copy", "fixture_answer");
      assertThat(elf.symbolTable().undefined().names()).contains("strlen");
      assertThat(elf.sections().named(".text.fixture_answer")).isPresent();
      ByteBuffer text = elf.contents(elf.section(".text.fixture_answer").orElseThrow());
      assertThat(text.remaining()).isPositive();
    }
  }

  @ParameterizedTest
  @CsvSource({
    "debian-bookworm-amd64/_psutil_posix.cpython-311-x86_64-linux-gnu.so, x86_64, 64, little, 2.4",
    "debian-bookworm-arm64/_psutil_posix.cpython-311-aarch64-linux-gnu.so, aarch64, 64, little, 2.17",
    "debian-bookworm-armhf/_psutil_posix.cpython-311-arm-linux-gnueabihf.so, arm, 32, little, 2.4",
    "debian-bookworm-i386/_psutil_posix.cpython-311-i386-linux-gnu.so, i386, 32, little, 2.4",
    "debian-bookworm-mips64el/_psutil_posix.cpython-311-mips64el-linux-gnuabi64.so, mips64, 64, little, 2.4",
    "debian-bookworm-ppc64el/_psutil_posix.cpython-311-powerpc64le-linux-gnu.so, ppc64le, 64, little, 2.17",
    "debian-bookworm-s390x/_psutil_posix.cpython-311-s390x-linux-gnu.so, s390x, 64, big, 2.4",
  })
  void corpusMachines(String file, String label, int bits, String endian, String glibc) throws IOException {
    try (ElfFile elf = ElfFile.open(Corpus.corpus("elf/" + file))) {
      assertThat(elf.header().machineLabel()).isEqualTo(label);
      assertThat(elf.bits()).isEqualTo(bits);
      assertThat(elf.header().endianLabel()).isEqualTo(endian);
      assertThat(elf.versionRequirements().highest("GLIBC").map(SymbolVersion::number)).contains(glibc);
      assertThat(elf.dynamicSymbols().undefined().named("__stack_chk_fail").exists()).isTrue();
      assertThat(elf.dynamic().needed()).contains("libc.so.6");
      assertThat(elf.defects()).isEmpty();
    }
  }

  @Test
  void machineLabelsDependOnClassAndByteOrder() {
    assertThat(Machine.PPC64.label(64, ByteOrder.LITTLE_ENDIAN)).isEqualTo("ppc64le");
    assertThat(Machine.PPC64.label(64, ByteOrder.BIG_ENDIAN)).isEqualTo("ppc64");
    assertThat(Machine.S390.label(64, ByteOrder.BIG_ENDIAN)).isEqualTo("s390x");
    assertThat(Machine.S390.label(32, ByteOrder.BIG_ENDIAN)).isEqualTo("s390");
    assertThat(Machine.RISCV.label(64, ByteOrder.LITTLE_ENDIAN)).isEqualTo("riscv64");
    assertThat(Machine.LOONGARCH.label(64, ByteOrder.LITTLE_ENDIAN)).isEqualTo("loongarch64");
    assertThat(Machine.MIPS.label(64, ByteOrder.BIG_ENDIAN)).isEqualTo("mips64");
    assertThat(Machine.X86_64.label(32, ByteOrder.LITTLE_ENDIAN)).isEqualTo("x32");
    assertThat(Machine.SPARCV9.label(64, ByteOrder.BIG_ENDIAN)).isEqualTo("sparc64");
    assertThat(Machine.of(21)).isEqualTo(Machine.PPC64);
    assertThat(Machine.of(0x1234)).isEqualTo(Machine.UNKNOWN);
  }

  @Test
  void theSameAnswersFromAStreamInMemoryOrSpilledAndFromABuffer(@org.junit.jupiter.api.io.TempDir Path tmp)
      throws IOException {
    Path file = NativeFixtures.get(Fixture.VERSIONED_SO);
    byte[] bytes = Files.readAllBytes(file);
    List<String> expected;
    try (ElfFile elf = ElfFile.open(file)) {
      expected = elf.dynamicSymbols().stream().map(Symbol::versionedName).collect(Collectors.toList());
    }
    try (ElfFile elf = ElfFile.read(new ByteArrayInputStream(bytes), bytes.length)) {
      assertThat(elf.dynamicSymbols().stream().map(Symbol::versionedName)).containsExactlyElementsOf(expected);
    }
    ElfFile spilled = ElfFile.of(
        ByteSources.fromStream(new ByteArrayInputStream(bytes), bytes.length, 0, tmp), ElfLimits.defaults());
    try {
      assertThat(spills(tmp)).hasSize(1);
      assertThat(spilled.dynamicSymbols().stream().map(Symbol::versionedName)).containsExactlyElementsOf(expected);
    } finally {
      spilled.close();
    }
    assertThat(spills(tmp)).isEmpty();
    try (ElfFile elf = ElfFile.read(new ByteArrayInputStream(bytes), bytes.length, ElfLimits.defaults().withMemoryThreshold(0))) {
      assertThat(elf.dynamicSymbols().stream().map(Symbol::versionedName)).containsExactlyElementsOf(expected);
    }
    ByteBuffer buf = ByteBuffer.allocate(bytes.length + 10);
    buf.position(10);
    buf.put(bytes).position(10);
    try (ElfFile elf = ElfFile.of(buf)) {
      assertThat(elf.dynamicSymbols().stream().map(Symbol::versionedName)).containsExactlyElementsOf(expected);
    }
    assertThat(buf.position()).isEqualTo(10);
  }

  private static List<Path> spills(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith("wheeltapper-")).collect(Collectors.toList());
    }
  }

  @Test
  void aShortOrLongStreamIsRejected() throws IOException {
    byte[] bytes = Files.readAllBytes(NativeFixtures.get(Fixture.HARDENED_SO));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ElfFile.read(new ByteArrayInputStream(bytes), bytes.length + 1))
        .isInstanceOf(java.io.EOFException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ElfFile.read(new ByteArrayInputStream(bytes), bytes.length - 1))
        .isInstanceOf(java.io.EOFException.class);
  }

  /** A source that records every range read, to prove laziness. */
  private static final class RecordingSource implements ByteSource {
    final ByteSource inner;
    final List<long[]> reads = new ArrayList<>();

    RecordingSource(ByteSource inner) {
      this.inner = inner;
    }

    @Override
    public long size() {
      return inner.size();
    }

    @Override
    public synchronized ByteBuffer slice(long offset, int length) throws IOException {
      reads.add(new long[] {offset, length});
      return inner.slice(offset, length);
    }
  }

  @Test
  void askingForTheMachineReadsOnlyTheHeader() throws IOException {
    Path file = NativeFixtures.get(Fixture.HARDENED_SO);
    Section dynsym;
    try (ElfFile elf = ElfFile.open(file)) {
      dynsym = elf.sections().withType(SectionType.DYNSYM).first().orElseThrow();
    }
    RecordingSource rec = new RecordingSource(ByteSources.map(file));
    try (ElfFile elf = ElfFile.of(rec, ElfLimits.defaults())) {
      assertThat(elf.machine()).isEqualTo(Machine.X86_64);
      assertThat(rec.reads).allSatisfy(r -> assertThat(r[0] + r[1]).isLessThanOrEqualTo(64));
      elf.dynamic();
      assertThat(rec.reads).noneMatch(r -> r[0] == dynsym.offset());
      elf.dynamicSymbols();
      assertThat(rec.reads).anyMatch(r -> r[0] == dynsym.offset());
      int n = rec.reads.size();
      elf.dynamicSymbols();
      assertThat(rec.reads).as("memoized").hasSize(n);
    }
  }

  @Test
  void concurrentFirstUseComputesEachTableOnce() throws Exception {
    try (ElfFile elf = open(Fixture.VERSIONED_SO)) {
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
      try {
        List<java.util.concurrent.Future<Symbols>> futures = new ArrayList<>();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        for (int i = 0; i < 16; i++) {
          futures.add(pool.submit(() -> {
            start.await();
            elf.versionRequirements();
            return elf.dynamicSymbols();
          }));
        }
        start.countDown();
        Symbols first = futures.get(0).get();
        for (java.util.concurrent.Future<Symbols> f : futures) {
          assertThat(f.get()).isSameAs(first);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void symbolVersionsCompareNumerically() {
    assertThat(SymbolVersion.parse("GLIBC_2.17")).isLessThan(SymbolVersion.parse("GLIBC_2.29"));
    assertThat(SymbolVersion.parse("GLIBC_2.9")).isLessThan(SymbolVersion.parse("GLIBC_2.10"));
    assertThat(SymbolVersion.parse("GLIBCXX_3.4.9")).isLessThan(SymbolVersion.parse("GLIBCXX_3.4.22"));
    assertThat(SymbolVersion.parse("GLIBC_2.2")).isLessThan(SymbolVersion.parse("GLIBC_2.2.5"));
    SymbolVersion cxx = SymbolVersion.parse("CXXABI_1.3.7");
    assertThat(cxx.namespace()).isEqualTo("CXXABI");
    assertThat(cxx.numbers()).containsExactly(1L, 3L, 7L);
    assertThat(cxx.number()).isEqualTo("1.3.7");
    assertThat(SymbolVersion.parse("GCC_4.2.0").namespace()).isEqualTo("GCC");
    assertThat(SymbolVersion.parse("CXXABI_TM_1").namespace()).isEqualTo("CXXABI_TM");
    SymbolVersion priv = SymbolVersion.parse("GLIBC_PRIVATE");
    assertThat(priv.namespace()).isEqualTo("GLIBC_PRIVATE");
    assertThat(priv.numbers()).isEmpty();
    assertThat(SymbolVersion.parse("X_99999999999999999999999").numbers()).isEmpty();
  }

  /**
   * The per-position accessors of a whole table (issue 19: passes over a large library's names read only what they
   * need) answer as the decoded symbols do, on every symbol of both tables of real binaries (x86-64, and big-endian
   * 64-bit s390x), the name hashes kept from the reading included.
   */
  @ParameterizedTest
  @CsvSource({"debian-bookworm-amd64/_rust.abi3.so", "debian-bookworm-amd64/_openssl.abi3.so",
      "debian-bookworm-s390x/_yaml.cpython-311-s390x-linux-gnu.so"})
  void positionalAccessorsAnswerAsTheDecodedSymbols(String file) throws IOException {
    try (ElfFile elf = ElfFile.open(Corpus.corpus("elf/" + file))) {
      int checked = 0;
      for (Symbols table : List.of(elf.dynamicSymbols(), elf.symbolTable())) {
        for (int i = 0; i < table.size(); i++) {
          Symbol s = table.list().get(i);
          assertThat(table.name(i)).isEqualTo(s.name());
          assertThat(table.nameHash(i)).isEqualTo(s.name().hashCode());
          assertThat(table.isDefined(i)).isEqualTo(s.isDefined());
          assertThat(table.rawType(i)).isEqualTo(s.rawType());
          checked++;
        }
        Symbols some = table.defined();
        for (int i = 0; i < some.size(); i++) {
          assertThat(some.nameHash(i)).isEqualTo(some.list().get(i).name().hashCode());
          assertThat(some.isDefined(i)).isTrue();
        }
      }
      assertThat(checked).isGreaterThan(100);
    }
  }
}
