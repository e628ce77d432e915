package dev.wheeltapper.spark;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.util.Objects;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A read-only {@link SeekableByteChannel} over a Hadoop {@link FSDataInputStream}, so that the library's channel API
 * ({@code WheelAudit.audit(SeekableByteChannel, String)}) reads a wheel straight from HDFS, S3 (s3a) or any other
 * Hadoop file system, seeking as the ZIP reader needs and never holding the file.
 *
 * <p>Each read is a positional read ({@link FSDataInputStream#read(long, byte[], int, int)}) of at most {@value
 * #MAX_READ} bytes: memory is bounded by the caller's buffer, whatever the file's size. The size is the one the file
 * system reported when the channel was opened; a file that turns out shorter ends early (end of stream), and a
 * stream that stops making progress is an {@link IOException}, never a spin.
 *
 * <pre>{@code
 * try (HadoopChannel ch = HadoopChannel.open(fs, new Path("s3a://bucket/foo-1.0-py3-none-any.whl"))) {
 *   WheelAuditReport r = WheelAudit.defaults().audit(ch, "foo-1.0-py3-none-any.whl");
 * }
 * }</pre>
 *
 * <p>Not thread-safe (one position), as {@link SeekableByteChannel}s are not: the library reads a channel that is not
 * a {@code FileChannel} under its lock. Closing it closes the stream.
 */
public final class HadoopChannel implements SeekableByteChannel {
  /** The largest single read, in bytes. */
  public static final int MAX_READ = 1 << 16;

  private final FSDataInputStream in;
  private final long size;
  private final FileStatus status;
  private long position;
  private boolean open = true;
  /** For direct buffers only; heap buffers are read into in place. */
  private byte[] chunk;

  private HadoopChannel(FSDataInputStream in, FileStatus status) {
    this.in = in;
    this.status = status;
    this.size = status.getLen();
  }

  /**
   * Opens a file of a Hadoop file system for reading.
   *
   * @param fs the file system
   * @param path the file
   * @return the channel, positioned at 0
   * @throws IOException when the file cannot be found, is a directory, or cannot be opened
   */
  public static HadoopChannel open(FileSystem fs, Path path) throws IOException {
    Objects.requireNonNull(fs, "fs");
    Objects.requireNonNull(path, "path");
    FileStatus status = fs.getFileStatus(path);
    if (status.isDirectory()) {
      throw new IOException("not a file: " + path);
    }
    return new HadoopChannel(fs.open(path), status);
  }

  /**
   * The file's status when it was opened (its length is {@link #size()}).
   *
   * @return the status
   */
  public FileStatus status() {
    return status;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    ensureOpen();
    if (!dst.hasRemaining()) {
      return 0;
    }
    if (position >= size) {
      return -1;
    }
    int want = (int) Math.min(Math.min(dst.remaining(), MAX_READ), size - position);
    int n;
    if (dst.hasArray()) {
      n = in.read(position, dst.array(), dst.arrayOffset() + dst.position(), want);
      if (n > 0) {
        dst.position(dst.position() + n);
      }
    } else {
      if (chunk == null) {
        chunk = new byte[MAX_READ];
      }
      n = in.read(position, chunk, 0, want);
      if (n > 0) {
        dst.put(chunk, 0, n);
      }
    }
    if (n < 0) {
      return -1;
    }
    if (n == 0) {
      throw new EOFException("the stream returned no bytes at position " + position + " of " + size);
    }
    position += n;
    return n;
  }

  @Override
  public int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  @Override
  public long position() throws IOException {
    ensureOpen();
    return position;
  }

  @Override
  public SeekableByteChannel position(long newPosition) throws IOException {
    ensureOpen();
    if (newPosition < 0) {
      throw new IllegalArgumentException("negative position " + newPosition);
    }
    position = newPosition;
    return this;
  }

  @Override
  public long size() throws IOException {
    ensureOpen();
    return size;
  }

  @Override
  public SeekableByteChannel truncate(long newSize) {
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() throws IOException {
    if (open) {
      open = false;
      in.close();
    }
  }

  private void ensureOpen() throws ClosedChannelException {
    if (!open) {
      throw new ClosedChannelException();
    }
  }
}
