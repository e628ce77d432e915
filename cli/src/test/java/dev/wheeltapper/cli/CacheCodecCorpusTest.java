package dev.wheeltapper.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheeltapper.cli.cache.CacheFormatException;
import dev.wheeltapper.cli.cache.RecordCodec;
import dev.wheeltapper.testsupport.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The cache's stored form of a report ({@link RecordCodec}) comes back equal, record for record, for the audit of
 * every corpus wheel, and renders the same JSON; a damaged stored form is refused, never half-read.
 */
class CacheCodecCorpusTest {
  static List<Path> corpusWheels() throws Exception {
    try (Stream<Path> walk = Files.walk(Corpus.root())) {
      return walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".whl")).sorted()
          .toList();
    }
  }

  @Test
  void everyCorpusWheelsReportComesBackEqual() throws Exception {
    Checks checks = Checks.from(new CommonOptions(), Optional.of(new TrustOptions()), 1);
    int n = 0;
    long bytes = 0;
    for (Path wheel : corpusWheels()) {
      ArtifactReport r = checks.audit(new Targets.Target(wheel, wheel.toString()));
      byte[] blob = RecordCodec.encode(r);
      bytes += blob.length;
      ArtifactReport back = RecordCodec.decode(blob, ArtifactReport.class);
      assertThat(back).as("%s", wheel).isEqualTo(r);
      assertThat(ArtifactReports.json(back)).isEqualTo(ArtifactReports.json(r));
      n++;
    }
    assertThat(n).isGreaterThan(100);
    System.out.println("stored forms: " + n + " wheels, " + bytes + " bytes");
  }

  @Test
  void aDamagedStoredFormIsRefused() throws Exception {
    Checks checks = Checks.from(new CommonOptions(), Optional.of(new TrustOptions()), 1);
    Path wheel = corpusWheels().get(0);
    byte[] blob = RecordCodec.encode(checks.audit(new Targets.Target(wheel, wheel.toString())));
    byte[] cut = java.util.Arrays.copyOf(blob, blob.length / 2);
    assertThatThrownBy(() -> RecordCodec.decode(cut, ArtifactReport.class)).isInstanceOf(CacheFormatException.class);
    assertThatThrownBy(() -> RecordCodec.decode(new byte[] {1, 2, 3}, ArtifactReport.class))
        .isInstanceOf(CacheFormatException.class);
  }
}
