package dev.wheeltapper.inspect;

import dev.wheeltapper.inspect.BinaryInspection;
import dev.wheeltapper.inspect.BinaryInspector;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.elf.ElfFile;
import dev.wheeltapper.elf.ElfFormatException;
import dev.wheeltapper.hardening.HardeningCheck;
import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Severity;
import dev.wheeltapper.testsupport.FuzzSeeds;
import dev.wheeltapper.testing.HardeningFixtures;
import dev.wheeltapper.testing.HardeningFixtures.Fixture;
import dev.wheeltapper.testsupport.Corpus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The whole inspection on damaged and lying files: an inspection or an {@link ElfFormatException}, nothing else. */
class BinaryInspectorHostileTest {

  /** Inspects, returning empty when the file is rejected with the documented exception. */
  private static Optional<BinaryInspection> inspect(byte[] bytes) {
    FuzzSeeds.offer(bytes, "ElfFuzzTest#reader", "ElfFuzzTest#inspect");
    try (ElfFile elf = ElfFile.of(bytes)) {
      return Optional.of(BinaryInspector.forPath("pkg/x.so").inWheel().inspect(elf));
    } catch (ElfFormatException e) {
      assertThat(e.getMessage()).isNotBlank();
      return Optional.empty();
    } catch (IOException e) {
      throw new AssertionError("undocumented exception", e);
    }
  }

  @Test
  void truncationAtEveryBoundary() throws IOException {
    byte[] whole = Files.readAllBytes(
        Corpus.corpus("elf/debian-bookworm-amd64/_psutil_posix.cpython-311-x86_64-linux-gnu.so"));
    int cuts = 0;
    int rejected = 0;
    for (int cut = 0; cut < whole.length; cut += 61) {
      cuts++;
      rejected += inspect(Arrays.copyOf(whole, cut)).isEmpty() ? 1 : 0;
    }
    // the section header table closes the file, so no truncated copy passes as a clean inspection
    assertThat(rejected).isEqualTo(cuts);
    assertThat(inspect(whole)).isPresent();
  }

  @Test
  void randomMutations() throws IOException {
    byte[] whole = Files.readAllBytes(HardeningFixtures.get(Fixture.FULL));
    Random r = new Random(6);
    for (int round = 0; round < 400; round++) {
      byte[] b = whole.clone();
      int flips = 1 + r.nextInt(16);
      for (int i = 0; i < flips; i++) {
        // bias towards the headers, where a flip changes structure
        int at = r.nextBoolean() ? r.nextInt(Math.min(b.length, 1024)) : r.nextInt(b.length);
        b[at] = (byte) r.nextInt(256);
      }
      inspect(b);
    }
  }

  /** Rewrites the type and flags of the first program header of a type (ELF64 little-endian). */
  private static byte[] patchSegment(byte[] elf, long type, long newType, int newFlags) {
    byte[] b = elf.clone();
    ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    long phoff = bb.getLong(0x20);
    int phentsize = bb.getShort(0x36) & 0xffff;
    int phnum = bb.getShort(0x38) & 0xffff;
    for (int i = 0; i < phnum; i++) {
      int at = (int) phoff + i * phentsize;
      if ((bb.getInt(at) & 0xffffffffL) == type) {
        bb.putInt(at, (int) newType);
        bb.putInt(at + 4, newFlags);
        return b;
      }
    }
    throw new AssertionError("no segment of type " + type);
  }

  @Test
  void liesInTheProgramHeadersReachTheVerdicts() throws IOException {
    byte[] rust = Files.readAllBytes(HardeningFixtures.get(Fixture.RUST));
    BinaryInspection exec = inspect(patchSegment(rust, 0x6474e551L, 0x6474e551L, 7)).orElseThrow();
    assertThat(exec.hardening().result(HardeningCheck.EXECSTACK).value().label()).isEqualTo("yes");
    assertThat(exec.findings().stream().map(Finding::code).collect(Collectors.toList()))
        .containsExactly("hardening.execstack");
    BinaryInspection missing = inspect(patchSegment(rust, 0x6474e551L, 0, 6)).orElseThrow();
    assertThat(missing.findings().stream().map(Finding::code).collect(Collectors.toList()))
        .containsExactly("hardening.no-nx");
    BinaryInspection noRelro = inspect(patchSegment(rust, 0x6474e552L, 0, 4)).orElseThrow();
    assertThat(noRelro.hardening().result(HardeningCheck.RELRO).value().label()).isEqualTo("none");
    // the language evidence does not depend on the headers
    assertThat(noRelro.toolchain().languageLabels()).containsExactly("rust");
  }

  /**
   * A binary that parses with defects is not a silent pass: the inspection carries one {@code binary.malformed}
   * warning quoting the first defects, here a symbol table linked to {@code .text} instead of its string table.
   */
  @Test
  void readerDefectsBecomeOneMalformedWarning() throws IOException {
    byte[] clean = Files.readAllBytes(HardeningFixtures.get(Fixture.FULL));
    assertThat(inspect(clean).orElseThrow().findings()).noneMatch(f -> f.code().equals(Codes.BINARY_MALFORMED));

    byte[] b = clean.clone();
    ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    int dynsym;
    int text;
    try (ElfFile elf = ElfFile.of(clean.clone())) {
      dynsym = elf.sections().named(".dynsym").orElseThrow().index();
      text = elf.sections().named(".text").orElseThrow().index();
    }
    long shoff = bb.getLong(0x28);
    int shentsize = bb.getShort(0x3a) & 0xffff;
    bb.putInt((int) (shoff + (long) dynsym * shentsize + 40), text); // sh_link of .dynsym
    BinaryInspection i = inspect(b).orElseThrow();
    assertThat(i.findings()).filteredOn(f -> f.code().equals(Codes.BINARY_MALFORMED)).singleElement()
        .satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Severity.WARNING);
          assertThat(f.path()).isEqualTo("pkg/x.so");
          assertThat(f.message()).startsWith("The ELF file has ")
              .contains(".dynsym at 0x").contains("sh_link " + text + " points to .text, which is not SHT_STRTAB");
        });
  }

  @Test
  void withoutSectionHeadersTheSegmentsStillTell() throws IOException {
    // as sstrip leaves a file: e_shoff, e_shnum and e_shstrndx zeroed
    byte[] b = Files.readAllBytes(Corpus.corpus("elf/debian-bookworm-amd64/_rust.abi3.so"));
    ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    bb.putLong(0x28, 0).putShort(0x3c, (short) 0).putShort(0x3e, (short) 0);
    BinaryInspection i = inspect(b).orElseThrow();
    assertThat(i.hardening().result(HardeningCheck.RELRO).value().label()).isEqualTo("full");
    assertThat(i.hardening().result(HardeningCheck.NX).value().label()).isEqualTo("yes");
    assertThat(i.hardening().result(HardeningCheck.STRIPPED).value().label()).isEqualTo("yes");
    // .rodata is found through the read-only PT_LOAD
    assertThat(i.toolchain().languageLabels()).containsExactly("rust");
    assertThat(i.toolchain().bindingLabels()).containsExactly("pyo3");
    assertThat(i.needed()).contains("libc.so.6");
  }
}
