package dev.wheeltapper.pe;

import dev.wheeltapper.bytes.ByteSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Little-endian reads from a {@link ByteSource}, each bounds-checked into a {@link PeFormatException}. */
final class Le {
  private final ByteSource src;

  Le(ByteSource src) {
    this.src = src;
  }

  long size() {
    return src.size();
  }

  ByteBuffer buf(long off, int len, String what) throws PeFormatException {
    if (!src.contains(off, len)) {
      throw new PeFormatException(off, what + ": " + len + " bytes past the end of the " + src.size() + "-byte file");
    }
    try {
      return src.slice(off, len).order(ByteOrder.LITTLE_ENDIAN);
    } catch (IOException e) {
      PeFormatException p = new PeFormatException(off, what + ": " + e.getMessage());
      p.initCause(e);
      throw p;
    }
  }

  int u8(long off, String what) throws PeFormatException {
    return buf(off, 1, what).get(0) & 0xff;
  }

  int u16(long off, String what) throws PeFormatException {
    return buf(off, 2, what).getShort(0) & 0xffff;
  }

  long u32(long off, String what) throws PeFormatException {
    return buf(off, 4, what).getInt(0) & 0xffffffffL;
  }

  long u64(long off, String what) throws PeFormatException {
    return buf(off, 8, what).getLong(0);
  }

  /** A NUL-terminated string of at most {@code max} bytes (the NUL may be missing at the end of the file). */
  String cstring(long off, int max, String what) throws PeFormatException {
    if (off < 0 || off >= src.size()) {
      throw new PeFormatException(off, what + ": string outside the file");
    }
    int n = (int) Math.min(max, src.size() - off);
    ByteBuffer b = buf(off, n, what);
    int len = 0;
    while (len < n && b.get(len) != 0) {
      len++;
    }
    if (len == n && n == max) {
      throw new PeFormatException(off, what + ": string longer than " + max + " bytes");
    }
    byte[] bytes = new byte[len];
    b.get(0, bytes);
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
