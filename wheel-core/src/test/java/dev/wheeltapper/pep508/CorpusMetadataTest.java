package dev.wheeltapper.pep508;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.pep440.SpecifierSet;
import dev.wheeltapper.pep440.Version;
import dev.wheeltapper.testsupport.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Every version, Requires-Python and Requires-Dist value in the real wheels of the shared corpus parses, and the
 * METADATA version equals the file-name version. (A minimal METADATA header read for this test only; the wheel model
 * proper lives in {@code dev.wheeltapper.wheel}.)
 */
class CorpusMetadataTest {

  @Test
  void everyCorpusWheelVersionAndRequirementParses() throws Exception {
    List<Path> wheels;
    try (Stream<Path> s = Files.walk(Corpus.corpus("wheels"))) {
      wheels = s.filter(p -> p.toString().endsWith(".whl")).sorted().collect(Collectors.toList());
    }
    assertThat(wheels).hasSizeGreaterThanOrEqualTo(100);
    int requiresPython = 0;
    int requiresDist = 0;
    for (Path wheel : wheels) {
      Map<String, List<String>> headers = metadataHeaders(wheel);
      String fileVersion = wheel.getFileName().toString().split("-")[1];
      Version version = Version.parse(headers.get("Version").get(0));
      assertThat(version).as(wheel.toString()).isEqualTo(Version.parse(fileVersion));
      for (String rp : headers.getOrDefault("Requires-Python", List.of())) {
        assertThat(SpecifierSet.parse(rp).isEmpty()).isFalse();
        requiresPython++;
      }
      for (String rd : headers.getOrDefault("Requires-Dist", List.of())) {
        assertThat(Requirement.parse(rd).name()).isNotEmpty();
        requiresDist++;
      }
    }
    assertThat(requiresPython).isGreaterThanOrEqualTo(90);
    assertThat(requiresDist).isEqualTo(3);
  }

  @Test
  void requiresPythonOfARealWheelSelectsInterpreters() throws Exception {
    Map<String, List<String>> h =
        metadataHeaders(
            Corpus.corpus("wheels/delvewheel/history/simpleext-0.0.1-cp36.cp310-cp36m.cp310-win_amd64.whl"));
    SpecifierSet rp = SpecifierSet.parse(h.get("Requires-Python").get(0));
    assertThat(rp).hasToString(">=3.6,!=3.7.*,!=3.8.*,!=3.9.*,<3.11");
    assertThat(rp.contains(Version.parse("3.6.15"))).isTrue();
    assertThat(rp.contains(Version.parse("3.8.10"))).isFalse();
    assertThat(rp.contains(Version.parse("3.10.4"))).isTrue();
    assertThat(rp.contains(Version.parse("3.11.0"))).isFalse();
    assertThat(rp.contains(Version.parse("3.11.0a1"), true)).isFalse();
    assertThat(rp.contains(Version.parse("3.10.0rc1"), true)).isTrue();
  }

  @Test
  void requiresDistOfARealWheel() throws Exception {
    Map<String, List<String>> h =
        metadataHeaders(Corpus.corpus("wheels/auditwheel/python_snappy-0.5.2-pp260-pypy_41-linux_x86_64.whl"));
    Requirement r = Requirement.parse(h.get("Requires-Dist").get(0));
    assertThat(r.name()).isEqualTo("cffi");
    assertThat(r.specifier()).hasToString(">=1.0.0");
    assertThat(r).hasToString("cffi>=1.0.0");
    assertThat(r.specifier().contains(Version.parse("1.17.1"))).isTrue();
    assertThat(r.specifier().contains(Version.parse("0.9"))).isFalse();
    assertThat(Version.parse(h.get("Version").get(0))).hasToString("0.5.2");
  }

  /** Header fields of the single {@code .dist-info/METADATA}, up to the first blank line; bounded read. */
  private static Map<String, List<String>> metadataHeaders(Path wheel) throws IOException {
    try (ZipFile zip = new ZipFile(wheel.toFile())) {
      List<? extends ZipEntry> md =
          zip.stream()
              .filter(e -> e.getName().endsWith(".dist-info/METADATA"))
              .filter(e -> e.getName().indexOf('/') == e.getName().lastIndexOf('/'))
              .collect(Collectors.toList());
      assertThat(md).as(wheel.toString()).hasSize(1);
      byte[] bytes;
      try (InputStream in = zip.getInputStream(md.get(0))) {
        bytes = in.readNBytes(1 << 20);
      }
      Map<String, List<String>> out = new LinkedHashMap<>();
      for (String line : new String(bytes, StandardCharsets.UTF_8).split("\r?\n")) {
        if (line.isEmpty()) {
          break;
        }
        int colon = line.indexOf(": ");
        if (colon > 0 && !Character.isWhitespace(line.charAt(0))) {
          out.computeIfAbsent(line.substring(0, colon), k -> new ArrayList<>()).add(line.substring(colon + 2));
        }
      }
      return out;
    }
  }
}
