package dev.wheeltapper.audit;

import static dev.wheeltapper.testing.TestWheels.gccShared;
import static dev.wheeltapper.testing.TestWheels.wheel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.policy.Abi3Result;
import dev.wheeltapper.policy.Abi3Violation;
import dev.wheeltapper.policy.PlatformResult;
import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Severity;
import dev.wheeltapper.testing.TestWheels;
import dev.wheeltapper.testsupport.Oracles;
import dev.wheeltapper.testsupport.Oracles.Oracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wheels the test builds with gcc: a C extension linked against a library outside every policy (bundled or not), one
 * bound to a newer glibc symbol through a {@code .symver} directive, abi3-tagged extensions calling functions outside
 * the limited API of their tag, and binaries in wheels whose tags contradict them. The Python prototypes are declared
 * in the sources: no Python.h is needed.
 */
class WheelAuditFixturesTest {
  private static final WheelAudit AUDIT = WheelAudit.defaults();
  private static Path dir;
  private static byte[] dep;
  private static byte[] extUsingDep;
  private static byte[] extUsingDepBundled;
  private static byte[] extUsingDepEscaping;
  private static byte[] symver;
  private static byte[] abi3Ext;
  private static byte[] versionedExt;
  private static byte[] isaV3;

  @BeforeAll
  static void build() throws IOException {
    dir = Files.createDirectories(Path.of("target", "policy-fixtures").toAbsolutePath());
    dep = gccShared(dir, "libwtdep.so.1", "int wt_dep_value(void) { return 42; }\n",
        List.of("-Wl,-soname,libwtdep.so.1"));
    String ext = "extern int wt_dep_value(void);\nint PyInit__ext(void) { return wt_dep_value(); }\n";
    extUsingDep = gccShared(dir, "_ext_plain.so", ext, List.of("-L.", "-l:libwtdep.so.1"));
    extUsingDepBundled = gccShared(dir, "_ext_bundled.so", ext,
        List.of("-L.", "-l:libwtdep.so.1", "-Wl,--enable-new-dtags,-rpath,$ORIGIN/../wtpkg.libs"));
    extUsingDepEscaping = gccShared(dir, "_ext_escaping.so", ext,
        List.of("-L.", "-l:libwtdep.so.1", "-Wl,--enable-new-dtags,-rpath,$ORIGIN/../../wtpkg.libs"));
    symver = gccShared(dir, "_rand.so", """
        extern long getrandom(void *buf, unsigned long len, unsigned int flags);
        __asm__(".symver getrandom,getrandom@GLIBC_2.25");
        long PyInit__rand(void) { char b[4]; return getrandom(b, sizeof b, 0); }
        """, List.of());
    String py = """
        typedef struct _object PyObject;
        extern PyObject *PyLong_FromLong(long v);
        extern int PyObject_GetBuffer(PyObject *o, void *view, int flags);
        extern PyObject **_PyObject_GetDictPtr(PyObject *o);
        PyObject *PyInit__abi(void) {
          PyObject *o = PyLong_FromLong(1);
          PyObject_GetBuffer(o, 0, 0);
          return *_PyObject_GetDictPtr(o);
        }
        """;
    abi3Ext = gccShared(dir, "_abi.abi3.so", py, List.of());
    versionedExt = gccShared(dir, "_ver.so", """
        typedef struct _object PyObject;
        extern PyObject *PyLong_FromLong(long v);
        PyObject *PyInit__ver(void) { return PyLong_FromLong(2); }
        """, List.of());
    // the linker writes GNU_PROPERTY_X86_ISA_1_NEEDED = x86-64-v3 (readelf -n: "x86 ISA needed: x86-64-v3")
    isaV3 = gccShared(dir, "_isa.so", "int PyInit__isa(void) { return 3; }\n", List.of("-Wl,-z,x86-64-v3"));
  }

  private static Path build(String name, String tag, Map<String, byte[]> files) {
    return wheel(Files.isDirectory(dir.resolve(name)) ? dir.resolve(name) : mkdir(dir.resolve(name)), name, "1.0",
        tag, files);
  }

  private static Path mkdir(Path p) {
    try {
      return Files.createDirectories(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Map<String, byte[]> files(Object... pathsAndBytes) {
    Map<String, byte[]> m = new LinkedHashMap<>();
    for (int i = 0; i < pathsAndBytes.length; i += 2) {
      m.put((String) pathsAndBytes[i], (byte[]) pathsAndBytes[i + 1]);
    }
    return m;
  }

  @Test
  void aLibraryOutsideEveryPolicyAndNotBundledBreaksTheClaim() throws IOException {
    WheelAuditReport r = AUDIT.audit(build("wtdep", "cp311-cp311-manylinux_2_17_x86_64",
        files("wtpkg/_ext.cpython-311-x86_64-linux-gnu.so", extUsingDep)));
    assertThat(r.verification().passed()).isTrue();
    PlatformResult m = r.policy().manylinux().orElseThrow();
    assertThat(m.claimed()).contains("manylinux_2_17_x86_64");
    assertThat(m.satisfied()).isEqualTo("linux_x86_64");
    assertThat(m.ok()).isFalse();
    assertThat(m.externalLibraries()).containsExactly("libwtdep.so.1");
    assertThat(r.findings(Codes.POLICY_MANYLINUX_VIOLATION)).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.path()).isEqualTo("wtpkg/_ext.cpython-311-x86_64-linux-gnu.so");
      assertThat(f.message()).contains("libwtdep.so.1").contains("does not bundle");
    });
    assertThat(r.findings(Codes.POLICY_PLATFORM_MISMATCH)).isEmpty();
    assertThat(r.passed()).isFalse();
  }

  /**
   * Bundled libraries that need each other (numpy, scipy, pillow: {@code libopenblas} needs {@code libgfortran}, neither
   * with a search path of its own): glibc finds the second through the extension's DT_RPATH, which serves the whole
   * chain of loaded objects, but not through a DT_RUNPATH, which serves the extension's own needs only. The verdicts
   * follow the loader, and the loader itself (Python's ctypes, dlopen) is the oracle.
   */
  @Test
  void bundledLibrariesNeedingEachOtherAreFoundThroughTheLoadersRpathNotItsRunpath() throws Exception {
    byte[] leaf = gccShared(dir, "libwtleaf.so.1", "int wt_leaf(void) { return 7; }\n",
        List.of("-Wl,-soname,libwtleaf.so.1"));
    byte[] mid = gccShared(dir, "libwtmid.so.1", "extern int wt_leaf(void);\nint wt_mid(void) { return wt_leaf(); }\n",
        List.of("-Wl,-soname,libwtmid.so.1", "-L.", "-l:libwtleaf.so.1"));
    String ext = "extern int wt_mid(void);\nint PyInit__chain(void) { return wt_mid(); }\n";
    byte[] viaRpath = gccShared(dir, "_chain_rpath.so", ext,
        List.of("-L.", "-l:libwtmid.so.1", "-Wl,--disable-new-dtags,-rpath,$ORIGIN/../wtchain.libs"));
    byte[] viaRunpath = gccShared(dir, "_chain_runpath.so", ext,
        List.of("-L.", "-l:libwtmid.so.1", "-Wl,--enable-new-dtags,-rpath,$ORIGIN/../wtchain.libs"));
    String so = "wtchain/_chain.cpython-311-x86_64-linux-gnu.so";
    String tag = "cp311-cp311-manylinux_2_17_x86_64";

    WheelAuditReport good = AUDIT.audit(build("wtchainrpath", tag, files(so, viaRpath,
        "wtchain.libs/libwtmid.so.1", mid, "wtchain.libs/libwtleaf.so.1", leaf)));
    assertThat(good.findings(Codes.POLICY_MANYLINUX_VIOLATION)).isEmpty();
    assertThat(good.policy().manylinux().orElseThrow().ok()).isTrue();
    assertThat(good.policy().manylinux().orElseThrow().externalLibraries()).isEmpty();

    WheelAuditReport bad = AUDIT.audit(build("wtchainrunpath", tag, files(so, viaRunpath,
        "wtchain.libs/libwtmid.so.1", mid, "wtchain.libs/libwtleaf.so.1", leaf)));
    assertThat(bad.findings(Codes.POLICY_MANYLINUX_VIOLATION)).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("wtchain.libs/libwtmid.so.1");
      assertThat(f.message()).contains("needs libwtleaf.so.1").contains("no DT_RPATH or DT_RUNPATH leads into the wheel");
    });

    // glibc agrees: dlopen of the DT_RPATH layout works, of the DT_RUNPATH layout fails on libwtleaf.so.1
    Oracles.require(Oracle.PYTHON3);
    assertThat(dlopen(dir.resolve("chain-rpath"), so, viaRpath, mid, leaf)).isEmpty();
    assertThat(dlopen(dir.resolve("chain-runpath"), so, viaRunpath, mid, leaf)).contains("libwtleaf.so.1");
  }

  /**
   * torch and the nvidia-* wheels: the extension's DT_RPATH leads to {@code ../wtcuda/lib}, a folder another wheel
   * installs. On its own the claim fails (auditwheel's verdict, kept); with the required wheel of the same run beside
   * it, the loader finds the library, and the result names the providing wheel.
   */
  @Test
  void aLibraryProvidedByARequiredWheelOfTheRunIsNamedAndTheClaimHoldsTogether() throws Exception {
    byte[] ext = gccShared(dir, "_cuda_user.so", "extern int wt_dep_value(void);\nint PyInit__x(void) { return"
        + " wt_dep_value(); }\n", List.of("-L.", "-l:libwtdep.so.1",
        "-Wl,--disable-new-dtags,-rpath,$ORIGIN/../wtcuda/lib"));
    String tag = "cp311-cp311-manylinux_2_17_x86_64";
    Path user = TestWheels.wheel(mkdir(dir.resolve("together")), "wtuser", "1.0", tag,
        files("wtuser/_x.cpython-311-x86_64-linux-gnu.so", ext), List.of("wtcuda >=1 ; platform_system == \"Linux\""));
    Path provider = TestWheels.wheel(dir.resolve("together"), "wtcuda", "1.0", "py3-none-manylinux_2_17_x86_64",
        files("wtcuda/lib/libwtdep.so.1", dep));
    WheelAuditReport userReport = AUDIT.audit(user);
    WheelAuditReport providerReport = AUDIT.audit(provider);
    assertThat(userReport.policy().manylinux().orElseThrow().ok()).isFalse();
    assertThat(userReport.findings(Codes.POLICY_MANYLINUX_VIOLATION)).hasSize(1);

    InstalledTogether run = new InstalledTogether();
    run.add(userReport);
    run.add(providerReport);
    assertThat(run.resolve(userReport)).singleElement().satisfies(r -> {
      assertThat(r.family()).isEqualTo("manylinux");
      assertThat(r.okOnItsOwn()).isFalse();
      assertThat(r.okWithDependencies()).isTrue();
      assertThat(r.providedBy()).containsExactly(java.util.Map.entry("libwtdep.so.1",
          provider.getFileName() + "!wtcuda/lib/libwtdep.so.1"));
      assertThat(r.stillExternal()).isEmpty();
    });
    // a wheel of the run that is not required provides nothing
    InstalledTogether unrelated = new InstalledTogether();
    Path stranger = TestWheels.wheel(mkdir(dir.resolve("stranger")), "wtcuda", "1.0", "py3-none-manylinux_2_17_x86_64",
        files("wtcuda/lib/libwtdep.so.1", dep));
    Path loner = TestWheels.wheel(dir.resolve("stranger"), "wtuser", "1.0", tag,
        files("wtuser/_x.cpython-311-x86_64-linux-gnu.so", ext));
    WheelAuditReport lonerReport = AUDIT.audit(loner);
    unrelated.add(lonerReport);
    unrelated.add(AUDIT.audit(stranger));
    assertThat(unrelated.resolve(lonerReport)).isEmpty();
  }

  /** Lays the files out as installed and asks glibc to load the extension; empty when it loads, else the error. */
  private static String dlopen(Path root, String so, byte[] ext, byte[] mid, byte[] leaf) throws Exception {
    Path e = root.resolve(so);
    Files.createDirectories(e.getParent());
    Files.createDirectories(root.resolve("wtchain.libs"));
    Files.write(e, ext);
    Files.write(root.resolve("wtchain.libs/libwtmid.so.1"), mid);
    Files.write(root.resolve("wtchain.libs/libwtleaf.so.1"), leaf);
    Process p = new ProcessBuilder("python3", "-c", "import ctypes, sys\ntry:\n  ctypes.CDLL(sys.argv[1])\n"
        + "except OSError as x:\n  print(x)", e.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    return out;
  }

  /**
   * auditwheel's "unsupported ISA extensions": an extension that needs x86-64-v3 cannot promise manylinux x86_64,
   * whose machines need only the baseline instruction set; no policy is satisfied and the binary is named.
   */
  @Test
  void anExtensionNeedingX8664V3SatisfiesNoPolicy() throws IOException {
    WheelAuditReport r = AUDIT.audit(build("wtisa", "cp311-cp311-manylinux_2_17_x86_64",
        files("wtisa/_isa.cpython-311-x86_64-linux-gnu.so", isaV3)));
    PlatformResult m = r.policy().manylinux().orElseThrow();
    assertThat(m.unsupportedIsa()).containsExactly("wtisa/_isa.cpython-311-x86_64-linux-gnu.so");
    assertThat(m.satisfied()).isEqualTo("linux_x86_64");
    assertThat(m.ok()).isFalse();
    assertThat(r.findings(Codes.POLICY_MANYLINUX_VIOLATION)).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("wtisa/_isa.cpython-311-x86_64-linux-gnu.so");
      assertThat(f.message()).isEqualTo("The wheel claims manylinux_2_17_x86_64, but _isa.cpython-311-x86_64-linux-gnu.so"
          + " needs x86-64-v3 (GNU_PROPERTY_X86_ISA_1_NEEDED), while manylinux_2_17_x86_64 promises only the baseline"
          + " instruction set.");
    });
    // the same source linked without the option is a baseline binary
    byte[] baseline = gccShared(dir, "_isa0.so", "int PyInit__isa(void) { return 3; }\n", List.of());
    WheelAuditReport plain = AUDIT.audit(build("wtisa0", "cp311-cp311-manylinux_2_17_x86_64",
        files("wtisa0/_isa.cpython-311-x86_64-linux-gnu.so", baseline)));
    assertThat(plain.policy().manylinux().orElseThrow().unsupportedIsa()).isEmpty();
    assertThat(plain.policy().manylinux().orElseThrow().ok()).isTrue();
  }

  @Test
  void theSameLibraryBundledInTheLibsLayoutIsFound() throws IOException {
    WheelAuditReport r = AUDIT.audit(build("wtbundled", "cp311-cp311-manylinux_2_17_x86_64",
        files("wtpkg/_ext.cpython-311-x86_64-linux-gnu.so", extUsingDepBundled, "wtpkg.libs/libwtdep.so.1", dep)));
    PlatformResult m = r.policy().manylinux().orElseThrow();
    assertThat(m.externalLibraries()).isEmpty();
    assertThat(m.ok()).isTrue();
    assertThat(m.satisfied()).isEqualTo("manylinux_2_5_x86_64");
    assertThat(r.findings(Codes.POLICY_MANYLINUX_VIOLATION)).isEmpty();
    assertThat(r.binaries().inspected()).hasSize(2);
    assertThat(r.passed()).isTrue();
  }

  @Test
  void aRunpathLeavingTheWheelDoesNotBundle() throws IOException {
    WheelAuditReport r = AUDIT.audit(build("wtescape", "cp311-cp311-manylinux_2_17_x86_64",
        files("wtpkg/_ext.cpython-311-x86_64-linux-gnu.so", extUsingDepEscaping, "wtpkg.libs/libwtdep.so.1", dep)));
    assertThat(r.policy().manylinux().orElseThrow().externalLibraries()).containsExactly("libwtdep.so.1");
    assertThat(r.policy().manylinux().orElseThrow().ok()).isFalse();
  }

  @Test
  void aSymverBindingToANewerGlibcNeedsTheNextPolicy() throws IOException {
    WheelAuditReport r = AUDIT.audit(build("wtrand", "cp311-cp311-manylinux_2_17_x86_64",
        files("wtrand/_rand.cpython-311-x86_64-linux-gnu.so", symver)));
    PlatformResult m = r.policy().manylinux().orElseThrow();
    assertThat(m.symbolVersions()).containsEntry("GLIBC", "2.25");
    // No manylinux_2_25 policy exists: the first one allowing GLIBC_2.25 is manylinux_2_26.
    assertThat(m.satisfied()).isEqualTo("manylinux_2_26_x86_64");
    assertThat(m.ok()).isFalse();
    assertThat(r.findings(Codes.POLICY_MANYLINUX_VIOLATION)).singleElement().extracting(Finding::message)
        .asString().contains("GLIBC_2.25").contains("manylinux_2_17_x86_64");
  }

  @Test
  void theSameBindingMeetsANewEnoughClaim() throws IOException {
    WheelAuditReport r = AUDIT.audit(build("wtrand", "cp311-cp311-manylinux_2_28_x86_64",
        files("wtrand/_rand.cpython-311-x86_64-linux-gnu.so", symver)));
    PlatformResult m = r.policy().manylinux().orElseThrow();
    assertThat(m.claimed()).contains("manylinux_2_28_x86_64");
    assertThat(m.ok()).isTrue();
    assertThat(r.passed()).isTrue();
  }

  @Test
  void anAbi3ExtensionCallingFunctionsOutsideTheLimitedApiOfItsTag() throws IOException {
    WheelAuditReport r = AUDIT.audit(build("wtabi", "cp38-abi3-manylinux_2_17_x86_64",
        files("wtabi/_abi.abi3.so", abi3Ext)));
    Abi3Result a = r.policy().abi3().orElseThrow();
    assertThat(a.claimed()).isEqualTo("cp38");
    assertThat(a.ok()).isFalse();
    assertThat(a.extensions()).isEqualTo(1);
    assertThat(a.violations()).extracting(Abi3Violation::symbol).containsExactly(
        Optional.of("PyObject_GetBuffer"), Optional.of("_PyObject_GetDictPtr"));
    assertThat(a.violations().get(0).addedIn()).contains("3.11");
    assertThat(a.violations().get(1).addedIn()).isEmpty();
    assertThat(a.violations()).allMatch(Abi3Violation::abi3Suffix);
    assertThat(a.violations().get(1).symbol()).isPresent(); // a symbol outside the stable ABI, not the suffix
    assertThat(r.findings(Codes.POLICY_ABI3_VIOLATION)).hasSize(2).allMatch(f -> f.severity() == Severity.ERROR);
    assertThat(r.policy().manylinux().orElseThrow().ok()).isTrue();
  }

  @Test
  void aNewerAbi3TagAllowsWhatItsVersionAdded() throws IOException {
    WheelAuditReport r = AUDIT.audit(build("wtabi", "cp311-abi3-manylinux_2_17_x86_64",
        files("wtabi/_abi.abi3.so", abi3Ext)));
    assertThat(r.policy().abi3().orElseThrow().violations()).extracting(Abi3Violation::symbol)
        .containsExactly(Optional.of("_PyObject_GetDictPtr"));
  }

  @Test
  void aVersionSpecificSuffixInAnAbi3WheelIsAViolation() throws IOException {
    WheelAuditReport r = AUDIT.audit(build("wtver", "cp38-abi3-manylinux_2_17_x86_64",
        files("wtver/_ver.cpython-38-x86_64-linux-gnu.so", versionedExt)));
    Abi3Result a = r.policy().abi3().orElseThrow();
    assertThat(a.violations()).singleElement().satisfies(v -> {
      assertThat(v.symbol()).isEmpty();
      assertThat(v.abi3Suffix()).isFalse();
      assertThat(v.reason()).contains("version-specific suffix");
    });
  }

  @Test
  void anX86BinaryInAnAarch64WheelContradictsTheTag() throws IOException {
    WheelAuditReport r = AUDIT.audit(build("wtarch", "cp311-cp311-manylinux_2_17_aarch64",
        files("wtarch/_x.cpython-311-aarch64-linux-gnu.so", versionedExt)));
    assertThat(r.findings(Codes.POLICY_PLATFORM_MISMATCH)).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.message()).contains("x86_64").contains("manylinux_2_17_aarch64");
    });
  }

  @Test
  void anElfInAWindowsWheelContradictsTheTag() throws IOException {
    WheelAuditReport r = AUDIT.audit(build("wtwin", "cp311-cp311-win_amd64", files("wtwin/_x.pyd", versionedExt)));
    assertThat(r.findings(Codes.POLICY_PLATFORM_MISMATCH)).singleElement()
        .extracting(Finding::severity).isEqualTo(Severity.ERROR);
    assertThat(r.policy().manylinux()).isEmpty();
  }

  @Test
  void aNativeBinaryInAPureWheelIsAWarning() throws IOException {
    WheelAuditReport r = AUDIT.audit(build("wtpure", "py3-none-any", files("wtpure/_x.so", versionedExt)));
    assertThat(r.findings(Codes.POLICY_PLATFORM_MISMATCH)).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.path()).isEqualTo("wtpure/_x.so");
    });
    assertThat(r.policy().manylinux()).isEmpty();
  }

  @Test
  void aVersionSpecificSuffixForAnotherPythonContradictsTheTag() throws IOException {
    WheelAuditReport r = AUDIT.audit(build("wtother", "cp312-cp312-manylinux_2_17_x86_64",
        files("wtother/_ver.cpython-38-x86_64-linux-gnu.so", versionedExt)));
    assertThat(r.findings(Codes.POLICY_PLATFORM_MISMATCH)).singleElement().extracting(Finding::message).asString()
        .contains("3.8").contains("3.12");
  }

  @Test
  void aLyingElfIsAFindingAndTheRestOfTheAuditStillRuns() throws IOException {
    byte[] liar = new byte[256];
    liar[0] = 0x7f;
    liar[1] = 'E';
    liar[2] = 'L';
    liar[3] = 'F';
    liar[4] = 2;
    liar[5] = 1;
    liar[6] = 1;
    for (int i = 16; i < liar.length; i++) {
      liar[i] = (byte) 0xff; // every offset and count points nowhere
    }
    WheelAuditReport r = AUDIT.audit(build("wtliar", "cp311-cp311-manylinux_2_17_x86_64",
        files("wtliar/_x.cpython-311-x86_64-linux-gnu.so", liar, "wtliar/_ok.cpython-311-x86_64-linux-gnu.so",
            symver)));
    assertThat(r.findings(Codes.BINARY_UNPARSEABLE)).singleElement().extracting(Finding::path)
        .isEqualTo("wtliar/_x.cpython-311-x86_64-linux-gnu.so");
    assertThat(r.binaries().linkages()).extracting(l -> l.path())
        .containsExactly("wtliar/_ok.cpython-311-x86_64-linux-gnu.so");
    assertThat(r.policy().manylinux().orElseThrow().satisfied()).isEqualTo("manylinux_2_26_x86_64");
  }

  @Test
  void aFileThatIsNotAZipIsAVerificationFindingWithoutPolicy() throws IOException {
    Path notZip = Files.write(dir.resolve("broken-1.0-cp311-cp311-manylinux_2_17_x86_64.whl"),
        "not a zip at all".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    WheelAuditReport r = AUDIT.audit(notZip);
    assertThat(r.findings(Codes.ZIP_NOT_A_ZIP)).isNotEmpty();
    assertThat(r.binaries().inspected()).isEmpty();
    assertThat(r.policy().manylinux()).isEmpty();
    assertThat(r.policy().platformTags()).containsExactly("manylinux_2_17_x86_64");
  }
}
