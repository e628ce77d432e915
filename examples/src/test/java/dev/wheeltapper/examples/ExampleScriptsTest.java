package dev.wheeltapper.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheeltapper.testsupport.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every script of {@code examples/jshell} (through {@code jdk.jshell}, failing on any rejected snippet or
 * exception) and {@code examples/groovy} (through {@code GroovyShell}, failing on any failed {@code assert}), found by
 * listing the folders so that a new script cannot be forgotten. With no input a script checks its own results on the
 * bundled samples; the tests also check what it prints, and run it again on corpus files.
 */
class ExampleScriptsTest {
  @TempDir Path tmp;

  /** The tasks every script folder covers, and a line each must print with no input. */
  static final Map<String, List<String>> NO_INPUT = Map.of(
      "metadata", List.of("wt_hardened 1.0 [cp311-cp311-manylinux_2_17_x86_64]", "python:   >=3.7"),
      "verify", List.of("PASS wt_hardened-1.0-", "FAIL wt_tampered-1.0-", "record.hash-mismatch wt_tampered/__init__.py"),
      "signatures", List.of("pep740 valid by william@yossarian.net", "is intact and validly signed",
          "against the production root: 3 untrusted"),
      "elf", List.of("_native.cpython-311-x86_64-linux-gnu.so: ELF64 x86_64", "relro = full", "canary = yes",
          "languages [c], memory-safe no"),
      "audit", List.of("PASS wt_hardened-1.0-", "FAIL wt_tampered-1.0-", "hardening.no-canary",
          "wt_rust/wt_rust.abi3.so [rust] memory-safe yes"));

  static final String CORPUS = "-Dwheeltapper.corpus=" + Corpus.root();

  static Stream<Arguments> jshellScripts() throws Exception {
    return scripts("jshell", ".jsh");
  }

  static Stream<Arguments> groovyScripts() throws Exception {
    return scripts("groovy", ".groovy");
  }

  static Stream<Arguments> scripts(String folder, String extension) throws Exception {
    List<Path> found = ScriptRunners.list(folder, extension);
    assertThat(found).extracting(p -> task(p)).as("scripts in " + folder).containsAll(NO_INPUT.keySet());
    return found.stream().map(p -> Arguments.of(Named.of(p.getFileName().toString(), p)));
  }

  static String task(Path script) {
    String name = script.getFileName().toString();
    return name.substring(0, name.lastIndexOf('.'));
  }

  static List<String> expected(Path script) {
    assertThat(NO_INPUT).as("expected output for the new script " + script.getFileName()).containsKey(task(script));
    return NO_INPUT.get(task(script));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jshellScripts")
  void everyJShellScriptRunsOnTheBundledSamples(Path script) throws Exception {
    String out = ScriptRunners.jshell(script, true, CORPUS);
    System.out.print(out);
    assertThat(out).contains(expected(script));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("groovyScripts")
  void everyGroovyScriptRunsOnTheBundledSamples(Path script) throws Exception {
    String out = ScriptRunners.groovy(script);
    System.out.print(out);
    assertThat(out).contains(expected(script));
  }

  @Test
  void jshellScriptsReadTheirInputFromASystemProperty() throws Exception {
    Path wheel = Corpus.corpus("wheels/auditwheel/plumbum-1.6.8-py2.py3-none-any.whl");
    String out = ScriptRunners.jshell(Path.of(System.getProperty("basedir", "."), "jshell/metadata.jsh"), true,
        "-Dwheel=" + wheel);
    assertThat(out).contains("plumbum 1.6.8 [py2-none-any, py3-none-any]", "summary:  Plumbum: shell combinators");
  }

  @Test
  void groovyScriptsReadTheirInputFromTheArguments() throws Exception {
    Path plumbum = Corpus.corpus("wheels/auditwheel/plumbum-1.6.8-py2.py3-none-any.whl");
    Path cffi = Corpus.corpus("wheels/auditwheel/cffi-1.5.0-cp27-none-linux_x86_64.whl");
    Path dir = Files.createDirectories(tmp.resolve("wheels"));
    Files.copy(cffi, dir.resolve(cffi.getFileName()));

    assertThat(groovy("metadata", plumbum.toString())).contains("plumbum 1.6.8 [py2-none-any, py3-none-any]",
        "plumbum/__init__.py  sha256=");
    assertThat(groovy("verify", plumbum.toString(), dir.toString()))
        .contains("PASS plumbum-1.6.8-py2.py3-none-any.whl", "PASS cffi-1.5.0-cp27-none-linux_x86_64.whl");
    assertThat(groovy("signatures", Corpus.corpus("attest/rfc8785-0.1.2-py3-none-any.whl").toString(),
        Corpus.corpus("attest/sigstore-staging-trusted_root.json").toString(), "someone@example.org"))
        .contains("pep740 untrusted by william@yossarian.net", "is NOT validly signed");
    assertThat(groovy("elf", Corpus.corpus("elf/debian-bookworm-arm64/_rust.abi3.so").toString()))
        .contains("_rust.abi3.so: ELF64 aarch64", "GLIBC GLIBC_2.34", "languages [rust], memory-safe yes");
    assertThat(groovy("audit", dir.toString()))
        .contains("PASS cffi-1.5.0-cp27-none-linux_x86_64.whl", "_cffi_backend.so [c] memory-safe no",
            "hardening.rpath");
  }

  @Test
  void theRunnersFailOnARejectedSnippetAnExceptionOrAFailedAssert() throws Exception {
    Path rejected = Files.writeString(tmp.resolve("rejected.jsh"), "int x = 1;\nString s = x;\n/exit\n");
    assertThatThrownBy(() -> ScriptRunners.jshell(rejected, false))
        .isInstanceOf(AssertionError.class).hasMessageContaining("rejected snippet: String s = x;");
    Path throwing = Files.writeString(tmp.resolve("throwing.jsh"),
        "import dev.wheeltapper.samples.BundledSamples;\nBundledSamples.wheel(\"no_such_sample\");\n");
    assertThatThrownBy(() -> ScriptRunners.jshell(throwing, false))
        .isInstanceOf(AssertionError.class).hasMessageContaining("no bundled sample named no_such_sample");
    Path failing = Files.writeString(tmp.resolve("failing.groovy"), "assert 1 + 1 == 3\n");
    assertThatThrownBy(() -> ScriptRunners.groovy(failing)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("1 + 1 == 3");
  }

  private static String groovy(String task, String... args) throws Exception {
    String out = ScriptRunners.groovy(Path.of(System.getProperty("basedir", "."), "groovy", task + ".groovy"), args);
    System.out.print(out);
    return out;
  }
}
