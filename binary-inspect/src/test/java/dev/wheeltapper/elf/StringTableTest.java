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
}
