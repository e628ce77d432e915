package dev.wheeltapper.cli;

import static dev.wheeltapper.cli.CliTest.corpus;
import static dev.wheeltapper.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wheel-level {@code languages}, {@code memorySafe}, {@code nativeCode} and {@code signed} of the JSON. */
class OverviewJsonTest {
  static final String C_WHEEL = "wheels/auditwheel/testzlib-0.0.1-cp310-cp310-linux_x86_64.whl";
  static final String PURE = "wheels/auditwheel/plumbum-1.6.8-py2.py3-none-any.whl";

  private static JsonNode artifact(String command, String wheel) throws Exception {
    return run(command, "--format", "json", corpus(wheel)).json().at("/artifacts/0");
  }

  private static List<String> fields(JsonNode a) {
    List<String> out = new ArrayList<>();
    a.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void anAuditedNativeWheelHasAllFourAfterTheOtherFields() throws Exception {
    JsonNode a = artifact("audit", C_WHEEL);
    assertThat(a.get("languages")).extracting(JsonNode::asText).containsExactly("c");
    assertThat(a.get("memorySafe").asText()).isEqualTo("no");
    assertThat(a.get("nativeCode").asBoolean()).isTrue();
    assertThat(a.get("signed").asBoolean()).isFalse();
    List<String> f = fields(a);
    assertThat(f.subList(f.size() - 4, f.size())).containsExactly("languages", "memorySafe", "nativeCode", "signed");
  }

  @Test
  void aPureWheelHasNoNativeCodeAndNoMemorySafetyVerdict() throws Exception {
    JsonNode a = artifact("audit", PURE);
    assertThat(a.get("languages")).isEmpty();
    assertThat(a.get("nativeCode").asBoolean()).isFalse();
    assertThat(a.get("memorySafe").isNull()).isTrue();
  }

  @Test
  void eachCommandWritesOnlyWhatItEstablished() throws Exception {
    JsonNode verify = artifact("verify", C_WHEEL);
    assertThat(fields(verify)).contains("signed").doesNotContain("languages", "memorySafe", "nativeCode");
    JsonNode inspect = artifact("inspect", C_WHEEL);
    assertThat(fields(inspect)).contains("languages", "memorySafe", "nativeCode").doesNotContain("signed");
  }

  @Test
  void aWheelThatCannotBeReadHasNoNativeCodeVerdict(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
      throws Exception {
    java.nio.file.Path bad = java.nio.file.Files.writeString(tmp.resolve("x-1.0-py3-none-any.whl"), "not a zip");
    JsonNode a = run("audit", "--format", "json", bad.toString()).json().at("/artifacts/0");
    assertThat(a.get("nativeCode").isNull()).isTrue();
    assertThat(a.get("memorySafe").asText()).isEqualTo("unknown");
    assertThat(a.get("languages")).isEmpty();
  }
}
