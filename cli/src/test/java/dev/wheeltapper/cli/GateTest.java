package dev.wheeltapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Suppression;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate's order (live waiver, then baseline), expired waivers, and the baseline's matching rule. */
class GateTest {
  static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  static final Finding CANARY = Finding.warning(Codes.HARDENING_NO_CANARY, "pkg/_x.so", "no canary");
  static final Finding HASH = Finding.error(Codes.RECORD_HASH_MISMATCH, "pkg/a.py", "tampered");
  static final Finding WHOLE = Finding.error(Codes.SIGNATURE_MISSING, "", "none");

  @TempDir Path tmp;

  private Baseline baseline(String json) throws Exception {
    return Baseline.read(Files.writeString(tmp.resolve("base.json"), json));
  }

  private static ArtifactReport report(Finding... findings) {
    return new ArtifactReport("ci/dist/pkg-1.0-py3-none-any.whl", "wheel", "0".repeat(64), Optional.empty(),
        List.of(findings), List.of(), ArtifactReport.Binaries.NONE, Optional.empty());
  }

  @Test
  void theBaselineMatchesFileNameCodeAndPathInAnyFieldOrder() throws Exception {
    Baseline b = baseline("""
        {"summary": {}, "artifacts": [
          {"findings": [{"message": "reworded", "path": "pkg/a.py", "code": "record.hash-mismatch"},
                        {"code": "signature.missing", "path": null}, {"path": "no code"}],
           "path": "/old/workspace/pkg-1.0-py3-none-any.whl"}],
         "tool": {"version": "0.0.1", "name": "wheeltapper"}}
        """);
    assertThat(b.size()).isEqualTo(2);
    assertThat(b.contains("pkg-1.0-py3-none-any.whl", HASH)).isTrue();
    assertThat(b.contains("pkg-1.0-py3-none-any.whl", WHOLE)).isTrue();
    assertThat(b.contains("pkg-1.0-py3-none-any.whl", HASH.withMessage("other words"))).isTrue();
    assertThat(b.contains("pkg-1.1-py3-none-any.whl", HASH)).as("another file name").isFalse();
    assertThat(b.contains("pkg-1.0-py3-none-any.whl", Finding.error(Codes.RECORD_HASH_MISMATCH, "pkg/b.py", "x")))
        .as("another path").isFalse();
  }

  @Test
  void aLiveWaiverWinsOverTheBaselineAndAnExpiredOneLeavesItToTheBaseline() throws Exception {
    Baseline b = baseline("{\"tool\": {\"name\": \"wheeltapper\"}, \"artifacts\": [{\"path\": "
        + "\"pkg-1.0-py3-none-any.whl\", \"findings\": [{\"code\": \"record.hash-mismatch\", \"path\": \"pkg/a.py\"},"
        + " {\"code\": \"hardening.no-canary\", \"path\": \"pkg/_x.so\"}]}]}");
    Waivers w = Waivers.parse("""
        hardening.no-canary pkg/_x.so accepted upstream
        record.hash-mismatch pkg-*.whl until=2026-01-31 was a known repack
        """, "w.txt", TODAY);
    Gate gate = new Gate(FailOn.error, Optional.of(w), Optional.of(b));
    ArtifactReport r = gate.apply(report(CANARY, HASH, WHOLE));
    assertThat(r.findings().get(0).suppression()).map(Suppression::kind).contains(Suppression.Kind.WAIVED);
    assertThat(r.findings().get(1).suppression()).map(Suppression::kind).contains(Suppression.Kind.BASELINED);
    assertThat(r.findings().get(2).isSuppressed()).isFalse();
    assertThat(r.findings().get(3).code()).isEqualTo(Codes.GATE_WAIVER_EXPIRED);
    assertThat(r.findings().get(3).facts()).containsEntry("waiver", "w.txt:2").containsEntry("until", "2026-01-31");
    assertThat(r.passed()).as("signature.missing is neither waived nor baselined").isFalse();
    assertThat(gate.exitCode(List.of(r))).isEqualTo(Main.EXIT_FAIL);
    assertThat(new Gate(FailOn.never, Optional.of(w), Optional.of(b)).exitCode(List.of(r))).isEqualTo(Main.EXIT_PASS);
  }

  @Test
  void failOnWarningCountsUnsuppressedWarningsOnly() throws Exception {
    ArtifactReport warned = new Gate(FailOn.warning, Optional.empty(), Optional.empty()).apply(report(CANARY));
    assertThat(warned.passed()).isFalse();
    assertThat(warned.verdict()).isEqualTo("fail");
    Waivers w = Waivers.parse("hardening.* ** accepted\n", "w", TODAY);
    assertThat(new Gate(FailOn.warning, Optional.of(w), Optional.empty()).apply(report(CANARY)).passed()).isTrue();
    ArtifactReport noted = new Gate(FailOn.warning, Optional.empty(), Optional.empty())
        .apply(report(Finding.note(Codes.SIGNATURE_DEPRECATED, "", "a note")));
    assertThat(noted.passed()).as("notes never fail").isTrue();
  }
}
