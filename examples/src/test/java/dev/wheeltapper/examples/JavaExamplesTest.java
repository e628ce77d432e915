package dev.wheeltapper.examples;

import dev.wheeltapper.samples.BundledSamples;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.testsupport.Corpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every Java example: each class of {@code dev.wheeltapper.examples} with a {@code main} (found by listing the
 * source folder, so a new example cannot be forgotten) with no argument on the bundled samples, and the main ones
 * again on corpus files given as arguments.
 */
class JavaExamplesTest {
  @TempDir Path tmp;

  /** What each example must print when run with no argument. A new example needs an entry here. */
  static final Map<String, List<String>> NO_ARGUMENT = Map.of(
      "ReadMetadata", List.of("distribution: wt_hardened 1.0", "tags:         [cp311-cp311-manylinux_2_17_x86_64]",
          "purelib:      false", "wt_hardened/_native.cpython-311-x86_64-linux-gnu.so  sha256="),
      "VerifyWheel", List.of("PASS wt_hardened-1.0-", "PASS wt_unhardened-1.0-",
          "FAIL wt_tampered-1.0-", "error record.hash-mismatch wt_tampered/__init__.py"),
      "VerifySignatures", List.of("rfc8785-0.1.2-py3-none-any.whl with sigstore-staging-trusted_root.json",
          "pep740 valid by william@yossarian.net", "passed true, validly signed true",
          "pep740 untrusted by william@yossarian.net", "warning signature.untrusted",
          "passed true, validly signed false"),
      "InspectElf", List.of("_native.cpython-311-x86_64-linux-gnu.so: ELF64 x86_64 little-endian",
          "imports __stack_chk_fail:  true", "PT_GNU_RELRO:              true", "needed:                    [libc.so.6]",
          "relro pass full", "canary pass yes", "languages:   [c]"),
      "AuditDirectory", List.of("PASS wt_hardened-1.0-", "FAIL wt_tampered-1.0-",
          "warning hardening.no-canary wt_unhardened/_native.cpython-311-x86_64-linux-gnu.so",
          "relro=none canary=no nx=no", "wheels, 1 failed"));

  static Stream<String> examples() throws IOException {
    Path dir = Path.of(System.getProperty("basedir", "."), "src/main/java/dev/wheeltapper/examples");
    try (Stream<Path> files = Files.list(dir)) {
      List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java"))
          .map(n -> n.substring(0, n.length() - 5)).filter(JavaExamplesTest::hasMain).sorted().toList();
      assertThat(names).as("examples found in " + dir).hasSizeGreaterThanOrEqualTo(5);
      return names.stream();
    }
  }

  static boolean hasMain(String simpleName) {
    try {
      Method main = Class.forName("dev.wheeltapper.examples." + simpleName).getMethod("main", String[].class);
      return Modifier.isStatic(main.getModifiers());
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      return false;
    }
  }

  static String run(String simpleName, String... args) throws Exception {
    Method main = Class.forName("dev.wheeltapper.examples." + simpleName).getMethod("main", String[].class);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      main.invoke(null, (Object) args);
    } finally {
      System.setOut(saved);
    }
    String out = bytes.toString(StandardCharsets.UTF_8);
    saved.print(out);   // visible in the test report
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everyExampleRunsWithNoArgumentOnTheBundledSamples(String example) throws Exception {
    assertThat(NO_ARGUMENT).as("expected output for the new example " + example).containsKey(example);
    assertThat(run(example)).contains(NO_ARGUMENT.get(example));
  }

  @Test
  void readMetadataOfACorpusWheel() throws Exception {
    String out = run("ReadMetadata", Corpus.corpus("wheels/auditwheel/plumbum-1.6.8-py2.py3-none-any.whl")
        .toString());
    assertThat(out).contains("distribution: plumbum 1.6.8", "tags:         [py2-none-any, py3-none-any]",
        "summary:      Plumbum: shell combinators library", "generator:    bdist_wheel (0.33.6)");
  }

  @Test
  void verifyCorpusWheels() throws Exception {
    String out = run("VerifyWheel",
        Corpus.corpus("wheels/auditwheel/cffi-1.5.0-cp27-none-linux_x86_64.whl").toString(),
        Corpus.corpus("wheels/auditwheel/plumbum-1.6.8-py2.py3-none-any.whl").toString());
    assertThat(out).contains("PASS cffi-1.5.0-cp27-none-linux_x86_64.whl",
        "sha256 f343f9e2686c284f42d98d32a3f3aab08dc38e9f8ba514314761a57dad16ffe2, 26 entries checked",
        "PASS plumbum-1.6.8-py2.py3-none-any.whl").doesNotContain("FAIL");
  }

  @Test
  void signaturesWithAnExplicitRootAndAWrongIdentityAreUntrusted() throws Exception {
    String out = run("VerifySignatures",
        Corpus.corpus("attest/rfc8785-0.1.2-py3-none-any.whl").toString(),
        Corpus.corpus("attest/sigstore-staging-trusted_root.json").toString(), "pypa/sampleproject");
    assertThat(out).contains("with sigstore-staging-trusted_root.json and identity pypa/sampleproject",
        "pep740 untrusted", "passed true, validly signed false").doesNotContain("pep740 valid");
  }

  @Test
  void signaturesOfAnUnsignedWheelUnderTheDefaultPolicy() throws Exception {
    String out = run("VerifySignatures", BundledSamples.wheel("wt_hardened").toString());
    assertThat(out).contains("wt_hardened-1.0-cp311-cp311-manylinux_2_17_x86_64.whl with the Sigstore public-good root",
        "passed true, validly signed false").doesNotContain("pep740");
  }

  @Test
  void inspectACorpusRustLibrary() throws Exception {
    String out = run("InspectElf", Corpus.corpus("elf/debian-bookworm-arm64/_rust.abi3.so").toString());
    assertThat(out).contains("_rust.abi3.so: ELF64 aarch64 little-endian", "imports __stack_chk_fail:  false",
        "exported functions:        [PyInit__rust]", "highest GLIBC version:     GLIBC_2.34",
        "languages:   [rust]", "memory-safe: yes");
  }

  @Test
  void auditADirectoryOfCorpusWheels() throws Exception {
    Path nested = Files.createDirectories(tmp.resolve("a/b"));
    Files.copy(Corpus.corpus("wheels/auditwheel/cffi-1.5.0-cp27-none-linux_x86_64.whl"),
        nested.resolve("cffi-1.5.0-cp27-none-linux_x86_64.whl"));
    Files.copy(Corpus.corpus("wheels/auditwheel/plumbum-1.6.8-py2.py3-none-any.whl"),
        tmp.resolve("plumbum-1.6.8-py2.py3-none-any.whl"));
    Files.writeString(tmp.resolve("notes.txt"), "not a wheel");
    String out = run("AuditDirectory", tmp.toString());
    assertThat(out).contains("PASS a/b/cffi-1.5.0-cp27-none-linux_x86_64.whl", "_cffi_backend.so  x86_64  relro=none",
        "warning hardening.rpath _cffi_backend.so", "PASS plumbum-1.6.8-py2.py3-none-any.whl",
        "2 wheels, 0 failed");
  }
}
