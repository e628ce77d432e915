package dev.wheeltapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheeltapper.audit.InstalledTogether;
import dev.wheeltapper.policy.Abi3Result;
import dev.wheeltapper.policy.Abi3Violation;
import dev.wheeltapper.policy.PlatformResult;
import dev.wheeltapper.policy.PolicyReport;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The policy renderers on the cases the golden corpus lacks: abi3 violations of each kind and a verdict with
 * dependencies installed together.
 */
class PolicyJsonTest {
  private static JsonNode policy(ArtifactReport.Policy policy) throws Exception {
    ArtifactReport r = new ArtifactReport("w-1.0-cp38-abi3-manylinux_2_17_x86_64.whl", "wheel", "0".repeat(64),
        Optional.empty(), List.of(), List.of(), ArtifactReport.Binaries.NONE, Optional.of(policy));
    StringWriter out = new StringWriter();
    JsonReport.write(List.of(r), out);
    return TestJson.MAPPER.readTree(out.toString()).at("/artifacts/0/policy");
  }

  @Test
  void abi3ViolationsSayWhatTheStableAbiLacks() throws Exception {
    Abi3Result abi3 = new Abi3Result("cp38", false, 2, List.of(
        new Abi3Violation("w/_a.abi3.so", Optional.of("PyObject_GetBuffer"), Optional.of("3.11"), true, "newer"),
        new Abi3Violation("w/_a.abi3.so", Optional.of("_PyObject_GetDictPtr"), Optional.empty(), true, "private"),
        new Abi3Violation("w/_b.cpython-38-x86_64-linux-gnu.so", Optional.empty(), Optional.empty(), false,
            "version-specific suffix")));
    JsonNode p = policy(new ArtifactReport.Policy(
        new PolicyReport(List.of("manylinux_2_17_x86_64"), Optional.empty(), Optional.empty(), Optional.of(abi3)),
        List.of()));
    assertThat(p.fieldNames()).toIterable().containsExactly("platformTags", "abi3");
    JsonNode v = p.at("/abi3/violations");
    assertThat(v.at("/0/addedIn").asText()).isEqualTo("3.11");
    assertThat(v.at("/1/addedIn").asText()).isEqualTo("not in the stable ABI");
    assertThat(v.at("/2/symbol").isNull()).isTrue();
    assertThat(v.at("/2/addedIn").isNull()).isTrue();
    assertThat(v.at("/2/abi3Suffix").asBoolean()).isFalse();
    assertThat(p.at("/abi3/extensions").asInt()).isEqualTo(2);
  }

  @Test
  void withDependenciesBelongsToItsFamilyOnly() throws Exception {
    PlatformResult many = new PlatformResult("manylinux", Optional.of("manylinux_2_17_x86_64"), "linux_x86_64",
        false, "glibc", List.of("libgpu.so.1"), List.of(), Map.of("GLIBC", "2.17"), false);
    InstalledTogether.Result together = new InstalledTogether.Result("manylinux", false, true,
        Map.of("libgpu.so.1", "gpu-1.0-py3-none-any.whl!gpu/libgpu.so.1"), List.of());
    JsonNode p = policy(new ArtifactReport.Policy(
        new PolicyReport(List.of("manylinux_2_17_x86_64"), Optional.of(many), Optional.empty(), Optional.empty()),
        List.of(together)));
    JsonNode m = p.get("manylinux");
    assertThat(m.get("ok").asBoolean()).isFalse();
    assertThat(m.at("/withDependencies/ok").asBoolean()).isTrue();
    assertThat(m.at("/withDependencies/providedBy/libgpu.so.1").asText())
        .isEqualTo("gpu-1.0-py3-none-any.whl!gpu/libgpu.so.1");
    assertThat(m.at("/withDependencies/stillExternal")).isEmpty();
    assertThat(m.at("/symbolVersions/GLIBC").asText()).isEqualTo("2.17");
    // a result for a family the wheel has no verdict for is not rendered
    InstalledTogether.Result musl = new InstalledTogether.Result("musllinux", false, true, Map.of(), List.of());
    JsonNode q = policy(new ArtifactReport.Policy(
        new PolicyReport(List.of("manylinux_2_17_x86_64"), Optional.of(many), Optional.empty(), Optional.empty()),
        List.of(musl)));
    assertThat(q.at("/manylinux").has("withDependencies")).isFalse();
    assertThat(q.has("musllinux")).isFalse();
  }
}
