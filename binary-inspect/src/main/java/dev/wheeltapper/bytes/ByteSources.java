package dev.wheeltapper.bytes;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Factories for {@link ByteSource}: a memory-mapped file, a byte buffer, or an input stream of known size.
 *
 * <pre>{@code
 * try (ByteSource src = ByteSources.fromStream(zipEntryStream, entrySize, ByteSources.DEFAULT_MEMORY_THRESHOLD)) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Stateless and thread-safe; the sources it returns are thread-safe.
 */
public final class ByteSources {
  /** Streams up to this size (64 MiB) are buffered in memory; larger ones are spilled to a temporary file. */
  public static final long DEFAULT_MEMORY_THRESHOLD = 64L << 20;

  private ByteSources() {}

  /**
   * Maps a file read-only. Files above 2 GiB are mapped in overlapping windows, so every offset is a {@code long}.
   *
   * @param file the file
   * @return the source; close it to release the file
   * @throws IOException when the file cannot be opened or mapped
   */
  public static ByteSource map(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
    try {
      return new MappedSource(ch, null, false);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /**
   * Maps a file read-only, as {@link #map(Path)}, and unmaps it when the source is closed instead of when the
   * collector finds the mapping unreachable: the pages the reader touched leave the resident set at once (issue 19;
   * a mapping that outlived a young collection stays until a full one, which a small heap may not run for minutes).
   * The price is the contract: no buffer handed out by {@link ByteSource#slice} may be used after {@link
   * ByteSource#close()}, and the source must not be closed while another thread reads it. Where the JVM offers no way
   * to unmap ({@code sun.misc.Unsafe} missing), the mapping is left to the collector as with {@link #map(Path)}.
   *
   * <pre>{@code
   * try (ElfFile elf = ElfFile.of(ByteSources.mapUntilClosed(spilled), ElfLimits.defaults())) {
   *   BinaryInspection b = BinaryInspector.forPath(name).inspect(elf);   // results hold no buffer
   * }
   * }</pre>
   *
   * @param file the file
   * @return the source; close it to unmap and release the file
   * @throws IOException when the file cannot be opened or mapped
   */
  public static ByteSource mapUntilClosed(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
    try {
      return new MappedSource(ch, null, true);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /**
   * Wraps a buffer: its bytes between position and limit, without copying. The buffer must not be modified while the
   * source is in use; the caller's position, limit and order are left untouched.
   *
   * @param buffer the bytes
   * @return the source
   */
  public static ByteSource of(ByteBuffer buffer) {
    return new BufferSource(buffer.slice());
  }

  /**
   * Wraps an array without copying; the array must not be modified while the source is in use.
   *
   * @param bytes the bytes
   * @return the source
   */
  public static ByteSource of(byte[] bytes) {
    return new BufferSource(ByteBuffer.wrap(bytes));
  }

  /**
   * Reads exactly {@code size} bytes from a stream (for example a ZIP entry whose size the central directory gives)
   * into memory when {@code size <= memoryThreshold}, otherwise into a temporary file that is mapped and deleted when
   * the source is closed. The stream is read, not closed.
   *
   * @param in the stream
   * @param size the number of bytes the stream must deliver
   * @param memoryThreshold the largest size buffered in memory
   * @return the source
   * @throws EOFException when the stream ends early or holds more than {@code size} bytes
   * @throws IOException when reading or spilling fails
   */
  public static ByteSource fromStream(InputStream in, long size, long memoryThreshold) throws IOException {
    return fromStream(in, size, memoryThreshold, null);
  }

  /**
   * As {@link #fromStream(InputStream, long, long)}, spilling into a given directory.
   *
   * @param in the stream
   * @param size the number of bytes the stream must deliver
   * @param memoryThreshold the largest size buffered in memory
   * @param tempDir where a spilled file goes; {@code null} for the default temporary directory
   * @return the source
   * @throws EOFException when the stream ends early or holds more than {@code size} bytes
   * @throws IOException when reading or spilling fails
   */
  public static ByteSource fromStream(InputStream in, long size, long memoryThreshold, Path tempDir)
      throws IOException {
    Objects.requireNonNull(in, "in");
    if (size < 0) {
      throw new EOFException("negative size " + size);
    }
    if (size <= memoryThreshold && size <= Integer.MAX_VALUE - 16) {
      byte[] buf = in.readNBytes((int) size);
      if (buf.length != size) {
        throw new EOFException("stream ended after " + buf.length + " of " + size + " bytes");
      }
      if (in.read() != -1) {
        throw new EOFException("stream holds more than the declared " + size + " bytes");
      }
      return of(buf);
    }
    Path tmp = tempDir == null
        ? Files.createTempFile("wheeltapper-", ".bin")
        : Files.createTempFile(tempDir, "wheeltapper-", ".bin");
    try {
      long copied = 0;
      byte[] chunk = new byte[1 << 16];
      try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
        while (copied < size) {
          int n = in.read(chunk, 0, (int) Math.min(chunk.length, size - copied));
          if (n < 0) {
            throw new EOFException("stream ended after " + copied + " of " + size + " bytes");
          }
          out.write(chunk, 0, n);
          copied += n;
        }
      }
      if (in.read() != -1) {
        throw new EOFException("stream holds more than the declared " + size + " bytes");
      }
      FileChannel ch = FileChannel.open(tmp, StandardOpenOption.READ);
      try {
        return new MappedSource(ch, tmp, false);
      } catch (IOException | RuntimeException e) {
        ch.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }

  /** A heap or direct buffer. */
  private static final class BufferSource implements ByteSource {
    private final ByteBuffer buf;

    BufferSource(ByteBuffer buf) {
      this.buf = buf.asReadOnlyBuffer();
    }

    @Override
    public long size() {
      return buf.capacity();
    }

    @Override
    public ByteBuffer slice(long offset, int length) throws EOFException {
      ByteSource.checkRange(offset, length, buf.capacity());
      return buf.slice((int) offset, length).order(ByteOrder.BIG_ENDIAN);
    }
  }

  /**
   * A mapped file. Up to {@link #WINDOW} + {@link #OVERLAP} bytes it is one mapping; beyond, windows start every
   * {@link #WINDOW} bytes and extend {@link #OVERLAP} bytes into the next one, so any slice up to OVERLAP bytes is a
   * view; longer slices crossing a window end are copied with positional reads.
   */
  private static final class MappedSource implements ByteSource {
    static final long WINDOW = 1L << 30;
    static final long OVERLAP = 64L << 20;
    private final FileChannel channel;
    private final Path deleteOnClose;
    private final long size;
    private final MappedByteBuffer[] windows;
    private final boolean unmapOnClose;

    MappedSource(FileChannel channel, Path deleteOnClose, boolean unmapOnClose) throws IOException {
      this.channel = channel;
      this.deleteOnClose = deleteOnClose;
      this.unmapOnClose = unmapOnClose;
      this.size = channel.size();
      if (size <= WINDOW + OVERLAP) {
        windows = new MappedByteBuffer[] {channel.map(FileChannel.MapMode.READ_ONLY, 0, size)};
      } else {
        windows = new MappedByteBuffer[(int) ((size + WINDOW - 1) / WINDOW)];
      }
    }

    @Override
    public long size() {
      return size;
    }

    private MappedByteBuffer window(int i) throws IOException {
      synchronized (windows) {
        MappedByteBuffer w = windows[i];
        if (w == null) {
          long start = i * WINDOW;
          w = channel.map(FileChannel.MapMode.READ_ONLY, start, Math.min(WINDOW + OVERLAP, size - start));
          windows[i] = w;
        }
        return w;
      }
    }

    @Override
    public ByteBuffer slice(long offset, int length) throws IOException {
      ByteSource.checkRange(offset, length, size);
      if (windows.length == 1) {
        return windows[0].slice((int) offset, length).asReadOnlyBuffer().order(ByteOrder.BIG_ENDIAN);
      }
      int index = (int) (offset / WINDOW);
      long within = offset - index * WINDOW;
      MappedByteBuffer w = window(index);
      if (within + length <= w.capacity()) {
        return w.slice((int) within, length).asReadOnlyBuffer().order(ByteOrder.BIG_ENDIAN);
      }
      ByteBuffer copy = ByteBuffer.allocate(length);
      while (copy.hasRemaining()) {
        int n = channel.read(copy, offset + copy.position());
        if (n < 0) {
          throw new EOFException("file shrank below " + (offset + length) + " bytes");
        }
      }
      return copy.flip().asReadOnlyBuffer().order(ByteOrder.BIG_ENDIAN);
    }

    /**
     * A positional read ({@code pread}), not a copy out of the mapping: the file's pages stay in the page cache and do
     * not join this process's resident set, so a scan over a large binary costs no resident memory (issue 19).
     */
    @Override
    public void read(long offset, byte[] dst, int dstOffset, int length) throws IOException {
      if (dstOffset < 0 || length < 0 || dstOffset > dst.length - length) {
        throw new EOFException("destination range " + dstOffset + "+" + length + " outside array of " + dst.length);
      }
      ByteSource.checkRange(offset, length, size);
      ByteBuffer to = ByteBuffer.wrap(dst, dstOffset, length);
      while (to.hasRemaining()) {
        if (channel.read(to, offset + (to.position() - dstOffset)) < 0) {
          throw new EOFException("file shrank below " + (offset + length) + " bytes");
        }
      }
    }

    @Override
    public void close() throws IOException {
      try {
        channel.close();
        if (unmapOnClose) {
          synchronized (windows) {
            for (int i = 0; i < windows.length; i++) {
              if (windows[i] != null) {
                Unmapper.unmap(windows[i]);
                windows[i] = null;
              }
            }
          }
        }
      } finally {
        if (deleteOnClose != null) {
          Files.deleteIfExists(deleteOnClose);
        }
      }
    }
  }

  /** Unmaps a mapping now, through {@code sun.misc.Unsafe.invokeCleaner} found by reflection (no compile-time use). */
  private static final class Unmapper {
    private static final java.lang.invoke.MethodHandle INVOKE_CLEANER = find();

    private Unmapper() {}

    private static java.lang.invoke.MethodHandle find() {
      try {
        Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
        java.lang.reflect.Field f = unsafeClass.getDeclaredField("theUnsafe");
        f.setAccessible(true);
        Object unsafe = f.get(null);
        return java.lang.invoke.MethodHandles.lookup()
            .findVirtual(unsafeClass, "invokeCleaner",
                java.lang.invoke.MethodType.methodType(void.class, ByteBuffer.class))
            .bindTo(unsafe);
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null; // the collector unmaps instead
      }
    }

    static void unmap(MappedByteBuffer buffer) {
      if (INVOKE_CLEANER == null) {
        return;
      }
      ByteBuffer whole = buffer; // invokeExact needs the handle's exact parameter type
      try {
        INVOKE_CLEANER.invokeExact(whole);
      } catch (RuntimeException | LinkageError e) {
        // a slice or an already-released buffer: the collector unmaps it instead
      } catch (Error e) {
        throw e;
      } catch (Throwable e) { // invokeExact declares Throwable
        throw new IllegalStateException(e);
      }
    }
  }
}
