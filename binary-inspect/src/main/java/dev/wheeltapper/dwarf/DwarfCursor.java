package dev.wheeltapper.dwarf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A position inside one window of one DWARF section: fixed-size fields in the file's byte order, LEB128 numbers (ten
 * bytes at most) and NUL-terminated strings, each checked against the window's end before it is read. Every failure
 * is a {@link DwarfFormatException} naming the section and the offset. Not thread-safe: one per unit being read.
 */
final class DwarfCursor {
  private final ByteBuffer b;
  private final String section;
  private final int end;
  private int pos;

  DwarfCursor(ByteBuffer section, ByteOrder order, String name, long start, long end) throws DwarfFormatException {
    this.b = section.duplicate().order(order);
    this.section = name;
    if (start < 0 || end < start || end > b.limit()) {
      throw new DwarfFormatException(start, name + ": window " + start + ".." + end + " outside the " + b.limit()
          + "-byte section");
    }
    this.pos = (int) start;
    this.end = (int) end;
  }

  int position() {
    return pos;
  }

  int remaining() {
    return end - pos;
  }

  DwarfFormatException failure(String what) {
    return new DwarfFormatException(pos, section + ": " + what + " at offset 0x" + Integer.toHexString(pos));
  }

  private void need(long n, String what) throws DwarfFormatException {
    if (n < 0 || n > end - pos) {
      throw failure(what + " (" + Long.toUnsignedString(n) + " bytes) runs past the end");
    }
  }

  void skip(long n, String what) throws DwarfFormatException {
    need(n, what);
    pos += (int) n;
  }

  int u8(String what) throws DwarfFormatException {
    need(1, what);
    return b.get(pos++) & 0xff;
  }

  int u16(String what) throws DwarfFormatException {
    need(2, what);
    int v = b.getShort(pos) & 0xffff;
    pos += 2;
    return v;
  }

  int u24(String what) throws DwarfFormatException {
    need(3, what);
    int b0 = b.get(pos) & 0xff;
    int b1 = b.get(pos + 1) & 0xff;
    int b2 = b.get(pos + 2) & 0xff;
    pos += 3;
    return b.order() == ByteOrder.LITTLE_ENDIAN ? b0 | b1 << 8 | b2 << 16 : b2 | b1 << 8 | b0 << 16;
  }

  long u32(String what) throws DwarfFormatException {
    need(4, what);
    long v = b.getInt(pos) & 0xffffffffL;
    pos += 4;
    return v;
  }

  long u64(String what) throws DwarfFormatException {
    need(8, what);
    long v = b.getLong(pos);
    pos += 8;
    return v;
  }

  /** A section offset: 4 bytes in 32-bit DWARF, 8 in 64-bit DWARF. */
  long offset(boolean dwarf64, String what) throws DwarfFormatException {
    return dwarf64 ? u64(what) : u32(what);
  }

  /** An unsigned LEB128 of at most 10 bytes; bits beyond 64 are refused. */
  long uleb(String what) throws DwarfFormatException {
    long v = 0;
    for (int i = 0; i < 10; i++) {
      int x = u8(what);
      if (i == 9 && (x & 0x7e) != 0) {
        throw failure(what + ": ULEB128 larger than 64 bits");
      }
      v |= (long) (x & 0x7f) << (7 * i);
      if ((x & 0x80) == 0) {
        return v;
      }
    }
    throw failure(what + ": ULEB128 longer than 10 bytes");
  }

  /** A signed LEB128 of at most 10 bytes. */
  long sleb(String what) throws DwarfFormatException {
    long v = 0;
    int shift = 0;
    for (int i = 0; i < 10; i++) {
      int x = u8(what);
      v |= (long) (x & 0x7f) << shift;
      shift += 7;
      if ((x & 0x80) == 0) {
        if (shift < 64 && (x & 0x40) != 0) {
          v |= -1L << shift;
        }
        return v;
      }
    }
    throw failure(what + ": SLEB128 longer than 10 bytes");
  }

  /** An inline {@code DW_FORM_string}: up to its NUL, which must be inside the window. */
  String inlineString(int max, String what) throws DwarfFormatException {
    int start = pos;
    while (pos < end && b.get(pos) != 0) {
      pos++;
    }
    if (pos >= end) {
      pos = start;
      throw failure(what + ": string without its NUL");
    }
    String s = decode(b, start, pos - start, max);
    pos++;
    return s;
  }

  /**
   * The NUL-terminated string at {@code offset} in a string section ({@code .debug_str}, {@code .debug_line_str}),
   * cut at {@code max} bytes.
   */
  static String stringAt(ByteBuffer section, long offset, int max, String name) throws DwarfFormatException {
    if (offset < 0 || offset >= section.limit()) {
      throw new DwarfFormatException(offset, name + ": string offset 0x" + Long.toHexString(offset)
          + " outside the " + section.limit() + "-byte section");
    }
    int start = (int) offset;
    int p = start;
    int limit = section.limit();
    while (p < limit && section.get(p) != 0) {
      p++;
    }
    if (p >= limit) {
      throw new DwarfFormatException(offset, name + ": string at 0x" + Long.toHexString(offset) + " without its NUL");
    }
    return decode(section, start, p - start, max);
  }

  private static String decode(ByteBuffer b, int start, int length, int max) {
    byte[] bytes = new byte[Math.min(length, max)];
    b.get(start, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
