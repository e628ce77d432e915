package dev.wheeltapper.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RpathEntryTest {

  private static String kind(String entry, String where) {
    RpathEntry e = RpathEntry.classify(entry, Optional.ofNullable(where));
    return e.kind().label() + (e.kind() == RpathKind.ORIGIN_INSIDE ? ":" + e.resolved() : "");
  }

  @Test
  void originRelativeEntriesAreResolvedInsideTheWheel() {
    assertThat(kind("$ORIGIN/../pkg.libs", "pkg/_x.so")).isEqualTo("origin-inside:pkg.libs");
    assertThat(kind("${ORIGIN}/../pkg.libs", "pkg/_x.so")).isEqualTo("origin-inside:pkg.libs");
    assertThat(kind("$ORIGIN", "pkg/sub/_x.so")).isEqualTo("origin-inside:pkg/sub");
    assertThat(kind("$ORIGIN/../../numpy.libs", "numpy/core/_x.so")).isEqualTo("origin-inside:numpy.libs");
    assertThat(kind("$ORIGIN/./lib//", "pkg/_x.so")).isEqualTo("origin-inside:pkg/lib");
    assertThat(kind("$ORIGIN/..", "pkg/_x.so")).isEqualTo("origin-inside:");
    // .data/platlib installs beside the top-level packages
    assertThat(kind("$ORIGIN/../pkg.libs", "pkg-1.0.data/platlib/pkg/_x.so")).isEqualTo("origin-inside:pkg.libs");
  }

  @Test
  void escapingAbsoluteEmptyAndRelativeEntriesAreUnsafe() {
    assertThat(kind("$ORIGIN/../../..", "pkg/_x.so")).isEqualTo("origin-escapes");
    assertThat(kind("$ORIGIN/../lib", "_x.so")).isEqualTo("origin-escapes");
    assertThat(kind("$ORIGIN/a/../../../b", "pkg/_x.so")).isEqualTo("origin-escapes");
    assertThat(kind("/usr/lib", "pkg/_x.so")).isEqualTo("absolute");
    assertThat(kind("", "pkg/_x.so")).isEqualTo("empty");
    assertThat(kind("lib", "pkg/_x.so")).isEqualTo("relative");
    assertThat(kind("$ORIGINAL/x", "pkg/_x.so")).isEqualTo("relative");
    assertThat(kind("./$ORIGIN", "pkg/_x.so")).isEqualTo("relative");
    assertThat(RpathKind.ORIGIN_ESCAPES.safe()).isFalse();
  }

  @Test
  void aBareFileKeepsOriginEntriesRelativeToItself() {
    assertThat(kind("$ORIGIN/../../..", null)).isEqualTo("origin");
    assertThat(RpathEntry.classify("$ORIGIN/x", Optional.empty()).safe()).isTrue();
  }

  @Test
  void listsSplitOnColonsKeepingEmptyEntries() {
    List<String> kinds = RpathEntry.classifyAll("$ORIGIN::/opt/lib:", Optional.of("p/x.so")).stream()
        .map(e -> e.kind().label()).collect(Collectors.toList());
    assertThat(kinds).containsExactly("origin-inside", "empty", "absolute", "empty");
    assertThat(RpathEntry.classifyAll("", Optional.empty())).singleElement()
        .satisfies(e -> assertThat(e.toString()).isEqualTo("\"\" (empty)"));
  }
}
