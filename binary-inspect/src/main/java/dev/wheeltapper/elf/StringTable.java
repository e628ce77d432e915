package dev.wheeltapper.elf;

import dev.wheeltapper.bytes.ByteSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A bounded view of a string table: lookups past its end or without a terminating NUL give a (possibly cut) string
 * and record a defect, never read outside the table.
 *
 * <p>A large table of a mapped file ({@link #PAGED_FROM} bytes or more: a C++ library's {@code .strtab} can hold 170
 * MiB of names) is not read through the mapping but in blocks by positional reads, a few of them cached: names decoded
 * on access would otherwise make the whole table resident in the process for as long as the file is open (issue 19).
 * Thread-safe: the blocks are filled once and never changed.
 */
final class StringTable {
  static final StringTable EMPTY = new StringTable(ByteBuffer.allocate(0), -1, "", null, 1);
  /** Mapped tables from this size on are read in blocks. */
  static final int PAGED_FROM = 32 << 20;

  private final ByteBuffer buf;
  private final Blocks blocks;
  private final int size;
  private final long fileOffset;
  private final String part;
  private final Defects defects;
  private final int maxLength;

  StringTable(ByteBuffer buf, long fileOffset, String part, Defects defects, int maxLength) {
    this(buf, null, buf.limit(), fileOffset, part, defects, maxLength);
  }

  private StringTable(
      ByteBuffer buf, Blocks blocks, int size, long fileOffset, String part, Defects defects, int maxLength) {
    this.buf = buf;
    this.blocks = blocks;
    this.size = size;
    this.fileOffset = fileOffset;
    this.part = part;
    this.defects = defects;
    this.maxLength = maxLength;
  }

  /**
   * The table over {@code view}, which holds the table's bytes at {@code fileOffset} of {@code src}: a large view of a
   * mapping is read in blocks from {@code src} instead.
   */
  static StringTable of(
      ByteSource src, ByteBuffer view, long fileOffset, String part, Defects defects, int maxLength) {
    return of(src, view, fileOffset, part, defects, maxLength, PAGED_FROM);
  }

  /** {@link #of(ByteSource, ByteBuffer, long, String, Defects, int)} with another threshold, for tests. */
  static StringTable of(ByteSource src, ByteBuffer view, long fileOffset, String part, Defects defects,
      int maxLength, int pagedFrom) {
    if (view.isDirect() && view.limit() >= pagedFrom) {
      return new StringTable(null, new Blocks(src, fileOffset, view.limit()), view.limit(), fileOffset, part, defects,
          maxLength);
    }
    return new StringTable(view, fileOffset, part, defects, maxLength);
  }

  /** The same table recording no defect, for decoding again names that were checked once. */
  StringTable quiet() {
    return defects == null ? this : new StringTable(buf, blocks, size, fileOffset, part, null, maxLength);
  }

  int size() {
    return size;
  }

  /** Whether the table is read in blocks rather than through a buffer. */
  boolean paged() {
    return blocks != null;
  }

  /** The string at {@code offset}, {@code ""} (with a defect) when the offset is out of range. */
  String get(long offset) {
    if (offset < 0 || offset >= size) {
      if (offset != 0 || size != 0) {
        defect(offset, "string offset " + offset + " outside the string table of " + size + " bytes");
      }
      return "";
    }
    int start = (int) offset;
    int end = (int) Math.min(size, (long) start + maxLength);
    int i = start;
    if (blocks != null) {
      return paged(start, end);
    }
    if (buf.hasArray()) {
      // a table in memory: scanned and decoded in place, without a buffer check per byte or a copy per name
      byte[] a = buf.array();
      int base = buf.arrayOffset();
      while (i < end && a[base + i] != 0) {
        i++;
      }
      if (i == end) {
        defect(offset, i == size ? "string not terminated before the end of the table"
            : "string longer than " + maxLength);
      }
      return i == start ? "" : new String(a, base + start, i - start, StandardCharsets.UTF_8);
    }
    // a mapped table: read in small bulk chunks, and a name that fits the first chunk (almost all) decoded from it
    byte[] chunk = new byte[Math.min(end - start, 128)];
    boolean firstChunk = true;
    while (i < end) {
      int len = Math.min(chunk.length, end - i);
      buf.get(i, chunk, 0, len);
      int z = 0;
      while (z < len && chunk[z] != 0) {
        z++;
      }
      i += z;
      if (z < len) {
        if (firstChunk) {
          return z == 0 ? "" : new String(chunk, 0, z, StandardCharsets.UTF_8);
        }
        break;
      }
      firstChunk = false;
    }
    if (i == end) {
      defect(offset, i == size ? "string not terminated before the end of the table" : "string longer than " + maxLength);
    }
    if (i == start) {
      return "";
    }
    byte[] bytes = new byte[i - start];
    buf.get(start, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** {@link #get} of a paged table: the name in one block (almost always), or gathered across blocks. */
  private String paged(int start, int end) {
    byte[] gathered = null;
    int have = 0;
    int i = start;
    try {
      while (i < end) {
        Block block = blocks.at(i);
        byte[] b = block.bytes();
        int from = i - block.start();
        int to = Math.min(b.length, from + (end - i));
        int z = from;
        while (z < to && b[z] != 0) {
          z++;
        }
        if (z < to && gathered == null) {
          return z == from ? "" : new String(b, from, z - from, StandardCharsets.UTF_8);
        }
        int n = z - from;
        if (gathered == null) {
          gathered = new byte[Math.min(end - start, 256)];
        }
        if (have + n > gathered.length) {
          gathered = Arrays.copyOf(gathered, Math.max(have + n, Math.min(end - start, gathered.length * 2)));
        }
        System.arraycopy(b, from, gathered, have, n);
        have += n;
        i += n;
        if (z < to) {
          return new String(gathered, 0, have, StandardCharsets.UTF_8);
        }
      }
    } catch (IOException e) {
      defect(i, "cannot read the string table: " + e.getMessage());
      return "";
    }
    defect(start, end == size ? "string not terminated before the end of the table" : "string longer than " + maxLength);
    return have == 0 ? "" : new String(gathered, 0, have, StandardCharsets.UTF_8);
  }

  private void defect(long offset, String reason) {
    if (defects != null) {
      defects.add(fileOffset >= 0 ? fileOffset + offset : -1, part, reason);
    }
  }

  /**
   * A table's bytes in blocks read from the source on demand, 4 MiB of them kept, direct-mapped by block number.
   * Blocks are a page (4 KiB) at first: where a linker wrote the names in symbol order (torch's {@code
   * libtorch_cpu.so}: 76 MiB of names, 220,000 reads for 3 million look-ups) this costs next to nothing beside the
   * mapping. Where it did not (tensorflow's {@code libtensorflow_cc.so.2}, lld) nearly every look-up misses: after a
   * window of 65,536 look-ups with more misses than hits the blocks shrink to 512 bytes, which more than halve the cost
   * of a miss (a system call and the copy: 0.6 instead of 1.6 us), and grow back after a window with few misses.
   */
  private static final class Blocks {
    private static final int CACHE_BYTES = 4 << 20;
    private static final int SAMPLE = 1 << 16;
    private final ByteSource src;
    private final long fileOffset;
    private final int size;
    private int shift = 12;
    private Block[] cached = new Block[CACHE_BYTES >> 12];
    private int lookups;
    private int misses;

    Blocks(ByteSource src, long fileOffset, int size) {
      this.src = src;
      this.fileOffset = fileOffset;
      this.size = size;
    }

    /** The block holding the table's byte at {@code offset}. */
    synchronized Block at(int offset) throws IOException {
      if (++lookups == SAMPLE) {
        // judged per window of look-ups: a pass in symbol order may follow a pass that jumps
        int want = misses * 2 > lookups ? 9 : misses * 8 < lookups ? 12 : shift;
        if (want != shift) {
          shift = want;
          cached = new Block[CACHE_BYTES >> shift];
        }
        lookups = 0;
        misses = 0;
      }
      int index = offset >>> shift;
      int slot = index & (cached.length - 1);
      Block b = cached[slot];
      if (b != null && b.start >>> shift == index) {
        return b;
      }
      misses++;
      int start = index << shift;
      byte[] bytes = new byte[Math.min(1 << shift, size - start)];
      src.read(fileOffset + start, bytes, 0, bytes.length);
      b = new Block(bytes, start);
      cached[slot] = b;
      return b;
    }
  }

  /** Bytes of a table from {@code start} on; never changed once read, so usable without the lock. */
  private record Block(byte[] bytes, int start) {}
}
