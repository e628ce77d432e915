package dev.wheeltapper.verify;

import dev.wheeltapper.provenance.TrustPolicy;
import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.wheel.DistInfoDirectory;
import dev.wheeltapper.wheel.DistInfoFiles;
import dev.wheeltapper.zip.ByteSink;
import dev.wheeltapper.zip.ZipLimits;
import dev.wheeltapper.zip.ZipScan;
import dev.wheeltapper.zip.ZipScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * (Over 400 lines because it is the public entry point, from a path or a channel, with its {@link Builder}; every
 * stage is in a class of its own.)
 *
 * <p>Verifies a wheel's integrity like the strictest installer, and stricter: ZIP structure (parser-confusion defences),
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
 * <p>The stages, each in its own class: {@link DistInfoConsistency} (file name, dist-info, WHEEL, METADATA, tags),
 * {@link RecordCheck} (RECORD's rows, listed against present, hashes and sizes), {@link ContentPass} (streaming
 * inflation and hashing of every entry), {@link LayoutLints} (check-wheel-contents' lints, from the names and rows
 * already read) and {@link SignatureDispatch} (RECORD.jws, RECORD.p7s, {@code .asc}, PEP 740).
 *
 * <p>Immutable and thread-safe: one verifier may verify many wheels at once. The input is never modified.
 */
public final class WheelVerifier {
  private static final Logger LOG = LoggerFactory.getLogger(WheelVerifier.class);

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
   * How many entries this verifier checks at once.
   *
   * @return the parallelism, at least 1
   */
  public int parallelism() {
    return parallelism;
  }

  /**
   * The caller's executor the parallel work runs on, when one was given ({@link Builder#executor}); a caller that
   * audits the wheel further (its binaries) may run that work on the same threads.
   *
   * @return the executor, or empty when the verifier starts threads of its own per wheel
   */
  public Optional<Executor> executor() {
    return executor;
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
    return verifyPath(wheel, null);
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
    return verifyPath(wheel, listener);
  }

  /**
   * The one path of the {@code Path} variants: the file opened read-only, then the channel run, with the path kept
   * only to look for signature files beside the wheel ({@code .asc}, PEP 740 {@code .publish.attestation}).
   */
  private VerificationReport verifyPath(Path wheel, EntryListener listener) throws IOException {
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

  /**
   * Verifies a wheel read from a channel and hands the inflated content of its file entries to a listener, as
   * {@link #verify(Path, EntryListener)} does for a file: the same one pass and the same bounded memory (entries are
   * streamed through the verifier's buffers; only METADATA, WHEEL and RECORD are held, each within {@link
   * ZipLimits#maxMetadataFileSize()}). This is how a wheel is read from a store that is not a local file system (an
   * HDFS or S3 stream adapted to a channel), where only the location travels.
   *
   * <pre>{@code
   * try (SeekableByteChannel ch = Files.newByteChannel(wheel)) {
   *   VerificationReport r = verifier.verify(ch, "foo-1.0-py3-none-any.whl", (path, index, size) -> Optional.empty());
   * }
   * }</pre>
   *
   * <p>The channel is only read, never written or closed. A {@link FileChannel} is read with positional reads (and
   * in parallel, with a parallelism above 1); any other channel is read sequentially, its position moved under its
   * lock. No signature file beside the wheel is looked for (a channel has no neighbours): signatures inside the
   * wheel are verified as for a path. Thread-safe as the verifier is, provided no one else moves the channel's
   * position during the call.
   *
   * @param channel the wheel, open for reading; not closed
   * @param fileName the wheel's file name (it carries the tags), checked against its content
   * @param listener told of each readable file entry before its content is read
   * @return the report, equal to the {@code Path} variant's for the same bytes and file name, signature files beside
   *     the wheel apart
   * @throws IOException when the channel cannot be read
   */
  public VerificationReport verify(SeekableByteChannel channel, String fileName, EntryListener listener)
      throws IOException {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(listener, "listener");
    return new Run(channel, fileName, Optional.empty(), listener).run();
  }

  /** One verification: the stages in order over one run's state. */
  private final class Run {
    private final RunState s;
    /** The content hook, or null. */
    private final EntryListener listener;

    Run(SeekableByteChannel channel, String fileName, Optional<Path> location, EntryListener listener) {
      this.s = new RunState(channel, fileName, limits, location);
      this.listener = listener;
    }

    VerificationReport run() throws IOException {
      long size = s.channel.size();
      ExecutorService own = null;
      Executor pool = executor.orElse(null);
      boolean parallel = parallelism > 1 && s.channel instanceof FileChannel;
      if (parallel && pool == null) {
        own = Executors.newFixedThreadPool(parallelism, r -> {
          Thread t = new Thread(r, "wheeltapper-verify");
          t.setDaemon(true);
          return t;
        });
        pool = own;
      }
      try {
        // The whole file's SHA-256 beside the rest, on the pool; the caller runs it itself at the end if no pool
        // thread has taken it by then (a pool shared with other wheels may be busy).
        FutureTask<String> sha256 = parallel ? new FutureTask<>(this::sha256OfChannel) : null;
        if (sha256 != null) {
          pool.execute(sha256);
        }
        DistInfoConsistency.checkFilename(s);
        ZipScan scan = new ZipScanner(limits).scan(s.channel);
        s.findings.addAll(scan.findings());
        s.files = new DistInfoFiles(s.channel, scan, limits, s.fileName);
        int checked = 0;
        long inflated = 0;
        if (!scan.findings(Codes.ZIP_NOT_A_ZIP).isEmpty()) {
          LOG.debug("{} is not a ZIP archive", s.fileName);
        } else {
          DistInfoConsistency.checkDistInfo(s, scan);
          RecordCheck.Rows rows = readDistInfoFiles(scan);
          ContentPass.Result content = new ContentPass(s, rows, parallelism, listener).run(scan, parallel ? pool : null);
          checked = content.checked();
          inflated = content.inflated();
          LayoutLints.run(s, scan, rows);
        }
        String digest;
        if (sha256 == null) {
          digest = sha256OfChannel();
        } else {
          sha256.run(); // no-op when a pool thread has it
          digest = await(sha256);
        }
        new SignatureDispatch(s, trust).run(digest);
        return new VerificationReport(s.fileName, digest, size, s.filename, s.distInfo, s.wheelInfo, s.metadata,
            s.record, s.signatures, s.findings.toList(), checked, inflated);
      } finally {
        if (own != null) {
          own.shutdownNow();
        }
      }
    }

    /** RECORD, the signature files, WHEEL, METADATA: in this order, so the findings keep theirs. */
    private RecordCheck.Rows readDistInfoFiles(ZipScan scan) throws IOException {
      if (s.distInfo.isEmpty()) {
        return RecordCheck.Rows.EMPTY;
      }
      DistInfoDirectory d = s.distInfo.get();
      RecordCheck.Rows rows = RecordCheck.read(s, scan, d);
      DistInfoConsistency.readSignatureFiles(s, scan, d);
      DistInfoConsistency.checkWheelFile(s, scan, d);
      DistInfoConsistency.checkMetadata(s, scan, d);
      return rows;
    }

    private String sha256OfChannel() throws IOException {
      MessageDigest md;
      try {
        md = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is required of every Java platform", e);
      }
      SeekableByteChannel channel = s.channel;
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

  /**
   * The result of a task that has run or is running on some thread, waiting for it without giving up on an interrupt
   * (the task is never queued, so the wait is short; the interrupt is kept for the caller).
   */
  static <T> T await(FutureTask<T> f) throws IOException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return f.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
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
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

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
