package dev.wheeltapper.cli;

import static dev.wheeltapper.cli.CliTest.corpus;
import static dev.wheeltapper.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inspect} and {@code audit} fill the contract's {@code binaries} objects. */
class InspectAuditCliTest {
  @TempDir Path tmp;

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** Unreadable input is never a PASS: inspect reads wheels through the same strict layer as verify and audit. */
  @Test
  void inspectFailsWheelsThatCannotBeRead() throws Exception {
    byte[] sample = Files.readAllBytes(Path.of(corpus("wheels/auditwheel/plumbum-1.6.8-py2.py3-none-any.whl")));
    java.util.Map<String, byte[]> broken = new java.util.LinkedHashMap<>();
    broken.put("empty", new byte[0]);
    broken.put("text", "Just a README renamed to .whl\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    broken.put("truncated", java.util.Arrays.copyOf(sample, sample.length / 2));
    broken.put("random", new java.util.Random(7).ints(3000, 0, 256).collect(java.io.ByteArrayOutputStream::new,
        (o, i) -> o.write(i), (a, b) -> a.write(b.toByteArray(), 0, b.size())).toByteArray());
    for (var e : broken.entrySet()) {
      Path w = Files.write(tmp.resolve("x" + e.getKey() + "-1.0-py3-none-any.whl"), e.getValue());
      CliTest.Run r = run("inspect", "--format", "json", w.toString());
      assertThat(r.code()).as(e.getKey()).isEqualTo(1);
      assertThat(r.json().at("/artifacts/0/verdict").asText()).as(e.getKey()).isEqualTo("fail");
      assertThat(r.json().at("/artifacts/0/findings").toString()).as(e.getKey()).contains("\"error\"");
    }
    // the tampered sample fails inspect as it fails verify
    CliTest.Run samples = run("inspect");
    assertThat(samples.code()).isEqualTo(1);
    assertThat(samples.out()).contains("FAIL  samples/wt_tampered").contains("record.hash-mismatch");
  }

  @Test
  void inspectOffersNoTrustOptionsItWouldIgnore() {
    for (String option : List.of("--require-signature", "--identity=x/y", "--any-identity", "--keyring=k",
        "--trust-cert=c", "--trust-key=k", "--sigstore-root=r")) {
      CliTest.Run r = run("inspect", option, corpus("elf/debian-bookworm-amd64/_rust.abi3.so"));
      assertThat(r.code()).as(option).isEqualTo(2);
      assertThat(r.err()).as(option).contains("Unknown option");
    }
  }

  @Test
  void zipLimitsAreSettableAndAStopIsAnError() throws Exception {
    String wheel = corpus("wheels/auditwheel/plumbum-1.6.8-py2.py3-none-any.whl");
    CliTest.Run r = run("verify", "--format", "json", "--max-entries", "3", wheel);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.json().at("/artifacts/0/findings").toString()).contains("zip.limit-exceeded");
    assertThat(run("verify", "--max-uncompressed", "12Q", wheel).code()).isEqualTo(2);
    assertThat(run("verify", "--max-uncompressed", "1G", wheel).code()).isZero();
  }

  @Test
  void aBareRustExtensionIsRustAndMemorySafe() throws Exception {
    CliTest.Run r = run("inspect", "--format", "json", corpus("elf/debian-bookworm-amd64/_rust.abi3.so"));
    assertThat(r.code()).isZero();
    JsonNode a = r.json().at("/artifacts/0");
    assertThat(a.get("kind").asText()).isEqualTo("binary");
    JsonNode b = a.at("/binaries/0");
    assertThat(b.get("format").asText()).isEqualTo("elf");
    assertThat(b.get("bits").asInt()).isEqualTo(64);
    assertThat(b.get("endian").asText()).isEqualTo("little");
    assertThat(b.get("machine").asText()).isEqualTo("x86_64");
    assertThat(b.get("type").asText()).isEqualTo("dyn");
    assertThat(b.at("/hardening/pie").asText()).isEqualTo("dso");
    assertThat(b.at("/hardening/relro").asText()).isEqualTo("full");
    assertThat(b.at("/hardening/nx").asBoolean()).isTrue();
    assertThat(texts(b.at("/toolchain/languages"))).containsExactly("rust");
    assertThat(texts(b.at("/toolchain/bindings"))).containsExactly("pyo3");
    assertThat(b.at("/toolchain/memorySafe").asText()).isEqualTo("yes");
    assertThat(texts(b.get("needed"))).contains("libc.so.6");
    assertThat(b.at("/symbolVersions/GLIBC").asText()).matches("2\\.\\d+");
  }

  @Test
  void theCffiWheelShowsItsDefects() throws Exception {
    CliTest.Run r = run("inspect", "--format", "json", corpus("wheels/auditwheel/cffi-1.5.0-cp27-none-linux_x86_64.whl"));
    JsonNode a = r.json().at("/artifacts/0");
    assertThat(a.get("kind").asText()).isEqualTo("wheel");
    assertThat(a.at("/wheel/name").asText()).isEqualTo("cffi");
    JsonNode b = a.at("/binaries/0");
    assertThat(b.get("path").asText()).isEqualTo("_cffi_backend.so");
    assertThat(b.at("/hardening/relro").asText()).isEqualTo("none");
    assertThat(b.at("/hardening/canary").asBoolean()).isFalse();
    assertThat(texts(b.at("/hardening/rpath"))).singleElement().asString().startsWith("/").endsWith("2.7.11/lib");
    assertThat(texts(b.get("needed"))).contains("libffi.so.5", "libpython2.7.so.1.0");
    List<String> codes = new ArrayList<>();
    a.get("findings").forEach(f -> codes.add(f.get("code").asText()));
    assertThat(codes).contains("hardening.no-relro", "hardening.no-canary", "hardening.rpath");
    assertThat(r.code()).isZero(); // hardening findings are warnings
  }

  @Test
  void peFilesAreInspectedAndTextFilesAreNotNative() throws Exception {
    Path txt = Files.writeString(tmp.resolve("notes.txt"), "hello");
    CliTest.Run r = run("inspect", "--format", "json",
        corpus("wheels/delvewheel/binaries/x64/FixedAddress/simpledll.dll"), txt.toString());
    assertThat(r.code()).isZero();
    JsonNode pe = r.json().at("/artifacts/0");
    assertThat(pe.at("/binaries/0/format").asText()).isEqualTo("pe");
    assertThat(pe.at("/binaries/0/machine").asText()).isEqualTo("x86_64");
    // corpus/SOURCES.md: no DYNAMIC_BASE, relocations stripped, ImageBase 0x300000000
    assertThat(pe.at("/binaries/0/hardening/aslr").asBoolean()).isFalse();
    List<String> codes = new ArrayList<>();
    pe.get("findings").forEach(f -> codes.add(f.get("code").asText()));
    assertThat(codes).contains("hardening.no-aslr");
    assertThat(r.json().at("/artifacts/1/findings/0/code").asText()).isEqualTo("binary.not-native");
  }

  @Test
  void aDirectoryIsWalkedForBinariesByMagicNumber() throws Exception {
    CliTest.Run r = run("inspect", "--format", "json", corpus("elf/debian-bookworm-s390x"));
    JsonNode artifacts = r.json().get("artifacts");
    assertThat(artifacts).hasSize(5);
    artifacts.forEach(a -> {
      assertThat(a.at("/binaries/0/machine").asText()).isEqualTo("s390x");
      assertThat(a.at("/binaries/0/endian").asText()).isEqualTo("big");
    });
  }

  @Test
  void auditOfTheSamplesFillsBinariesAndVerification() throws Exception {
    CliTest.Run r = run("audit", "--format", "json");
    assertThat(r.code()).isEqualTo(1);
    JsonNode artifacts = r.json().get("artifacts");
    assertThat(artifacts).hasSize(4);
    JsonNode hardened = artifacts.get(0);
    assertThat(hardened.at("/binaries/0/hardening/relro").asText()).isEqualTo("full");
    assertThat(hardened.at("/binaries/0/hardening/canary").asBoolean()).isTrue();
    assertThat(hardened.at("/binaries/0/hardening/fortify/fortified").asInt()).isPositive();
    JsonNode unhardened = artifacts.get(1);
    assertThat(unhardened.at("/binaries/0/hardening/execstack").asBoolean()).isTrue();
    assertThat(unhardened.at("/binaries/0/hardening/relro").asText()).isEqualTo("none");
    assertThat(texts(unhardened.at("/binaries/0/hardening/runpath"))).containsExactly("/opt/wt/lib");
    JsonNode rust = artifacts.get(2);
    assertThat(texts(rust.at("/binaries/0/toolchain/languages"))).containsExactly("rust");
    assertThat(rust.at("/binaries/0/toolchain/memorySafe").asText()).isEqualTo("yes");
    assertThat(artifacts.get(3).get("verdict").asText()).isEqualTo("fail");
    assertThat(SarifSchemaTest.validate(TestJson.MAPPER.readTree(run("audit", "--format", "sarif").out())))
        .isEmpty();
  }
}
