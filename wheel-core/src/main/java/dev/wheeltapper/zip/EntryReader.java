package dev.wheeltapper.zip;

import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The content pass: streams one entry's data exactly once, inflating it (raw deflate) or copying it (stored), while
 * computing its CRC-32 and feeding the same buffer to the caller's {@link ByteSink}s, so that inflate, CRC and a
 * RECORD hash happen in one pass. The reader never hands out more than the entry's declared uncompressed size or the
 * limits allow, and reports every defect as a finding in the {@link EntryReadResult}.
 *
 * <p>It works from a {@link ScannedEntry} of a {@link ZipScan} of the same file, reading at its data offset with
 * positional reads into one 64 KiB direct input buffer and one 64 KiB output array reused for every entry.
 *
 * <pre>{@code
 * try (FileChannel ch = FileChannel.open(path); EntryReader reader = new EntryReader(ch, ZipLimits.defaults())) {
 *   ZipScan scan = new ZipScanner().scan(ch);
 *   for (ScannedEntry e : scan.entries()) {
 *     MessageDigest sha = MessageDigest.getInstance("SHA-256");
 *     EntryReadResult r = reader.read(e, sha::update);
 *   }
 * }
 * }</pre>
 *
 * <p>Not thread-safe: use one reader per thread. Several readers may share one {@link java.nio.channels.FileChannel}.
 * The total uncompressed limit and the whole-archive ratio limit are counted per reader.
 */
public final class EntryReader implements AutoCloseable {
  static final int BUFFER_SIZE = 64 * 1024;

  private final ChannelSource src;
  private final ZipLimits limits;
  private final ByteBuffer in = ByteBuffer.allocateDirect(BUFFER_SIZE);
  private final byte[] out = new byte[BUFFER_SIZE];
  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private long totalProduced;

  /**
   * A reader with the default limits.
   *
   * @param channel the archive the entries were scanned from
   * @throws IOException when its size cannot be read
   */
  public EntryReader(SeekableByteChannel channel) throws IOException {
    this(channel, ZipLimits.defaults());
  }

  /**
   * A reader with the given limits.
   *
   * @param channel the archive the entries were scanned from
   * @param limits the limits to enforce while inflating
   * @throws IOException when its size cannot be read
   */
  public EntryReader(SeekableByteChannel channel, ZipLimits limits) throws IOException {
    this.src = new ChannelSource(Objects.requireNonNull(channel, "channel"));
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * The uncompressed bytes this reader has produced so far, over all entries.
   *
   * @return the total
   */
  public long totalProduced() {
    return totalProduced;
  }

  /**
   * Streams an entry with no cap beyond the limits.
   *
   * @param entry an entry of a scan of this reader's archive
   * @param sinks consumers of the uncompressed bytes, called in order for each buffer
   * @return what the pass found
   * @throws IOException when the archive cannot be read
   */
  public EntryReadResult read(ScannedEntry entry, ByteSink... sinks) throws IOException {
    return read(entry, Long.MAX_VALUE, sinks);
  }

  /**
   * Streams an entry, stopping after {@code maxBytes} (for example {@link ZipLimits#maxMetadataFileSize()} for a
   * metadata file read into memory).
   *
   * @param entry an entry of a scan of this reader's archive
   * @param maxBytes the most uncompressed bytes to hand to the sinks; more is a {@code zip.limit-exceeded} finding
   * @param sinks consumers of the uncompressed bytes, called in order for each buffer
   * @return what the pass found
   * @throws IOException when the archive cannot be read
   */
  public EntryReadResult read(ScannedEntry entry, long maxBytes, ByteSink... sinks) throws IOException {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(sinks, "sinks");
    String path = entry.name();
    List<Finding> findings = new ArrayList<>(1);
    if (!entry.readable()) {
      findings.add(Finding.error(Codes.ZIP_HEADER_MISMATCH, path,
          "The entry's data cannot be located because its local file header is missing or broken."));
      return new EntryReadResult(0, 0, 0, false, false, findings);
    }
    if (entry.isEncrypted()
        || (entry.method() != ScannedEntry.STORED && entry.method() != ScannedEntry.DEFLATED)) {
      findings.add(Finding.error(Codes.ZIP_UNSUPPORTED_METHOD, path,
          "The entry's data cannot be read: it is encrypted or uses compression method " + entry.method() + "."));
      return new EntryReadResult(0, 0, 0, false, false, findings);
    }
    long declared = entry.uncompressedSize();
    long cap = Math.max(0, maxBytes);
    String capReason = "the " + maxBytes + "-byte limit for this read";
    long ratioCap = limits.entryRatioCap(entry.compressedSize());
    if (ratioCap < cap) {
      cap = ratioCap;
      capReason = "the compression ratio limit of " + limits.maxEntryRatio();
    }
    long totalLeft = Math.max(0, limits.maxTotalUncompressed() - totalProduced);
    if (totalLeft < cap) {
      cap = totalLeft;
      capReason = "the total uncompressed limit of " + limits.maxTotalUncompressed() + " bytes";
    }
    long overallLeft = Math.max(0, limits.totalRatioCap(src.size()) - totalProduced);
    if (overallLeft < cap) {
      cap = overallLeft;
      capReason = "the overall compression ratio limit of " + limits.maxTotalRatio();
    }
    long stopAt = Math.min(declared, cap);

    crc.reset();
    Pass p = entry.method() == ScannedEntry.STORED
        ? stored(entry, stopAt, sinks)
        : deflated(entry, stopAt, sinks);
    totalProduced += p.produced;
    long actual = crc.getValue();

    boolean limitHit = false;
    if (p.overflow) {
      limitHit = true;
      if (stopAt == declared && declared <= cap) {
        findings.add(Finding.error(Codes.ZIP_HEADER_MISMATCH, path,
            "The entry inflates to more than its declared " + declared + " bytes."));
      } else {
        findings.add(Finding.error(Codes.ZIP_LIMIT_EXCEEDED, path,
            "Reading stopped after " + p.produced + " bytes at " + capReason + "."));
      }
    } else if (p.corrupt) {
      findings.add(Finding.error(Codes.ZIP_CRC_MISMATCH, path,
          "The entry's compressed data is corrupt and cannot be inflated, so its CRC-32 cannot match."));
    } else if (!p.finished) {
      findings.add(Finding.error(Codes.ZIP_HEADER_MISMATCH, path, p.eof
          ? "The entry's data is cut off by the end of the file."
          : "The entry's compressed data ends before its deflate stream does: the declared compressed size "
              + entry.compressedSize() + " is too small."));
    } else {
      if (p.unused > 0) {
        findings.add(Finding.error(Codes.ZIP_HEADER_MISMATCH, path, "The entry's deflate stream ends " + p.unused
            + " bytes before its declared compressed size of " + entry.compressedSize() + " bytes."));
      }
      if (p.produced != declared) {
        findings.add(Finding.error(Codes.ZIP_HEADER_MISMATCH, path, "The entry inflates to " + p.produced
            + " bytes but declares " + declared + "."));
      }
    }
    boolean complete = p.finished && !p.overflow && !p.corrupt;
    boolean crcOk = complete && actual == entry.crc32();
    if (complete && !crcOk) {
      findings.add(Finding.error(Codes.ZIP_CRC_MISMATCH, path, "The entry's data has CRC-32 0x"
          + Long.toHexString(actual) + " but the archive records 0x" + Long.toHexString(entry.crc32()) + "."));
    }
    return new EntryReadResult(p.produced, p.consumed, actual, crcOk, limitHit, findings);
  }

  /** The outcome of one loop. */
  private static final class Pass {
    long produced;
    long consumed;
    long unused;
    boolean finished;
    boolean overflow;
    boolean corrupt;
    boolean eof;
  }

  private Pass stored(ScannedEntry e, long stopAt, ByteSink[] sinks) throws IOException {
    Pass p = new Pass();
    long want = e.compressedSize();
    long pos = e.dataOffset();
    long toRead = Math.min(want, stopAt);
    ByteBuffer heap = ByteBuffer.wrap(out);
    while (p.produced < toRead) {
      heap.clear();
      int chunk = (int) Math.min(BUFFER_SIZE, toRead - p.produced);
      heap.limit(chunk);
      int n = src.read(heap, pos);
      if (n <= 0) {
        p.eof = true;
        return p;
      }
      crc.update(out, 0, n);
      for (ByteSink s : sinks) {
        s.accept(out, 0, n);
      }
      pos += n;
      p.produced += n;
      p.consumed += n;
    }
    p.overflow = want > stopAt;
    p.finished = !p.overflow;
    return p;
  }

  private Pass deflated(ScannedEntry e, long stopAt, ByteSink[] sinks) throws IOException {
    Pass p = new Pass();
    Inflater inf = inflater;
    inf.reset();
    long pos = e.dataOffset();
    long remaining = e.compressedSize();
    if (remaining == 0 && e.uncompressedSize() == 0) {
      // Some writers mark empty entries (directories) as deflated with no data at all: nothing to inflate.
      p.finished = true;
      return p;
    }
    int idle = 0;
    while (!inf.finished()) {
      if (inf.needsInput()) {
        if (remaining == 0) {
          break;
        }
        in.clear();
        if (remaining < BUFFER_SIZE) {
          in.limit((int) remaining);
        }
        int n = src.read(in, pos);
        if (n <= 0) {
          p.eof = true;
          break;
        }
        in.flip();
        pos += n;
        remaining -= n;
        p.consumed += n;
        inf.setInput(in);
      }
      int k;
      try {
        k = inf.inflate(out, 0, BUFFER_SIZE);
      } catch (DataFormatException ex) {
        p.corrupt = true;
        break;
      }
      if (k > 0) {
        idle = 0;
        if (k > stopAt - p.produced) {
          int allowed = (int) (stopAt - p.produced);
          feed(allowed, sinks);
          p.produced += allowed;
          p.overflow = true;
          return p;
        }
        feed(k, sinks);
        p.produced += k;
      } else if (inf.needsDictionary()) {
        p.corrupt = true;
        break;
      } else if (!inf.needsInput() && !inf.finished() && ++idle > 2) {
        // zlib made no progress with input and output space available: treat as corrupt rather than spin.
        p.corrupt = true;
        break;
      }
    }
    p.finished = inf.finished();
    if (p.finished) {
      p.unused = inf.getRemaining() + remaining;
    }
    return p;
  }

  private void feed(int n, ByteSink[] sinks) {
    if (n <= 0) {
      return;
    }
    crc.update(out, 0, n);
    for (ByteSink s : sinks) {
      s.accept(out, 0, n);
    }
  }

  /** Frees the inflater's native memory. */
  @Override
  public void close() {
    inflater.end();
  }
}
