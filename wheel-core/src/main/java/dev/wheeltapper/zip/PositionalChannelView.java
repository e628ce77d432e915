package dev.wheeltapper.zip;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A read-only channel over a {@link ChannelSource} with a position of its own, for handing the scanned archive to a
 * second parser: closing it leaves the caller's channel open, and reading it leaves a {@link
 * java.nio.channels.FileChannel}'s position alone. The first I/O error of the source is kept, so that a real read
 * failure can be told apart from the second parser refusing the bytes. Not thread-safe.
 */
final class PositionalChannelView implements SeekableByteChannel {
  private final ChannelSource src;
  private long position;
  private boolean open = true;
  private IOException ioError;

  PositionalChannelView(ChannelSource src) {
    this.src = src;
  }

  /** The first I/O error the source raised through this view, or null. */
  IOException ioError() {
    return ioError;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    ensureOpen();
    if (position >= src.size()) {
      return dst.hasRemaining() ? -1 : 0;
    }
    int n;
    try {
      n = src.read(dst, position);
    } catch (IOException e) {
      if (ioError == null) {
        ioError = e;
      }
      throw e;
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
    return src.size();
  }

  @Override
  public SeekableByteChannel truncate(long size) {
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  /** Closes this view only; the scanned channel stays open. */
  @Override
  public void close() {
    open = false;
  }

  private void ensureOpen() throws ClosedChannelException {
    if (!open) {
      throw new ClosedChannelException();
    }
  }
}
