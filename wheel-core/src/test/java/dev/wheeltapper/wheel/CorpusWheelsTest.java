package dev.wheeltapper.wheel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.testsupport.Corpus;
import dev.wheeltapper.wheel.metadata.CoreMetadata;
import dev.wheeltapper.wheel.metadata.WheelInfo;
import dev.wheeltapper.wheel.record.Record;
import dev.wheeltapper.wheel.record.RecordEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real wheel in the shared corpus opens and its parts parse and agree with one another. */
class CorpusWheelsTest {

  static List<Path> corpusWheels() {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(Corpus.corpus("wheels"))) {
      s.filter(p -> p.getFileName().toString().endsWith(".whl")).sorted().forEach(out::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Stream<Path> s = Files.list(Corpus.corpus("npm"))) {
      s.filter(p -> p.getFileName().toString().endsWith(".whl")).sorted().forEach(out::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.add(Corpus.corpus("attest/rfc8785-0.1.2-py3-none-any.whl"));
    return out;
  }

  /** Wheels whose RECORD disagrees with the archive, per corpus/SOURCES.md. */
  private static final Set<String> RECORD_DEFECTS =
      Set.of(
          // METADATA rewritten after RECORD: RECORD says 533 bytes, the entry has 479.
          "simpleext-0.0.1-pp39-pypy39_pp73-win_amd64.whl",
          // combase_dependent.exe unlisted, simpleexe.exe listed but absent.
          "simpleext-0.0.1-0combase-cp312-cp312-win_amd64.whl",
          // files moved after RECORD was written.
          "simpleext-0.0.1-0fixed-cp39-cp39-win_amd64.whl");

  /** RECORD lists exactly the archive's files (legacy signatures aside), with a hash and the entry's size. */
  private static boolean recordMatchesArchive(Wheel wheel, DistInfoDirectory distInfo, Record record) {
    Set<String> files =
        wheel.entries().stream()
            .filter(e -> !e.directory())
            .map(WheelEntry::name)
            .filter(n -> !n.equals(distInfo.resolve("RECORD.jws")) && !n.equals(distInfo.resolve("RECORD.p7s")))
            .collect(Collectors.toSet());
    if (!record.entries().stream().map(RecordEntry::path).collect(Collectors.toSet()).equals(files)) {
      return false;
    }
    for (RecordEntry row : record.entries()) {
      if (!row.path().equals(distInfo.resolve("RECORD"))
          && (row.hash().isEmpty()
              || row.size().isEmpty()
              || row.size().getAsLong() != wheel.entry(row.path()).orElseThrow().size())) {
        return false;
      }
    }
    return true;
  }

  @Test
  void corpusHasTheExpectedWheels() {
    assertThat(corpusWheels()).hasSize(146);
  }

  @ParameterizedTest
  @MethodSource("corpusWheels")
  void opensAndParses(Path path) throws Exception {
    try (Wheel wheel = Wheel.open(path)) {
      WheelFilename name = wheel.filename();
      DistInfoDirectory distInfo = wheel.distInfo();
      assertThat(WheelFilename.normalizeName(distInfo.distribution())).isEqualTo(name.normalizedName());
      assertThat(distInfo.version()).isEqualTo(name.version());

      CoreMetadata md = wheel.metadata();
      assertThat(md.metadataVersion()).isPresent();
      assertThat(md.name().map(WheelFilename::normalizeName)).contains(name.normalizedName());
      assertThat(md.version()).contains(name.version());

      WheelInfo info = wheel.wheelInfo();
      assertThat(info.wheelVersion()).contains("1.0");
      assertThat(info.rootIsPurelib()).isPresent();
      assertThat(info.tags()).isNotEmpty();

      Record record = wheel.record();
      assertThat(wheel.recordLenient().problems()).isEmpty();
      assertThat(record.find(distInfo.resolve("RECORD"))).isPresent();
      boolean consistent = recordMatchesArchive(wheel, distInfo, record);
      // SOURCES.md lists exactly these three as RECORD-inconsistent; every other corpus wheel is intact.
      assertThat(consistent).isEqualTo(!RECORD_DEFECTS.contains(path.getFileName().toString()));
      wheel.entryPoints();
      wheel.licenseFiles();
      wheel.sboms();
      for (DataEntry d : wheel.dataEntries()) {
        assertThat(d.scheme()).as(d.entry().name()).isPresent();
      }
    }
  }
}
