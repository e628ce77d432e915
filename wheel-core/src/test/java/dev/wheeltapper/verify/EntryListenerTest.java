package dev.wheeltapper.verify;

import static dev.wheeltapper.verify.TestWheel.DIST;
import static dev.wheeltapper.verify.TestWheel.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.testing.ZipBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The content hook of {@link WheelVerifier#verify(Path, WheelVerifier.EntryListener)}. */
class EntryListenerTest {
  @TempDir Path tmp;

  /** Collects every entry's bytes and completion; thread-safe as the hook requires. */
  static final class Collector implements WheelVerifier.EntryListener {
    final Map<String, ByteArrayOutputStream> bytes = new ConcurrentHashMap<>();
    final Map<String, Boolean> complete = new ConcurrentHashMap<>();
    final Map<String, Integer> indexes = new ConcurrentHashMap<>();

    @Override
    public Optional<WheelVerifier.EntrySink> entry(String path, int index, long declaredSize) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      bytes.put(path, out);
      indexes.put(path, index);
      return Optional.of(new WheelVerifier.EntrySink() {
        @Override
        public void accept(byte[] buffer, int offset, int length) {
          out.write(buffer, offset, length);
        }

        @Override
        public void end(boolean ok) {
          complete.put(path, ok);
        }
      });
    }
  }

  private Path write(byte[] wheel) throws IOException {
    return Files.write(tmp.resolve(TestWheel.NAME), wheel);
  }

  @Test
  void everyFileEntryIsHandedOverWholeAndTheReportIsUnchanged() throws IOException {
    TestWheel w = new TestWheel().file("demo/big.bin", "x".repeat(300_000));
    Path p = write(w.build());
    for (int parallelism : new int[] {1, 3}) {
      WheelVerifier v = WheelVerifier.builder().parallelism(parallelism).build();
      Collector c = new Collector();
      VerificationReport with = v.verify(p, c);
      VerificationReport without = v.verify(p);
      assertThat(with.findings()).isEqualTo(without.findings()).isEmpty();
      assertThat(with.entriesChecked()).isEqualTo(without.entriesChecked());
      assertThat(with.bytesInflated()).isEqualTo(without.bytesInflated());
      for (Map.Entry<String, byte[]> e : w.files.entrySet()) {
        assertThat(c.bytes.get(e.getKey()).toByteArray()).as(e.getKey()).isEqualTo(e.getValue());
        assertThat(c.complete.get(e.getKey())).isTrue();
      }
      assertThat(c.bytes).containsKey(DIST + "/RECORD");
      assertThat(c.indexes.values()).doesNotHaveDuplicates();
    }
  }

  @Test
  void aCorruptEntryEndsIncomplete() throws IOException {
    TestWheel w = new TestWheel();
    ZipBuilder bad = new ZipBuilder();
    for (var e : w.files.entrySet()) {
      bad.entry(e.getKey(), e.getValue());
      if (e.getKey().equals("demo/data.txt")) {
        bad.crc(ZipBuilder.crc32(e.getValue()) ^ 1);
      }
    }
    bad.entry(DIST + "/RECORD", utf8(String.join("\n", w.computedRows()) + "\n"));
    Collector c = new Collector();
    VerificationReport r = WheelVerifier.defaults().verify(write(bad.build()), c);
    assertThat(r.has(dev.wheeltapper.report.Codes.ZIP_CRC_MISMATCH)).isTrue();
    assertThat(c.complete.get("demo/data.txt")).isFalse();
    assertThat(c.complete.get("demo/__init__.py")).isTrue();
  }

  @Test
  void aListenerThatTakesNothingSeesOnlyNames() throws IOException {
    Map<String, Long> seen = new ConcurrentHashMap<>();
    VerificationReport r = WheelVerifier.defaults().verify(write(new TestWheel().build()), (path, index, size) -> {
      seen.put(path, size);
      return Optional.empty();
    });
    assertThat(r.passed()).isTrue();
    assertThat(seen).containsEntry("demo/__init__.py", 10L).containsKey(DIST + "/WHEEL");
  }
}
