package dev.wheeltapper.wheel;

import dev.wheeltapper.zip.ScannedEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * One entry's data as a pull stream, read at the data offset and sizes the strict scan resolved (the same bytes the
 * verifier's {@link dev.wheeltapper.zip.EntryReader} reads), inflated as it is read. It never yields more than the
 * declared uncompressed size and checks size and CRC-32 at the end, so a lying entry is an {@link
 * EntryReadException}, never silently different bytes. Only stored and deflated entries reach it: the scan refuses
 * the rest.
 *
 * <p>Not thread-safe: one stream, one thread. Several streams may share the wheel's channel (positional reads on a
 * {@link FileChannel}, reads under the channel's lock otherwise).
 */
final class EntryStream extends InputStream {
  private static final int BUFFER = 8192;

  private final SeekableByteChannel channel;
  private final ScannedEntry entry;
  private final Inflater inflater;
  private final CRC32 crc = new CRC32();
  private final byte[] input = new byte[BUFFER];
  private final byte[] one = new byte[1];
  private long pos;
  private long compressedLeft;
  private long produced;
  private boolean done;
  private boolean closed;
  private int idle;

  EntryStream(SeekableByteChannel channel, ScannedEntry entry) {
    this.channel = channel;
    this.entry = entry;
    this.pos = entry.dataOffset();
    this.compressedLeft = entry.compressedSize();
    this.inflater = entry.method() == ScannedEntry.DEFLATED ? new Inflater(true) : null;
  }

  @Override
  public int read() throws IOException {
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    if (closed) {
      throw fail("the stream is closed");
    }
    if (done) {
      return -1;
    }
    if (len == 0) {
      return 0;
    }
    int n = inflater == null ? readStored(b, off, len) : readDeflated(b, off, len);
    if (n < 0) {
      finish();
      return -1;
    }
    produced += n;
    if (produced > entry.uncompressedSize()) {
      throw fail("the entry inflates to more than its declared " + entry.uncompressedSize() + " bytes");
    }
    crc.update(b, off, n);
    return n;
  }

  private int readStored(byte[] b, int off, int len) throws IOException {
    if (compressedLeft == 0) {
      return -1;
    }
    int n = readRaw(b, off, (int) Math.min(len, compressedLeft));
    compressedLeft -= n;
    return n;
  }

  private int readDeflated(byte[] b, int off, int len) throws IOException {
    if (compressedLeft == 0 && entry.uncompressedSize() == 0 && produced == 0 && inflater.getTotalIn() == 0) {
      return -1; // an empty entry some writers mark deflated with no data at all
    }
    while (true) {
      int k;
      try {
        k = inflater.inflate(b, off, len);
      } catch (DataFormatException e) {
        throw new EntryReadException(entry.name(), e);
      }
      if (k > 0) {
        idle = 0;
        return k;
      }
      if (inflater.finished()) {
        return -1;
      }
      if (inflater.needsDictionary()) {
        throw fail("the deflate stream asks for a preset dictionary");
      }
      if (inflater.needsInput()) {
        if (compressedLeft == 0) {
          throw fail("the compressed data ends before its deflate stream does");
        }
        int n = readRaw(input, 0, (int) Math.min(BUFFER, compressedLeft));
        compressedLeft -= n;
        inflater.setInput(input, 0, n);
      } else if (++idle > 2) {
        throw fail("the deflate stream makes no progress"); // zlib stalled with input and room: not a spin
      }
    }
  }

  /** Reads 1..len bytes at {@link #pos}; the end of the file before the entry's end is an error. */
  private int readRaw(byte[] b, int off, int len) throws IOException {
    ByteBuffer dst = ByteBuffer.wrap(b, off, len);
    int n;
    try {
      if (channel instanceof FileChannel f) {
        n = f.read(dst, pos);
      } else {
        synchronized (channel) {
          channel.position(pos);
          n = channel.read(dst);
        }
      }
    } catch (IOException e) {
      throw new EntryReadException(entry.name(), e);
    }
    if (n <= 0) {
      throw fail("the entry's data is cut off by the end of the file");
    }
    pos += n;
    return n;
  }

  private void finish() throws EntryReadException {
    done = true;
    if (inflater != null && inflater.getRemaining() + compressedLeft > 0) {
      throw fail("the deflate stream ends " + (inflater.getRemaining() + compressedLeft)
          + " bytes before the entry's declared compressed size of " + entry.compressedSize() + " bytes");
    }
    if (produced != entry.uncompressedSize()) {
      throw fail("the entry inflates to " + produced + " bytes but declares " + entry.uncompressedSize());
    }
    if (crc.getValue() != entry.crc32()) {
      throw fail("the entry's data has CRC-32 0x" + Long.toHexString(crc.getValue()) + " but the archive records 0x"
          + Long.toHexString(entry.crc32()));
    }
  }

  private EntryReadException fail(String why) {
    return new EntryReadException(entry.name(), new IOException(why));
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      if (inflater != null) {
        inflater.end();
      }
    }
  }
}
