package dev.wheeltapper.bytes;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;

/**
 * Reads fixed-size fields inside one window ({@code base .. base + size}) of a {@link ByteSource}, in one byte order;
 * every read is bounds-checked against the window and fails with the format's own {@link BinaryFormatException}, which
 * names the absolute file offset and what was being read. The one bounded reader of the ELF, PE and Mach-O readers.
 *
 * <pre>{@code
 * BoundedReader<PeFormatException> r = BoundedReader.of(src, ByteOrder.LITTLE_ENDIAN, PeFormatException::new);
 * int machine = r.u16(peOffset + 4, "COFF Machine");
 * }</pre>
 *
 * <p>Immutable; thread-safe when its source is.
 *
 * @param <E> the format's exception
 */
public final class BoundedReader<E extends BinaryFormatException> {
  /** Makes the format's exception from an absolute file offset and a reason. */
  @FunctionalInterface
  public interface Failure<E extends BinaryFormatException> {
    /**
     * Creates the exception.
     *
     * @param offset the absolute file offset
     * @param reason what is wrong
     * @return the exception, not thrown
     */
    E at(long offset, String reason);
  }

  private final ByteSource src;
  private final long base;
  private final long size;
  private final ByteOrder order;
  private final Failure<E> failure;

  private BoundedReader(ByteSource src, long base, long size, ByteOrder order, Failure<E> failure) {
    this.src = src;
    this.base = base;
    this.size = size;
    this.order = order;
    this.failure = failure;
  }

  /**
   * A reader over the whole source.
   *
   * @param src the bytes
   * @param order the byte order of multi-byte fields
   * @param failure makes the format's exception
   * @param <E> the format's exception
   * @return the reader
   */
  public static <E extends BinaryFormatException> BoundedReader<E> of(
      ByteSource src, ByteOrder order, Failure<E> failure) {
    return new BoundedReader<>(src, 0, src.size(), order, failure);
  }

  /**
   * A reader over a window of this one (a Mach-O slice of a fat file, say), in a byte order of its own.
   *
   * @param offset the window's start, relative to this window
   * @param length the window's length
   * @param byteOrder the window's byte order
   * @return the reader
   * @throws E when the window does not lie inside this one
   */
  public BoundedReader<E> window(long offset, long length, ByteOrder byteOrder) throws E {
    if (!contains(offset, length)) {
      throw failure.at(base + Math.max(0, offset), length + "-byte window at offset " + offset
          + " outside the " + size + " bytes it was cut from");
    }
    return new BoundedReader<>(src, base + offset, length, byteOrder, failure);
  }

  /**
   * The window's length in bytes.
   *
   * @return the value
   */
  public long size() {
    return size;
  }

  /**
   * The window's start in the source.
   *
   * @return the value
   */
  public long base() {
    return base;
  }

  /**
   * The byte order of multi-byte fields.
   *
   * @return the value
   */
  public ByteOrder order() {
    return order;
  }

  /**
   * Whether {@code [offset, offset + length)} lies inside the window, without overflow.
   *
   * @param offset relative to the window
   * @param length in bytes
   * @return true when readable
   */
  public boolean contains(long offset, long length) {
    return offset >= 0 && length >= 0 && offset <= size && length <= size - offset;
  }

  /**
   * The exception for a problem at a window offset, for checks a format makes on values it has read.
   *
   * @param offset relative to the window
   * @param reason what is wrong
   * @return the exception, not thrown
   */
  public E failure(long offset, String reason) {
    return failure.at(base + Math.max(0, offset), reason);
  }

  /**
   * A read-only view of {@code length} bytes in the window's byte order.
   *
   * @param offset relative to the window
   * @param length at most the window's size
   * @param what the field, for the message
   * @return the bytes
   * @throws E when they lie outside the window or cannot be read
   */
  public ByteBuffer buf(long offset, int length, String what) throws E {
    if (!contains(offset, length)) {
      throw failure.at(base + Math.max(0, offset), what + ": " + length + " bytes at offset " + offset
          + " outside the " + size + "-byte " + (base == 0 ? "file" : "window"));
    }
    try {
      return src.slice(base + offset, length).order(order);
    } catch (IOException e) {
      E x = failure.at(base + offset, what + ": " + e.getMessage());
      x.initCause(e);
      throw x;
    }
  }

  /**
   * The unsigned byte at {@code offset}.
   *
   * @param offset relative to the window
   * @param what the field, for the message
   * @return the value
   * @throws E when it lies outside the window
   */
  public int u8(long offset, String what) throws E {
    return buf(offset, 1, what).get(0) & 0xff;
  }

  /**
   * The unsigned 16-bit field at {@code offset}.
   *
   * @param offset relative to the window
   * @param what the field, for the message
   * @return the value
   * @throws E when it lies outside the window
   */
  public int u16(long offset, String what) throws E {
    return buf(offset, 2, what).getShort(0) & 0xffff;
  }

  /**
   * The unsigned 32-bit field at {@code offset}.
   *
   * @param offset relative to the window
   * @param what the field, for the message
   * @return the value
   * @throws E when it lies outside the window
   */
  public long u32(long offset, String what) throws E {
    return buf(offset, 4, what).getInt(0) & 0xffffffffL;
  }

  /**
   * The 64-bit field at {@code offset} (unsigned values above 2^63 read negative).
   *
   * @param offset relative to the window
   * @param what the field, for the message
   * @return the value
   * @throws E when it lies outside the window
   */
  public long u64(long offset, String what) throws E {
    return buf(offset, 8, what).getLong(0);
  }

  /**
   * A NUL-terminated string starting at {@code offset} and ending before {@code limit} (relative to the window; the
   * NUL may be missing where the limit or the window ends), at most {@code max} bytes.
   *
   * @param offset relative to the window
   * @param limit where the string's table ends, relative to the window
   * @param max the longest string accepted
   * @param charset how the bytes are decoded
   * @param what the field, for the message
   * @return the string
   * @throws E when it starts outside the table or is longer than {@code max}
   */
  public String cstring(long offset, long limit, int max, Charset charset, String what) throws E {
    long end = Math.min(limit, size);
    if (offset < 0 || offset >= end) {
      throw failure.at(base + Math.max(0, offset), what + ": string outside its table");
    }
    int n = (int) Math.min(end - offset, max);
    ByteBuffer b = buf(offset, n, what);
    int len = 0;
    while (len < n && b.get(len) != 0) {
      len++;
    }
    if (len == n && n == max) {
      throw failure.at(base + offset, what + ": string longer than " + max + " bytes");
    }
    byte[] bytes = new byte[len];
    b.get(0, bytes);
    return new String(bytes, charset);
  }

  /**
   * A fixed-size, NUL-padded name (a PE section name, a Mach-O segment name).
   *
   * @param b the bytes holding it
   * @param at where it starts in {@code b}
   * @param length its fixed size
   * @param charset how the bytes are decoded
   * @return the name up to its first NUL
   */
  public static String fixed(ByteBuffer b, int at, int length, Charset charset) {
    byte[] bytes = new byte[length];
    b.get(at, bytes);
    int n = 0;
    while (n < length && bytes[n] != 0) {
      n++;
    }
    return new String(bytes, 0, n, charset);
  }
}
