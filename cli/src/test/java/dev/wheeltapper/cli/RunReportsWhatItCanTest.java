package dev.wheeltapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheeltapper.report.Finding;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, a run that reports what it can: a missing path or an empty folder is a finding, the rest is reported in
 * full in every format, the exit code says whether anything failed; usage errors name the command's help and suggest
 * the nearest command; an unwritable --output is one line naming the path. And issue 19's streamed SARIF: the same
 * bytes as the whole document.
 */
class RunReportsWhatItCanTest {
  @TempDir Path tmp;

  private static final String GOOD = CliTest.corpus("wheels/auditwheel/plumbum-1.6.8-py2.py3-none-any.whl");

  @Test
  void aMissingPathAmongGoodOnesIsAFindingAndTheRestIsReported() throws Exception {
    String missing = tmp.resolve("gone-1.0-py3-none-any.whl").toString();
    CliTest.Run r = CliTest.run("audit", "--format", "json", GOOD, missing, GOOD);
    assertThat(r.code()).isEqualTo(Main.EXIT_FAIL);
    JsonNode doc = r.json();
    assertThat(doc.at("/artifacts")).hasSize(3);
    assertThat(doc.at("/artifacts/0/verdict").asText()).isEqualTo("pass");
    assertThat(doc.at("/artifacts/1/path").asText()).isEqualTo(missing);
    assertThat(doc.at("/artifacts/1/kind").asText()).isEqualTo("wheel");
    assertThat(doc.at("/artifacts/1/sha256").isNull()).isTrue();
    assertThat(doc.at("/artifacts/1/verdict").asText()).isEqualTo("fail");
    assertThat(doc.at("/artifacts/1/findings/0/code").asText()).isEqualTo("input.missing");
    assertThat(doc.at("/artifacts/2/verdict").asText()).isEqualTo("pass");
    assertThat(doc.at("/summary/failed").asInt()).isEqualTo(1);
    assertThat(r.err()).contains("3 artifacts: 2 passed, 1 failed").contains("input.missing 1");

    CliTest.Run sarif = CliTest.run("audit", "--format", "sarif", GOOD, missing);
    assertThat(sarif.code()).isEqualTo(Main.EXIT_FAIL);
    assertThat(SarifSchemaTest.validate(sarif.json())).isEmpty();
    assertThat(sarif.json().at("/runs/0/artifacts")).hasSize(2);
    assertThat(sarif.json().at("/runs/0/results/0/ruleId").asText()).isEqualTo("input.missing");

    CliTest.Run text = CliTest.run("audit", GOOD, missing);
    assertThat(text.out()).contains("PASS  " + GOOD).contains("FAIL  " + missing).contains("input.missing")
        .contains("2 artifacts: 1 passed, 1 failed");
  }

  @Test
  void anEmptyFolderStillWritesAWholeDocumentInEveryFormat() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    CliTest.Run json = CliTest.run("audit", "--format", "json", empty.toString());
    assertThat(json.code()).isEqualTo(Main.EXIT_PASS);
    assertThat(json.json().at("/artifacts").isArray()).isTrue();
    assertThat(json.json().at("/artifacts")).isEmpty();
    assertThat(json.json().at("/summary/artifacts").asInt()).isZero();
    assertThat(json.json().at("/findings/0/code").asText()).isEqualTo("input.empty");
    assertThat(json.json().at("/findings/0/path").asText()).isEqualTo(empty.toString());

    CliTest.Run sarif = CliTest.run("audit", "--format", "sarif", empty.toString());
    assertThat(SarifSchemaTest.validate(sarif.json())).isEmpty();
    assertThat(sarif.json().at("/runs/0/results/0/ruleId").asText()).isEqualTo("input.empty");
    assertThat(sarif.json().at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation").has("index"))
        .isFalse();

    CliTest.Run text = CliTest.run("audit", empty.toString());
    assertThat(text.out()).contains("warning  input.empty: No wheels (*.whl) found under " + empty)
        .contains("0 artifacts: 0 passed, 0 failed");
  }

  @Test
  void anUnwritableOutputIsOneLineNamingThePath() {
    Path out = tmp.resolve("no-such-folder").resolve("report.json");
    CliTest.Run r = CliTest.run("audit", "--format", "json", "--output", out.toString(), GOOD);
    assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err().strip()).isEqualTo("wheeltapper: cannot write --output " + out + ": no such directory: "
        + out.getParent()).doesNotContain("internal error").doesNotContain("Exception");
  }

  @Test
  void usageErrorsNameTheCommandsHelpAndSuggestTheNearestCommand() {
    CliTest.Run typo = CliTest.run("audti", GOOD);
    assertThat(typo.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(typo.err()).contains("Did you mean").contains("audit").contains("Try 'wheeltapper --help'.");

    CliTest.Run option = CliTest.run("audit", "--fromat", "json", GOOD);
    assertThat(option.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(option.err()).contains("Did you mean: --format?").contains("Try 'wheeltapper audit --help'.");

    CliTest.Run both = CliTest.run("audit", "--quiet", "--summary", GOOD);
    assertThat(both.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(both.err()).contains("exclude each other");
  }

  @Test
  void everyCommandsHelpStatesTheExitCodes() {
    for (String command : List.of("verify", "inspect", "audit")) {
      CliTest.Run help = CliTest.run(command, "--help");
      assertThat(help.code()).isZero();
      assertThat(help.out()).as(command).contains("Exit codes:").contains("0   every artifact passed")
          .contains("1   at least one artifact failed").contains("2   usage error");
    }
    assertThat(CliTest.run("--help").out()).contains("Exit codes:");
  }

  @Test
  void quietIsOneLinePerArtifactAndSummaryOnlyTheSummary() {
    String junk = CliTest.corpus("wheels/auditwheel/cffi-1.5.0-cp27-none-linux_x86_64.whl");
    CliTest.Run quiet = CliTest.run("audit", "--quiet", GOOD, junk);
    List<String> lines = quiet.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("PASS  " + GOOD + " (wheel)  no findings");
    assertThat(lines.get(1)).startsWith("PASS  " + junk + " (wheel)  4 warnings");
    assertThat(lines.get(2)).isEqualTo("2 artifacts: 2 passed, 0 failed");

    CliTest.Run summary = CliTest.run("audit", "--summary", GOOD, junk);
    assertThat(summary.out()).doesNotContain(GOOD).startsWith("2 artifacts: 2 passed, 0 failed")
        .contains("warning  hardening.no-canary");
  }

  @Test
  void repeatedFindingsAreOneLinePerCodeAndVerboseHasEverySentence() {
    String rfc = CliTest.corpus("attest/rfc8785-0.1.2-py3-none-any.whl");
    CliTest.Run grouped = CliTest.run("verify", rfc);
    assertThat(grouped.out().lines().filter(l -> l.contains("signature.untrusted"))).hasSize(2); // group + summary
    assertThat(grouped.out()).contains("signature.untrusted          3x ")
        .contains("(rfc8785-0.1.2-py3-none-any.whl.sigstore)");
    CliTest.Run verbose = CliTest.run("verify", "--verbose", rfc);
    assertThat(verbose.out().lines().filter(l -> l.contains("signature.untrusted") && l.contains("Rekor")))
        .hasSize(3);
  }

  /** Streamed SARIF is byte for byte the whole document, with duplicates, several rules, and nothing at all. */
  @Test
  void streamedSarifIsTheWholeDocument() throws Exception {
    ArtifactReport a = new ArtifactReport("dist/a b,c-1.0-py3-none-any.whl", "wheel", "0".repeat(64),
        Optional.empty(), List.of(Finding.error("record.hash-mismatch", "a/b.py", "content does not match"),
            Finding.warning("zip.data-descriptor", "a/c.py", "entry uses a data descriptor").withFact("k", "v")),
        List.of(), ArtifactReport.Binaries.NONE, Optional.empty());
    ArtifactReport b = new ArtifactReport("x-2.0-py3-none-any.whl", "wheel", "1".repeat(64), Optional.empty(),
        List.of(Finding.note("signature.deprecated-form", "", "RECORD.p7s is deprecated")), List.of(),
        ArtifactReport.Binaries.NONE, Optional.empty());
    for (List<ArtifactReport> reports : List.of(List.of(a, b, a), List.<ArtifactReport>of(), List.of(b))) {
      StringWriter whole = new StringWriter();
      JsonWriter.write(SarifReport.document(reports), whole);
      StringWriter streamed = new StringWriter();
      ReportSink sink = new SarifReport.Sink(streamed);
      sink.begin();
      for (ArtifactReport r : reports) {
        sink.artifact(r);
      }
      sink.end(new RunTally(List.of()));
      assertThat(streamed.toString()).isEqualTo(whole + System.lineSeparator());
    }
  }

  /** The report order is the order of the arguments and of each directory's files, whatever --jobs says. */
  @Test
  void theOrderNeverDependsOnJobs() {
    String dir = CliTest.corpus("wheels/auditwheel/glibc");
    String one = CliTest.run("audit", "--format", "json", "--jobs", "1", dir, GOOD).out();
    String four = CliTest.run("audit", "--format", "json", "--jobs", "4", dir, GOOD).out();
    assertThat(four).isEqualTo(one).contains("plumbum");
  }
}
