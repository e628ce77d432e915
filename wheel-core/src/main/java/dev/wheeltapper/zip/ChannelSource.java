package dev.wheeltapper.zip;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;

/** Positional reads over a channel: {@link FileChannel} reads without moving a shared position. */
final class ChannelSource {
  private final SeekableByteChannel channel;
  private final FileChannel file;
  private final long size;

  ChannelSource(SeekableByteChannel channel) throws IOException {
    this.channel = channel;
    this.file = channel instanceof FileChannel f ? f : null;
    this.size = channel.size();
  }

  long size() {
    return size;
  }

  /**
   * Reads into {@code dst} from {@code pos} until it is full or the file ends.
   *
   * @return bytes read, fewer than asked only at the end of the file
   */
  int read(ByteBuffer dst, long pos) throws IOException {
    int start = dst.position();
    long p = pos;
    if (file != null) {
      while (dst.hasRemaining() && p < size) {
        int n = file.read(dst, p);
        if (n < 0) {
          break;
        }
        p += n;
      }
    } else {
      synchronized (channel) {
        channel.position(p);
        while (dst.hasRemaining() && p < size) {
          int n = channel.read(dst);
          if (n < 0) {
            break;
          }
          p += n;
        }
      }
    }
    return dst.position() - start;
  }

  /**
   * Reads up to {@code len} bytes at {@code pos} into {@code dst[off..]}.
   *
   * @return bytes read, fewer than asked only at the end of the file
   */
  int read(long pos, byte[] dst, int off, int len) throws IOException {
    if (pos < 0 || pos >= size || len <= 0) {
      return 0;
    }
    return read(ByteBuffer.wrap(dst, off, len), pos);
  }
}
