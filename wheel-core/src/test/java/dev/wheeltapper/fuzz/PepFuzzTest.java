package dev.wheeltapper.fuzz;

import dev.wheeltapper.testsupport.Accessors;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wheeltapper.pep440.InvalidSpecifierException;
import dev.wheeltapper.pep440.InvalidVersionException;
import dev.wheeltapper.pep440.SpecifierSet;
import dev.wheeltapper.pep440.Version;
import dev.wheeltapper.pep508.Environment;
import dev.wheeltapper.pep508.InvalidMarkerException;
import dev.wheeltapper.pep508.InvalidRequirementException;
import dev.wheeltapper.pep508.Marker;
import dev.wheeltapper.pep508.MarkerEvaluationException;
import dev.wheeltapper.pep508.Requirement;
import java.util.List;

/**
 * Fuzz targets for PEP 440 versions and specifiers and PEP 508 requirements and markers. Documented outcomes: a value
 * or the package's own checked exception; parsing what {@code toString()} printed gives an equal value.
 */
class PepFuzzTest {
  private static final Environment ENV = Environment.builder()
      .osName("posix").sysPlatform("linux").platformMachine("x86_64").platformPythonImplementation("CPython")
      .platformRelease("6.1.0").platformSystem("Linux").platformVersion("#1 SMP").pythonVersion("3.12")
      .pythonFullVersion("3.12.1").implementationName("cpython").implementationVersion("3.12.1").extra("")
      .build();

  @FuzzTest
  void pep440(FuzzedDataProvider data) throws Exception {
    String a = data.consumeString(200);
    String b = data.consumeString(200);
    String spec = data.consumeRemainingAsString();
    Version va = null;
    try {
      va = Version.parse(a);
      Accessors.touch(va);
      assertThat(Version.parse(va.toString())).isEqualTo(va);
      assertThat(va.compareTo(va)).isZero();
    } catch (InvalidVersionException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
    Version vb = Version.tryParse(b).orElse(null);
    if (va != null && vb != null) {
      assertThat(Integer.signum(va.compareTo(vb))).isEqualTo(-Integer.signum(vb.compareTo(va)));
      assertThat(va.equals(vb)).isEqualTo(va.compareTo(vb) == 0);
    }
    try {
      SpecifierSet set = SpecifierSet.parse(spec);
      Accessors.touch(set);
      assertThat(SpecifierSet.parse(set.toString())).isEqualTo(set);
      if (va != null) {
        set.contains(va);
        set.contains(va, true);
        set.filter(vb == null ? List.of(va) : List.of(va, vb));
      }
      set.contains(a, true);
      set.contains(b, false);
    } catch (InvalidSpecifierException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @FuzzTest
  void pep508(FuzzedDataProvider data) throws Exception {
    boolean asMarker = data.consumeBoolean();
    String extra = data.consumeString(40);
    String text = data.consumeRemainingAsString();
    if (asMarker) {
      try {
        Marker m = Marker.parse(text);
        assertThat(Marker.parse(m.toString())).isEqualTo(m);
        evaluate(m, extra);
      } catch (InvalidMarkerException e) {
        assertThat(e.getMessage()).isNotBlank();
      }
      return;
    }
    try {
      Requirement r = Requirement.parse(text);
      Accessors.touch(r);
      assertThat(Requirement.parse(r.toString())).isEqualTo(r);
      if (r.marker().isPresent()) {
        evaluate(r.marker().get(), extra);
      }
      try {
        r.appliesTo(ENV);
      } catch (MarkerEvaluationException e) {
        assertThat(e.getMessage()).isNotBlank();
      }
    } catch (InvalidRequirementException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  private static void evaluate(Marker m, String extra) {
    try {
      m.evaluate(ENV);
      m.evaluate(ENV, List.of(extra));
      m.evaluate(ENV.withExtra(extra));
    } catch (MarkerEvaluationException e) {
      assertThat(e.getMessage()).isNotBlank();
    } catch (IllegalArgumentException e) {
      // withExtra/evaluate document IllegalArgumentException for an extra that is not a valid name
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
