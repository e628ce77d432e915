package dev.wheeltapper.macho;

import dev.wheeltapper.bytes.ByteSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Reads inside one slice ({@code base} .. {@code base + size}) of a {@link ByteSource}, bounds-checked. */
final class Rd {
  private final ByteSource src;
  private final long base;
  private final long size;
  private final ByteOrder order;

  Rd(ByteSource src, long base, long size, ByteOrder order) {
    this.src = src;
    this.base = base;
    this.size = size;
    this.order = order;
  }

  long size() {
    return size;
  }

  long base() {
    return base;
  }

  boolean contains(long off, long len) {
    return off >= 0 && len >= 0 && off <= size && len <= size - off;
  }

  ByteBuffer buf(long off, int len, String what) throws MachOFormatException {
    if (!contains(off, len)) {
      throw new MachOFormatException(base + Math.max(0, off), what + ": " + len + " bytes at slice offset " + off
          + " outside the " + size + "-byte slice");
    }
    try {
      return src.slice(base + off, len).order(order);
    } catch (IOException e) {
      MachOFormatException m = new MachOFormatException(base + off, what + ": " + e.getMessage());
      m.initCause(e);
      throw m;
    }
  }

  long u32(long off, String what) throws MachOFormatException {
    return buf(off, 4, what).getInt(0) & 0xffffffffL;
  }

  long u64(long off, String what) throws MachOFormatException {
    return buf(off, 8, what).getLong(0);
  }

  /** A fixed-size, NUL-padded name. */
  static String fixed(ByteBuffer b, int at, int len) {
    byte[] bytes = new byte[len];
    b.get(at, bytes);
    int n = 0;
    while (n < len && bytes[n] != 0) {
      n++;
    }
    return new String(bytes, 0, n, StandardCharsets.UTF_8);
  }

  /** A NUL-terminated string inside {@code [off, limit)}. */
  String cstring(long off, long limit, String what) throws MachOFormatException {
    long end = Math.min(limit, size);
    if (off < 0 || off >= end) {
      throw new MachOFormatException(base + Math.max(0, off), what + ": string outside its table");
    }
    int n = (int) Math.min(end - off, 4096);
    ByteBuffer b = buf(off, n, what);
    int len = 0;
    while (len < n && b.get(len) != 0) {
      len++;
    }
    if (len == n && n == 4096) {
      throw new MachOFormatException(base + off, what + ": string longer than 4096 bytes");
    }
    byte[] bytes = new byte[len];
    b.get(0, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
