package dev.wheeltapper.fuzz;

import dev.wheeltapper.testsupport.Accessors;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.verify.VerificationReport;
import dev.wheeltapper.verify.WheelVerifier;
import dev.wheeltapper.wheel.InvalidWheelFilenameException;
import dev.wheeltapper.wheel.Wheel;
import dev.wheeltapper.wheel.WheelEntry;
import dev.wheeltapper.wheel.WheelFilename;
import dev.wheeltapper.format.WheelFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Fuzz targets for the wheel as a whole: its file name, opening it from arbitrary bytes with every accessor called,
 * and full verification. The only acceptable outcomes are a result or the library's documented exception ({@link
 * WheelFormatException} and its subclasses); anything else escapes and is a finding.
 *
 * <p>In a normal test run each target replays the empty input and its committed inputs under {@code
 * src/test/resources/dev/wheeltapper/fuzz/WheelFuzzTestInputs/<method>/}; {@code scripts/fuzz.sh} fuzzes them.
 */
class WheelFuzzTest {
  /** A name that parses, so that the checks behind the file name run too. */
  static final String NAME = "fuzz-1.0-py3-none-any.whl";

  /** Entries are read at most this far: the fuzz input is small, a deflate bomb inside it is bounded by the cap. */
  private static final int READ_CAP = 1 << 20;

  @FuzzTest
  void filename(FuzzedDataProvider data) throws Exception {
    String text = data.consumeRemainingAsString();
    try {
      WheelFilename f = WheelFilename.parse(text);
      Accessors.touch(f);
      assertThat(WheelFilename.parse(f.toString())).as("round trip of %s", f).isEqualTo(f);
    } catch (InvalidWheelFilenameException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
    WheelFilename.normalizeName(text);
    WheelFilename.escapeName(text);
    WheelFilename.escapeVersion(text);
  }

  @FuzzTest
  void open(byte[] bytes) throws Exception {
    Wheel wheel;
    try {
      wheel = Wheel.open(new SeekableInMemoryByteChannel(bytes), NAME);
    } catch (WheelFormatException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    try (wheel) {
      Accessors.touch(wheel, WheelFormatException.class);
      for (WheelEntry e : wheel.entries()) {
        Accessors.touch(e);
        try {
          wheel.readEntry(e.name(), READ_CAP);
        } catch (WheelFormatException ex) {
          assertThat(ex.getMessage()).isNotBlank();
        }
        try (InputStream in = wheel.openEntry(e.name())) {
          in.skip(READ_CAP);
          in.read();
        } catch (WheelFormatException ex) {
          assertThat(ex.getMessage()).isNotBlank();
        }
      }
      try {
        wheel.recordLenient();
      } catch (WheelFormatException ex) {
        assertThat(ex.getMessage()).isNotBlank();
      }
    } catch (IOException e) {
      // close() of an in-memory channel cannot fail; only a WheelFormatException is documented.
      assertThat(e).isInstanceOf(WheelFormatException.class);
    }
  }

  @FuzzTest
  void verify(byte[] bytes) throws Exception {
    VerificationReport report =
        WheelVerifier.builder().parallelism(1).build().verify(new SeekableInMemoryByteChannel(bytes), NAME);
    Accessors.touch(report);
    List<Finding> findings = report.findings();
    for (Finding f : findings) {
      assertThat(f.code()).matches("[a-z0-9]+\\.[a-z0-9-]+");
      assertThat(f.message()).isNotBlank();
    }
    // A report without error findings means the archive is a sound wheel; it must then open and read.
    if (report.passed()) {
      try (Wheel w = Wheel.open(new SeekableInMemoryByteChannel(bytes), NAME)) {
        w.metadata();
        w.wheelInfo();
        w.record();
      }
    }
  }
}
