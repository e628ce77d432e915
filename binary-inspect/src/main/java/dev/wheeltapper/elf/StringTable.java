package dev.wheeltapper.elf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A bounded view of a string table: lookups past its end or without a terminating NUL give a (possibly cut) string
 * and record a defect, never read outside the table.
 */
final class StringTable {
  static final StringTable EMPTY = new StringTable(ByteBuffer.allocate(0), -1, "", null, 1);

  private final ByteBuffer buf;
  private final long fileOffset;
  private final String part;
  private final Defects defects;
  private final int maxLength;

  StringTable(ByteBuffer buf, long fileOffset, String part, Defects defects, int maxLength) {
    this.buf = buf;
    this.fileOffset = fileOffset;
    this.part = part;
    this.defects = defects;
    this.maxLength = maxLength;
  }

  /** The same table recording no defect, for decoding again names that were checked once. */
  StringTable quiet() {
    return defects == null ? this : new StringTable(buf, fileOffset, part, null, maxLength);
  }

  int size() {
    return buf.limit();
  }

  /** The string at {@code offset}, {@code ""} (with a defect) when the offset is out of range. */
  String get(long offset) {
    int size = buf.limit();
    if (offset < 0 || offset >= size) {
      if (offset != 0 || size != 0) {
        defect(offset, "string offset " + offset + " outside the string table of " + size + " bytes");
      }
      return "";
    }
    int start = (int) offset;
    int end = (int) Math.min(size, (long) start + maxLength);
    int i = start;
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

  private void defect(long offset, String reason) {
    if (defects != null) {
      defects.add(fileOffset >= 0 ? fileOffset + offset : -1, part, reason);
    }
  }
}
