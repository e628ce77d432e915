package dev.wheeltapper.pep508;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.pep440.SpecifierSet;
import dev.wheeltapper.pep440.Version;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples of docs/pep440-pep508.md and of the Javadoc, executed. */
class DocExamplesTest {

  @Test
  void readmeExamples() throws Exception {
    Version v = Version.parse("v1.0-RC-1");
    assertThat(v).hasToString("1.0rc1");
    assertThat(v.isPrerelease()).isTrue();
    assertThat(Version.parse("1.0")).isEqualTo(Version.parse("1.0.0"));
    assertThat(Version.parse("1.0.dev1").compareTo(Version.parse("1.0a1"))).isNegative();

    SpecifierSet s = SpecifierSet.parse(">=1.0, !=1.3.*, <2");
    assertThat(s.contains(Version.parse("1.5"))).isTrue();
    assertThat(s.contains(Version.parse("1.9b1"))).isFalse();
    assertThat(s.contains(Version.parse("1.9b1"), true)).isTrue();
    assertThat(s.filter(List.of(Version.parse("1.9b1"), Version.parse("1.3.2")))).containsExactly(
        Version.parse("1.9b1"));

    Requirement r = Requirement.parse("requests[socks] >= 2.8.1 ; python_version >= '3.8' and extra == 'net'");
    assertThat(r.normalizedName()).isEqualTo("requests");
    assertThat(r.specifier().contains(Version.parse("2.31.0"))).isTrue();
    Environment env =
        Environment.builder()
            .pythonVersion("3.12")
            .pythonFullVersion("3.12.1")
            .sysPlatform("linux")
            .osName("posix")
            .extra("net")
            .build();
    assertThat(r.appliesTo(env)).isTrue();
    assertThat(Marker.parse("python_version > '3.9'").evaluate(env)).isTrue();
  }

  @Test
  void javadocExamples() throws Exception {
    Marker m = Marker.parse("python_version >= '3.8' and extra == 'Test_Suite'");
    assertThat(m.evaluate(Environment.of(Map.of("python_version", "3.12", "extra", "test-suite")))).isTrue();
    assertThat(m).hasToString("python_version >= \"3.8\" and extra == \"Test_Suite\"");
    assertThat(Requirement.parse("numpy>=1.26; python_version >= '3.9'")
        .appliesTo(Environment.of(Map.of("python_version", "3.12")))).isTrue();
    assertThat(SpecifierSet.parse(">=1.0,<2").contains(Version.parse("1.0.post1"))).isTrue();
    assertThat(Version.parse("1.0beta2").pre().orElseThrow()).hasToString("b2");
  }
}
