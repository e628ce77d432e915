package dev.wheeltapper.bytes;

import dev.wheeltapper.bytes.ByteSources;
import dev.wheeltapper.bytes.ByteSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.wheeltapper.testsupport.ResidentMemory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every byte source checks its ranges with a checked exception and never changes the caller's buffer. */
class ByteSourcesTest {
  private static final byte[] DATA = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

  private static void checkRanges(ByteSource s) throws IOException {
    assertThat(s.size()).isEqualTo(10);
    assertThat(s.slice(2, 3).get(0)).isEqualTo((byte) 2);
    assertThat(s.slice(10, 0).remaining()).isZero();
    assertThatThrownBy(() -> s.slice(8, 3)).isInstanceOf(EOFException.class);
    assertThatThrownBy(() -> s.slice(-1, 1)).isInstanceOf(EOFException.class);
    assertThatThrownBy(() -> s.slice(0, -1)).isInstanceOf(EOFException.class);
    assertThatThrownBy(() -> s.slice(Long.MAX_VALUE, 1)).isInstanceOf(EOFException.class);
    assertThat(s.contains(Long.MAX_VALUE, Long.MAX_VALUE)).isFalse();
    assertThat(s.contains(5, 5)).isTrue();
    assertThat(s.contains(5, 6)).isFalse();
    assertThat(s.slice(0, 4).isReadOnly()).isTrue();
    byte[] dst = new byte[4];
    s.read(6, dst, 0, 4);
    assertThat(dst).containsExactly(6, 7, 8, 9);
    assertThatThrownBy(() -> s.read(0, dst, 2, 3)).isInstanceOf(EOFException.class);
    assertThatThrownBy(() -> s.read(8, dst, 0, 3)).isInstanceOf(EOFException.class);
    assertThatThrownBy(() -> s.read(-1, dst, 0, 1)).isInstanceOf(EOFException.class);
    assertThatThrownBy(() -> s.read(Long.MAX_VALUE, dst, 0, 1)).isInstanceOf(EOFException.class);
  }

  /**
   * Issue 19: {@code read} of a mapped source is a positional read that leaves the file's pages out of the process's
   * resident set (a scan of a large binary's read-only data cost its size in resident memory); a slice is a view that
   * brings them in.
   */
  @Test
  void readsOfAMappedFileDoNotMakeItResident(@TempDir Path dir) throws IOException {
    byte[] eight = new byte[8 << 20];
    for (int i = 0; i < eight.length; i++) {
      eight[i] = (byte) (i * 31);
    }
    Path f = Files.write(dir.resolve("eight-mib"), eight);
    try (ByteSource s = ByteSources.mapUntilClosed(f)) {
      byte[] chunk = new byte[1 << 20];
      for (int at = 0; at < eight.length; at += chunk.length) {
        s.read(at, chunk, 0, chunk.length);
        assertThat(chunk[chunk.length - 1]).isEqualTo(eight[at + chunk.length - 1]);
      }
      assertThat(ResidentMemory.kibMappedFrom(f)).as("resident after reading every byte").isLessThan(64);
      ByteBuffer view = s.slice(0, eight.length);
      long sum = 0;
      for (int i = 0; i < eight.length; i += 4096) {
        sum += view.get(i + 1) & 0xff;
      }
      assertThat(sum).isNotZero();
      assertThat(ResidentMemory.kibMappedFrom(f)).as("resident after touching every page of a view").isGreaterThan(4096);
    }
  }

  @Test
  void arraysAndBuffers() throws IOException {
    checkRanges(ByteSources.of(DATA));
    ByteBuffer b = ByteBuffer.allocate(14);
    b.position(2);
    b.put(DATA);
    b.position(2).limit(12);
    try (ByteSource s = ByteSources.of(b)) {
      checkRanges(s);
    }
    assertThat(b.position()).isEqualTo(2);
    assertThat(b.limit()).isEqualTo(12);
  }

  @Test
  void mappedFiles(@TempDir Path dir) throws IOException {
    Path f = Files.write(dir.resolve("ten"), DATA);
    try (ByteSource s = ByteSources.map(f)) {
      checkRanges(s);
    }
  }

  /** Issue 19: the mapping leaves the process when the source is closed, not when the collector gets to it. */
  @Test
  void aMappingUntilClosedIsGoneFromTheProcessOnClose(@TempDir Path dir) throws IOException {
    Path f = Files.write(dir.resolve("ten-unmapped"), DATA);
    ByteSource s = ByteSources.mapUntilClosed(f);
    checkRanges(s);
    Path maps = Path.of("/proc/self/maps"); // Linux's list of this process's mappings (the build's platform)
    assertThat(Files.readString(maps)).contains(f.toString());
    s.close();
    assertThat(Files.readString(maps)).doesNotContain(f.toString());
  }

  @Test
  void streamsInMemoryAndSpilled() throws IOException {
    try (ByteSource s = ByteSources.fromStream(new ByteArrayInputStream(DATA), 10, 100)) {
      checkRanges(s);
    }
    try (ByteSource s = ByteSources.fromStream(new ByteArrayInputStream(DATA), 10, 0)) {
      checkRanges(s);
    }
    assertThatThrownBy(() -> ByteSources.fromStream(new ByteArrayInputStream(DATA), 11, 100))
        .isInstanceOf(EOFException.class).hasMessageContaining("ended after 10");
    assertThatThrownBy(() -> ByteSources.fromStream(new ByteArrayInputStream(DATA), 9, 0))
        .isInstanceOf(EOFException.class).hasMessageContaining("more than");
    assertThatThrownBy(() -> ByteSources.fromStream(new ByteArrayInputStream(DATA), -1, 0))
        .isInstanceOf(EOFException.class);
  }
}
