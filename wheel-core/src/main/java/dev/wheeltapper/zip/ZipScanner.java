package dev.wheeltapper.zip;

import dev.wheeltapper.report.Codes;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A raw, bounded scan of a ZIP archive's structure: end records, central directory, local headers, extra fields and
 * data descriptors, checked against each other and against the positions they really have.
 *
 * <p>It reads only headers (never entry data), with positional reads and small buffers, so files beyond 4 GiB work
 * and nothing is allocated from a declared size or count. Every defect is a {@link dev.wheeltapper.report.Finding}; a
 * file that is not a ZIP at all gives {@code zip.not-a-zip}. Only real I/O errors propagate, as {@link IOException}.
 * The checks and codes are listed in {@code docs/zip.md}. Entry data is streamed afterwards with an {@link
 * EntryReader}.
 *
 * <p>The scan is cut along APPNOTE 4.3, one package-private class per record: {@code EndOfCentralDirectoryRecord}
 * (4.3.16), {@code Zip64EndOfCentralDirectory} (4.3.14 record and 4.3.15 locator), {@code CentralDirectory} and
 * {@code CentralDirectoryFileHeader} (4.3.12), {@code LocalFileHeader} (4.3.7), {@code DataDescriptor} (4.3.9),
 * {@code ExtraFields} (4.5) with {@code Zip64ExtendedInformation} (0x0001) and {@code UnicodePathExtraField}
 * (0x7075), {@code EntryNameRules} for the entry-path rules and {@code ArchiveLayout} for overlaps, gaps and stray
 * end records.
 *
 * <p>When the strict scan accepts the archive, {@code ParserDifferential} reads it once more with Commons Compress and
 * reports every entry the two parsers see differently as {@code zip.parser-confusion}.
 *
 * <pre>{@code
 * ZipScan scan = new ZipScanner(ZipLimits.defaults()).scan(Path.of("pkg-1.0-py3-none-any.whl"));
 * scan.findings().forEach(f -> System.out.println(f.code() + " " + f.path() + ": " + f.message()));
 * }</pre>
 *
 * <p>Immutable and thread-safe: one scanner may scan many archives concurrently.
 */
public final class ZipScanner {
  private final ZipLimits limits;

  /** A scanner with {@link ZipLimits#defaults()}. */
  public ZipScanner() {
    this(ZipLimits.defaults());
  }

  /**
   * A scanner with the given limits.
   *
   * @param limits the reading limits
   */
  public ZipScanner(ZipLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * The limits this scanner applies.
   *
   * @return the limits
   */
  public ZipLimits limits() {
    return limits;
  }

  /**
   * Scans the archive at a path (opened read-only).
   *
   * @param path the archive
   * @return the scan
   * @throws IOException when the file cannot be read
   */
  public ZipScan scan(Path path) throws IOException {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      return scan(ch);
    }
  }

  /**
   * Scans the archive in a channel. A {@link FileChannel} is read with positional reads; another channel's position
   * is moved (under its lock) and not restored.
   *
   * @param channel the archive, open for reading
   * @return the scan
   * @throws IOException when the channel cannot be read
   */
  public ZipScan scan(SeekableByteChannel channel) throws IOException {
    Objects.requireNonNull(channel, "channel");
    ChannelSource src = new ChannelSource(channel);
    return ParserDifferential.addTo(strict(new ScanContext(src, limits)), src, limits);
  }

  /** The strict scan: end records, central directory with local headers, then the archive-wide checks. */
  static ZipScan strict(ScanContext ctx) throws IOException {
    EndOfCentralDirectoryRecord eocd = EndOfCentralDirectoryRecord.locate(ctx);
    if (eocd == null) {
      return ctx.result();
    }
    ctx.commentLength = eocd.commentLength();
    ctx.cdEnd = eocd.position();
    long z64 = Zip64EndOfCentralDirectory.locate(ctx, eocd.position());
    if (z64 >= 0) {
      ctx.cdEnd = z64;
      eocd = Zip64EndOfCentralDirectory.merge(ctx, eocd, z64);
    } else if (eocd.hasPlaceholders()) {
      ctx.error(Codes.ZIP_MALFORMED, "", "The end record holds ZIP64 placeholder values but there is no ZIP64 end"
          + " record locator before it.");
    }
    if (eocd.disk() != 0 || eocd.cdDisk() != 0 || eocd.diskEntries() != eocd.count()) {
      ctx.error(Codes.ZIP_MALFORMED, "", "The end record describes an archive split across disks (disk "
          + eocd.disk() + ", central directory disk " + eocd.cdDisk() + ", " + eocd.diskEntries() + " of "
          + eocd.count() + " entries on this disk).");
    }
    if (!CentralDirectory.locate(ctx, eocd.cdOffset(), eocd.cdSize(), eocd.count())) {
      ctx.complete = false;
      return ctx.result();
    }
    CentralDirectory.read(ctx, eocd.count(), eocd.cdSize());
    ArchiveLayout.checkEntries(ctx);
    EntryNameRules.checkArchive(ctx, ctx.entries);
    ArchiveLayout.checkOtherEndRecords(ctx);
    return ctx.result();
  }
}
