package dev.wheeltapper.audit;

import static dev.wheeltapper.testsupport.Corpus.corpus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.bytes.NativeFormat;
import dev.wheeltapper.policy.PlatformBinary;
import dev.wheeltapper.policy.TagContradictions;
import dev.wheeltapper.report.Codes;
import dev.wheeltapper.wheel.Tag;
import dev.wheeltapper.report.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** delocate's and delvewheel's wheels: Mach-O slices and PE machines against the platform tags. */
class MacOsAndWindowsAuditTest {
  private static final WheelAudit AUDIT = WheelAudit.defaults();

  @ParameterizedTest
  @ValueSource(strings = {"fakepkg_namespace", "fakepkg_rpath", "fakepkg_toplevel"})
  void universal2WheelsWhoseBinariesAreThinX8664AreMismatches(String name) throws IOException {
    // corpus/SOURCES.md: "Tag says universal2, binary is thin x86_64"
    WheelAuditReport r = AUDIT.audit(corpus("wheels/delocate/" + name + "-1.0-cp36-abi3-macosx_10_9_universal2.whl"));
    List<Finding> f = r.findings(Codes.POLICY_PLATFORM_MISMATCH);
    assertThat(f).isNotEmpty().allSatisfy(x -> {
      assertThat(x.isError()).isTrue();
      assertThat(x.message()).contains("no arm64 slice").contains("it has x86_64");
    });
    assertThat(r.passed()).isFalse();
  }

  @Test
  void aRealUniversal2BinaryWithAnArm64SliceNeedingMacos11Passes() throws IOException {
    // its arm64 slice says minos 11.0 under a 10.9 tag: arm64 Macs start at 11, so that is not a mismatch
    WheelAuditReport r = AUDIT.audit(corpus("wheels/delocate/fakepkg1-1.0-cp36-abi3-macosx_10_9_universal2.whl"));
    assertThat(r.binaries().inspected()).anySatisfy(b -> {
      assertThat(b.format()).isEqualTo(NativeFormat.MACHO);
      assertThat(b.machine()).isEqualTo("arm64");
      assertThat(b.symbolVersions()).containsEntry("macos", "11.0");
    });
    assertThat(r.findings(Codes.POLICY_PLATFORM_MISMATCH)).isEmpty();
  }

  @Test
  void aDeploymentTargetNewerThanTheTagIsAMismatch() throws IOException {
    // The same binaries under a tag that promises macOS 10.6 for x86_64 and arm64 alike.
    var slices = AUDIT.audit(corpus("wheels/delocate/fakepkg1-1.0-cp36-abi3-macosx_10_9_universal2.whl"))
        .binaries().inspected().stream().filter(b -> b.format() == NativeFormat.MACHO).toList();
    String path = slices.get(0).path();
    List<PlatformBinary> binaries = slices.stream().filter(b -> b.path().equals(path))
        .map(b -> new PlatformBinary(b.path(), b.format(), b.machine(), b.bits(), b.endian(),
            java.util.Optional.ofNullable(b.symbolVersions().get("macos")), true))
        .toList();
    List<Finding> f = TagContradictions.check(List.of(new Tag("cp36", "abi3", "macosx_10_6_x86_64")),
        java.util.Optional.empty(), binaries);
    assertThat(f).singleElement().satisfies(x -> assertThat(x.message()).contains("x86_64 slice needs macOS 10.9"));
  }

  @Test
  void everyDelvewheelWheelsPeBinariesFitTheirWindowsTags() throws IOException {
    try (Stream<Path> s = Files.walk(corpus("wheels/delvewheel"))) {
      for (Path w : s.filter(p -> p.toString().endsWith(".whl") && p.toString().contains("-win")).toList()) {
        WheelAuditReport r = AUDIT.audit(w);
        assertThat(r.findings(Codes.POLICY_PLATFORM_MISMATCH)).as(w.toString()).isEmpty();
        assertThat(r.binaries().inspected()).as(w.toString()).allSatisfy(b ->
            assertThat(b.format()).isEqualTo(NativeFormat.PE));
      }
    }
  }
}
