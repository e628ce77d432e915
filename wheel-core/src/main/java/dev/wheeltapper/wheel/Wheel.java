package dev.wheeltapper.wheel;

import dev.wheeltapper.format.WheelFormatException;
import dev.wheeltapper.report.Codes;
import dev.wheeltapper.wheel.metadata.CoreMetadata;
import dev.wheeltapper.wheel.metadata.EntryPoints;
import dev.wheeltapper.wheel.metadata.WheelInfo;
import dev.wheeltapper.wheel.record.Record;
import dev.wheeltapper.wheel.record.RecordParseResult;
import dev.wheeltapper.wheel.record.RecordParser;
import dev.wheeltapper.zip.ScannedEntry;
import dev.wheeltapper.zip.ZipLimits;
import dev.wheeltapper.zip.ZipScan;
import dev.wheeltapper.zip.ZipScanner;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

// Slightly over 400 lines: it is the whole public reading API of a wheel (four open overloads, entries, six
// dist-info readers, three layout listings), each a few lines over ZipScanner, DistInfoFiles and EntryStream.
/**
 * An open wheel. Opening runs the strict structure scan of {@link ZipScanner}, the same the verifier and every command
 * run (central directory, every local header, overlaps, names, limits), and refuses an archive it finds an error in
 * with {@link ArchiveRefusedException} ({@link NotAZipException} when it is no ZIP at all), so no archive reads one
 * way here and another way there. An entry is inflated only when asked for, streamed from the offsets the scan
 * resolved; the dist-info files are read through {@link DistInfoFiles}, parsed on first use and then cached.
 *
 * <pre>{@code
 * try (Wheel wheel = Wheel.open(Path.of("python_mscl-67.0.1.0-cp313-cp313-manylinux2014_aarch64.whl"))) {
 *   WheelFilename name = wheel.filename();      // python_mscl 67.0.1.0, cp313-cp313-manylinux2014_aarch64
 *   DistInfoDirectory d = wheel.distInfo();     // python_mscl-67.0.1.0.dist-info
 *   CoreMetadata md = wheel.metadata();         // Name: python-mscl, Metadata-Version: 2.4
 *   for (RecordEntry row : wheel.record().entries()) {
 *     try (InputStream in = wheel.openEntry(row.path())) {
 *       // stream the entry
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>Errors are checked {@link WheelFormatException}s (see there for the hierarchy); a missing file is the usual
 * {@link java.nio.file.NoSuchFileException}. The scan reads with {@link ZipLimits#defaults()}; the metadata files
 * are read within {@link ReadLimits}.
 *
 * <p>Thread-safe: parsed results are computed under the wheel's lock, and several entries may be streamed at once
 * (each stream by one thread). Closing the wheel closes its channel and ends every open entry stream.
 */
public final class Wheel implements Closeable {

  private final SeekableByteChannel channel;
  private final String fileName;
  private final ReadLimits limits;
  private final List<ScannedEntry> scanned;
  private final List<WheelEntry> entries;
  private final Map<String, Integer> firstIndex = new HashMap<>();
  private final DistInfoFiles files;

  private CoreMetadata metadata;
  private WheelInfo wheelInfo;
  private Record record;
  private EntryPoints entryPoints;

  private Wheel(SeekableByteChannel channel, String fileName, ReadLimits limits, ZipScan scan) {
    this.channel = channel;
    this.fileName = fileName;
    this.limits = limits;
    this.scanned = scan.entries();
    this.entries = scanned.stream().map(WheelEntry::of).toList();
    for (int i = 0; i < scanned.size(); i++) {
      firstIndex.putIfAbsent(scanned.get(i).name(), i);
    }
    this.files = new DistInfoFiles(channel, scan, ZipLimits.defaults(), fileName);
  }

  /**
   * Opens a wheel file with the default {@link ReadLimits}.
   *
   * @param path the wheel
   * @return the open wheel; close it
   * @throws ArchiveRefusedException when the strict ZIP scan finds an error ({@link NotAZipException}: no ZIP at all)
   * @throws IOException when the file cannot be opened at all (for example {@link java.nio.file.NoSuchFileException})
   */
  public static Wheel open(Path path) throws IOException {
    return open(path, ReadLimits.defaults());
  }

  /**
   * Opens a wheel file.
   *
   * @param path the wheel
   * @param limits byte caps for the metadata files
   * @return the open wheel; close it
   * @throws ArchiveRefusedException when the strict ZIP scan finds an error ({@link NotAZipException}: no ZIP at all)
   * @throws IOException when the file cannot be opened at all
   */
  public static Wheel open(Path path, ReadLimits limits) throws IOException {
    Objects.requireNonNull(limits, "limits");
    Path name = path.getFileName();
    SeekableByteChannel channel = Files.newByteChannel(path, StandardOpenOption.READ);
    return open(channel, name == null ? path.toString() : name.toString(), limits);
  }

  /**
   * Opens a wheel from a channel with the default {@link ReadLimits}. The wheel takes ownership of the channel and
   * closes it when closed, or at once when opening fails.
   *
   * @param channel the archive bytes
   * @param fileName the wheel's file name (parsed by {@link #filename()}; used in messages)
   * @return the open wheel; close it
   * @throws ArchiveRefusedException when the strict ZIP scan finds an error ({@link NotAZipException}: no ZIP at all,
   *     or the channel cannot be read)
   */
  public static Wheel open(SeekableByteChannel channel, String fileName) throws ArchiveRefusedException {
    return open(channel, fileName, ReadLimits.defaults());
  }

  /**
   * Opens a wheel from a channel. The wheel takes ownership of the channel and closes it when closed, or at once when
   * opening fails.
   *
   * @param channel the archive bytes
   * @param fileName the wheel's file name
   * @param limits byte caps for the metadata files
   * @return the open wheel; close it
   * @throws ArchiveRefusedException when the strict ZIP scan finds an error ({@link NotAZipException}: no ZIP at all,
   *     or the channel cannot be read)
   */
  public static Wheel open(SeekableByteChannel channel, String fileName, ReadLimits limits)
      throws ArchiveRefusedException {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(limits, "limits");
    ZipScan scan;
    try {
      scan = new ZipScanner(ZipLimits.defaults()).scan(channel);
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel);
      throw new NotAZipException(fileName, e);
    }
    if (scan.hasErrors()) {
      closeQuietly(channel);
      boolean notAZip = scan.findings().stream().anyMatch(f -> f.isError() && f.code().equals(Codes.ZIP_NOT_A_ZIP));
      throw notAZip
          ? new NotAZipException(fileName, scan.findings())
          : new ArchiveRefusedException(fileName, scan.findings());
    }
    return new Wheel(channel, fileName, limits, scan);
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException e) {
      // Opening already failed; that failure is the one to report.
    }
  }

  /**
   * The file name the wheel was opened with.
   *
   * @return for example {@code foo-1.0-py3-none-any.whl}
   */
  public String fileName() {
    return fileName;
  }

  /**
   * The file name, parsed.
   *
   * @return the parsed name
   * @throws InvalidWheelFilenameException when the name breaks the wheel naming rules
   */
  public WheelFilename filename() throws InvalidWheelFilenameException {
    return WheelFilename.parse(fileName);
  }

  /**
   * The limits this wheel reads metadata files with.
   *
   * @return the limits
   */
  public ReadLimits limits() {
    return limits;
  }

  /**
   * Every central-directory entry, in central-directory order (duplicates included).
   *
   * @return the entries
   */
  public List<WheelEntry> entries() {
    return entries;
  }

  /**
   * The first entry with this exact name.
   *
   * @param name an entry name
   * @return the entry
   */
  public Optional<WheelEntry> entry(String name) {
    Integer i = firstIndex.get(name);
    return i == null ? Optional.empty() : Optional.of(entries.get(i));
  }

  /**
   * The distinct top-level directories whose names end with {@code .dist-info}, in order of first appearance.
   *
   * @return the names without trailing slash, possibly empty
   */
  public List<String> distInfoCandidates() {
    return DistInfoDirectory.candidates(entries.stream().map(WheelEntry::name).toList());
  }

  /**
   * The single top-level {@code NAME-VERSION.dist-info} directory. Whether its name matches the file name is a
   * verification question and not checked here.
   *
   * @return the directory
   * @throws DistInfoException when there is none, more than one, or its name is not {@code NAME-VERSION.dist-info}
   */
  public DistInfoDirectory distInfo() throws DistInfoException {
    return files.directory();
  }

  /**
   * Opens an entry's data as a stream, inflating as it is read. The stream yields at most the declared size and
   * checks size and CRC-32 at its end; every failure while reading surfaces as {@link EntryReadException}.
   *
   * @param name the entry name
   * @return the stream; close it
   * @throws EntryNotFoundException when there is no such entry
   * @throws EntryReadException when the wheel is closed
   */
  public InputStream openEntry(String name) throws WheelFormatException {
    Integer i = firstIndex.get(name);
    if (i == null) {
      throw new EntryNotFoundException(name);
    }
    if (!channel.isOpen()) {
      throw new EntryReadException(name, new ClosedChannelException());
    }
    return new EntryStream(channel, scanned.get(i));
  }

  /**
   * Reads a whole entry into memory, refusing more than {@code maxBytes}. The buffer grows with the bytes actually
   * read; the declared size is used only to refuse early.
   *
   * @param name the entry name
   * @param maxBytes the most bytes to accept, at most {@link ReadLimits#MAX_CAP}
   * @return the entry's bytes
   * @throws EntryNotFoundException when there is no such entry
   * @throws EntryTooLargeException when the entry declares or yields more than {@code maxBytes}
   * @throws EntryReadException when the data cannot be read or inflated
   */
  public byte[] readEntry(String name, int maxBytes) throws WheelFormatException {
    if (maxBytes < 0 || maxBytes > ReadLimits.MAX_CAP) {
      throw new IllegalArgumentException("maxBytes must be between 0 and " + ReadLimits.MAX_CAP + ": " + maxBytes);
    }
    WheelEntry e = entry(name).orElseThrow(() -> new EntryNotFoundException(name));
    if (e.size() > maxBytes) {
      throw EntryTooLargeException.declared(name, e.size(), maxBytes);
    }
    try (InputStream in = openEntry(name)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(8192, maxBytes + 1));
      byte[] buf = new byte[8192];
      long total = 0;
      while (true) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, (long) maxBytes + 1 - total));
        if (n < 0) {
          break;
        }
        total += n;
        if (total > maxBytes) {
          throw EntryTooLargeException.actual(name, maxBytes);
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (WheelFormatException ex) {
      throw ex;
    } catch (IOException ex) {
      throw new EntryReadException(name, ex);
    }
  }

  private byte[] readDistInfoFile(String file, int cap) throws WheelFormatException {
    return files.readTyped(distInfo().resolve(file), cap);
  }

  /**
   * The parsed {@code .dist-info/METADATA}, read with {@link ReadLimits#maxMetadataBytes()}.
   *
   * @return the core metadata
   * @throws DistInfoException when the {@code .dist-info} directory cannot be determined
   * @throws EntryNotFoundException when there is no METADATA
   * @throws dev.wheeltapper.wheel.metadata.MetadataFormatException when it is not UTF-8 or malformed
   * @throws WheelFormatException for a read failure or an exceeded limit
   */
  public synchronized CoreMetadata metadata() throws WheelFormatException {
    if (metadata == null) {
      metadata = CoreMetadata.parse(readDistInfoFile("METADATA", limits.maxMetadataBytes()));
    }
    return metadata;
  }

  /**
   * The parsed {@code .dist-info/WHEEL}, read with {@link ReadLimits#maxMetadataBytes()}.
   *
   * @return the WHEEL fields
   * @throws EntryNotFoundException when there is no WHEEL
   * @throws WheelFormatException as for {@link #metadata()}
   */
  public synchronized WheelInfo wheelInfo() throws WheelFormatException {
    if (wheelInfo == null) {
      wheelInfo = WheelInfo.parse(readDistInfoFile("WHEEL", limits.maxMetadataBytes()));
    }
    return wheelInfo;
  }

  /**
   * The strictly parsed {@code .dist-info/RECORD}, read with {@link ReadLimits#maxRecordBytes()}.
   *
   * @return the rows
   * @throws EntryNotFoundException when there is no RECORD
   * @throws dev.wheeltapper.wheel.record.RecordFormatException at the first malformed line
   * @throws WheelFormatException as for {@link #metadata()}
   */
  public synchronized Record record() throws WheelFormatException {
    if (record == null) {
      record = RecordParser.parse(readDistInfoFile("RECORD", limits.maxRecordBytes()));
    }
    return record;
  }

  /**
   * The leniently parsed {@code .dist-info/RECORD}: every good row and every malformed line, for a verifier that
   * reports each problem and goes on.
   *
   * @return rows and problems
   * @throws EntryNotFoundException when there is no RECORD
   * @throws WheelFormatException for a missing {@code .dist-info}, a read failure or an exceeded limit
   */
  public RecordParseResult recordLenient() throws WheelFormatException {
    return RecordParser.parseLenient(readDistInfoFile("RECORD", limits.maxRecordBytes()));
  }

  /**
   * The parsed {@code .dist-info/entry_points.txt}, read with {@link ReadLimits#maxMetadataBytes()}.
   *
   * @return the groups, or {@link EntryPoints#EMPTY} when the wheel has no entry_points.txt
   * @throws WheelFormatException as for {@link #metadata()}
   */
  public synchronized EntryPoints entryPoints() throws WheelFormatException {
    if (entryPoints == null) {
      entryPoints = entry(distInfo().resolve("entry_points.txt")).isPresent()
          ? EntryPoints.parse(readDistInfoFile("entry_points.txt", limits.maxMetadataBytes()))
          : EntryPoints.EMPTY;
    }
    return entryPoints;
  }

  /**
   * The files under {@code .dist-info/licenses/} (PEP 639), in central-directory order.
   *
   * @return the license files, possibly empty
   * @throws DistInfoException when the {@code .dist-info} directory cannot be determined
   */
  public List<DistInfoFile> licenseFiles() throws DistInfoException {
    return DistInfoFile.under(entries, distInfo().resolve("licenses/"));
  }

  /**
   * The files under {@code .dist-info/sboms/} (PEP 770), in central-directory order.
   *
   * @return the SBOM files, possibly empty
   * @throws DistInfoException when the {@code .dist-info} directory cannot be determined
   */
  public List<DistInfoFile> sboms() throws DistInfoException {
    return DistInfoFile.under(entries, distInfo().resolve("sboms/"));
  }

  /**
   * The files under {@code NAME-VERSION.data/} (named after the {@code .dist-info} directory), each mapped to its
   * install scheme; {@link DataEntry#scheme()} is empty for a scheme other than purelib, platlib, scripts, headers
   * and data, and {@link DataEntry#schemeKey()} is empty for a file directly in {@code .data/}.
   *
   * @return the data files in central-directory order, possibly empty
   * @throws DistInfoException when the {@code .dist-info} directory cannot be determined
   */
  public List<DataEntry> dataEntries() throws DistInfoException {
    return DataEntry.under(entries, distInfo().dataDirectory() + "/");
  }

  /**
   * Closes the archive and its channel.
   *
   * @throws IOException when closing the channel fails
   */
  @Override
  public void close() throws IOException {
    channel.close();
  }

  @Override
  public String toString() {
    return "Wheel[" + fileName + ", " + entries.size() + " entries]";
  }
}
