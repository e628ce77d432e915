package dev.wheeltapper.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The channel API ({@link WheelVerifier#verify(SeekableByteChannel, String, WheelVerifier.EntryListener)}) against the
 * path API on every corpus wheel: a channel that is not a {@link FileChannel} (as a Hadoop stream is) gives the same
 * report and hands the listener the same entries, with reads no larger than the verifier's buffers. Each wheel is
 * copied alone into a folder first: a channel has no neighbours, so the signature files some corpus wheels have beside
 * them (PEP 740 attestations) are the one documented difference.
 */
class ChannelVerificationTest {

  @TempDir Path tmp;

  @Test
  void channelAndPathGiveTheSameReportOnTheCorpus() throws IOException {
    WheelVerifier verifier = WheelVerifier.defaults();
    List<Path> corpus = CorpusVerificationTest.corpusWheels();
    assertThat(corpus).hasSizeGreaterThan(100);
    for (Path original : corpus) {
      Path wheel = alone(original);
      List<String> byPath = new ArrayList<>();
      VerificationReport expected = verifier.verify(wheel, recording(byPath));
      List<String> byChannel = new ArrayList<>();
      try (SequentialChannel ch = new SequentialChannel(wheel)) {
        VerificationReport actual = verifier.verify(ch, wheel.getFileName().toString(), recording(byChannel));
        assertThat(actual).as(wheel.toString()).isEqualTo(expected);
        assertThat(ch.isOpen()).as("the caller's channel stays open").isTrue();
        assertThat(ch.largestRead.get()).as("bounded reads").isLessThanOrEqualTo(1 << 20);
      }
      assertThat(byChannel).as(wheel.toString()).isEqualTo(byPath);
    }
  }

  @Test
  void aFileChannelIsReadInParallelWithTheSameReport() throws IOException {
    WheelVerifier parallel = WheelVerifier.builder().parallelism(2).build();
    Path wheel = alone(CorpusVerificationTest.corpusWheels().get(0));
    try (FileChannel ch = FileChannel.open(wheel, StandardOpenOption.READ)) {
      assertThat(parallel.verify(ch, wheel.getFileName().toString(), (p, i, s) -> Optional.empty()))
          .isEqualTo(WheelVerifier.defaults().verify(wheel));
    }
  }

  /** A copy of the wheel in a folder of its own. */
  private Path alone(Path wheel) throws IOException {
    Path dir = Files.createTempDirectory(tmp, "w");
    return Files.copy(wheel, dir.resolve(wheel.getFileName().toString()));
  }

  /** Records the entries offered, consuming none (the order is the sequential verifier's). */
  private static WheelVerifier.EntryListener recording(List<String> seen) {
    return (path, index, declaredSize) -> {
      seen.add(index + ":" + path + ":" + declaredSize);
      return Optional.empty();
    };
  }

  /** A read-only channel that is not a {@link FileChannel}: the verifier must read it sequentially. */
  static final class SequentialChannel implements SeekableByteChannel {
    private final FileChannel file;
    final AtomicLong largestRead = new AtomicLong();

    SequentialChannel(Path path) throws IOException {
      this.file = FileChannel.open(path, StandardOpenOption.READ);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      largestRead.accumulateAndGet(dst.remaining(), Math::max);
      return file.read(dst);
    }

    @Override
    public int write(ByteBuffer src) {
      throw new java.nio.channels.NonWritableChannelException();
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
      throw new java.nio.channels.NonWritableChannelException();
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
