package dev.wheeltapper.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A read-only view of a channel that another owner closes: closing the view leaves the channel open (a second look
 * into an archive the caller still holds). Not thread-safe, like the channels it wraps.
 */
final class NonClosingChannel implements SeekableByteChannel {
  private final SeekableByteChannel in;
  private boolean open = true;

  NonClosingChannel(SeekableByteChannel in) {
    this.in = in;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    check();
    return in.read(dst);
  }

  @Override
  public int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  @Override
  public long position() throws IOException {
    check();
    return in.position();
  }

  @Override
  public SeekableByteChannel position(long newPosition) throws IOException {
    check();
    in.position(newPosition);
    return this;
  }

  @Override
  public long size() throws IOException {
    check();
    return in.size();
  }

  @Override
  public SeekableByteChannel truncate(long size) {
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return open && in.isOpen();
  }

  @Override
  public void close() {
    open = false;
  }

  private void check() throws ClosedChannelException {
    if (!isOpen()) {
      throw new ClosedChannelException();
    }
  }
}
