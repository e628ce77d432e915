package dev.wheeltapper.cli;

import dev.wheeltapper.samples.BundledSamples;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheeltapper.testsupport.Corpus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as outside checks drive it: exit codes, JSON fields, SARIF, text, usage errors. */
class CliTest {
  @TempDir Path tmp;

  record Run(int code, String out, String err) {
    JsonNode json() throws Exception {
      return TestJson.MAPPER.readTree(out);
    }
  }

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static String corpus(String rel) {
    return Corpus.corpus(rel).toString();
  }

  @Test
  void aSoundWheelExitsZeroWithTheContractsJson() throws Exception {
    Run r = run("verify", "--format", "json", corpus("wheels/auditwheel/plumbum-1.6.8-py2.py3-none-any.whl"));
    assertThat(r.code()).isZero();
    JsonNode doc = r.json();
    assertThat(doc.at("/tool/name").asText()).isEqualTo("wheeltapper");
    assertThat(doc.at("/tool/version").asText()).isEqualTo("0.1.0");
    JsonNode a = doc.at("/artifacts/0");
    assertThat(a.get("kind").asText()).isEqualTo("wheel");
    assertThat(a.get("verdict").asText()).isEqualTo("pass");
    assertThat(a.get("sha256").asText()).matches("[0-9a-f]{64}");
    assertThat(a.at("/wheel/name").asText()).isEqualTo("plumbum");
    assertThat(a.at("/wheel/version").asText()).isEqualTo("1.6.8");
    assertThat(a.at("/wheel/build").isNull()).isTrue();
    assertThat(a.at("/wheel/tags")).extracting(JsonNode::asText).containsExactly("py2-none-any", "py3-none-any");
    assertThat(a.at("/wheel/rootIsPurelib").asBoolean()).isTrue();
    assertThat(a.at("/wheel/wheelVersion").asText()).isEqualTo("1.0");
    assertThat(a.get("findings")).isEmpty();
    assertThat(a.get("signatures").isArray()).isTrue();
    assertThat(a.get("binaries").isArray()).isTrue();
    assertThat(doc.at("/summary/artifacts").asInt()).isEqualTo(1);
    assertThat(doc.at("/summary/passed").asInt()).isEqualTo(1);
    assertThat(doc.at("/summary/failed").asInt()).isZero();
  }

  @Test
  void aDirectoryIsWalkedAndABrokenWheelExitsOne() throws Exception {
    Run r = run("verify", "--format", "json", corpus("wheels/delvewheel/simpleext"));
    assertThat(r.code()).isEqualTo(1);
    JsonNode doc = r.json();
    List<String> failed = new ArrayList<>();
    for (JsonNode a : doc.get("artifacts")) {
      assertThat(a.get("path").asText()).startsWith(corpus("wheels/delvewheel/simpleext") + "/");
      if (a.get("verdict").asText().equals("fail")) {
        failed.add(Path.of(a.get("path").asText()).getFileName().toString());
      }
    }
    assertThat(failed).containsExactlyInAnyOrder(
        "simpleext-0.0.1-0combase-cp312-cp312-win_amd64.whl",
        "simpleext-0.0.1-0fixed-cp39-cp39-win_amd64.whl",
        "simpleext-0.0.1-1sign-cp312-cp312-win_amd64.whl",
        "simpleext-0.0.1-2sign-cp312-cp312-win_amd64.whl");
    // WHEEL lists one of the four tags the name expands to: a warning, as installers go by the file name
    assertThat(doc.at("/summary/failed").asInt()).isEqualTo(4);
    JsonNode sign = null;
    for (JsonNode a : doc.get("artifacts")) {
      if (a.get("path").asText().endsWith("-1sign-cp312-cp312-win_amd64.whl")) {
        sign = a;
      }
    }
    assertThat(sign).isNotNull();
    assertThat(sign.at("/signatures/0/kind").asText()).isEqualTo("RECORD.jws");
    assertThat(sign.at("/signatures/0/status").asText()).isEqualTo("invalid");
  }

  @Test
  void theReportDoesNotDependOnJobs() {
    String dir = corpus("wheels/auditwheel/glibc");
    Run one = run("verify", "--format", "json", "--jobs", "1", dir);
    Run four = run("verify", "--format", "json", "--jobs", "4", dir);
    assertThat(four.out()).isEqualTo(one.out());
    // the mips64 wheel's WHEEL tags disagree with its name: a warning, so every wheel passes
    assertThat(four.code()).isEqualTo(one.code()).isEqualTo(0);
    assertThat(one.out()).contains("wheel.tag-mismatch");
  }

  @Test
  void sarifOfARealRunValidatesAgainstTheSchema() throws Exception {
    Run r = run("verify", "--format", "sarif", corpus("wheels/delvewheel/simpleext"));
    assertThat(r.code()).isEqualTo(1);
    JsonNode sarif = TestJson.MAPPER.readTree(r.out());
    assertThat(SarifSchemaTest.validate(sarif)).isEmpty();
    assertThat(sarif.at("/runs/0/results")).isNotEmpty();
    List<String> rules = new ArrayList<>();
    sarif.at("/runs/0/results").forEach(res -> rules.add(res.get("ruleId").asText()));
    assertThat(rules).contains("record.unlisted-file", "record.missing-file", "wheel.tag-mismatch",
        "signature.invalid");
  }

  @Test
  void auditWithoutAPathRunsTheBundledSamplesAndOneIsTampered() {
    Run r = run("audit");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains("PASS  samples/wt_hardened-1.0-cp311-cp311-manylinux_2_17_x86_64.whl")
        .contains("PASS  samples/wt_rust-1.0-cp37-abi3-manylinux_2_34_x86_64.whl")
        .contains("FAIL  samples/wt_tampered-1.0-cp311-cp311-manylinux_2_17_x86_64.whl")
        .contains("record.hash-mismatch")
        .contains("4 artifacts: 3 passed, 1 failed")
        .doesNotContain("\u001b[");
  }

  @Test
  void outputGoesToTheFileGiven() throws Exception {
    Path out = tmp.resolve("report.json");
    Run r = run("verify", "--format", "json", "--output", out.toString(),
        corpus("wheels/auditwheel/plumbum-1.6.8-py2.py3-none-any.whl"));
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(TestJson.MAPPER.readTree(Files.readString(out)).at("/summary/passed").asInt()).isEqualTo(1);
  }

  @Test
  void usageErrorsExitTwoWithOneLineAndNoStackTrace() throws Exception {
    // a missing path is a finding on it now (issue 20), not a usage error
    Run missing = run("verify", tmp.resolve("nope.whl").toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.out()).contains("input.missing").contains("nope.whl");

    Run unknown = run("verify", "--bogus", "x.whl");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("Unknown option: '--bogus'").doesNotContain("at dev.");

    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Run noWheels = run("verify", empty.toString());
    assertThat(noWheels.code()).isZero();
    assertThat(noWheels.out()).contains("input.empty").contains("No wheels (*.whl) found under");

    Run jobs = run("verify", "--jobs", "0", corpus("wheels/auditwheel/plumbum-1.6.8-py2.py3-none-any.whl"));
    assertThat(jobs.code()).isEqualTo(2);

    Run badFormat = run("verify", "--format", "xml", "x.whl");
    assertThat(badFormat.code()).isEqualTo(2);

    Path junk = Files.writeString(tmp.resolve("key.pem"), "not a key");
    Run badKey = run("verify", "--trust-key", junk.toString(),
        corpus("wheels/auditwheel/plumbum-1.6.8-py2.py3-none-any.whl"));
    assertThat(badKey.code()).isEqualTo(2);
    assertThat(badKey.err()).startsWith("wheeltapper: unusable trust material");
  }

  @Test
  void aCorruptFileIsAFindingNotACrash() throws Exception {
    Path junk = Files.writeString(tmp.resolve("junk-1.0-py3-none-any.whl"), "PK\u0003\u0004 not really");
    Run r = run("verify", "--format", "json", junk.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.json().at("/artifacts/0/findings/0/code").asText()).isEqualTo("zip.not-a-zip");
  }

  @Test
  void requireSignatureAndIdentityReachTheVerifier() throws Exception {
    Run r = run("verify", "--format", "json", "--require-signature",
        corpus("wheels/auditwheel/plumbum-1.6.8-py2.py3-none-any.whl"));
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.json().at("/artifacts/0/findings/0/code").asText()).isEqualTo("signature.missing");

    Run staging = run("verify", "--format", "json", "--sigstore-root",
        corpus("attest/sigstore-staging-trusted_root.json"), "--identity", "william@yossarian.net",
        corpus("attest/rfc8785-0.1.2-py3-none-any.whl"));
    assertThat(staging.code()).isZero();
    JsonNode sigs = staging.json().at("/artifacts/0/signatures");
    assertThat(sigs).hasSize(3);
    sigs.forEach(s -> {
      assertThat(s.get("kind").asText()).isEqualTo("pep740");
      assertThat(s.get("status").asText()).isEqualTo("valid");
      assertThat(s.get("signer").asText()).isEqualTo("william@yossarian.net");
    });

    Run wrongIdentity = run("verify", "--format", "json", "--sigstore-root",
        corpus("attest/sigstore-staging-trusted_root.json"), "--identity", "pypa/sampleproject@release.yml",
        corpus("attest/rfc8785-0.1.2-py3-none-any.whl"));
    assertThat(wrongIdentity.json().at("/artifacts/0/signatures/0/status").asText()).isEqualTo("untrusted");
  }

  @Test
  void hostileNamesCannotReachTheTerminal() throws Exception {
    Path wheel = tmp.resolve("evil-1.0-py3-none-any.whl");
    try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(wheel))) {
      zip.putNextEntry(new java.util.zip.ZipEntry("evil/\u001b[2J\u001b]0;pwned\u0007\u202e.py"));
      zip.write(1);
      zip.closeEntry();
    }
    Run r = run("verify", wheel.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("\\u001b[2J").doesNotContain("\u001b").doesNotContain("\u0007")
        .doesNotContain("\u202e");
  }

  @Test
  void progressOnATerminalStderrAndColourOnlyWithoutNoColor() throws Exception {
    String dir = corpus("wheels/auditwheel/glibc");
    System.setProperty("wheeltapper.stderr.tty", "true");
    System.setProperty("wheeltapper.stdout.tty", "true");
    try {
      Run r = run("verify", "--format", "json", dir);
      assertThat(r.err()).contains("] 9/9");
      TestJson.MAPPER.readTree(r.out()); // the progress bar never touches standard output
    } finally {
      System.clearProperty("wheeltapper.stderr.tty");
      System.clearProperty("wheeltapper.stdout.tty");
    }
    assertThat(run("verify", "--format", "json", dir).err()).doesNotContain("] 9/9");

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (boolean noColor : new boolean[] {false, true}) {
      ProcessBuilder pb = new ProcessBuilder(java, "-Dwheeltapper.stdout.tty=true", "-cp",
          System.getProperty("java.class.path"), Main.class.getName(), "verify",
          corpus("wheels/auditwheel/plumbum-1.6.8-py2.py3-none-any.whl"));
      pb.environment().remove("NO_COLOR");
      pb.environment().put("TERM", "xterm");
      if (noColor) {
        pb.environment().put("NO_COLOR", "1");
      }
      Process p = pb.redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor()).isZero();
      if (noColor) {
        assertThat(out).contains("PASS").doesNotContain("\u001b[");
      } else {
        assertThat(out).contains("\u001b[32;1mPASS\u001b[0m");
      }
    }
  }
}
