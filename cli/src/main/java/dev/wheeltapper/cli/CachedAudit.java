package dev.wheeltapper.cli;

import dev.wheeltapper.audit.InstalledTogether;
import dev.wheeltapper.cli.cache.AuditCache;
import dev.wheeltapper.cli.cache.CacheFormatException;
import dev.wheeltapper.cli.cache.RecordCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@code audit --cache FILE}: a wheel whose bytes, file name and signature files beside it were audited before by the
 * same tool version under the same settings is replayed from the cache instead of audited; any other wheel is audited
 * and stored. See {@code docs/cache.md}.
 *
 * <p>What is stored is the report as {@link Checks#auditWheel} makes it, before everything that depends on the rest
 * of the run or on the gate: the index's checks ({@code index.*}, added around this by {@link IndexAudit} on every
 * run), the end-of-run pass of wheels installed together ({@link Checks#withDependencies}), waivers, baseline and
 * {@code --fail-on} ({@link Gate}). So a changed waiver or baseline does not invalidate the cache, and a replayed
 * report goes through the same later steps as an audited one: every format renders it byte for byte alike. It is
 * stored whole ({@link RecordCodec}), with the library entries the wheel offers to that end-of-run pass.
 *
 * <p>The key is always hashed from the bytes (one streaming SHA-256 pass, a fraction of an audit), never taken from
 * an index's {@code #sha256=} or from file times: a changed wheel is never answered with a stale verdict. A file that
 * cannot be hashed is audited (and reported) as without the cache, and a report without a hash is never stored.
 * A wheel that waits for others in the end-of-run pass is stored with what that pass needs of it ({@link
 * dev.wheeltapper.audit.InstalledTogether.Need}) and judged again with the wheels of each run. Audited on every run
 * and never replayed: a wheel with a signature (its verdict is judged against today's clock and trust).
 *
 * <p>Thread-safe: wheels are audited concurrently.
 */
final class CachedAudit implements AutoCloseable {
  /** Signature files beside a wheel that take part in the key, as many as the verifier reads. */
  private static final int MAX_SIDECARS = 64;

  /**
   * What the cache stores per wheel.
   *
   * @param report the report before the end-of-run pass, the index's checks and the gate
   * @param offers the wheel's library entries for the end-of-run pass
   * @param need what the end-of-run pass needs of it, when it names external libraries
   * @param replayable whether a later run may replay it (see the class comment)
   */
  record Stored(ArtifactReport report, List<String> offers, Optional<InstalledTogether.Need> need,
      boolean replayable) {}

  /**
   * A test hook, as the Spark job's {@code spark.wheeltapper.test.failFirstAttempt}: with this system property set to
   * N, the run stops still after storing its N-th wheel, for a test to kill it there.
   */
  static final String HALT_AFTER = "wheeltapper.test.cache.haltAfter";

  private static final int HALT = Integer.getInteger(HALT_AFTER, 0);

  private final AuditCache cache;

  private CachedAudit(AuditCache cache) {
    this.cache = cache;
  }

  /**
   * Opens the cache of a run.
   *
   * @param file the {@code --cache} file
   * @param o the run's options
   * @param t the run's trust options
   * @return the cache, a run started in it
   * @throws UsageException when the file is not a cache this version can use, or cannot be opened
   */
  static CachedAudit open(Path file, CommonOptions o, TrustOptions t) throws UsageException {
    String described = CacheSettings.describe(o, t);
    try {
      return new CachedAudit(AuditCache.open(file, Version.current(), sha256(described), described));
    } catch (CacheFormatException e) {
      throw new UsageException("--cache " + file + ": " + e.getMessage());
    } catch (IOException e) {
      throw new UsageException("--cache " + file + ": cannot open: " + Targets.reason(e));
    }
  }

  /**
   * The report of one wheel: replayed from the cache, or audited and stored.
   *
   * @param t the wheel
   * @param checks the run's checks
   * @return its report before the end-of-run pass and the gate
   * @throws IOException when the wheel cannot be read
   */
  ArtifactReport audit(Targets.Target t, Checks checks) throws IOException {
    String fileName = String.valueOf(t.file().getFileName());
    Optional<String> sidecars = sidecars(t.file(), fileName);
    Optional<String> sha256 = sidecars.isPresent() ? hash(t.file()) : Optional.empty();
    if (sha256.isEmpty()) {
      return checks.auditWheel(t).report(); // what cannot be hashed is audited, and reported, as without a cache
    }
    AuditCache.Key key = new AuditCache.Key(sha256.get(), fileName, sidecars.get());
    Optional<AuditCache.Hit> hit = cache.lookup(key, t.display());
    boolean replace = false;
    if (hit.isPresent()) {
      try {
        Stored s = RecordCodec.decode(hit.get().report(), Stored.class);
        if (s.replayable() && s.report().sha256().equals(key.sha256())) {
          cache.replayed(hit.get(), t.display());
          checks.offer(t.display(), fileName, s.offers(), s.need());
          return at(s.report(), t.display());
        }
        replace = !s.report().sha256().equals(key.sha256());
      } catch (CacheFormatException e) {
        replace = true; // written by another build, or damaged: audited again and replaced
      }
    }
    Checks.Audited a = checks.auditWheel(t);
    ArtifactReport r = a.report();
    if (!r.sha256().isEmpty()) {
      // keyed by the hash the audit read: bytes that changed after the first pass are stored under their own
      boolean replayable = r.signatures().isEmpty();
      AuditCache.Key audited = new AuditCache.Key(r.sha256(), fileName, sidecars.get());
      byte[] blob;
      try {
        blob = RecordCodec.encode(new Stored(r, a.offers(), a.need(), replayable));
      } catch (IllegalArgumentException e) {
        return r; // a report the stored form cannot hold is reported, not stored: audited again next time
      }
      cache.store(audited, t.display(), Math.max(0, t.file().toFile().length()), blob, CacheTables.of(r),
          replace || !audited.equals(key));
      if (HALT > 0 && cache.stored() >= HALT) {
        halt();
      }
    }
    return r;
  }

  private static void halt() {
    try {
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A stored report at the path this run found the wheel at. */
  private static ArtifactReport at(ArtifactReport r, String path) {
    return r.path().equals(path) ? r : new ArtifactReport(path, r.kind(), r.sha256(), r.wheel(), r.findings(),
        r.signatures(), r.binaries(), r.policy(), r.overview(), r.failAt(), r.inventory());
  }

  /** The SHA-256 of the file's bytes, one streaming pass; empty when it cannot be read. */
  private static Optional<String> hash(Path file) {
    MessageDigest md = sha256();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) { // ends at the end of the file
        md.update(buf, 0, n);
      }
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
    return Optional.of(HexFormat.of().formatHex(md.digest()));
  }

  /**
   * The digest of the signature files the verifier reads beside a wheel ({@code NAME.whl.*}): their names and
   * bytes; an empty string when there are none; empty when they cannot all be read (the wheel is then not cached).
   */
  private static Optional<String> sidecars(Path wheel, String fileName) {
    Path dir = wheel.toAbsolutePath().getParent();
    if (dir == null) {
      return Optional.of("");
    }
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir,
        p -> String.valueOf(p.getFileName()).startsWith(fileName + "."))) {
      for (Path p : s) {
        if (found.size() >= MAX_SIDECARS) {
          return Optional.empty();
        }
        found.add(p);
      }
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
    if (found.isEmpty()) {
      return Optional.of("");
    }
    found.sort(null);
    StringBuilder sb = new StringBuilder();
    for (Path p : found) {
      Optional<String> h = hash(p);
      if (h.isEmpty()) {
        return Optional.empty();
      }
      sb.append(p.getFileName()).append('\0').append(h.get()).append('\n');
    }
    return Optional.of(sha256(sb.toString()));
  }

  private static String sha256(String s) {
    return HexFormat.of().formatHex(sha256().digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * Artifacts this run replayed from the cache so far.
   *
   * @return the count
   */
  int hits() {
    return cache.hits();
  }

  /** Ends the run in the database and closes it. */
  @Override
  public void close() {
    cache.close();
  }
}
