package dev.wheeltapper.zip;

/** Little-endian field access; 64-bit values past {@link Long#MAX_VALUE} saturate, as no file is that large. */
final class Bytes {
  private Bytes() {}

  /** The 16-bit placeholder that defers a value to the ZIP64 records (APPNOTE 4.4.1.4). */
  static final long MAX16 = 0xFFFF;
  /** The 32-bit placeholder that defers a value to the ZIP64 records (APPNOTE 4.4.1.4). */
  static final long MAX32 = 0xFFFFFFFFL;

  static int u16(byte[] b, int off) {
    return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
  }

  static long u32(byte[] b, int off) {
    return (b[off] & 0xFFL) | (b[off + 1] & 0xFFL) << 8 | (b[off + 2] & 0xFFL) << 16 | (b[off + 3] & 0xFFL) << 24;
  }

  static long u64(byte[] b, int off) {
    long v = u32(b, off) | u32(b, off + 4) << 32;
    return v < 0 ? Long.MAX_VALUE : v;
  }

  static boolean sig(byte[] b, int off, int signature) {
    return off >= 0 && off + 4 <= b.length && u32(b, off) == (signature & 0xFFFFFFFFL);
  }
}
