package dev.wheeltapper.inspect;

import dev.wheeltapper.inspect.BinaryInspection;
import dev.wheeltapper.inspect.BinaryInspector;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.elf.ElfFile;
import dev.wheeltapper.hardening.HardeningCheck;
import dev.wheeltapper.hardening.RpathKind;
import dev.wheeltapper.hardening.Status;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.testsupport.Corpus;
import dev.wheeltapper.testing.WheelElfMembers;
import dev.wheeltapper.toolchain.Language;
import dev.wheeltapper.toolchain.MemorySafety;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Languages, bindings, memory safety and the notable hardening facts of the real binaries in the corpus. */
class CorpusClassificationTest {

  static List<String> arches() throws IOException {
    try (Stream<Path> s = Files.list(Corpus.corpus("elf"))) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  private static BinaryInspection one(String arch, String prefix) throws IOException {
    Path dir = Corpus.corpus("elf/" + arch);
    Path file;
    try (Stream<Path> s = Files.list(dir)) {
      file = s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
    }
    try (ElfFile elf = ElfFile.open(file)) {
      return BinaryInspector.forPath(arch + "/" + file.getFileName()).inspect(elf);
    }
  }

  private static BinaryInspection member(String wheelPart) throws IOException {
    WheelElfMembers.Member m = WheelElfMembers.all().stream().filter(x -> x.wheel().contains(wheelPart))
        .findFirst().orElseThrow();
    try (ElfFile elf = ElfFile.open(m.file())) {
      return BinaryInspector.forPath(m.entry()).inWheel().inspect(elf);
    }
  }

  private static List<String> codes(BinaryInspection i) {
    return i.findings().stream().map(Finding::code).collect(Collectors.toList());
  }

  @ParameterizedTest
  @MethodSource("arches")
  void cryptographyRustModuleIsRustOnly(String arch) throws IOException {
    BinaryInspection i = one(arch, "_rust.abi3.so");
    // cryptography 38's _rust holds only Rust (asn1, chrono, pyo3 ...); OpenSSL is reached through the separate cffi
    // module _openssl, so no C is linked in: no C source names, no canary or FORTIFY references, which Debian's
    // C flags (-fstack-protector-strong -D_FORTIFY_SOURCE=2) would have left
    assertThat(i.toolchain().languageLabels()).containsExactly("rust");
    assertThat(i.toolchain().bindingLabels()).containsExactly("pyo3");
    assertThat(i.toolchain().memorySafe()).isEqualTo(MemorySafety.YES);
    assertThat(i.toolchain().evidence(Language.RUST).orElseThrow())
        .anyMatch(e -> e.contains("library/") && e.contains(".rs"))
        .anyMatch(e -> e.contains("pyo3-0.17.3"));
    assertThat(i.hardening().status(HardeningCheck.CANARY)).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(i.hardening().status(HardeningCheck.FORTIFY)).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(i.hardening().result(HardeningCheck.RELRO).value().label()).isEqualTo("full");
    assertThat(i.hardening().result(HardeningCheck.PIE).evidence()).contains("DT_SONAME libcryptography_rust.so");
    assertThat(codes(i)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("arches")
  void cryptographyOpensslModuleIsCViaCffi(String arch) throws IOException {
    BinaryInspection i = one(arch, "_openssl.abi3.so");
    assertThat(i.toolchain().languageLabels()).containsExactly("c");
    assertThat(i.toolchain().bindingLabels()).containsExactly("cffi");
    assertThat(i.toolchain().memorySafe()).isEqualTo(MemorySafety.NO);
    assertThat(i.hardening().result(HardeningCheck.CANARY).value().label()).isEqualTo("yes");
  }

  @ParameterizedTest
  @MethodSource("arches")
  void yamlIsCython(String arch) throws IOException {
    BinaryInspection i = one(arch, "_yaml");
    assertThat(i.toolchain().languageLabels()).containsExactly("cython");
    assertThat(i.toolchain().bindingLabels()).containsExactly("cython");
    assertThat(i.toolchain().memorySafe()).isEqualTo(MemorySafety.NO);
    assertThat(i.needed()).contains("libyaml-0.so.2");
  }

  @ParameterizedTest
  @MethodSource("arches")
  void psutilIsPlainCApi(String arch) throws IOException {
    for (String prefix : List.of("_psutil_linux", "_psutil_posix")) {
      BinaryInspection i = one(arch, prefix);
      assertThat(i.toolchain().languageLabels()).as(prefix).containsExactly("c");
      assertThat(i.toolchain().bindingLabels()).as(prefix).containsExactly("capi");
      assertThat(i.hardening().result(HardeningCheck.FORTIFY).value().label()).as(prefix).isEqualTo("partial");
    }
  }

  @ParameterizedTest
  @MethodSource("arches")
  void debianMipsGccMarksTheStackExecutable(String arch) throws IOException {
    // Debian's mips64el gcc 12 still emits PT_GNU_STACK RWE for C objects; rustc/LLD does not
    boolean mips = arch.contains("mips");
    for (String prefix : List.of("_openssl", "_psutil_linux", "_yaml")) {
      BinaryInspection i = one(arch, prefix);
      assertThat(i.hardening().result(HardeningCheck.EXECSTACK).value().label()).as(prefix).isEqualTo(mips ? "yes" : "no");
      assertThat(codes(i).contains("hardening.execstack")).isEqualTo(mips);
    }
    assertThat(one(arch, "_rust").hardening().result(HardeningCheck.EXECSTACK).value().label()).isEqualTo("no");
  }

  @Test
  void cffi150HasNoRelroAndAnAbsoluteRpath() throws IOException {
    BinaryInspection i = member("cffi-1.5.0");
    assertThat(i.hardening().result(HardeningCheck.RELRO).value().label()).isEqualTo("none");
    assertThat(i.hardening().rpath()).singleElement()
        .satisfies(e -> assertThat(e.kind()).isEqualTo(RpathKind.ABSOLUTE));
    assertThat(codes(i)).contains("hardening.no-relro", "hardening.rpath", "hardening.no-canary",
        "hardening.no-fortify");
    assertThat(i.toolchain().bindingLabels()).containsExactly("cffi");
  }

  @Test
  void testsimpleMips64HasAnExecutableStack() throws IOException {
    BinaryInspection i = member("linux_mips64");
    assertThat(codes(i)).contains("hardening.execstack");
    assertThat(i.toolchain().languageLabels()).containsExactly("c");
    assertThat(i.toolchain().bindingLabels()).containsExactly("capi");
  }

  @Test
  void cxxWheels() throws IOException {
    BinaryInspection mscl = member("python_mscl");
    assertThat(mscl.toolchain().languageLabels()).containsExactly("c++");
    assertThat(mscl.machine()).isEqualTo("aarch64");
    assertThat(mscl.hardening().result(HardeningCheck.BTI).value().label()).isEqualTo("no");
    BinaryInspection adder = member("gepetto_example_adder-3.0.2-cp39");
    assertThat(adder.toolchain().languageLabels()).containsExactly("c++");
    assertThat(adder.path()).startsWith("gepetto_example_adder-3.0.2.data/data/");
  }

  @Test
  void androidModuleLinksTheNdkRuntime() throws IOException {
    BinaryInspection i = member("android");
    // crtbegin_so.c is NDK glue; spam.c is the module, and libc++_shared.so is needed
    assertThat(i.toolchain().evidence(Language.C).orElseThrow()).containsExactly("C source files in .symtab: spam.c");
    assertThat(i.toolchain().languageLabels()).containsExactly("c", "c++");
    assertThat(i.toolchain().bindings().get(0).evidence()).contains("exports PyInit_spam");
    // LLD writes PT_PHDR here too, and it is still a shared object
    assertThat(i.hardening().result(HardeningCheck.PIE).value().label()).isEqualTo("dso");
  }
}
