package dev.wheeltapper.inspect;

import dev.wheeltapper.inspect.BinaryInspection;
import dev.wheeltapper.inspect.BinaryInspector;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.elf.ElfFile;
import dev.wheeltapper.hardening.CheckResult;
import dev.wheeltapper.hardening.ElfHardening;
import dev.wheeltapper.hardening.HardeningCheck;
import dev.wheeltapper.hardening.Status;
import dev.wheeltapper.hardening.RpathKind;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.testing.HardeningFixtures;
import dev.wheeltapper.testing.HardeningFixtures.Fixture;
import dev.wheeltapper.toolchain.Binding;
import dev.wheeltapper.toolchain.Language;
import dev.wheeltapper.toolchain.MemorySafety;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every check on binaries compiled in this test run with known flags (see {@link HardeningFixtures}), each giving
 * exactly the expected value and status.
 */
class HardeningFixturesTest {

  /** A gcc x86-64 shared object with the toolchain defaults this test pins: partial RELRO, nothing else. */
  private static final String BASE = "relro=partial:partial gnuRelro=yes:pass bindNow=no:fail canary=no:fail"
      + " nx=yes:pass execstack=no:pass pie=dso:not-applicable fortify=none:fail rpath=none:pass runpath=none:pass"
      + " textrel=no:pass stripped=no:pass debugInfo=no:pass ibt=no:fail shstk=no:fail bti=n/a:not-applicable"
      + " pac=n/a:not-applicable isaLevel=baseline:pass wxSegments=no:pass stackClash=unknown:unknown"
      + " glibcxxAssertions=unknown:unknown";

  private static BinaryInspection inspect(Fixture f) throws IOException {
    Path p = HardeningFixtures.get(f);
    try (ElfFile elf = ElfFile.open(p)) {
      return BinaryInspector.forPath("pkg/" + p.getFileName()).inWheel().inspect(elf);
    }
  }

  private static void expect(BinaryInspection i, String overrides) {
    Map<HardeningCheck, String> want = new EnumMap<>(HardeningCheck.class);
    for (String spec : List.of(BASE, overrides)) {
      for (String token : spec.trim().split("\\s+")) {
        if (token.isEmpty()) {
          continue;
        }
        String key = token.substring(0, token.indexOf('='));
        HardeningCheck c = java.util.Arrays.stream(HardeningCheck.values()).filter(x -> x.key().equals(key))
            .findFirst().orElseThrow(() -> new IllegalArgumentException(key));
        want.put(c, token.substring(token.indexOf('=') + 1));
      }
    }
    Map<HardeningCheck, String> got = new EnumMap<>(HardeningCheck.class);
    for (CheckResult r : i.hardening().list()) {
      got.put(r.check(), r.value().label() + ":" + r.status().label());
    }
    assertThat(got).as(i.toString()).isEqualTo(want);
  }

  private static List<String> codes(BinaryInspection i) {
    return i.findings().stream().map(Finding::code).collect(Collectors.toList());
  }

  @Test
  void noFlags() throws IOException {
    BinaryInspection i = inspect(Fixture.NONE);
    expect(i, "relro=none:fail gnuRelro=no:fail");
    assertThat(i.hardening().fortify().unprotected()).containsExactly("memcpy", "printf", "read", "strcpy");
    assertThat(i.hardening().fortify().fortified()).isEmpty();
    assertThat(codes(i)).containsExactly("hardening.no-relro", "hardening.no-canary", "hardening.no-fortify");
    assertThat(i.toolchain().languageLabels()).containsExactly("c");
    assertThat(i.toolchain().bindings()).isEmpty();
    assertThat(i.toolchain().memorySafe()).isEqualTo(MemorySafety.NO);
    assertThat(i.toolchain().compilers()).anyMatch(c -> c.startsWith("GCC: "));
    assertThat(i.type()).isEqualTo("dyn");
    assertThat(i.machine()).isEqualTo("x86_64");
    assertThat(i.needed()).contains("libc.so.6");
    assertThat(i.symbolVersions()).containsKey("GLIBC");
  }

  @Test
  void hardenedFlags() throws IOException {
    BinaryInspection i = inspect(Fixture.FULL);
    // -fcf-protection marks the objects, but Debian 12's crt files are not CET-marked, so ld's AND-merge drops the
    // property note: IBT/SHSTK read "no GNU property note", as readelf -n shows
    expect(i, "relro=full:pass bindNow=yes:pass canary=yes:pass fortify=partial:partial");
    assertThat(i.hardening().fortify().fortified()).containsExactly("__printf_chk", "__stpcpy_chk");
    assertThat(i.hardening().fortify().unprotected()).containsExactly("read");
    assertThat(i.hardening().result(HardeningCheck.RELRO).evidence())
        .isEqualTo("PT_GNU_RELRO present, DT_FLAGS has DF_BIND_NOW (0x8), DT_FLAGS_1 has DF_1_NOW (0x1)");
    assertThat(i.hardening().result(HardeningCheck.IBT).evidence())
        .isEqualTo("no GNU property note (NT_GNU_PROPERTY_TYPE_0)");
    assertThat(codes(i)).isEmpty();
  }

  @Test
  void executableStack() throws IOException {
    BinaryInspection i = inspect(Fixture.EXECSTACK);
    expect(i, "nx=no:fail execstack=yes:fail");
    assertThat(codes(i)).containsExactly("hardening.partial-relro", "hardening.no-canary", "hardening.execstack",
        "hardening.no-fortify");
    assertThat(i.hardening().result(HardeningCheck.EXECSTACK).jsonValue()).isEqualTo(true);
    assertThat(i.hardening().result(HardeningCheck.NX).jsonValue()).isEqualTo(false);
    assertThat(((ElfHardening) i.hardening()).stack()).isEqualTo(ElfHardening.Stack.EXECUTABLE_BY_HEADER);
  }

  @Test
  void absoluteRpath() throws IOException {
    BinaryInspection i = inspect(Fixture.RPATH);
    expect(i, "rpath=unsafe:fail");
    assertThat(i.hardening().rpath()).singleElement()
        .satisfies(e -> assertThat(e.kind()).isEqualTo(RpathKind.ABSOLUTE))
        .satisfies(e -> assertThat(e.entry()).isEqualTo("/abs/lib"));
    assertThat(codes(i)).contains("hardening.rpath");
    assertThat(i.hardening().runpath()).isEmpty();
    assertThat(i.hardening().searchPaths().get(0).tag()).isEqualTo(dev.wheeltapper.hardening.SearchPaths.Tag.DT_RPATH);
  }

  @Test
  void auditwheelRunpathStaysInsideTheWheel() throws IOException {
    BinaryInspection i = inspect(Fixture.RUNPATH);
    expect(i, "runpath=safe:pass");
    assertThat(i.hardening().runpath()).singleElement()
        .satisfies(e -> assertThat(e.kind()).isEqualTo(RpathKind.ORIGIN_INSIDE))
        .satisfies(e -> assertThat(e.resolved()).isEqualTo("pkg.libs"));
    assertThat(codes(i)).doesNotContain("hardening.rpath");
    // the same binary at the wheel root: $ORIGIN/.. leaves the wheel
    try (ElfFile elf = ElfFile.open(HardeningFixtures.get(Fixture.RUNPATH))) {
      BinaryInspection top = BinaryInspector.forPath("runpath.so").inWheel().inspect(elf);
      assertThat(top.hardening().runpath().get(0).kind()).isEqualTo(RpathKind.ORIGIN_ESCAPES);
      assertThat(codes(top)).contains("hardening.rpath");
      // the same file bare (forPath without inWheel): $ORIGIN is judged relative to the binary only
      BinaryInspector bare = BinaryInspector.forPath("runpath.so");
      assertThat(bare.inspect(elf).hardening().runpath().get(0).kind()).isEqualTo(RpathKind.ORIGIN);
      assertThat(bare.inWheel().inspect(elf).hardening().runpath().get(0).kind()).isEqualTo(RpathKind.ORIGIN_ESCAPES);
      assertThat(bare.inspect(elf).path()).isEqualTo("runpath.so");
    }
  }

  @Test
  void pieExecutable() throws IOException {
    BinaryInspection i = inspect(Fixture.PIE);
    // the executable links crt1.o, whose property note carries only the ISA level
    expect(i, "pie=yes:pass fortify=none:fail ibt=no:fail shstk=no:fail");
    assertThat(i.hardening().result(HardeningCheck.PIE).evidence()).isEqualTo("ET_DYN with DF_1_PIE in DT_FLAGS_1");
    assertThat(i.hardening().result(HardeningCheck.IBT).evidence())
        .isEqualTo("GNU property note without X86_FEATURE_1_AND");
    assertThat(i.hardening().fortify().unprotected()).containsExactly("strncpy");
    assertThat(i.type()).isEqualTo("dyn");
  }

  @Test
  void fixedAddressExecutable() throws IOException {
    BinaryInspection i = inspect(Fixture.NOPIE);
    expect(i, "pie=no:fail");
    assertThat(i.type()).isEqualTo("exec");
    assertThat(codes(i)).contains("hardening.no-pie");
  }

  @Test
  void cetPropertyNote() throws IOException {
    BinaryInspection i = inspect(Fixture.CET);
    expect(i, "relro=full:pass bindNow=yes:pass ibt=yes:pass shstk=yes:pass isaLevel=v2:pass fortify=unknown:unknown");
    assertThat(i.hardening().result(HardeningCheck.IBT).evidence()).isEqualTo("X86_FEATURE_1_AND 0x3 has IBT");
    assertThat(i.hardening().result(HardeningCheck.IBT).jsonValue()).isEqualTo(true);
    assertThat(i.hardening().result(HardeningCheck.SHSTK).jsonValue()).isEqualTo(true);
    assertThat(i.hardening().result(HardeningCheck.ISA_LEVEL).jsonValue()).isEqualTo("v2");
  }

  @Test
  void textRelocations() throws IOException {
    BinaryInspection i = inspect(Fixture.TEXTREL);
    expect(i, "textrel=yes:fail fortify=unknown:unknown");
    assertThat(i.hardening().result(HardeningCheck.TEXTREL).evidence())
        .isEqualTo("DT_TEXTREL present, DT_FLAGS has DF_TEXTREL (0x4)");
    assertThat(i.bits()).hasValue(32);
    assertThat(i.machine()).isEqualTo("i386");
    assertThat(codes(i)).contains("hardening.textrel");
  }

  @Test
  void writableAndExecutableSegment() throws IOException {
    BinaryInspection i = inspect(Fixture.WX);
    expect(i, "relro=none:fail gnuRelro=no:fail wxSegments=yes:fail fortify=unknown:unknown");
    assertThat(codes(i)).contains("hardening.wx-segment", "hardening.no-relro");
  }

  @Test
  void debugInfoAndStripped() throws IOException {
    expect(inspect(Fixture.DEBUG), "debugInfo=yes:pass");
    BinaryInspection s = inspect(Fixture.STRIPPED);
    expect(s, "stripped=yes:pass canary=yes:pass");
    assertThat(s.hardening().fortify().unprotected()).containsExactly("printf", "read", "stpcpy");
    // without .symtab the C evidence is the stack protector reference only
    assertThat(s.toolchain().languageLabels()).containsExactly("c");
    assertThat(s.toolchain().evidence(Language.C).orElseThrow()).singleElement().asString()
        .startsWith("stack protector references __stack_chk_fail");
  }

  @Test
  void cxxRuntime() throws IOException {
    BinaryInspection i = inspect(Fixture.CXX);
    expect(i, "relro=full:pass bindNow=yes:pass canary=yes:pass fortify=unknown:unknown");
    // C code calling libstdc++ by mangled names (CI has no g++): both languages, each on its own evidence
    assertThat(i.toolchain().languageLabels()).containsExactly("c", "c++");
    assertThat(i.toolchain().evidence(Language.CXX).orElseThrow())
        .contains("C++ runtime symbols __cxa_allocate_exception, __cxa_throw, __gxx_personality_v0",
            "needs libstdc++.so.6");
    assertThat(i.toolchain().evidence(Language.C).orElseThrow()).containsExactly(
        "C source files in .symtab: cxxabi.c");
    assertThat(i.needed()).contains("libstdc++.so.6");
    assertThat(i.symbolVersions()).containsKeys("GLIBC", "GLIBCXX", "CXXABI");
  }

  @Test
  void rustPyO3Cdylib() throws IOException {
    BinaryInspection i = inspect(Fixture.RUST);
    // rust-lld adds PT_PHDR to a shared object: still a DSO (hardening-check says PIE here)
    expect(i, "relro=full:pass bindNow=yes:pass canary=no:not-applicable fortify=none:not-applicable");
    assertThat(i.hardening().result(HardeningCheck.PIE).evidence()).contains("PT_PHDR alone does not make a PIE");
    assertThat(i.toolchain().languageLabels()).containsExactly("rust");
    assertThat(i.toolchain().bindingLabels()).containsExactly("pyo3");
    assertThat(i.toolchain().memorySafe()).isEqualTo(MemorySafety.YES);
    assertThat(i.toolchain().has(Binding.CAPI)).isFalse();
    // the crt objects' GCC line is in .comment, and must not make this library count as C
    assertThat(i.toolchain().compilers()).anyMatch(c -> c.startsWith("rustc version"))
        .anyMatch(c -> c.startsWith("GCC: "));
    assertThat(i.toolchain().memorySafetyEvidence()).contains("C runtime glue not counted").contains("crtstuff.c");
    assertThat(i.toolchain().evidence(Language.RUST).orElseThrow())
        .anyMatch(e -> e.matches("Rust standard library path /rustc/[0-9a-f]{40}/library/.*"))
        .anyMatch(e -> e.contains("legacy Rust mangling"));
    assertThat(codes(i)).isEmpty();
  }

  @Test
  void rustWithCompiledCIsMixed() throws IOException {
    BinaryInspection i = inspect(Fixture.RUST_MIXED);
    assertThat(i.toolchain().languageLabels()).containsExactly("c", "rust");
    assertThat(i.toolchain().memorySafe()).isEqualTo(MemorySafety.MIXED);
    assertThat(i.toolchain().evidence(Language.C).orElseThrow()).containsExactly(
        "C source files in .symtab: helper.c", "C source file names in read-only data: src/helper.c");
    assertThat(i.toolchain().bindingLabels()).containsExactly("pyo3");
    // the C part was compiled without a stack protector (cc's defaults on Debian), so now the canary is due
    expect(i, "relro=full:pass bindNow=yes:pass canary=no:fail fortify=none:fail");
    assertThat(codes(i)).containsExactly("hardening.no-canary", "hardening.no-fortify");
  }


  @Test
  void rustBinaryModelBehindTheJsonObject() throws IOException {
    BinaryInspection i = inspect(Fixture.RUST);
    assertThat(i.path()).isEqualTo("pkg/libwt_rustext.so");
    assertThat(i.format()).isEqualTo(dev.wheeltapper.bytes.NativeFormat.ELF);
    assertThat(i.bits()).hasValue(64);
    assertThat(i.endian()).hasValue("little");
    assertThat(i.machine()).isEqualTo("x86_64");
    assertThat(i.type()).isEqualTo("dyn");
    assertThat(i.toolchain().languageLabels()).containsExactly("rust");
    assertThat(i.toolchain().bindingLabels()).containsExactly("pyo3");
    assertThat(i.toolchain().memorySafe().label()).isEqualTo("yes");
    assertThat(i.hardening().result(HardeningCheck.RELRO).jsonValue()).isEqualTo("full");
    assertThat(i.hardening().result(HardeningCheck.CANARY).jsonValue()).isEqualTo(false);
    assertThat(i.hardening().status(HardeningCheck.CANARY)).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(i.hardening().result(HardeningCheck.NX).jsonValue()).isEqualTo(true);
    assertThat(i.hardening().result(HardeningCheck.PIE).jsonValue()).isEqualTo("dso");
    assertThat(i.hardening().result(HardeningCheck.STRIPPED).jsonValue()).isEqualTo(false);
    assertThat(i.toolchain().evidence(dev.wheeltapper.toolchain.Language.RUST).orElseThrow()).isNotEmpty();
    assertThat(i.toolchain().bindings()).allSatisfy(b -> assertThat(b.evidence()).isNotEmpty());
    assertThat(i.toolchain().memorySafetyEvidence()).isNotBlank();
  }
}
