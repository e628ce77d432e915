package dev.wheeltapper.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheeltapper.audit.WheelAudit;
import dev.wheeltapper.audit.WheelAuditReport;
import dev.wheeltapper.testsupport.Corpus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.Files;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read-only channel over a Hadoop stream, on Hadoop's local file system (no Spark needed). */
class HadoopChannelTest {
  private static final String WHEEL = "wheels/auditwheel/python_mscl-67.0.1.0-cp313-cp313-manylinux2014_aarch64.whl";

  @TempDir java.nio.file.Path tmp;

  private static FileSystem local() throws IOException {
    return FileSystem.getLocal(new Configuration());
  }

  @Test
  void readsWhatTheFileHoldsAtEveryPositionInBoundedReads() throws IOException {
    java.nio.file.Path file = Corpus.corpus(WHEEL);
    byte[] all = Files.readAllBytes(file);
    try (HadoopChannel ch = HadoopChannel.open(local(), new Path(file.toUri()))) {
      assertThat(ch.size()).isEqualTo(all.length);
      ByteBuffer big = ByteBuffer.allocate(1 << 20);
      assertThat(ch.read(big)).isEqualTo(HadoopChannel.MAX_READ);
      assertThat(Arrays.copyOf(big.array(), HadoopChannel.MAX_READ)).isEqualTo(Arrays.copyOf(all,
          HadoopChannel.MAX_READ));
      long pos = all.length - 10;
      ByteBuffer direct = ByteBuffer.allocateDirect(100);
      ch.position(pos);
      assertThat(ch.read(direct)).isEqualTo(10);
      assertThat(ch.position()).isEqualTo(all.length);
      direct.flip();
      byte[] tail = new byte[10];
      direct.get(tail);
      assertThat(tail).isEqualTo(Arrays.copyOfRange(all, all.length - 10, all.length));
      assertThat(ch.read(ByteBuffer.allocate(1))).isEqualTo(-1);
      ch.position(all.length + 100L);
      assertThat(ch.read(ByteBuffer.allocate(1))).isEqualTo(-1);
      assertThatThrownBy(() -> ch.write(ByteBuffer.allocate(1))).isInstanceOf(NonWritableChannelException.class);
      assertThatThrownBy(() -> ch.truncate(0)).isInstanceOf(NonWritableChannelException.class);
      assertThatThrownBy(() -> ch.position(-1)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aClosedChannelAndAFolderAreRefused() throws IOException {
    java.nio.file.Path file = Corpus.corpus(WHEEL);
    HadoopChannel ch = HadoopChannel.open(local(), new Path(file.toUri()));
    ch.close();
    assertThat(ch.isOpen()).isFalse();
    assertThatThrownBy(() -> ch.read(ByteBuffer.allocate(1))).isInstanceOf(ClosedChannelException.class);
    assertThatThrownBy(() -> HadoopChannel.open(local(), new Path(tmp.toUri())))
        .isInstanceOf(IOException.class).hasMessageContaining("not a file");
    assertThatThrownBy(() -> HadoopChannel.open(local(), new Path(tmp.resolve("none.whl").toUri())))
        .isInstanceOf(java.io.FileNotFoundException.class);
  }

  /** Through the channel, the library audits a wheel as it does from its path (here: no signature beside it). */
  @Test
  void theAuditThroughTheChannelIsTheAuditOfThePath() throws IOException {
    java.nio.file.Path file = Corpus.corpus(WHEEL);
    WheelAuditReport expected = WheelAudit.defaults().audit(file);
    try (HadoopChannel ch = HadoopChannel.open(local(), new Path(file.toUri()))) {
      WheelAuditReport actual = WheelAudit.defaults().audit(ch, file.getFileName().toString());
      assertThat(actual.verification()).isEqualTo(expected.verification());
      assertThat(actual.findings()).isEqualTo(expected.findings());
      assertThat(actual.languages()).isEqualTo(expected.languages()).contains("c++");
      assertThat(actual.policy()).isEqualTo(expected.policy());
    }
  }
}
