package dev.wheeltapper.verify;

import dev.wheeltapper.provenance.SignatureKind;
import dev.wheeltapper.provenance.SignatureResult;
import dev.wheeltapper.provenance.SignatureStatus;
import dev.wheeltapper.provenance.TrustPolicy;
import dev.wheeltapper.provenance.cms.RecordP7sVerifier;
import dev.wheeltapper.provenance.jws.RecordJwsVerifier;
import dev.wheeltapper.provenance.openpgp.OpenPgpVerifier;
import dev.wheeltapper.provenance.pep740.AttestationResult;
import dev.wheeltapper.provenance.pep740.Pep740Verifier;
import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.wheel.DistInfoDirectory;
import dev.wheeltapper.wheel.DistInfoException;
import dev.wheeltapper.wheel.InvalidWheelFilenameException;
import dev.wheeltapper.wheel.Tag;
import dev.wheeltapper.wheel.WheelFilename;
import dev.wheeltapper.wheel.metadata.CoreMetadata;
import dev.wheeltapper.wheel.metadata.MetadataFormatException;
import dev.wheeltapper.wheel.metadata.WheelInfo;
import dev.wheeltapper.wheel.record.HashFormatException;
import dev.wheeltapper.wheel.record.HashValue;
import dev.wheeltapper.wheel.record.Record;
import dev.wheeltapper.wheel.record.RecordEntry;
import dev.wheeltapper.wheel.record.RecordParseResult;
import dev.wheeltapper.wheel.record.RecordParser;
import dev.wheeltapper.wheel.record.RecordProblem;
import dev.wheeltapper.zip.ByteSink;
import dev.wheeltapper.zip.EntryPaths;
import dev.wheeltapper.zip.EntryReadResult;
import dev.wheeltapper.zip.EntryReader;
import dev.wheeltapper.zip.ScannedEntry;
import dev.wheeltapper.zip.ZipLimits;
import dev.wheeltapper.zip.ZipScan;
import dev.wheeltapper.zip.ZipScanner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

// Over 400 lines: one run holds the state of the single pass; issue 18 cuts it into dist-info consistency, RECORD,
// the content pass and signature dispatch.
/**
 * Verifies a wheel's integrity like the strictest installer, and stricter: ZIP structure (parser-confusion defences),
 * RECORD hashes and sizes, paths, and the consistency of file name, dist-info, WHEEL and METADATA. Problems with the
 * content are {@link Finding}s in the {@link VerificationReport}, never exceptions; only a file that cannot be read at
 * all throws {@link IOException}.
 *
 * <pre>{@code
 * WheelVerifier verifier = WheelVerifier.builder().parallelism(2).build();
 * VerificationReport report = verifier.verify(Path.of("foo-1.0-py3-none-any.whl"));
 * System.out.println(report.passed() ? "intact" : report.errors());
 * }</pre>
 *
 * <p>Each entry is inflated exactly once, with its CRC-32 and its RECORD hash fed from the same buffer; no entry is
 * held in memory (only METADATA, WHEEL and RECORD, each within {@link ZipLimits#maxMetadataFileSize()}). With a
 * parallelism above one, entries are verified concurrently; the report is identical either way. A signature, if any,
 * vouches for RECORD only: combine this report with the provenance checks.
 *
 * <p>Immutable and thread-safe: one verifier may verify many wheels at once. The input is never modified.
 */
public final class WheelVerifier {
  private static final Logger LOG = LoggerFactory.getLogger(WheelVerifier.class);

  /** Wheel-Version major versions this verifier understands. */
  static final int SUPPORTED_WHEEL_MAJOR = 1;

  private static final List<String> SIGNATURE_FILES = List.of("RECORD.jws", "RECORD.p7s");

  /** Signature files beside a wheel that are looked at; more is not a real layout. */
  private static final int MAX_SIDECARS = 64;
  /** Most tags one WHEEL Tag line expands to, and most kept over all lines (a hostile WHEEL costs no more). */
  private static final int MAX_TAGS_PER_LINE = WheelFilename.MAX_EXPANDED_TAGS;
  private static final int MAX_WHEEL_TAGS = 65_536;

  /** The largest signature file read beside a wheel (an attestation is a few KiB; the JSON parser caps at 4 MiB). */
  private static final long MAX_SIDECAR_BYTES = 4L << 20;

  private final ZipLimits limits;
  private final int parallelism;
  private final Optional<Executor> executor;
  private final TrustPolicy trust;

  private WheelVerifier(Builder b) {
    this.limits = b.limits;
    this.parallelism = b.parallelism;
    this.executor = Optional.ofNullable(b.executor);
    this.trust = b.trust;
  }

  /**
   * A verifier with the default limits, verifying entries one after another.
   *
   * @return the verifier
   */
  public static WheelVerifier defaults() {
    return builder().build();
  }

  /**
   * Starts configuring a verifier.
   *
   * @return a builder with the default limits and parallelism 1
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The limits this verifier applies.
   *
   * @return the limits
   */
  public ZipLimits limits() {
    return limits;
  }

  /**
   * Verifies the wheel at a path (opened read-only).
   *
   * @param wheel the wheel file
   * @return the report
   * @throws IOException when the file cannot be opened or read
   */
  public VerificationReport verify(Path wheel) throws IOException {
    Objects.requireNonNull(wheel, "wheel");
    try (FileChannel ch = FileChannel.open(wheel, StandardOpenOption.READ)) {
      Path name = wheel.getFileName();
      return new Run(ch, name == null ? wheel.toString() : name.toString(), Optional.of(wheel), null).run();
    }
  }

  /**
   * Verifies the wheel at a path and hands the inflated content of its file entries to a listener while doing so,
   * so that a caller (the binary audit) needs no second pass over the archive. The report is the same as
   * {@link #verify(Path)}'s.
   *
   * @param wheel the wheel file
   * @param listener told of each readable file entry before its content is read
   * @return the report
   * @throws IOException when the file cannot be opened or read
   */
  public VerificationReport verify(Path wheel, EntryListener listener) throws IOException {
    Objects.requireNonNull(wheel, "wheel");
    Objects.requireNonNull(listener, "listener");
    try (FileChannel ch = FileChannel.open(wheel, StandardOpenOption.READ)) {
      Path name = wheel.getFileName();
      return new Run(ch, name == null ? wheel.toString() : name.toString(), Optional.of(wheel), listener).run();
    }
  }

  /**
   * The content hook of {@link #verify(Path, EntryListener)}: told of each file entry whose data the verifier reads
   * (not of entries the structure scan found unreadable, encrypted or compressed with another method, nor of any
   * once the total inflation limit is spent), it may return a sink that receives the entry's inflated bytes from the
   * verifier's own buffer, exactly as they are checked against the CRC-32 and RECORD.
   *
   * <pre>{@code
   * verifier.verify(wheel, (path, index, declaredSize) -> path.endsWith(".so")
   *     ? Optional.of(mySink) : Optional.empty());
   * }</pre>
   *
   * <p>With parallelism above 1, {@link #entry} is called concurrently from the verifier's workers: implementations
   * must be thread-safe. Each sink is used by one thread, for one entry. Neither may throw: the verifier does not
   * guard against them.
   */
  @FunctionalInterface
  public interface EntryListener {
    /**
     * An entry's content is about to be read.
     *
     * @param path the entry name
     * @param index the entry's position in the central directory (entries may be read in any order)
     * @param declaredSize the uncompressed size the central directory declares (untrusted)
     * @return a sink for the content, or empty to let it pass
     */
    Optional<EntrySink> entry(String path, int index, long declaredSize);
  }

  /**
   * Receives one entry's inflated bytes, in order, then {@link #end}. The buffer handed to {@link #accept} is the
   * verifier's and is reused after the call returns.
   */
  public interface EntrySink extends ByteSink {
    /**
     * The entry is done.
     *
     * @param complete true when every byte was read and the CRC-32 matched; false when reading stopped at a limit or
     *     the data is corrupt (the report says why)
     */
    void end(boolean complete);
  }

  /**
   * Verifies a wheel read from a channel. A {@link FileChannel} is read with positional reads and may be verified in
   * parallel; any other channel is read sequentially.
   *
   * @param channel the wheel, open for reading; not closed
   * @param fileName the wheel's file name, checked against its content
   * @return the report
   * @throws IOException when the channel cannot be read
   */
  public VerificationReport verify(SeekableByteChannel channel, String fileName) throws IOException {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(fileName, "fileName");
    return new Run(channel, fileName, Optional.empty(), null).run();
  }

  /** One verification: the state of a single wheel's checks. */
  private final class Run {
    private final SeekableByteChannel channel;
    private final String fileName;
    private final CappedFindings findings = new CappedFindings(limits.maxFindings());
    private Optional<WheelFilename> filename = Optional.empty();
    private Optional<DistInfoDirectory> distInfo = Optional.empty();
    private Optional<WheelInfo> wheelInfo = Optional.empty();
    private Optional<CoreMetadata> metadata = Optional.empty();
    private Optional<Record> record = Optional.empty();
    /** Content already read in full (the small dist-info files), by entry index: not inflated a second time. */
    private final Map<Integer, byte[]> readWhole = new HashMap<>();
    private final Map<Integer, List<Finding>> readWholeFindings = new HashMap<>();

    private final Optional<Path> location;
    private final List<SignatureResult> signatures = new ArrayList<>();
    /** RECORD.jws / RECORD.p7s entries and their bytes, read with the other dist-info files. */
    private final Map<String, byte[]> signatureEntries = new java.util.LinkedHashMap<>();
    private byte[] recordBytes;
    /** The content hook, or null. */
    private final EntryListener listener;

    Run(SeekableByteChannel channel, String fileName, Optional<Path> location, EntryListener listener) {
      this.channel = channel;
      this.fileName = fileName;
      this.location = location;
      this.listener = listener;
    }

    VerificationReport run() throws IOException {
      long size = channel.size();
      ExecutorService own = null;
      Executor pool = executor.orElse(null);
      boolean parallel = parallelism > 1 && channel instanceof FileChannel;
      if (parallel && pool == null) {
        own = Executors.newFixedThreadPool(parallelism, r -> {
          Thread t = new Thread(r, "wheeltapper-verify");
          t.setDaemon(true);
          return t;
        });
        pool = own;
      }
      try {
        CompletableFuture<String> sha256 = parallel
            ? CompletableFuture.supplyAsync(() -> sha256Unchecked(), pool)
            : null;
        checkFilename();
        ZipScan scan = new ZipScanner(limits).scan(channel);
        findings.addAll(scan.findings());
        int checked = 0;
        long inflated = 0;
        if (!scan.findings(Codes.ZIP_NOT_A_ZIP).isEmpty()) {
          LOG.debug("{} is not a ZIP archive", fileName);
        } else {
          checkDistInfo(scan);
          RecordRows rows = readDistInfoFiles(scan);
          ContentResult content = checkContent(scan, rows, parallel ? pool : null);
          checked = content.checked;
          inflated = content.inflated;
        }
        String digest = sha256 == null ? sha256OfChannel() : join(sha256);
        checkSignatures(digest);
        return new VerificationReport(fileName, digest, size, filename, distInfo, wheelInfo, metadata, record,
            signatures, findings.toList(), checked, inflated);
      } finally {
        if (own != null) {
          own.shutdownNow();
        }
      }
    }

    // ---- file name, dist-info ------------------------------------------------------------------------------------

    private void checkFilename() {
      try {
        filename = Optional.of(WheelFilename.parse(fileName));
      } catch (InvalidWheelFilenameException e) {
        findings.add(Finding.error(Codes.WHEEL_FILENAME_INVALID, "", e.getMessage()));
      }
    }

    private void checkDistInfo(ZipScan scan) {
      List<String> names = scan.entries().stream().map(ScannedEntry::name).toList();
      try {
        DistInfoDirectory d = DistInfoDirectory.locate(names, fileName);
        distInfo = Optional.of(d);
        filename.ifPresent(f -> {
          if (!WheelFilename.normalizeName(d.distribution()).equals(f.normalizedName())) {
            findings.add(Finding.error(Codes.WHEEL_DIST_INFO_MISMATCH, d.name() + "/",
                "The .dist-info directory names the distribution '" + d.distribution() + "' but the file name says '"
                    + f.distribution() + "'."));
          }
          if (!WheelFilename.sameVersion(d.version(), f.version())) {
            findings.add(Finding.error(Codes.WHEEL_DIST_INFO_MISMATCH, d.name() + "/",
                "The .dist-info directory names version " + d.version() + " but the file name says " + f.version()
                    + "."));
          }
        });
      } catch (DistInfoException e) {
        // An archive read only in part (a limit stopped the scan) may hold its .dist-info beyond the stop: the
        // zip.limit-exceeded error says why, a "missing" here would be a false follow-on.
        if (scan.complete()) {
          findings.add(Finding.error(Codes.WHEEL_DIST_INFO_MISSING, "", e.getMessage()));
        }
      }
    }

    // ---- WHEEL, METADATA, RECORD ---------------------------------------------------------------------------------

    private RecordRows readDistInfoFiles(ZipScan scan) throws IOException {
      if (distInfo.isEmpty()) {
        return RecordRows.EMPTY;
      }
      DistInfoDirectory d = distInfo.get();
      RecordRows rows = RecordRows.EMPTY;
      Optional<ScannedEntry> recordEntry = scan.entry(d.resolve("RECORD"));
      if (recordEntry.isEmpty() && !scan.complete()) {
        // not seen, maybe not read: the limit finding stands alone
      } else if (recordEntry.isEmpty()) {
        findings.add(Finding.error(Codes.RECORD_MISSING, d.resolve("RECORD"),
            "The wheel has no RECORD file, so nothing vouches for its content."));
      } else {
        Optional<byte[]> bytes = readSmall(recordEntry.get());
        if (bytes.isPresent()) {
          recordBytes = bytes.get();
          rows = checkRecord(bytes.get(), d);
        }
      }
      for (String sig : SIGNATURE_FILES) {
        Optional<ScannedEntry> e = scan.entry(d.resolve(sig));
        if (e.isPresent()) {
          Optional<byte[]> bytes = readSmall(e.get());
          if (bytes.isPresent()) {
            signatureEntries.put(d.resolve(sig), bytes.get());
          } else {
            findings.add(Finding.error(Codes.SIGNATURE_INVALID, d.resolve(sig), sig + " cannot be read."));
          }
        }
      }
      checkWheelFile(scan, d);
      checkMetadata(scan, d);
      return rows;
    }

    private void checkWheelFile(ZipScan scan, DistInfoDirectory d) throws IOException {
      String path = d.resolve("WHEEL");
      Optional<ScannedEntry> e = scan.entry(path);
      if (e.isEmpty()) {
        if (scan.complete()) {
          findings.add(Finding.error(Codes.WHEEL_WHEEL_FILE_INVALID, path, "The wheel has no WHEEL file."));
        }
        return;
      }
      Optional<byte[]> bytes = readSmall(e.get());
      if (bytes.isEmpty()) {
        return;
      }
      WheelInfo info;
      try {
        info = WheelInfo.parse(bytes.get());
      } catch (MetadataFormatException ex) {
        findings.add(Finding.error(Codes.WHEEL_WHEEL_FILE_INVALID, path, "WHEEL cannot be read: " + ex.getMessage()));
        return;
      }
      wheelInfo = Optional.of(info);
      Optional<String> version = info.wheelVersion();
      if (version.isEmpty()) {
        findings.add(Finding.error(Codes.WHEEL_WHEEL_FILE_INVALID, path, "WHEEL has no Wheel-Version."));
      } else {
        String[] parts = version.get().trim().split("\\.", -1);
        int major;
        int minor;
        try {
          major = Integer.parseInt(parts[0]);
          minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        } catch (NumberFormatException ex) {
          major = -1;
          minor = 0;
        }
        if (major < 0 || parts.length > 2) {
          findings.add(Finding.error(Codes.WHEEL_WHEEL_FILE_INVALID, path,
              "WHEEL has an invalid Wheel-Version '" + version.get() + "'."));
        } else if (major != SUPPORTED_WHEEL_MAJOR) {
          findings.add(Finding.error(Codes.WHEEL_WHEEL_FILE_INVALID, path,
              "Wheel-Version " + version.get() + " is not supported: only 1.x wheels can be installed."));
        } else if (minor > 0) {
          findings.add(Finding.warning(Codes.WHEEL_NEWER_VERSION, path,
              "Wheel-Version " + version.get() + " is newer than 1.0; installers warn and go on."));
        }
      }
      if (info.rootIsPurelib().isEmpty()) {
        findings.add(Finding.error(Codes.WHEEL_WHEEL_FILE_INVALID, path,
            "WHEEL has no valid Root-Is-Purelib (true or false), so installers cannot tell where files go."));
      }
      filename.ifPresent(f -> checkTags(f, info, path));
    }

    /** Expands one {@code Tag} line's compressed sets ({@code py2.py3-none-any}), bounded as the file name's are. */
    private static void expandTagLine(String line, Set<String> into) {
      String[] parts = line.trim().split("-", -1);
      if (parts.length != 3) {
        into.add(line.trim());
        return;
      }
      String[] py = parts[0].split("\\.", -1);
      String[] abi = parts[1].split("\\.", -1);
      String[] plat = parts[2].split("\\.", -1);
      if ((long) py.length * abi.length * plat.length > MAX_TAGS_PER_LINE) {
        into.add(line.trim());
        return;
      }
      for (String p : py) {
        for (String a : abi) {
          for (String pl : plat) {
            into.add(p + "-" + a + "-" + pl);
          }
        }
      }
    }

    /**
     * The file name's tags against WHEEL's {@code Tag} lines, both expanded (maturin writes compressed tag sets in
     * WHEEL too). pip, installer and uv install by the file name's tags and never read {@code Tag}, so a difference
     * is a warning that says which side claims what.
     */
    private void checkTags(WheelFilename f, WheelInfo info, String path) {
      Set<String> fromName = new LinkedHashSet<>();
      for (Tag t : f.tags()) {
        fromName.add(t.toString());
      }
      Set<String> fromWheel = new LinkedHashSet<>();
      for (String line : info.tags()) {
        if (fromWheel.size() >= MAX_WHEEL_TAGS) {
          break;
        }
        expandTagLine(line, fromWheel);
      }
      if (fromWheel.isEmpty()) {
        findings.add(Finding.warning(Codes.WHEEL_TAG_MISMATCH, path, "WHEEL has no Tag lines (installers go by the"
            + " file name's tags " + fromName + ")."));
      } else if (!fromWheel.equals(fromName)) {
        Set<String> onlyName = new LinkedHashSet<>(fromName);
        onlyName.removeAll(fromWheel);
        Set<String> onlyWheel = new LinkedHashSet<>(fromWheel);
        onlyWheel.removeAll(fromName);
        findings.add(Finding.warning(Codes.WHEEL_TAG_MISMATCH, path,
            "The Tag lines of WHEEL and the file name claim different tags"
                + (onlyName.isEmpty() ? "" : "; only the file name claims " + onlyName)
                + (onlyWheel.isEmpty() ? "" : "; only WHEEL claims " + onlyWheel)
                + ". Installers go by the file name."));
      }
      Optional<String> nameBuild = f.build().map(b -> b.value());
      Optional<String> wheelBuild = info.build();
      if (wheelBuild.isPresent() && !wheelBuild.equals(nameBuild)) {
        // installers sort and install by the file name's build tag and never read WHEEL's Build line
        findings.add(Finding.warning(Codes.WHEEL_BUILD_MISMATCH, path,
            "WHEEL says Build: " + wheelBuild.get() + " but the file name's build tag is "
                + nameBuild.orElse("absent") + " (installers go by the file name)."));
      } else if (wheelBuild.isEmpty() && nameBuild.isPresent()) {
        findings.add(Finding.warning(Codes.WHEEL_BUILD_MISMATCH, path,
            "The file name has build tag " + nameBuild.get() + " but WHEEL has no Build line."));
      }
    }

    private void checkMetadata(ZipScan scan, DistInfoDirectory d) throws IOException {
      String path = d.resolve("METADATA");
      Optional<ScannedEntry> e = scan.entry(path);
      if (e.isEmpty()) {
        if (scan.complete()) {
          findings.add(Finding.error(Codes.METADATA_INVALID, path, "The wheel has no METADATA file."));
        }
        return;
      }
      Optional<byte[]> bytes = readSmall(e.get());
      if (bytes.isEmpty()) {
        return;
      }
      CoreMetadata md;
      try {
        md = CoreMetadata.parse(bytes.get());
      } catch (MetadataFormatException ex) {
        findings.add(Finding.error(Codes.METADATA_INVALID, path, "METADATA cannot be read: " + ex.getMessage()));
        return;
      }
      metadata = Optional.of(md);
      for (String required : List.of("Metadata-Version", "Name", "Version")) {
        if (md.get(required).filter(v -> !v.isBlank()).isEmpty()) {
          findings.add(Finding.error(Codes.METADATA_INVALID, path, "METADATA lacks the required field " + required + "."));
        }
      }
      filename.ifPresent(f -> {
        md.name().filter(n -> !n.isBlank()).ifPresent(n -> {
          if (!WheelFilename.normalizeName(n).equals(f.normalizedName())) {
            findings.add(Finding.error(Codes.METADATA_MISMATCH, path,
                "METADATA Name is '" + n + "' but the file name says '" + f.distribution() + "'."));
          }
        });
        md.version().filter(v -> !v.isBlank()).ifPresent(v -> {
          if (!WheelFilename.sameVersion(v, f.version())) {
            findings.add(Finding.error(Codes.METADATA_MISMATCH, path,
                "METADATA Version is " + v + " but the file name says " + f.version() + "."));
          }
        });
      });
    }

    private RecordRows checkRecord(byte[] bytes, DistInfoDirectory d) {
      String recordPath = d.resolve("RECORD");
      RecordParseResult parsed = RecordParser.parseLenient(bytes);
      record = Optional.of(parsed.record());
      for (RecordProblem p : parsed.problems()) {
        findings.add(Finding.error(Codes.RECORD_INVALID, p.path().orElse(recordPath),
            "RECORD line " + p.line() + ": " + p.reason()));
      }
      Map<String, RecordEntry> byPath = new HashMap<>();
      Map<String, byte[]> expected = new HashMap<>();
      int hexRows = 0;
      String hexExample = "";
      for (RecordEntry row : parsed.record().entries()) {
        String path = row.path();
        if (byPath.putIfAbsent(path, row) != null) {
          findings.add(Finding.error(Codes.RECORD_DUPLICATE_ROW, path, "RECORD lists " + path + " more than once."));
          continue;
        }
        List<String> unsafe = EntryPaths.problems(path);
        if (!unsafe.isEmpty()) {
          findings.add(Finding.error(Codes.RECORD_INVALID, path,
              "RECORD row path " + String.join(", ", unsafe) + "."));
        }
        String base = path.startsWith(d.name() + "/") ? path.substring(d.name().length() + 1) : null;
        if (base != null && SIGNATURE_FILES.contains(base)) {
          findings.add(Finding.error(Codes.RECORD_INVALID, path,
              base + " must not be listed in RECORD: a signature cannot cover the file that lists it."));
          continue;
        }
        if (path.equals(recordPath)) {
          if (row.hash().isPresent() || row.size().isPresent()) {
            findings.add(Finding.warning(Codes.RECORD_INVALID, path,
                "RECORD lists a hash or size for itself; the row should leave both empty."));
          }
          continue;
        }
        if (row.hash().isEmpty()) {
          findings.add(Finding.error(Codes.RECORD_NO_HASH, path, "RECORD lists " + path + " without a hash."));
          continue;
        }
        HashValue h = row.hash().get();
        Optional<String> refusal = RecordHash.refusal(h.algorithm());
        if (refusal.isPresent()) {
          findings.add(Finding.error(Codes.RECORD_WEAK_HASH, path, "RECORD hash of " + path + ": " + refusal.get() + "."));
          continue;
        }
        try {
          expected.put(path, h.decode());
        } catch (HashFormatException ex) {
          Optional<byte[]> hex = h.decodeHex();
          if (hex.isPresent()) {
            expected.put(path, hex.get()); // still pins the content: checked below, reported once as a warning
            if (hexRows++ == 0) {
              hexExample = path;
            }
          } else {
            findings.add(Finding.error(Codes.RECORD_INVALID, path, "RECORD hash of " + path + ": "
                + ex.getMessage()));
          }
        }
        if (row.size().isEmpty()) {
          findings.add(Finding.error(Codes.RECORD_INVALID, path, "RECORD lists a hash for " + path + " but no size."));
        }
      }
      if (hexRows > 0) {
        findings.add(Finding.warning(Codes.RECORD_INVALID, recordPath, "RECORD writes " + hexRows + " hash"
            + (hexRows == 1 ? "" : "es") + " (e.g. of " + hexExample + ") as hexadecimal digests, not the URL-safe"
            + " base64 of PEP 376; pip and uv never read them, and the content was checked against them."));
      }
      Set<String> malformed = new HashSet<>();
      for (RecordProblem p : parsed.problems()) {
        p.path().ifPresent(malformed::add); // already reported as record.invalid, not again as unlisted
      }
      return new RecordRows(byPath, malformed, expected, recordPath);
    }

    /** Reads a small dist-info file whole, within the metadata limit, remembering it for the content pass. */
    private Optional<byte[]> readSmall(ScannedEntry e) throws IOException {
      byte[] known = readWhole.get(e.index());
      if (known != null) {
        return Optional.of(known);
      }
      if (!e.readable() || e.isEncrypted()
          || (e.method() != ScannedEntry.STORED && e.method() != ScannedEntry.DEFLATED)) {
        return Optional.empty();
      }
      ByteArrayOutputStream sink = new ByteArrayOutputStream();
      EntryReadResult r;
      try (EntryReader reader = new EntryReader(channel, limits)) {
        r = reader.read(e, limits.maxMetadataFileSize(), sink::write);
      }
      readWholeFindings.put(e.index(), r.findings());
      if (r.limitHit() || !r.crcOk()) {
        // Not parsed; the content pass reads it again and reports why (only on this failure path).
        return Optional.empty();
      }
      byte[] bytes = sink.toByteArray();
      readWhole.put(e.index(), bytes);
      return Optional.of(bytes);
    }

    // ---- content -------------------------------------------------------------------------------------------------

    private ContentResult checkContent(ZipScan scan, RecordRows rows, Executor pool) throws IOException {
      List<ScannedEntry> files = scan.entries().stream().filter(e -> !e.isDirectory()).toList();
      AtomicReferenceArray<List<Finding>> perEntry = new AtomicReferenceArray<>(files.size());
      AtomicLong budget = new AtomicLong(limits.maxTotalUncompressed());
      AtomicLong inflated = new AtomicLong();
      AtomicInteger checked = new AtomicInteger();
      Set<String> present = new HashSet<>();
      for (ScannedEntry e : files) {
        present.add(e.name());
      }
      if (pool == null) {
        try (EntryReader reader = new EntryReader(channel, limits)) {
          for (int i = 0; i < files.size(); i++) {
            perEntry.set(i, checkEntry(reader, files.get(i), rows, budget, inflated, checked));
          }
        }
      } else {
        // Work stealing over an index: each worker keeps one reader (buffers, inflater) for all its entries.
        AtomicInteger next = new AtomicInteger();
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int w = 0; w < parallelism; w++) {
          workers.add(CompletableFuture.runAsync(() -> {
            try (EntryReader reader = new EntryReader(channel, limits)) {
              for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                perEntry.set(i, checkEntry(reader, files.get(i), rows, budget, inflated, checked));
              }
            } catch (IOException ex) {
              throw new UncheckedIOException(ex);
            }
          }, pool));
        }
        for (CompletableFuture<Void> f : workers) {
          join(f);
        }
      }
      boolean limitReported = false;
      for (int i = 0; i < perEntry.length(); i++) {
        List<Finding> list = perEntry.get(i);
        if (list == null) {
          continue;
        }
        for (Finding f : list) {
          if (f.code().equals(Codes.ZIP_LIMIT_EXCEEDED)) {
            if (limitReported && f.path().isEmpty()) {
              continue;
            }
            limitReported |= f.path().isEmpty();
          }
          findings.add(f);
        }
      }
      if (!limitReported && scan.complete()) {
        for (String path : rows.byPath.keySet().stream().sorted().toList()) {
          if (!present.contains(path) && !path.equals(rows.recordPath)) {
            findings.add(Finding.error(Codes.RECORD_MISSING_FILE, path,
                "RECORD lists " + path + " but the archive has no such file."));
          }
        }
      }
      return new ContentResult(checked.get(), inflated.get());
    }

    private List<Finding> checkEntry(EntryReader reader, ScannedEntry e, RecordRows rows, AtomicLong budget,
        AtomicLong inflated, AtomicInteger checked) throws IOException {
      List<Finding> out = new ArrayList<>(1);
      String path = e.name();
      if (!rows.recordPath.isEmpty()) {
        boolean listed = rows.byPath.containsKey(path) || rows.malformedPaths.contains(path);
        boolean exempt = path.equals(rows.recordPath) || isSignatureFile(path);
        if (!listed && !exempt) {
          out.add(Finding.error(Codes.RECORD_UNLISTED_FILE, path,
              path + " is in the archive but not listed in RECORD, so nothing vouches for it."));
        }
      }
      if (!e.readable() || e.isEncrypted()
          || (e.method() != ScannedEntry.STORED && e.method() != ScannedEntry.DEFLATED)) {
        return out; // The structure scan already reported why the data cannot be read.
      }
      long remaining = budget.get();
      if (remaining <= 0) {
        out.add(Finding.error(Codes.ZIP_LIMIT_EXCEEDED, "",
            "Verification stopped: the archive inflates to more than " + limits.maxTotalUncompressed()
                + " bytes, the configured total limit."));
        return out;
      }
      byte[] expected = rows.expected.get(path);
      RecordEntry row = path.equals(rows.recordPath) ? null : rows.byPath.get(path);
      RecordHash.Running digest = expected == null ? null : RecordHash.start(row.hash().orElseThrow().algorithm());
      // The content hook sees the same bytes from the same buffer, after the digest.
      EntrySink tap = listener == null ? null : listener.entry(path, e.index(), e.uncompressedSize()).orElse(null);
      long produced;
      boolean complete;
      byte[] whole = readWhole.get(e.index());
      if (whole != null) {
        // Already inflated (and CRC-checked) while reading the dist-info files: hash the bytes in memory.
        if (digest != null) {
          digest.accept(whole, 0, whole.length);
        }
        if (tap != null) {
          tap.accept(whole, 0, whole.length);
        }
        produced = whole.length;
        complete = true;
        out.addAll(readWholeFindings.getOrDefault(e.index(), List.of()));
      } else {
        // A large entry is hashed on a second thread while this one inflates it (only when running in parallel).
        PipelinedDigest pipe = digest != null && parallelism > 1 && e.uncompressedSize() >= PipelinedDigest.MIN_SIZE
            ? new PipelinedDigest(digest) : null;
        RecordHash.Running sink = pipe != null ? pipe : digest;
        ByteSink[] sinks = sink == null
            ? (tap == null ? new ByteSink[0] : new ByteSink[] {tap})
            : (tap == null ? new ByteSink[] {sink} : new ByteSink[] {sink, tap});
        EntryReadResult r;
        try {
          r = reader.read(e, remaining, sinks);
        } catch (IOException | RuntimeException ex) {
          if (pipe != null) {
            pipe.abandon();
          }
          throw ex;
        }
        out.addAll(r.findings());
        produced = r.bytesProduced();
        complete = !r.limitHit() && r.crcOk();
        budget.addAndGet(-produced);
        digest = sink;
      }
      if (tap != null) {
        tap.end(complete);
      }
      inflated.addAndGet(produced);
      checked.incrementAndGet();
      // Always finish a digest: a pipelined one ends its hashing thread here.
      byte[] actual = digest == null ? null : digest.finish();
      if (complete && row != null && expected != null) {
        if (!Arrays.equals(actual, expected)) {
          out.add(Finding.error(Codes.RECORD_HASH_MISMATCH, path,
              "The " + row.hash().orElseThrow().algorithm() + " of " + path + " is "
                  + HashValue.of(row.hash().orElseThrow().algorithm(), actual).value() + " but RECORD says "
                  + row.hash().orElseThrow().value() + "."));
        }
      }
      if (complete && row != null && row.size().isPresent() && row.size().getAsLong() != produced) {
        out.add(Finding.error(Codes.RECORD_SIZE_MISMATCH, path,
            path + " is " + produced + " bytes long but RECORD says " + row.size().getAsLong() + "."));
      }
      return out;
    }

    private boolean isSignatureFile(String path) {
      return distInfo.isPresent()
          && path.startsWith(distInfo.get().name() + "/")
          && SIGNATURE_FILES.contains(path.substring(distInfo.get().name().length() + 1));
    }

    // ---- signatures ---------------------------------------------------------------------------------------------

    private void checkSignatures(String sha256Hex) throws IOException {
      boolean recordIntact = findings.stream().noneMatch(f -> f.isError()
          && (f.area().equals("record") || f.area().equals("zip")));
      for (var e : signatureEntries.entrySet()) {
        boolean jws = e.getKey().endsWith("RECORD.jws");
        if (recordBytes == null) {
          add(SignatureResult.of(jws ? SignatureKind.RECORD_JWS : SignatureKind.RECORD_P7S, SignatureStatus.INVALID,
              Optional.empty(), "there is no readable RECORD for it to sign", e.getKey(), List.of()));
          continue;
        }
        SignatureResult r = jws
            ? RecordJwsVerifier.verify(e.getValue(), recordBytes, trust, e.getKey())
            : RecordP7sVerifier.verify(e.getValue(), recordBytes, trust, e.getKey());
        if (r.status() == SignatureStatus.VALID && !recordIntact) {
          // A signature vouches for RECORD only; a RECORD that does not match the content vouches for nothing.
          r = SignatureResult.of(r.kind(), SignatureStatus.INVALID, r.signer(),
              r.detail() + "; but RECORD does not match the archive's content, so the signature vouches for nothing",
              e.getKey(), r.findings());
        }
        add(r);
      }
      if (location.isPresent()) {
        for (Path side : sidecars(location.get())) {
          String sideName = String.valueOf(side.getFileName());
          Optional<SignatureKind> kind = SignatureKind.ofFileName(sideName);
          if (kind.isEmpty()) {
            continue;
          }
          byte[] bytes = readSidecar(side, sideName);
          if (bytes == null) {
            continue;
          }
          if (kind.get() == SignatureKind.OPENPGP) {
            try (var in = java.nio.file.Files.newInputStream(location.get())) {
              add(OpenPgpVerifier.verify(in, bytes, trust, sideName));
            }
          } else {
            for (AttestationResult a
                : Pep740Verifier.verify(bytes, fileName, HexFormat.of().parseHex(sha256Hex), trust, sideName)) {
              add(a.signature());
            }
          }
        }
      }
      if (signatures.isEmpty()) {
        trust.missingSignature("").ifPresent(findings::add);
      }
    }

    private void add(SignatureResult r) {
      signatures.add(r);
      findings.addAll(r.findingsUnder(trust));
    }

    /** Signature files beside the wheel ({@code NAME.whl.asc}, {@code NAME.whl.*.attestation}, ...), sorted. */
    private List<Path> sidecars(Path wheel) throws IOException {
      Path dir = wheel.toAbsolutePath().getParent();
      if (dir == null) {
        return List.of();
      }
      List<Path> out = new ArrayList<>();
      String prefix = fileName + ".";
      try (var stream = java.nio.file.Files.newDirectoryStream(dir,
          p -> String.valueOf(p.getFileName()).startsWith(prefix))) {
        for (Path p : stream) {
          if (out.size() >= MAX_SIDECARS) {
            break;
          }
          out.add(p);
        }
      }
      out.sort(null);
      return out;
    }

    private byte[] readSidecar(Path side, String name) throws IOException {
      long size = java.nio.file.Files.size(side);
      if (size > MAX_SIDECAR_BYTES) {
        findings.add(Finding.error(Codes.SIGNATURE_INVALID, name,
            name + " is " + size + " bytes, more than the " + MAX_SIDECAR_BYTES + " a signature file may have."));
        return null;
      }
      return java.nio.file.Files.readAllBytes(side);
    }

    // ---- whole-file digest ---------------------------------------------------------------------------------------

    private String sha256Unchecked() {
      try {
        return sha256OfChannel();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private String sha256OfChannel() throws IOException {
      MessageDigest md;
      try {
        md = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is required of every Java platform", e);
      }
      ByteBuffer buf = ByteBuffer.allocate(1 << 16);
      long size = channel.size();
      if (channel instanceof FileChannel fc) {
        long pos = 0;
        while (pos < size) {
          buf.clear();
          int n = fc.read(buf, pos);
          if (n < 0) {
            break;
          }
          md.update(buf.array(), 0, n);
          pos += n;
        }
      } else {
        synchronized (channel) {
          channel.position(0);
          while (true) {
            buf.clear();
            int n = channel.read(buf);
            if (n < 0) {
              break;
            }
            md.update(buf.array(), 0, n);
          }
        }
      }
      return HexFormat.of().formatHex(md.digest());
    }
  }

  private static <T> T join(CompletableFuture<T> f) throws IOException {
    try {
      return f.join();
    } catch (CompletionException e) {
      Throwable c = e.getCause();
      if (c instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    }
  }

  /** The RECORD rows the content pass checks against. */
  private record RecordRows(
      Map<String, RecordEntry> byPath, Set<String> malformedPaths, Map<String, byte[]> expected, String recordPath) {
    static final RecordRows EMPTY = new RecordRows(Map.of(), Set.of(), Map.of(), "");
  }

  private record ContentResult(int checked, long inflated) {}

  /**
   * Configures a {@link WheelVerifier}. Not thread-safe; the verifier it builds is.
   *
   * <pre>{@code
   * WheelVerifier v = WheelVerifier.builder()
   *     .limits(ZipLimits.defaults().withMaxTotalUncompressed(1L << 30))
   *     .parallelism(4)
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private ZipLimits limits = ZipLimits.defaults();
    private int parallelism = 1;
    private Executor executor;
    private TrustPolicy trust = TrustPolicy.defaults();

    private Builder() {}

    /**
     * The reading limits (zip-bomb defence).
     *
     * @param limits the limits
     * @return this builder
     */
    public Builder limits(ZipLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * How many entries are verified at once (1 = one after another). The report does not depend on it.
     *
     * @param parallelism at least 1
     * @return this builder
     */
    public Builder parallelism(int parallelism) {
      if (parallelism < 1) {
        throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
      }
      this.parallelism = parallelism;
      return this;
    }

    /**
     * Runs the parallel work on the caller's executor instead of threads the verifier starts per wheel.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * The trust under which signatures found beside or inside the wheel are verified (default: {@link
     * TrustPolicy#defaults()}, the public-good Sigstore root and no other anchor).
     *
     * @param policy the trust policy
     * @return this builder
     */
    public Builder trustPolicy(TrustPolicy policy) {
      this.trust = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Builds the verifier.
     *
     * @return the verifier
     */
    public WheelVerifier build() {
      return new WheelVerifier(this);
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "WheelVerifier[parallelism=%d, limits=%s]", parallelism, limits);
  }
}
