package dev.wheeltapper.cli;

import static dev.wheeltapper.cli.CliTest.corpus;
import static dev.wheeltapper.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheeltapper.guide.GuideOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The OpenSSF guide in the command line's JSON and text ({@code docs/cli.md}): {@code hardening.guide} rows spelled as
 * the guide's table, the artifact-level {@code guide} counts, {@code null} for formats without a profile, and the text
 * report's section.
 */
class GuideJsonTest {

  @Test
  void everyElfBinaryCarriesOneRowPerOptionSpelledAsTheGuide() throws Exception {
    JsonNode a = run("audit", "--format", "json", corpus("wheels/auditwheel/cffi-1.5.0-cp27-none-linux_x86_64.whl"))
        .json().at("/artifacts/0");
    JsonNode g = a.at("/binaries/0/hardening/guide");
    assertThat(g.get("applicable").asBoolean()).isTrue();
    assertThat(g.get("scope").asText()).isEqualTo("c");
    List<String> options = new ArrayList<>();
    for (JsonNode r : g.get("rows")) {
      List<String> keys = new ArrayList<>();
      r.fieldNames().forEachRemaining(keys::add);
      assertThat(keys).containsExactly("option", "status", "channel", "evidence");
      assertThat(r.get("status").asText()).isIn("met", "partly-met", "not-met", "not-applicable", "undeterminable");
      options.add(r.get("option").asText());
    }
    assertThat(options).containsExactlyElementsOf(
        java.util.Arrays.stream(GuideOption.values()).map(GuideOption::option).toList());
    assertThat(options).contains("-Wl,-z,relro -Wl,-z,now", "-D_FORTIFY_SOURCE=3", "-fcf-protection=full");
    // GCC 4.8 is the newest compiler named: -fstack-protector-strong (4.9) was not yet there
    assertThat(g.at("/rows/5/status").asText()).isEqualTo("not-applicable");
    assertThat(g.at("/rows/5/evidence").asText()).contains("GCC 4.8", "GCC 4.9");
    // the platform tag linux_x86_64 promises no libc
    assertThat(g.get("platform").isNull()).isTrue();

    JsonNode s = a.get("guide");
    assertThat(s.get("binaries").asInt()).isEqualTo(1);
    assertThat(s.get("cOrCxxBinaries").asInt()).isEqualTo(1);
    assertThat(s.get("options")).hasSize(GuideOption.values().length);
    JsonNode relro = s.at("/options/10");
    assertThat(relro.get("option").asText()).isEqualTo("-Wl,-z,relro -Wl,-z,now");
    assertThat(relro.get("wheel").asText()).isEqualTo("not-met");
    assertThat(relro.get("notMet").asInt()).isEqualTo(1);
  }

  @Test
  void aManylinuxWheelNamesItsPlatform() throws Exception {
    JsonNode g = run("audit", "--format", "json",
        corpus("wheels/auditwheel/python_mscl-67.0.1.0-cp313-cp313-manylinux2014_aarch64.whl"))
        .json().at("/artifacts/0/binaries/0/hardening/guide");
    assertThat(g.get("platform").asText()).isEqualTo("manylinux_2_17_aarch64");
    assertThat(g.at("/rows/6/option").asText()).isEqualTo("-fcf-protection=full");
    assertThat(g.at("/rows/6/status").asText()).isEqualTo("not-applicable"); // x86-64 only, this is aarch64
  }

  @Test
  void peHasNoProfileAndNoSummary() throws Exception {
    JsonNode a = run("inspect", "--format", "json",
        corpus("wheels/delvewheel/binaries/x64/FixedAddress/simpledll.dll")).json().at("/artifacts/0");
    assertThat(a.at("/binaries/0/hardening/guide").isNull()).isTrue();
    assertThat(a.get("guide").isNull()).isTrue();
  }

  @Test
  void theTextReportHasAGuideSectionAndARunShare() throws Exception {
    String out = run("audit", corpus("wheels/auditwheel/cffi-1.5.0-cp27-none-linux_x86_64.whl")).out();
    assertThat(out).contains("guide _cffi_backend.so: ", "not-met    -Wl,-z,relro -Wl,-z,now: no RELRO",
        "OpenSSF compiler hardening guide, per option", "met by 1 of 1 (100%)");
  }
}
