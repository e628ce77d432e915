package dev.wheeltapper.wheel;

import dev.wheeltapper.format.WheelFormatException;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.zip.EntryReadResult;
import dev.wheeltapper.zip.EntryReader;
import dev.wheeltapper.zip.ScannedEntry;
import dev.wheeltapper.zip.ZipLimits;
import dev.wheeltapper.zip.ZipScan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dist-info reading of one scanned archive, written once for {@link Wheel} (the model) and the verifier (the
 * checks): it locates the single top-level {@code NAME-VERSION.dist-info} directory among the strict scan's entries
 * and reads its small files (WHEEL, METADATA, RECORD, entry_points.txt, RECORD.jws, RECORD.p7s) whole, each within a
 * byte cap, through the same {@link EntryReader} as the content pass. A file read in full is kept, so that the
 * content pass hashes it from memory instead of inflating it a second time.
 *
 * <pre>{@code
 * ZipScan scan = new ZipScanner(limits).scan(channel);
 * DistInfoFiles files = new DistInfoFiles(channel, scan, limits, "foo-1.0-py3-none-any.whl");
 * DistInfoDirectory d = files.directory();                    // foo-1.0.dist-info
 * ScannedEntry wheel = files.entry(d.resolve("WHEEL")).orElseThrow();
 * DistInfoFiles.FileRead r = files.read(wheel, 1 << 20);
 * if (r.bytes().isPresent()) { WheelInfo.parse(r.bytes().get()); } else { r.findings(); }
 * }</pre>
 *
 * <p>Thread-safe: reads are serialised under this object's lock; {@link #kept} takes no lock. The channel stays the caller's to close.
 */
public final class DistInfoFiles {
  /** The signature files inside {@code .dist-info} that RECORD must not list. */
  public static final List<String> SIGNATURE_FILES = List.of("RECORD.jws", "RECORD.p7s");

  private final SeekableByteChannel channel;
  private final ZipScan scan;
  private final ZipLimits limits;
  private final String fileName;
  private final Map<String, ScannedEntry> byName;
  /** Concurrent: the content pass's workers look up every entry here without taking the lock. */
  private final Map<Integer, FileRead> whole = new ConcurrentHashMap<>();
  private DistInfoDirectory directory;

  /**
   * The dist-info reading of an archive.
   *
   * @param channel the archive the scan was made of; not closed here
   * @param scan the strict scan of it
   * @param limits the limits the files are inflated under
   * @param fileName the wheel's file name (used in messages)
   */
  public DistInfoFiles(SeekableByteChannel channel, ZipScan scan, ZipLimits limits, String fileName) {
    this.channel = Objects.requireNonNull(channel, "channel");
    this.scan = Objects.requireNonNull(scan, "scan");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.fileName = Objects.requireNonNull(fileName, "fileName");
    // Only the entries under top-level .dist-info directories: a million-entry archive costs no full name index.
    Map<String, ScannedEntry> index = new LinkedHashMap<>();
    for (ScannedEntry e : scan.entries()) {
      int slash = e.name().indexOf('/');
      if (slash > 0 && e.name().substring(0, slash).endsWith(".dist-info")) {
        index.putIfAbsent(e.name(), e);
      }
    }
    this.byName = index;
  }

  /**
   * The one top-level {@code NAME-VERSION.dist-info} directory, located on first use. Whether its name matches the
   * file name is a verification question and not checked here.
   *
   * @return the directory
   * @throws DistInfoException when there is none, more than one, or its name is not {@code NAME-VERSION.dist-info}
   */
  public synchronized DistInfoDirectory directory() throws DistInfoException {
    if (directory == null) {
      directory = DistInfoDirectory.locate(byName.keySet(), fileName);
    }
    return directory;
  }

  /**
   * The first entry with this exact name under a top-level {@code .dist-info} directory (duplicates are the scan's
   * {@code zip.duplicate-entry} findings).
   *
   * @param name an entry name, for example {@code directory().resolve("RECORD")}
   * @return the entry, or empty (also for any name outside a {@code .dist-info} directory)
   */
  public Optional<ScannedEntry> entry(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * Reads an entry whole, stopping after {@code maxBytes}. A read that reaches the end of the data with a matching
   * CRC-32 and within the cap is kept and given again on the next call, findings included.
   *
   * @param entry an entry of the scan
   * @param maxBytes the most uncompressed bytes to accept
   * @return the bytes when the read was complete and intact, and the read's findings either way
   * @throws IOException when the archive cannot be read
   */
  public synchronized FileRead read(ScannedEntry entry, long maxBytes) throws IOException {
    FileRead known = whole.get(entry.index());
    if (known != null) {
      return known;
    }
    if (!entry.readable() || entry.isEncrypted()
        || (entry.method() != ScannedEntry.STORED && entry.method() != ScannedEntry.DEFLATED)) {
      return new FileRead(Optional.empty(), List.of(), 0, false); // the scan says why
    }
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    EntryReadResult r;
    try (EntryReader reader = new EntryReader(channel, limits)) {
      r = reader.read(entry, maxBytes, sink::write);
    }
    if (r.limitHit() || !r.crcOk()) {
      return new FileRead(Optional.empty(), r.findings(), r.bytesProduced(), r.limitHit());
    }
    FileRead read = new FileRead(Optional.of(sink.toByteArray()), r.findings(), r.bytesProduced(), false);
    whole.put(entry.index(), read);
    return read;
  }

  /**
   * Reads a whole file for the model, a failure typed as {@link Wheel}'s readers throw it.
   *
   * @throws EntryNotFoundException when there is no such entry
   * @throws EntryTooLargeException when the entry declares or yields more than {@code cap}
   * @throws EntryReadException when the data cannot be read, is corrupt or contradicts its CRC-32 or size
   */
  byte[] readTyped(String name, int cap) throws WheelFormatException {
    ScannedEntry e = entry(name).orElseThrow(() -> new EntryNotFoundException(name));
    if (e.uncompressedSize() > cap) {
      throw EntryTooLargeException.declared(name, e.uncompressedSize(), cap);
    }
    FileRead r;
    try {
      r = read(e, cap);
    } catch (IOException ex) {
      throw new EntryReadException(name, ex);
    }
    if (r.bytes().isPresent()) {
      return r.bytes().get();
    }
    if (r.limitHit() && r.produced() >= cap) {
      throw EntryTooLargeException.actual(name, cap);
    }
    String why = r.findings().stream().filter(Finding::isError).map(Finding::message).findFirst()
        .orElse("the entry cannot be read");
    throw new EntryReadException(name, new IOException(why));
  }

  /**
   * The entry's earlier complete read, if {@link #read} made one: the content pass hashes these bytes from memory.
   *
   * @param index the entry's index in the scan
   * @return the kept read, or empty
   */
  public Optional<FileRead> kept(int index) {
    return Optional.ofNullable(whole.get(index));
  }

  /**
   * One whole-file read. The array in {@link #bytes()} is shared with later callers: do not modify it.
   *
   * @param bytes the content, when read completely with a matching CRC-32 and within the cap
   * @param findings what the read found (a CRC mismatch, a limit, corrupt data, ...), possibly empty
   * @param produced the uncompressed bytes read
   * @param limitHit whether reading stopped at the cap or another limit
   */
  public record FileRead(Optional<byte[]> bytes, List<Finding> findings, long produced, boolean limitHit) {
    /** Copies the findings. */
    public FileRead {
      Objects.requireNonNull(bytes, "bytes");
      findings = List.copyOf(findings);
    }
  }
}
