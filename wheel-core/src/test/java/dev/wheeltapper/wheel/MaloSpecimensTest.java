package dev.wheeltapper.wheel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheeltapper.testsupport.Corpus;
import dev.wheeltapper.zip.ZipScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The malo ZIP parser-differential specimens: none is a wheel, and each must either open or be refused with a typed
 * exception; reading every entry of those that open gives bytes or a typed exception, never anything else. Wheel
 * reads through the strict ZIP layer, so it refuses exactly the specimens the ZIP scanner finds an error in.
 */
class MaloSpecimensTest {

  static List<Path> specimens() {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(Corpus.corpus("wheels/malo/zip"))) {
      s.filter(p -> p.toString().endsWith(".zip")).sorted().forEach(out::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  @Test
  void all79SpecimensArePresent() {
    assertThat(specimens()).hasSize(79);
  }

  /** Opens and reads everything; returns how many entries were read, or -1 when the archive was refused. */
  private static int readAll(Path p) throws IOException {
    Wheel w;
    try {
      w = Wheel.open(p);
    } catch (ArchiveRefusedException e) {
      // One view: Wheel refuses exactly what the strict scan (and so verify and audit) finds an error in.
      assertThat(new ZipScanner().scan(p).hasErrors()).as("the scan's verdict on %s", p).isTrue();
      assertThat(e.findings()).anyMatch(f -> f.isError());
      assertThat(e.getMessage()).startsWith(p.getFileName() + (e instanceof NotAZipException
          ? " is not a readable ZIP archive: " : " is refused by the strict ZIP reader: "));
      return -1;
    }
    assertThat(new ZipScanner().scan(p).hasErrors()).as("the scan's verdict on %s", p).isFalse();
    int read = 0;
    try (w) {
      assertThatThrownBy(w::filename).isExactlyInstanceOf(InvalidWheelFilenameException.class);
      assertThatThrownBy(w::distInfo).isExactlyInstanceOf(DistInfoException.class);
      for (WheelEntry e : w.entries()) {
        try {
          byte[] bytes = w.readEntry(e.name(), 1 << 20);
          assertThat(bytes.length).isLessThanOrEqualTo(1 << 20);
          read++;
        } catch (EntryReadException | EntryTooLargeException ex) {
          assertThat(ex.getMessage()).contains("entry '" + e.name() + "'");
        }
      }
    }
    return read;
  }

  @ParameterizedTest
  @MethodSource("specimens")
  void opensOrRefusesWithATypedException(Path specimen) throws IOException {
    readAll(specimen);
  }

  @Test
  void everyAcceptSpecimenOpensAndReads() throws IOException {
    for (Path p : specimens()) {
      if (p.getParent().getFileName().toString().equals("accept")) {
        assertThat(readAll(p)).as(p.getFileName().toString()).isPositive();
      }
    }
  }
}
