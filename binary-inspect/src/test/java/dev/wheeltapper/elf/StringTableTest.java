package dev.wheeltapper.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A string table answers the same in memory (an array, looked at in place) as mapped (a direct buffer, read in
 * chunks): every offset, names shorter and longer than a chunk, a name cut by the table's end or by the length limit,
 * and the defects each records.
 */
class StringTableTest {
  private static final int MAX = 200;

  private static ByteBuffer table() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(0);
    for (int len : new int[] {1, 5, 126, 127, 128, 129, 130, 199, 200, 201, 256, 300}) {
      b.writeBytes(("é" + "x".repeat(len)).getBytes(StandardCharsets.UTF_8));
      b.write(0);
    }
    b.writeBytes("unterminated at the end".getBytes(StandardCharsets.UTF_8));
    return ByteBuffer.wrap(b.toByteArray());
  }

  /** What a lookup must answer, written out plainly. */
  private static String expected(byte[] t, int offset) {
    int end = Math.min(t.length, offset + MAX);
    int i = offset;
    while (i < end && t[i] != 0) {
      i++;
    }
    return new String(t, offset, i - offset, StandardCharsets.UTF_8);
  }

  private static List<String> all(ByteBuffer buf, Defects defects) {
    StringTable s = new StringTable(buf, 1000, ".strtab", defects, MAX);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < buf.limit(); i++) {
      out.add(s.get(i));
    }
    return out;
  }

  @Test
  void heapAndMappedTablesAnswerAlike() {
    ByteBuffer heap = table();
    byte[] bytes = heap.array();
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    // a slice with an array offset, as a region of a larger file in memory is
    ByteBuffer padded = ByteBuffer.allocate(bytes.length + 7).position(7).put(bytes).position(7).slice();
    Defects d1 = new Defects();
    Defects d2 = new Defects();
    Defects d3 = new Defects();
    Defects d4 = new Defects();
    List<String> fromHeap = all(heap, d1);
    List<String> want = new ArrayList<>();
    for (int i = 0; i < bytes.length; i++) {
      want.add(expected(bytes, i));
    }
    assertThat(fromHeap).isEqualTo(want);
    assertThat(all(direct, d2)).isEqualTo(want);
    assertThat(all(padded, d3)).isEqualTo(want);
    assertThat(all(heap.asReadOnlyBuffer(), d4)).isEqualTo(want);
    assertThat(d1.snapshot()).isNotEmpty().isEqualTo(d2.snapshot()).isEqualTo(d3.snapshot())
        .isEqualTo(d4.snapshot());
  }

  /**
   * A table over 4 MiB read in blocks from a mapped file (issue 19: a large table of a mapped binary is not read
   * through the mapping) answers every looked-up offset as the same bytes in memory do, with the same defects: names
   * across block boundaries, blocks evicted and read again (looked up in scattered order), the cut name at the end.
   */
  @Test
  void pagedTableAnswersAsTheTableInMemory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
    byte[] unit = table().array();
    int copies = (5 << 20) / unit.length;
    byte[] bytes = new byte[copies * unit.length];
    for (int i = 0; i < copies; i++) {
      System.arraycopy(unit, 0, bytes, i * unit.length, unit.length);
    }
    int at = 1000;
    java.nio.file.Path file = tmp.resolve("strtab.bin");
    byte[] withPrefix = new byte[at + bytes.length];
    System.arraycopy(bytes, 0, withPrefix, at, bytes.length);
    java.nio.file.Files.write(file, withPrefix);
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < bytes.length; i += 4096) {
      for (int k = Math.max(0, i - 300); k < Math.min(bytes.length, i + 300); k++) {
        offsets.add(k); // around every block boundary: names that start before it and end after
      }
    }
    for (int k = bytes.length - 2 * unit.length; k < bytes.length; k++) {
      offsets.add(k);
    }
    java.util.Collections.shuffle(offsets, new java.util.Random(19)); // misses, evictions and blocks read again
    offsets.add(bytes.length); // past the end
    Defects inMemory = new Defects();
    Defects paged = new Defects();
    StringTable heap = new StringTable(ByteBuffer.wrap(bytes), at, ".strtab", inMemory, MAX);
    try (dev.wheeltapper.bytes.ByteSource src = dev.wheeltapper.bytes.ByteSources.map(file)) {
      ByteBuffer view = src.slice(at, bytes.length);
      StringTable blocks = StringTable.of(src, view, at, ".strtab", paged, MAX, 1 << 20);
      StringTable mapped = StringTable.of(src, view, at, ".strtab", new Defects(), MAX, Integer.MAX_VALUE);
      for (int o : offsets) {
        String want = o < bytes.length ? expected(bytes, o) : "";
        assertThat(blocks.get(o)).as("offset %d", o).isEqualTo(want).isEqualTo(heap.get(o)).isEqualTo(mapped.get(o));
      }
      assertThat(blocks.paged()).isTrue();
      assertThat(mapped.paged()).isFalse();
      assertThat(StringTable.of(src, ByteBuffer.wrap(bytes), at, ".strtab", new Defects(), MAX, 1).paged())
          .as("a table in memory is read in place").isFalse();
      assertThat(blocks.size()).isEqualTo(bytes.length);
      assertThat(blocks.quiet().get(bytes.length - 5)).isEqualTo("e end");
    }
    assertThat(paged.snapshot()).isNotEmpty().isEqualTo(inMemory.snapshot());
  }
}
