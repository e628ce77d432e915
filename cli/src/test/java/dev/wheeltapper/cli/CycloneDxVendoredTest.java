package dev.wheeltapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Names and versions of vendored libraries, from the SONAME and the repair tools' file name patterns. */
class CycloneDxVendoredTest {
  @Test
  void auditwheelsPatternGivesNameVersionAndHash() {
    // numpy's and scipy's wheels: auditwheel rewrites the SONAME to the hashed file name.
    assertThat(CycloneDxVendored.of("scipy.libs/libgfortran-040039e1.so.5.0.0",
        Optional.of("libgfortran-040039e1.so.5.0.0")))
        .isEqualTo(new CycloneDxVendored("libgfortran", Optional.of("5.0.0"), Optional.of("040039e1")));
    assertThat(CycloneDxVendored.of("numpy.libs/libopenblas64_p-r0-0cf96a72.3.23.dev.so",
        Optional.of("libopenblas64_p-r0-0cf96a72.3.23.dev.so")))
        .isEqualTo(new CycloneDxVendored("libopenblas64_p-r0", Optional.of("3.23.dev"), Optional.of("0cf96a72")));
    assertThat(CycloneDxVendored.of("scipy.libs/libquadmath-96973f99.so.0.0.0", Optional.empty()))
        .isEqualTo(new CycloneDxVendored("libquadmath", Optional.of("0.0.0"), Optional.of("96973f99")));
    // numpy 2.4 vendors scipy-openblas's already vendored libgfortran: two hashes.
    assertThat(CycloneDxVendored.of("numpy.libs/libgfortran-040039e1-0352e75f.so.5.0.0", Optional.empty()))
        .isEqualTo(new CycloneDxVendored("libgfortran", Optional.of("5.0.0"), Optional.of("040039e1-0352e75f")));
  }

  @Test
  void theSonameWinsOverTheFileName() {
    assertThat(CycloneDxVendored.of("pkg.libs/libz-deadbeef.so", Optional.of("libz-deadbeef.so.1.3.1")))
        .isEqualTo(new CycloneDxVendored("libz", Optional.of("1.3.1"), Optional.of("deadbeef")));
    // A SONAME without a version leaves the file name's.
    assertThat(CycloneDxVendored.of("pkg.libs/libz-deadbeef.so.1.3", Optional.of("libz.so")))
        .isEqualTo(new CycloneDxVendored("libz", Optional.of("1.3"), Optional.empty()));
  }

  @Test
  void delvewheelAndDelocateNames() {
    assertThat(CycloneDxVendored.of("pkg.libs/msvcp140-a4c2229bdc2a2a630acdc095b4d86008.dll", Optional.empty()))
        .isEqualTo(new CycloneDxVendored("msvcp140", Optional.empty(),
            Optional.of("a4c2229bdc2a2a630acdc095b4d86008")));
    assertThat(CycloneDxVendored.of("pkg/.dylibs/libomp.dylib", Optional.empty()))
        .isEqualTo(new CycloneDxVendored("libomp", Optional.empty(), Optional.empty()));
  }

  @Test
  void onlyFilesDirectlyInAVendorDirectoryAreVendored() {
    assertThat(CycloneDxVendored.isVendored("numpy.libs/libgfortran-040039e1.so.5.0.0")).isTrue();
    assertThat(CycloneDxVendored.isVendored("pkg/.dylibs/libomp.dylib")).isTrue();
    assertThat(CycloneDxVendored.isVendored("numpy/core/_multiarray_umath.so")).isFalse();
    assertThat(CycloneDxVendored.isVendored("a/b.libs/libx.so")).isFalse();
    assertThat(CycloneDxVendored.isVendored("x".repeat(5000) + ".libs/a.so")).isFalse();
  }

  @Test
  void aHostileNameGivesAName() {
    CycloneDxVendored v = CycloneDxVendored.of("p.libs/" + "-".repeat(3000) + "0".repeat(3000) + ".so.", Optional.of(
        "lib/../../etc"));
    assertThat(v.name()).isNotEmpty();
    assertThat(CycloneDxVendored.of("p.libs/.so", Optional.empty()).name()).isEqualTo(".so");
  }
}
