package dev.wheeltapper.bytes;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A bounded, random-access, read-only sequence of bytes: a memory-mapped file, a byte buffer, or a stream spilled to
 * memory or to a temporary file. Offsets are {@code long}, so files larger than 2 GiB are addressable; every read is
 * checked against {@link #size()} and fails with a checked {@link EOFException} instead of reading past the end.
 *
 * <pre>{@code
 * try (ByteSource src = ByteSources.map(Path.of("libfoo.so"))) {
 *   ByteBuffer ident = src.slice(0, 16);
 * }
 * }</pre>
 *
 * <p>Implementations are thread-safe: {@link #slice} returns an independent buffer on every call, and the source is
 * never modified. Closing releases the file handle (and deletes a spilled temporary file); buffers handed out before
 * must not be used afterwards.
 */
public interface ByteSource extends Closeable {

  /**
   * The number of bytes.
   *
   * @return the size, never negative
   */
  long size();

  /**
   * A read-only view (or, where the bytes are not contiguous in memory, a copy) of {@code length} bytes starting at
   * {@code offset}, positioned at 0 with big-endian byte order.
   *
   * @param offset the first byte
   * @param length how many bytes
   * @return a buffer with {@code remaining() == length}
   * @throws EOFException when {@code offset} or {@code length} is negative or the range ends past {@link #size()}
   * @throws IOException when the underlying file cannot be read
   */
  ByteBuffer slice(long offset, int length) throws IOException;

  /**
   * Whether {@code [offset, offset + length)} lies inside the source, without overflow.
   *
   * @param offset the first byte
   * @param length how many bytes
   * @return true when a {@link #slice} of that range would succeed
   */
  default boolean contains(long offset, long length) {
    return offset >= 0 && length >= 0 && offset <= size() && length <= size() - offset;
  }

  /**
   * Copies bytes into an array. A mapped file's source reads them with a positional read rather than through the
   * mapping, so scans over large ranges (read-only data, function prologues, paged string tables) leave the process's
   * resident set alone; {@link #slice} is the way to a view.
   *
   * @param offset the first byte
   * @param dst the destination
   * @param dstOffset where to write in {@code dst}
   * @param length how many bytes
   * @throws EOFException when the range ends past {@link #size()} or does not fit {@code dst}
   * @throws IOException when the underlying file cannot be read
   */
  default void read(long offset, byte[] dst, int dstOffset, int length) throws IOException {
    if (dstOffset < 0 || length < 0 || dstOffset > dst.length - length) {
      throw new EOFException("destination range " + dstOffset + "+" + length + " outside array of " + dst.length);
    }
    slice(offset, length).get(dst, dstOffset, length);
  }

  /** Releases the source; the default does nothing. */
  @Override
  default void close() throws IOException {}

  /**
   * The standard range check of {@link #slice}, for implementations.
   *
   * @param offset the first byte
   * @param length how many bytes
   * @param size the source size
   * @throws EOFException when the range is outside {@code [0, size)}
   */
  static void checkRange(long offset, long length, long size) throws EOFException {
    if (offset < 0 || length < 0 || offset > size || length > size - offset) {
      throw new EOFException("range " + offset + "+" + length + " outside source of " + size + " bytes");
    }
  }
}
