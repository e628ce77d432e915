package dev.wheeltapper.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.inspect.BinaryInspection;
import dev.wheeltapper.inspect.BinaryInspector;
import dev.wheeltapper.testsupport.Oracles;
import dev.wheeltapper.testsupport.Oracles.Oracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rebuilds every committed native fixture from its recipe with the machine's toolchain and checks that the rebuild
 * gives the same analysis as the committed binary (the same bytes where the build is reproducible). Needs gcc,
 * gcc-multilib and cargo with Debian's vendored pyo3, so it goes through the oracle gate; CI installs them.
 *
 * <p>With {@code -Dwheeltapper.fixtures.update=true} (what {@code scripts/rebuild-fixtures.sh} passes) the rebuilt
 * binaries replace the committed ones instead.
 */
class FixtureRecipesTest {
  private static final boolean UPDATE = Boolean.getBoolean("wheeltapper.fixtures.update");
  private static final Path OUT = Paths.get("target", "rebuilt-fixtures").toAbsolutePath();

  static Stream<Arguments> nativeFixtures() {
    return Stream.of(NativeFixtures.Fixture.values()).map(f -> Arguments.of(Named.of("native/" + f.output, f)));
  }

  static Stream<Arguments> hardeningFixtures() {
    return Stream.of(HardeningFixtures.Fixture.values())
        .map(f -> Arguments.of(Named.of("hardening/" + f.output(), f)));
  }

  static Stream<Arguments> evidenceFixtures() {
    return Stream.of(EvidenceFixtures.Fixture.values())
        .map(f -> Arguments.of(Named.of("evidence/" + f.output(), f)));
  }

  @ParameterizedTest
  @MethodSource("evidenceFixtures")
  void evidenceFixtureRebuildsToTheSameAnalysis(EvidenceFixtures.Fixture f) throws IOException {
    Oracles.require(f.needs());
    Path rebuilt = EvidenceFixtures.build(f, OUT.resolve("evidence").resolve(f.name()));
    Path committed = Prebuilt.dir("evidence").resolve(f.output());
    if (!UPDATE) {
      // beyond the inspection: what the evidence channels read must not change either
      assertThat(EvidenceSummary.of(rebuilt)).as("evidence of the rebuilt %s", f.output())
          .isEqualTo(EvidenceSummary.of(committed));
    }
    compare(rebuilt, committed);
  }

  @ParameterizedTest
  @MethodSource("nativeFixtures")
  void nativeFixtureRebuildsToTheSameAnalysis(NativeFixtures.Fixture f) throws IOException {
    Oracles.require(f.m32() ? new Oracle[] {Oracle.GCC, Oracle.GCC_M32} : new Oracle[] {Oracle.GCC});
    Path rebuilt = NativeFixtures.build(f, OUT.resolve("native"));
    compare(rebuilt, Prebuilt.dir("native").resolve(f.output));
  }

  @ParameterizedTest
  @MethodSource("hardeningFixtures")
  void hardeningFixtureRebuildsToTheSameAnalysis(HardeningFixtures.Fixture f) throws IOException {
    List<Oracle> needs = new ArrayList<>();
    needs.add(Oracle.GCC);
    if (f.m32()) {
      needs.add(Oracle.GCC_M32);
    }
    if (f.rust()) {
      needs.add(Oracle.CARGO_PYO3);
    }
    Oracles.require(needs.toArray(new Oracle[0]));
    Path rebuilt = HardeningFixtures.build(f, OUT.resolve("hardening"));
    compare(rebuilt, Prebuilt.dir("hardening").resolve(f.output()));
  }

  static Stream<Arguments> guideFixtures() {
    return Stream.of(GuideFixtures.Fixture.values()).map(f -> Arguments.of(Named.of("guide/" + f.output(), f)));
  }

  @ParameterizedTest
  @MethodSource("guideFixtures")
  void guideFixtureRebuildsToTheSameAnalysis(GuideFixtures.Fixture f) throws IOException {
    Oracles.require(f.oracle());
    Path rebuilt = GuideFixtures.build(f, OUT.resolve("guide"));
    compare(rebuilt, Prebuilt.dir("guide").resolve(f.output()));
  }

  private static void compare(Path rebuilt, Path committed) throws IOException {
    if (UPDATE) {
      Files.createDirectories(committed.getParent());
      Files.copy(rebuilt, committed, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    if (java.util.Arrays.equals(Files.readAllBytes(rebuilt), Files.readAllBytes(committed))) {
      return; // reproducible: byte-identical
    }
    assertThat(analysis(rebuilt))
        .as("the rebuilt %s differs in bytes and in its analysis from the committed one: rerun "
            + "scripts/rebuild-fixtures.sh and review the change", committed.getFileName())
        .isEqualTo(analysis(committed));
  }

  /** What the tests assert about a binary: the inspection without its free-text evidence, and its finding codes. */
  static Map<String, Object> analysis(Path file) throws IOException {
    List<BinaryInspection> all = BinaryInspector.forPath("fixture").inspect(file);
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < all.size(); i++) {
      BinaryInspection b = all.get(i);
      m.put(i + ":inspection", withoutEvidence(model(b)));
      m.put(i + ":findings", b.findings().stream().map(x -> x.severity() + " " + x.code()).sorted().toList());
    }
    return m;
  }

  /** The inspection as a tree: identity, each check's value and status, FORTIFY, search paths, toolchain labels. */
  private static Map<String, Object> model(BinaryInspection b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("identity", List.of(b.format(), b.bits(), b.endian(), b.machine(), b.type()));
    Map<String, Object> checks = new LinkedHashMap<>();
    b.hardening().results().forEach((c, r) -> checks.put(c.key(), r.value().label() + ":" + r.status().label()));
    m.put("checks", checks);
    m.put("fortify", b.hardening().fortify());
    m.put("searchPaths", b.hardening().searchPaths());
    m.put("toolchain", List.of(b.toolchain().compilers(), b.toolchain().languageLabels(),
        b.toolchain().bindingLabels(), b.toolchain().memorySafe()));
    m.put("needed", b.needed());
    m.put("symbolVersions", b.symbolVersions());
    m.put("guide", b.guide().map(g -> g.rows().stream()
        .map(r -> r.option().option() + ":" + r.status().label() + ":" + r.channel().label()).toList()));
    return m;
  }

  private static Object withoutEvidence(Object o) {
    if (o instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> {
        if (!"evidence".equals(k)) {
          out.put(String.valueOf(k), withoutEvidence(v));
        }
      });
      return out;
    }
    if (o instanceof List<?> list) {
      return list.stream().map(FixtureRecipesTest::withoutEvidence).toList();
    }
    return o;
  }
}
