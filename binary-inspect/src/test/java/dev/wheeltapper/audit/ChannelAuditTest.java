package dev.wheeltapper.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.testsupport.Corpus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link WheelAudit#audit(SeekableByteChannel, String)} against {@link WheelAudit#audit(Path)} on every corpus wheel,
 * through a channel that is not a {@link FileChannel} (as a Hadoop stream adapted to a channel is not): the same
 * verification, findings, binaries, languages, memory-safety verdict and policy. Each wheel is copied alone into a
 * folder, since a channel has no neighbouring signature files.
 */
class ChannelAuditTest {
  @TempDir Path tmp;

  @Test
  void channelAndPathGiveTheSameAuditOnTheCorpus() throws IOException {
    WheelAudit audit = WheelAudit.defaults();
    List<Path> corpus;
    try (Stream<Path> s = Files.walk(Corpus.root())) {
      corpus = s.filter(f -> f.toString().endsWith(".whl")).sorted().toList();
    }
    assertThat(corpus).hasSizeGreaterThan(100);
    int withBinaries = 0;
    for (Path original : corpus) {
      Path wheel = Files.copy(original, Files.createTempDirectory(tmp, "w").resolve(original.getFileName()));
      WheelAuditReport expected = audit.audit(wheel);
      WheelAuditReport actual;
      try (SequentialChannel ch = new SequentialChannel(wheel)) {
        actual = audit.audit(ch, wheel.getFileName().toString());
      }
      String what = original.toString();
      assertThat(actual.verification()).as(what).isEqualTo(expected.verification());
      assertThat(actual.findings()).as(what).isEqualTo(expected.findings());
      assertThat(actual.languages()).as(what).isEqualTo(expected.languages());
      assertThat(actual.memorySafe()).as(what).isEqualTo(expected.memorySafe());
      assertThat(actual.policy()).as(what).isEqualTo(expected.policy());
      assertThat(actual.entryNames()).as(what).isEqualTo(expected.entryNames());
      assertThat(paths(actual)).as(what).isEqualTo(paths(expected));
      assertThat(actual.binaries().recognised()).as(what).isEqualTo(expected.binaries().recognised());
      if (!expected.binaries().inspected().isEmpty()) {
        withBinaries++;
      }
    }
    assertThat(withBinaries).as("corpus wheels with native code").isGreaterThan(50);
  }

  private static List<String> paths(WheelAuditReport r) {
    return r.binaries().inspected().stream().map(b -> b.path() + "|" + b.format() + "|" + b.machine() + "|"
        + b.toolchain().languageLabels() + "|" + b.toolchain().memorySafe()).toList();
  }

  /** A read-only channel that is not a {@link FileChannel}. */
  private static final class SequentialChannel implements SeekableByteChannel {
    private final FileChannel file;

    SequentialChannel(Path path) throws IOException {
      this.file = FileChannel.open(path, StandardOpenOption.READ);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      return file.read(dst);
    }

    @Override
    public int write(ByteBuffer src) {
      throw new NonWritableChannelException();
    }

    @Override
    public long position() throws IOException {
      return file.position();
    }

    @Override
    public SeekableByteChannel position(long p) throws IOException {
      file.position(p);
      return this;
    }

    @Override
    public long size() throws IOException {
      return file.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
      throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
      return file.isOpen();
    }

    @Override
    public void close() throws IOException {
      file.close();
    }
  }
}
