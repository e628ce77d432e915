package dev.wheeltapper.audit;

import static dev.wheeltapper.testsupport.Corpus.corpus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Severity;
import dev.wheeltapper.testing.TestWheels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Binaries for another platform inside a wheel: an error only where the wheel's platform would import or load them
 * (an extension module, a library the loader opens); a payload nothing on that platform loads is reported for what it
 * is (mujoco's {@code web_client.wasm}, a Windows helper DLL shipped as data, test fixtures for other machines).
 */
class ForeignBinariesTest {
  @TempDir Path tmp;

  private static final byte[] WASM = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};

  @Test
  void payloadsTheLoaderNeverOpensAreForeignBinariesNotBrokenClaims() throws Exception {
    byte[] arm = Files.readAllBytes(corpus("elf/debian-bookworm-arm64/_psutil_posix.cpython-311-aarch64-linux-gnu.so"));
    byte[] dll = Files.readAllBytes(corpus("wheels/delvewheel/binaries/x64/simpledll.dll"));
    byte[] x86 = Files.readAllBytes(corpus("elf/debian-bookworm-amd64/_psutil_posix.cpython-311-x86_64-linux-gnu.so"));
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("wtmix/_posix.cpython-311-x86_64-linux-gnu.so", x86);
    files.put("wtmix/web/web_client.wasm", WASM);
    files.put("wtmix/bin/helper.dll", dll);
    files.put("wtmix/tests/data/_posix_arm64.so", arm);
    Path wheel = TestWheels.wheel(tmp, "wtmix", "1.0", "cp311-cp311-manylinux_2_17_x86_64", files);
    WheelAuditReport r = WheelAudit.defaults().audit(wheel);
    assertThat(r.findings()).filteredOn(f -> f.code().startsWith("policy.") && !f.code().contains("manylinux"))
        .extracting(Finding::code, Finding::severity, Finding::path)
        .containsExactlyInAnyOrder(
            tuple(Codes.POLICY_FOREIGN_BINARY, Severity.WARNING, "wtmix/web/web_client.wasm"),
            tuple(Codes.POLICY_FOREIGN_BINARY, Severity.WARNING, "wtmix/bin/helper.dll"),
            tuple(Codes.POLICY_FOREIGN_BINARY, Severity.WARNING, "wtmix/tests/data/_posix_arm64.so"));
    assertThat(r.findings(Codes.POLICY_FOREIGN_BINARY)).anySatisfy(f -> assertThat(f.message())
        .contains("test or fixture folder"));
  }

  /** Nothing read is UNKNOWN, never YES: a 0-byte, text, truncated or not-a-ZIP file has no native code seen. */
  @Test
  void aWheelThatCannotBeReadHasAnUnknownMemorySafetyVerdict() throws Exception {
    byte[] plumbum = Files.readAllBytes(corpus("wheels/auditwheel/plumbum-1.6.8-py2.py3-none-any.whl"));
    Map<String, byte[]> inputs = new LinkedHashMap<>();
    inputs.put("empty", new byte[0]);
    inputs.put("text", "a README renamed .whl\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    inputs.put("truncated", java.util.Arrays.copyOf(plumbum, plumbum.length / 2));
    for (var e : inputs.entrySet()) {
      Path p = Files.write(tmp.resolve("x" + e.getKey() + "-1.0-py3-none-any.whl"), e.getValue());
      WheelAuditReport r = WheelAudit.defaults().audit(p);
      assertThat(r.memorySafe()).as(e.getKey()).isEqualTo(dev.wheeltapper.toolchain.MemorySafety.UNKNOWN);
      assertThat(r.passed()).as(e.getKey()).isFalse();
    }
    // the intact pure wheel: no native code at all, memory-safe
    Path ok = Files.write(tmp.resolve("plumbum-1.6.8-py2.py3-none-any.whl"), plumbum);
    assertThat(WheelAudit.defaults().audit(ok).memorySafe()).isEqualTo(dev.wheeltapper.toolchain.MemorySafety.YES);
  }

  @Test
  void anImportableExtensionForTheWrongMachineStaysAnError() throws Exception {
    byte[] arm = Files.readAllBytes(corpus("elf/debian-bookworm-arm64/_psutil_posix.cpython-311-aarch64-linux-gnu.so"));
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("wtarm/_posix.cpython-311-x86_64-linux-gnu.so", arm);
    files.put("wtarm.libs/libarm.so.1", arm);
    Path wheel = TestWheels.wheel(tmp, "wtarm", "1.0", "cp311-cp311-manylinux_2_17_x86_64", files);
    WheelAuditReport r = WheelAudit.defaults().audit(wheel);
    assertThat(r.findings(Codes.POLICY_PLATFORM_MISMATCH)).extracting(Finding::severity, Finding::path)
        .containsExactlyInAnyOrder(tuple(Severity.ERROR, "wtarm/_posix.cpython-311-x86_64-linux-gnu.so"),
            tuple(Severity.ERROR, "wtarm.libs/libarm.so.1"));
    assertThat(r.findings(Codes.POLICY_FOREIGN_BINARY)).isEmpty();
    assertThat(r.passed()).isFalse();
  }
}
