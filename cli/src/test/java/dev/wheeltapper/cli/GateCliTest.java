package dev.wheeltapper.cli;

import static dev.wheeltapper.cli.CliTest.corpus;
import static dev.wheeltapper.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheeltapper.report.Codes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gating a pipeline: {@code --fail-on}, {@code --waivers}, {@code --baseline}; suppressed findings stay in every
 * format, marked; usage errors are one line.
 */
class GateCliTest {
  /** RECORD.jws holds placeholder bytes: one signature.invalid error (delvewheel's test wheel). */
  static final String SIGNED = "wheels/delvewheel/simpleext/simpleext-0.0.1-1sign-cp312-cp312-win_amd64.whl";
  /** A DLL at the top level of the library: one layout warning, no error. */
  static final String LOOSE_DLL = "wheels/delvewheel/simpleext/simpleext-0.0.1-0analyze-cp312-cp312-win_amd64.whl";

  @TempDir Path tmp;

  private Path file(String name, String text) throws Exception {
    return Files.writeString(tmp.resolve(name), text);
  }

  private static JsonNode finding(JsonNode artifact, String code) {
    for (JsonNode f : artifact.get("findings")) {
      if (f.get("code").asText().equals(code)) {
        return f;
      }
    }
    throw new AssertionError("no " + code + " in " + artifact);
  }

  private static List<String> codes(JsonNode artifact) {
    List<String> out = new ArrayList<>();
    artifact.get("findings").forEach(f -> out.add(f.get("code").asText()));
    return out;
  }

  @Test
  void failOnWarningFailsOnAWarningAndNeverPassesAnError() throws Exception {
    CliTest.Run byDefault = run("verify", "--format", "json", corpus(LOOSE_DLL));
    assertThat(byDefault.code()).isZero();
    assertThat(codes(byDefault.json().at("/artifacts/0"))).contains(Codes.LAYOUT_TOPLEVEL_NON_MODULE);

    CliTest.Run warning = run("verify", "--format", "json", "--fail-on", "warning", corpus(LOOSE_DLL));
    assertThat(warning.code()).isEqualTo(1);
    assertThat(warning.json().at("/artifacts/0/verdict").asText()).isEqualTo("fail");
    assertThat(warning.json().at("/summary/failed").asInt()).isEqualTo(1);

    CliTest.Run never = run("verify", "--format", "json", "--fail-on", "never", corpus(SIGNED));
    assertThat(never.code()).isZero();
    // the verdict still says what the artifact is: report-only mode changes the exit code, not the judgement
    assertThat(never.json().at("/artifacts/0/verdict").asText()).isEqualTo("fail");
  }

  @Test
  void aWaivedErrorStaysVisibleInEveryFormatAndNoLongerFails() throws Exception {
    Path waivers = file("waivers.txt", "# delvewheel's test wheels\n\n"
        + "signature.invalid simpleext-*-1sign-*.whl until=2999-12-31 placeholder RECORD.jws of a test wheel\n");
    CliTest.Run json = run("verify", "--format", "json", "--waivers", waivers.toString(), corpus(SIGNED));
    assertThat(json.code()).isZero();
    JsonNode a = json.json().at("/artifacts/0");
    assertThat(a.get("verdict").asText()).isEqualTo("pass");
    JsonNode f = finding(a, Codes.SIGNATURE_INVALID);
    assertThat(f.get("severity").asText()).isEqualTo("error");
    assertThat(f.at("/suppressed/kind").asText()).isEqualTo("waived");
    assertThat(f.at("/suppressed/reason").asText()).isEqualTo("placeholder RECORD.jws of a test wheel");
    assertThat(f.at("/suppressed/source").asText()).isEqualTo("waivers.txt:3");
    assertThat(json.json().at("/summary/suppressed").asInt()).isEqualTo(1);

    CliTest.Run text = run("verify", "--waivers", waivers.toString(), corpus(SIGNED));
    assertThat(text.code()).isZero();
    assertThat(text.out()).contains("PASS").contains("signature.invalid")
        .contains("[waived: placeholder RECORD.jws of a test wheel (waivers.txt:3)]");

    CliTest.Run sarif = run("verify", "--format", "sarif", "--waivers", waivers.toString(), corpus(SIGNED));
    JsonNode doc = sarif.json();
    assertThat(SarifSchemaTest.validate(doc)).isEmpty();
    JsonNode result = null;
    for (JsonNode x : doc.at("/runs/0/results")) {
      result = x.get("ruleId").asText().equals(Codes.SIGNATURE_INVALID) ? x : result;
    }
    assertThat(result).isNotNull();
    JsonNode sup = result.at("/suppressions/0");
    assertThat(sup.get("kind").asText()).isEqualTo("external");
    assertThat(sup.get("justification").asText()).isEqualTo("placeholder RECORD.jws of a test wheel");
    assertThat(sup.at("/properties/wheeltapper/source").asText()).isEqualTo("waivers.txt:3");

    Path page = tmp.resolve("waived.html");
    CliTest.Run html = run("verify", "--format", "html", "--output", page.toString(), "--waivers",
        waivers.toString(), corpus(SIGNED));
    assertThat(html.code()).isZero();
    org.jsoup.nodes.Element waived = org.jsoup.Jsoup.parse(java.nio.file.Files.readString(page))
        .selectFirst("li.finding[data-code=" + Codes.SIGNATURE_INVALID + "]");
    assertThat(waived).isNotNull();
    assertThat(waived.attr("data-suppressed")).isEqualTo("waived");
    assertThat(waived.selectFirst(".suppression").text())
        .isEqualTo("[waived: placeholder RECORD.jws of a test wheel (waivers.txt:3)]");
  }

  @Test
  void aWaiverGlobMatchesTheFindingsPathAndAnotherCodeIsNotWaived() throws Exception {
    Path waivers = file("w", "layout.* icuuc74.dll the ICU DLL is loaded by path\n"
        + "hardening.no-canary *.dll not this one\n");
    CliTest.Run r = run("verify", "--format", "json", "--fail-on", "warning", "--waivers", waivers.toString(),
        corpus(LOOSE_DLL));
    JsonNode a = r.json().at("/artifacts/0");
    boolean unsuppressedWarning = false;
    for (JsonNode f : a.get("findings")) {
      if (f.get("code").asText().equals(Codes.LAYOUT_TOPLEVEL_NON_MODULE)) {
        assertThat(f.at("/suppressed/source").asText()).isEqualTo("w:1");
      } else if (f.get("severity").asText().equals("warning")) {
        unsuppressedWarning = true;
        assertThat(f.has("suppressed")).isFalse();
      }
    }
    assertThat(r.code()).isEqualTo(unsuppressedWarning ? 1 : 0);
  }

  @Test
  void anExpiredWaiverStopsWaivingAndSaysSo() throws Exception {
    Path waivers = file("waivers.txt", "signature.invalid *-1sign-* until=2000-01-01 fixed long ago\n");
    CliTest.Run r = run("verify", "--format", "json", "--waivers", waivers.toString(), corpus(SIGNED));
    assertThat(r.code()).isEqualTo(1);
    JsonNode a = r.json().at("/artifacts/0");
    assertThat(a.get("verdict").asText()).isEqualTo("fail");
    assertThat(codes(a)).containsOnlyOnce(Codes.SIGNATURE_INVALID, Codes.GATE_WAIVER_EXPIRED)
        .last().isEqualTo(Codes.GATE_WAIVER_EXPIRED);
    assertThat(finding(a, Codes.SIGNATURE_INVALID).has("suppressed")).isFalse();
    JsonNode note = finding(a, Codes.GATE_WAIVER_EXPIRED);
    assertThat(note.get("severity").asText()).isEqualTo("note");
    assertThat(note.get("message").asText()).contains("waivers.txt:1", "2000-01-01", "signature.invalid");
    assertThat(note.at("/facts/waiver").asText()).isEqualTo("waivers.txt:1");
  }

  @Test
  void aBaselineMadeElsewhereSuppressesItsFindingsAndANewOneStillFails() throws Exception {
    Path baseline = tmp.resolve("baseline.json");
    CliTest.Run first = run("verify", "--format", "json", "--output", baseline.toString(), corpus(SIGNED));
    assertThat(first.code()).isEqualTo(1);
    // the same wheel under another folder: the baseline matches on its file name
    Path copy = Files.createDirectories(tmp.resolve("ci/dist")).resolve(Path.of(corpus(SIGNED)).getFileName());
    Files.copy(Path.of(corpus(SIGNED)), copy);
    CliTest.Run again = run("verify", "--format", "json", "--baseline", baseline.toString(), copy.toString());
    assertThat(again.code()).isZero();
    JsonNode all = again.json().at("/artifacts/0/findings");
    assertThat(all).isNotEmpty().allSatisfy(f -> {
      assertThat(f.at("/suppressed/kind").asText()).isEqualTo("baselined");
      assertThat(f.at("/suppressed/source").asText()).isEqualTo("baseline.json");
    });

    // another wheel's error is not in the baseline
    CliTest.Run other = run("verify", "--format", "json", "--baseline", baseline.toString(),
        corpus("wheels/delvewheel/simpleext/simpleext-0.0.1-2sign-cp312-cp312-win_amd64.whl"));
    assertThat(other.code()).isEqualTo(1);
    assertThat(finding(other.json().at("/artifacts/0"), Codes.SIGNATURE_INVALID).has("suppressed")).isFalse();
  }

  @Test
  void badWaiversAndBaselinesAreOneLineUsageErrors() throws Exception {
    Path noReason = file("w1", "# header\nrecord.hash-mismatch *.whl\n");
    CliTest.Run r1 = run("verify", "--waivers", noReason.toString(), corpus(SIGNED));
    assertThat(r1.code()).isEqualTo(2);
    assertThat(r1.err().strip()).doesNotContain("\n").contains("w1:2");

    Path badDate = file("w2", "record.hash-mismatch *.whl until=2026-13-01 reason\n");
    assertThat(run("verify", "--waivers", badDate.toString(), corpus(SIGNED)).err()).contains("w2:1", "until=");

    Path typo = file("w3", "record.hash-missmatch *.whl a typo waives nothing\n");
    CliTest.Run r3 = run("verify", "--waivers", typo.toString(), corpus(SIGNED));
    assertThat(r3.code()).isEqualTo(2);
    assertThat(r3.err()).contains("w3:1", "unknown finding code");

    CliTest.Run missing = run("verify", "--waivers", tmp.resolve("nope").toString(), corpus(SIGNED));
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err().strip()).doesNotContain("\n").contains("cannot read");

    Path notJson = file("b1.json", "{\"tool\": ");
    CliTest.Run b1 = run("verify", "--baseline", notJson.toString(), corpus(SIGNED));
    assertThat(b1.code()).isEqualTo(2);
    assertThat(b1.err().strip()).doesNotContain("\n").contains("not a wheeltapper JSON report");

    Path sarif = tmp.resolve("b2.json");
    run("verify", "--format", "sarif", "--output", sarif.toString(), corpus(SIGNED));
    CliTest.Run b2 = run("verify", "--baseline", sarif.toString(), corpus(SIGNED));
    assertThat(b2.code()).isEqualTo(2);
    assertThat(b2.err()).contains("not a wheeltapper JSON report");

    CliTest.Run level = run("verify", "--fail-on", "sometimes", corpus(SIGNED));
    assertThat(level.code()).isEqualTo(2);
  }

  @Test
  void helpStatesTheExitCodes() throws Exception {
    CliTest.Run r = run("audit", "--help");
    assertThat(r.out()).contains("--fail-on", "--baseline", "--waivers", "Exit codes", "0 ", "1 ", "2 ");
  }
}
