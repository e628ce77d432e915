package dev.wheeltapper.audit;

import static dev.wheeltapper.testsupport.Corpus.corpus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.policy.PlatformResult;
import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Severity;
import dev.wheeltapper.toolchain.MemorySafety;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The auditwheel corpus wheels against auditwheel's own expectations. */
class WheelAuditCorpusTest {
  private static final WheelAudit AUDIT = WheelAudit.defaults();

  static WheelAuditReport audit(String relative) throws IOException {
    return AUDIT.audit(corpus("wheels/auditwheel/" + relative));
  }

  @Test
  void pythonMsclClaimsManylinux2014ButNeedsGlibc229AndLibpython() throws IOException {
    WheelAuditReport r = audit("python_mscl-67.0.1.0-cp313-cp313-manylinux2014_aarch64.whl");
    PlatformResult m = r.policy().manylinux().orElseThrow();
    assertThat(m.claimed()).contains("manylinux_2_17_aarch64");
    // auditwheel repair drops libpython and tags the result manylinux_2_31_aarch64 (its test_libpython).
    assertThat(m.satisfied()).isEqualTo("manylinux_2_31_aarch64");
    assertThat(m.ok()).isFalse();
    assertThat(m.libc()).isEqualTo("glibc");
    assertThat(m.symbolVersions()).containsEntry("GLIBC", "2.29").containsEntry("GLIBCXX", "3.4.22");
    assertThat(m.libpython()).containsExactly("libpython3.13.so.1.0");
    assertThat(m.externalLibraries()).isEmpty();
    assertThat(r.policy().musllinux()).isEmpty();
    List<Finding> v = r.findings(Codes.POLICY_MANYLINUX_VIOLATION);
    assertThat(v).allMatch(f -> f.severity() == Severity.ERROR && f.path().equals("python_mscl/_mscl.so"));
    assertThat(v).anyMatch(f -> f.message().contains("GLIBC_2.29") && f.message().contains("GLIBCXX_3.4.22"));
    assertThat(v).anyMatch(f -> f.message().contains("libpython3.13.so.1.0"));
    assertThat(r.passed()).isFalse();
    assertThat(r.policy().platformTags()).containsExactly("manylinux2014_aarch64");
    assertThat(r.languages()).contains("c++");
    assertThat(r.memorySafe()).isEqualTo(MemorySafety.NO);
  }

  /** A caller's tighter ELF limit reaches the audit: the cut is a {@code binary.malformed} warning, not an error. */
  @Test
  void tighterElfLimitsAreAFindingNotAnException() throws IOException {
    Path wheel = corpus("wheels/auditwheel/python_mscl-67.0.1.0-cp313-cp313-manylinux2014_aarch64.whl");
    assertThat(AUDIT.audit(wheel).findings(Codes.BINARY_MALFORMED)).isEmpty();
    WheelAuditReport r = AUDIT.withElfLimits(dev.wheeltapper.elf.ElfLimits.defaults().withMaxSymbols(10)).audit(wheel);
    assertThat(r.findings(Codes.BINARY_MALFORMED)).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.path()).isEqualTo("python_mscl/_mscl.so");
      assertThat(f.message()).contains("cut at the limit of 10");
    });
    // the rest of the audit still runs on what was read
    assertThat(r.policy().manylinux()).isPresent();
  }

  @Test
  void cffiNeedsExternalLibffiAndLibpython() throws IOException {
    WheelAuditReport r = audit("cffi-1.5.0-cp27-none-linux_x86_64.whl");
    PlatformResult m = r.policy().manylinux().orElseThrow();
    assertThat(m.claimed()).isEmpty();
    assertThat(m.satisfied()).isEqualTo("linux_x86_64");
    assertThat(m.ok()).isFalse();
    assertThat(m.externalLibraries()).containsExactly("libffi.so.5");
    assertThat(m.libpython()).containsExactly("libpython2.7.so.1.0");
    assertThat(m.symbolVersions()).containsEntry("GLIBC", "2.3");
    // Nothing claimed, so nothing violated: the facts are in the result, not in findings.
    assertThat(r.findings(Codes.POLICY_MANYLINUX_VIOLATION)).isEmpty();
  }

  @Test
  void pyfpeJbufAllowsOnlyLinux() throws IOException {
    PlatformResult m = audit("fpewheel-0.0.0-cp35-cp35m-linux_x86_64.whl").policy().manylinux().orElseThrow();
    assertThat(m.pyfpe()).isTrue();
    assertThat(m.satisfied()).isEqualTo("linux_x86_64");
    assertThat(m.symbolVersions()).containsEntry("GLIBC", "2.4"); // auditwheel's symbol policy alone: manylinux_2_5
  }

  @Test
  void blacklistedZlibSymbolsSatisfyNoPolicy() throws IOException {
    // auditwheel: "black-listed symbol dependencies" (zcalloc, zcfree from libz.so.1), repair refuses.
    PlatformResult m = audit("testzlib-0.0.1-cp310-cp310-linux_x86_64.whl").policy().manylinux().orElseThrow();
    assertThat(m.satisfied()).isEqualTo("linux_x86_64");
    assertThat(m.externalLibraries()).isEmpty(); // libz.so.1 is whitelisted; only two of its symbols are not
    assertThat(m.symbolVersions()).containsEntry("ZLIB", "1.2.0");
  }

  @Test
  void snappyNeedsAnExternalLibrary() throws IOException {
    PlatformResult m = audit("python_snappy-0.5.2-pp260-pypy_41-linux_x86_64.whl").policy().manylinux()
        .orElseThrow();
    assertThat(m.externalLibraries()).containsExactly("libsnappy.so.1");
    assertThat(m.satisfied()).isEqualTo("linux_x86_64");
  }

  static Stream<Path> glibcTestsimple() throws IOException {
    return list("glibc");
  }

  static Stream<Path> muslTestsimple() throws IOException {
    return list("musllinux_1_2");
  }

  private static Stream<Path> list(String dir) throws IOException {
    try (Stream<Path> s = Files.list(corpus("wheels/auditwheel/" + dir))) {
      return s.filter(p -> p.toString().endsWith(".whl")).sorted().toList().stream();
    }
  }

  private static final Map<String, String> GLIBC_SATISFIED = Map.of(
      "x86_64", "manylinux_2_5_x86_64", "i686", "manylinux_2_5_i686", "aarch64", "manylinux_2_17_aarch64",
      "armv5l", "manylinux_2_17_armv7l", "armv7l", "manylinux_2_17_armv7l", "ppc64le", "manylinux_2_17_ppc64le",
      "s390x", "manylinux_2_17_s390x", "riscv64", "manylinux_2_31_riscv64", "mips64", "linux_mips64");

  @ParameterizedTest
  @MethodSource("glibcTestsimple")
  void testsimpleWheelsNeedNoLibcAndSatisfyTheOldestPolicyOfTheirArchitecture(Path wheel) throws IOException {
    // No DT_NEEDED at all: the extension suffix (-linux-gnu) tells glibc, where auditwheel cannot tell and judges
    // them by its (glibc) host's policies: the same verdicts.
    WheelAuditReport r = AUDIT.audit(wheel);
    String arch = wheel.getFileName().toString().replaceAll(".*-linux_(.*)\\.whl", "$1");
    PlatformResult m = r.policy().manylinux().orElseThrow();
    assertThat(m.libc()).isEqualTo("glibc");
    assertThat(m.satisfied()).isEqualTo(GLIBC_SATISFIED.get(arch));
    assertThat(m.claimed()).isEmpty();
    if (arch.equals("mips64")) {
      // The corpus's mips64 wheel carries a cpython-311 extension in a cp313 wheel.
      assertThat(r.findings(Codes.POLICY_PLATFORM_MISMATCH)).singleElement().satisfies(f -> {
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.path()).isEqualTo("testsimple.cpython-311-mips64el-linux-gnuabi64.so");
        assertThat(f.message()).contains("3.11").contains("3.13");
      });
    } else {
      assertThat(r.findings(Codes.POLICY_PLATFORM_MISMATCH)).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("muslTestsimple")
  void muslTestsimpleWheelsAreMuslAndSatisfyMusllinux11(Path wheel) throws IOException {
    WheelAuditReport r = AUDIT.audit(wheel);
    assertThat(r.findings(Codes.POLICY_PLATFORM_MISMATCH)).isEmpty();
    String arch = wheel.getFileName().toString().replaceAll(".*-linux_(.*)\\.whl", "$1");
    if (wheel.getFileName().toString().contains("cp310")) {
      // CPython 3.10 on musl named its extensions linux-gnu (auditwheel's test_libc_no_detect_musl_cp310 cannot
      // tell the libc either and falls back to its glibc host: manylinux_2_5_x86_64).
      assertThat(r.policy().musllinux()).isEmpty();
      assertThat(r.policy().manylinux().orElseThrow().satisfied()).isEqualTo("manylinux_2_5_x86_64");
      return;
    }
    assertThat(r.policy().manylinux()).isEmpty();
    PlatformResult m = r.policy().musllinux().orElseThrow();
    assertThat(m.libc()).isEqualTo("musl");
    assertThat(m.family()).isEqualTo("musllinux");
    String policyArch = arch.equals("armv6l") ? "armv7l" : arch;
    assertThat(m.satisfied()).isEqualTo("musllinux_1_1_" + policyArch);
    assertThat(m.ok()).isTrue();
    assertThat(r.policy().musllinux()).isPresent();
    assertThat(r.policy().manylinux()).isEmpty();
  }

  @Test
  void aPureWheelHasNoPlatformVerdict() throws IOException {
    WheelAuditReport r = audit("plumbum-1.6.8-py2.py3-none-any.whl");
    assertThat(r.policy().manylinux()).isEmpty();
    assertThat(r.policy().musllinux()).isEmpty();
    assertThat(r.policy().abi3()).isEmpty();
    assertThat(r.policy().platformTags()).containsExactly("any");
    assertThat(r.memorySafe()).isEqualTo(MemorySafety.YES);
    assertThat(r.binaries().inspected()).isEmpty();
  }

  @Test
  void anAndroidWheelFitsItsArchitectureAndHasNoLinuxPolicy() throws IOException {
    WheelAuditReport r = audit("android/spam-0.1.0-cp313-cp313-android_24_arm64_v8a.whl");
    assertThat(r.findings(Codes.POLICY_PLATFORM_MISMATCH)).isEmpty();
    assertThat(r.policy().manylinux()).isEmpty();
    assertThat(r.policy().platformTags()).containsExactly("android_24_arm64_v8a");
  }

  @Test
  void anAbi3WheelOfPeExtensionsIsJudgedOnItsPython3DllImports() throws IOException {
    // simpleext.pyd imports PyModule_Create2 and _Py_NoneStruct from python3.dll (objdump -p): both stable since 3.2
    WheelAuditReport r = AUDIT.audit(corpus("wheels/delvewheel/simpleext/simpleext-0.0.1-cp312-abi3-win_amd64.whl"));
    assertThat(r.binaries().inspected()).isNotEmpty()
        .allSatisfy(b -> assertThat(b.format()).isEqualTo(dev.wheeltapper.bytes.NativeFormat.PE));
    assertThat(r.policy().abi3()).hasValueSatisfying(a -> {
      assertThat(a.ok()).isTrue();
      assertThat(a.extensions()).isEqualTo(1);
    });
    assertThat(r.binaries().linkages()).singleElement().satisfies(l ->
        assertThat(l.undefined()).containsExactlyInAnyOrder("PyModule_Create2", "_Py_NoneStruct"));
    assertThat(r.findings(Codes.POLICY_PLATFORM_MISMATCH)).isEmpty(); // PE in a win_amd64 wheel fits
    assertThat(r.memorySafe()).isEqualTo(MemorySafety.NO); // a C extension
  }

  @Test
  void eachSliceOfAUniversal2Abi3ExtensionIsJudged() throws IOException {
    WheelAuditReport r = AUDIT.audit(corpus("wheels/delocate/fakepkg1-1.0-cp36-abi3-macosx_10_9_universal2.whl"));
    assertThat(r.policy().abi3()).hasValueSatisfying(a -> {
      assertThat(a.ok()).isTrue();
      assertThat(a.extensions()).isEqualTo(2); // the x86_64 and the arm64 slice of module2.abi3.so
    });
    // Mach-O writes C symbols with a leading underscore (_PyModule_Create2): stripped, so the stable-ABI list applies
    assertThat(r.binaries().linkages()).hasSize(2)
        .allSatisfy(l -> assertThat(l.undefined()).anyMatch(u -> u.startsWith("Py")));
  }
}
