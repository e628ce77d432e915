package dev.wheeltapper.cli;

import static dev.wheeltapper.cli.CliTest.corpus;
import static dev.wheeltapper.cli.CliTest.run;
import static dev.wheeltapper.cli.InspectAuditCliTest.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheeltapper.testsupport.Oracles;
import dev.wheeltapper.testsupport.Oracles.Oracle;
import dev.wheeltapper.testsupport.TestWheels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit --format json}: the contract's {@code policy} object beside the {@code binaries} it judges. */
class PolicyAuditCliTest {
  @TempDir Path tmp;

  private static List<String> codes(JsonNode artifact) {
    List<String> out = new ArrayList<>();
    artifact.get("findings").forEach(f -> out.add(f.get("code").asText()));
    return out;
  }

  @Test
  void pythonMsclFailsItsManylinux2014Claim() throws Exception {
    CliTest.Run r = run("audit", "--format", "json",
        corpus("wheels/auditwheel/python_mscl-67.0.1.0-cp313-cp313-manylinux2014_aarch64.whl"));
    assertThat(r.code()).isEqualTo(1);
    JsonNode a = r.json().at("/artifacts/0");
    JsonNode p = a.get("policy");
    assertThat(texts(p.get("platformTags"))).containsExactly("manylinux2014_aarch64");
    JsonNode m = p.get("manylinux");
    assertThat(m.get("claimed").asText()).isEqualTo("manylinux_2_17_aarch64");
    assertThat(m.get("satisfied").asText()).isEqualTo("manylinux_2_31_aarch64");
    assertThat(m.get("ok").asBoolean()).isFalse();
    assertThat(texts(m.get("libpython"))).containsExactly("libpython3.13.so.1.0");
    assertThat(p.has("musllinux")).isFalse();
    assertThat(p.has("abi3")).isFalse();
    JsonNode b = a.at("/binaries/0");
    assertThat(b.get("path").asText()).isEqualTo("python_mscl/_mscl.so");
    assertThat(b.get("machine").asText()).isEqualTo("aarch64");
    assertThat(b.at("/symbolVersions/GLIBC").asText()).isEqualTo("2.29");
    assertThat(b.at("/symbolVersions/GLIBCXX").asText()).isEqualTo("3.4.22");
    assertThat(texts(b.get("needed"))).contains("libpython3.13.so.1.0");
    assertThat(codes(a)).contains("policy.manylinux-violation");
    a.get("findings").forEach(f -> {
      if (f.get("code").asText().equals("policy.manylinux-violation")) {
        assertThat(f.get("severity").asText()).isEqualTo("error");
      }
    });
  }

  @Test
  void cffiClaimsNothingAndSatisfiesOnlyLinux() throws Exception {
    CliTest.Run r = run("audit", "--format", "json",
        corpus("wheels/auditwheel/cffi-1.5.0-cp27-none-linux_x86_64.whl"));
    JsonNode a = r.json().at("/artifacts/0");
    JsonNode m = a.at("/policy/manylinux");
    assertThat(m.get("claimed").isNull()).isTrue();
    assertThat(m.get("satisfied").asText()).isEqualTo("linux_x86_64");
    assertThat(texts(m.get("externalLibraries"))).containsExactly("libffi.so.5");
    assertThat(codes(a)).doesNotContain("policy.manylinux-violation");
    assertThat(r.code()).isZero();
  }

  @Test
  void theMips64WheelCarriesAnExtensionForAnotherPython() throws Exception {
    CliTest.Run r = run("audit", "--format", "json",
        corpus("wheels/auditwheel/glibc/testsimple-0.0.1-cp313-cp313-linux_mips64.whl"));
    JsonNode a = r.json().at("/artifacts/0");
    assertThat(codes(a)).contains("policy.platform-mismatch", "wheel.tag-mismatch");
    assertThat(a.at("/policy/manylinux/satisfied").asText()).isEqualTo("linux_mips64");
    assertThat(a.at("/binaries/0/machine").asText()).isEqualTo("mips64");
    assertThat(r.code()).isEqualTo(1);
  }

  @Test
  void aPureWheelHasOnlyItsPlatformTags() throws Exception {
    CliTest.Run r = run("audit", "--format", "json", corpus("wheels/auditwheel/plumbum-1.6.8-py2.py3-none-any.whl"));
    JsonNode p = r.json().at("/artifacts/0/policy");
    assertThat(texts(p.get("platformTags"))).containsExactly("any");
    assertThat(p.size()).isEqualTo(1);
    assertThat(r.json().at("/artifacts/0/binaries").size()).isZero();
  }

  @Test
  void anAbi3WheelCallingOutsideTheLimitedApiFails() throws Exception {
    Path so = gcc("_abi.abi3.so", """
        typedef struct _object PyObject;
        extern PyObject *PyLong_FromLong(long v);
        extern int PyObject_GetBuffer(PyObject *o, void *view, int flags);
        PyObject *PyInit__abi(void) { PyObject *o = PyLong_FromLong(1); PyObject_GetBuffer(o, 0, 0); return o; }
        """);
    Path wheel = wheel("wtabi", "cp38-abi3-manylinux_2_17_x86_64", Map.of("wtabi/_abi.abi3.so", Files.readAllBytes(so)));
    CliTest.Run r = run("audit", "--format", "json", wheel.toString());
    assertThat(r.code()).isEqualTo(1);
    JsonNode a = r.json().at("/artifacts/0");
    JsonNode abi3 = a.at("/policy/abi3");
    assertThat(abi3.get("claimed").asText()).isEqualTo("cp38");
    assertThat(abi3.get("ok").asBoolean()).isFalse();
    assertThat(abi3.get("violations")).hasSize(1);
    JsonNode v = abi3.at("/violations/0");
    assertThat(v.get("path").asText()).isEqualTo("wtabi/_abi.abi3.so");
    assertThat(v.get("symbol").asText()).isEqualTo("PyObject_GetBuffer");
    assertThat(v.get("addedIn").asText()).isEqualTo("3.11");
    assertThat(v.get("abi3Suffix").asBoolean()).isTrue();
    // the contract's key order (the golden corpus has no abi3 violation)
    assertThat(abi3.fieldNames()).toIterable().containsExactly("claimed", "ok", "violations", "extensions");
    assertThat(v.fieldNames()).toIterable().containsExactly("path", "symbol", "addedIn", "abi3Suffix", "reason");
    assertThat(codes(a)).containsOnlyOnce("policy.abi3-violation");
    assertThat(a.at("/policy/manylinux/ok").asBoolean()).isTrue();
    assertThat(a.at("/binaries/0/toolchain/bindings/0").asText()).isEqualTo("capi");
  }

  /** torch and nvidia-*: audited together, the required wheel's library is named, the own verdict kept. */
  @Test
  void aDirectoryAuditNamesLibrariesProvidedByRequiredWheels() throws Exception {
    Path lib = gcc("libwtgpu.so.1", "int wt_gpu(void) { return 1; }\n", "-Wl,-soname,libwtgpu.so.1");
    Path ext = gcc("_user.so", "extern int wt_gpu(void);\nint PyInit__user(void) { return wt_gpu(); }\n",
        "-L" + tmp, "-l:libwtgpu.so.1", "-Wl,--disable-new-dtags,-rpath,$ORIGIN/../wtgpu/lib");
    String tag = "cp311-cp311-manylinux_2_17_x86_64";
    wheel("wtuser", tag, Map.of("wtuser/_user.cpython-311-x86_64-linux-gnu.so", Files.readAllBytes(ext)),
        "Requires-Dist: wtgpu ; platform_system == \"Linux\"\n");
    wheel("wtgpu", "py3-none-manylinux_2_17_x86_64", Map.of("wtgpu/lib/libwtgpu.so.1", Files.readAllBytes(lib)));
    Files.delete(lib);
    Files.delete(ext);
    CliTest.Run r = run("audit", "--format", "json", tmp.toString());
    assertThat(r.code()).isEqualTo(1); // the wheel's own verdict stays auditwheel's
    JsonNode user = null;
    for (JsonNode a : r.json().get("artifacts")) {
      if (a.get("path").asText().contains("wtuser")) {
        user = a;
      }
    }
    assertThat(user).isNotNull();
    assertThat(user.at("/policy/manylinux/ok").asBoolean()).isFalse();
    assertThat(user.at("/policy/manylinux/withDependencies/ok").asBoolean()).isTrue();
    assertThat(user.at("/policy/manylinux/withDependencies/providedBy/libwtgpu.so.1").asText())
        .isEqualTo("wtgpu-1.0-py3-none-manylinux_2_17_x86_64.whl!wtgpu/lib/libwtgpu.so.1");
    assertThat(user.get("findings").toString()).contains("is provided by wtgpu-1.0-py3-none-manylinux_2_17_x86_64.whl");
    // withDependencies comes last in its family's object (the golden corpus has no wheels installed together)
    assertThat(user.at("/policy/manylinux").fieldNames()).toIterable().containsExactly("claimed", "satisfied", "ok",
        "libc", "externalLibraries", "libpython", "symbolVersions", "pyfpe", "unsupportedIsa", "withDependencies");
    assertThat(user.at("/policy/manylinux/withDependencies").fieldNames()).toIterable()
        .containsExactly("ok", "providedBy", "stillExternal");
    assertThat(user.at("/policy/manylinux/withDependencies/stillExternal").isArray()).isTrue();
    // --cache: both replayed; wtgpu still provides its library, and wtuser, waiting for it, is judged again with it
    String db = tmp.resolve("cache.db").toString();
    run("audit", "--format", "json", "--cache", db, tmp.toString());
    CliTest.Run cached = run("audit", "--format", "json", "--cache", db, tmp.toString());
    assertThat(cached.json().at("/summary/fromCache").asInt()).isEqualTo(2);
    assertThat(cached.json().get("artifacts")).isEqualTo(r.json().get("artifacts"));
    // replayed alone, without the wheel that provides its library, wtuser is judged without it
    Path alone = Files.createDirectories(tmp.resolve("alone"));
    Path userWheel;
    try (var s = Files.list(tmp)) {
      userWheel = s.filter(p -> p.getFileName().toString().startsWith("wtuser-")).findFirst().orElseThrow();
    }
    Files.copy(userWheel, alone.resolve(userWheel.getFileName()));
    CliTest.Run audited = run("audit", "--format", "json", alone.toString());
    CliTest.Run replayed = run("audit", "--format", "json", "--cache", db, alone.toString());
    assertThat(replayed.json().at("/summary/fromCache").asInt()).isEqualTo(1);
    assertThat(replayed.json().get("artifacts")).isEqualTo(audited.json().get("artifacts"));
    assertThat(replayed.json().at("/artifacts/0/policy/manylinux/withDependencies").isMissingNode()).isTrue();
  }

  private Path gcc(String output, String source, String... extra) throws Exception {
    Oracles.require(Oracle.GCC);
    Path src = Files.writeString(tmp.resolve(output + ".c"), source);
    List<String> cmd = new java.util.ArrayList<>(List.of("gcc", "-shared", "-fPIC", "-O1", "-fno-stack-protector",
        "-o", output, src.getFileName().toString()));
    cmd.addAll(List.of(extra));
    Process p = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return tmp.resolve(output);
  }

  private Path wheel(String name, String tag, Map<String, byte[]> files) throws Exception {
    return wheel(name, tag, files, "");
  }

  private Path wheel(String name, String tag, Map<String, byte[]> files, String extraMetadata) throws Exception {
    return TestWheels.wheel(tmp, name, "1.0", tag, files, extraMetadata);
  }
}
