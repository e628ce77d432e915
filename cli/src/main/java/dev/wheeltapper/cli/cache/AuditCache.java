package dev.wheeltapper.cli.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SQLite database of {@code audit --cache FILE} ({@code docs/cache.md}): stored reports keyed by the wheel's
 * SHA-256, its file name, the signature files beside it, the tool version and a digest of the settings, and the
 * operators' query tables beside them. One run is one {@code runs} row; each artifact is committed in its own
 * transaction as soon as it is audited, so a run killed at any point keeps every artifact it finished.
 *
 * <p>SQLite has one writer: this class holds one connection that writes (WAL journal, so that lookups never wait for
 * it) and one that reads, each used by one thread at a time. Opening refuses, as a {@link CacheFormatException}, a
 * file that is not a SQLite database, a database of another application, one of another schema version, or one that
 * fails SQLite's {@code quick_check}; a new or empty file is initialised.
 *
 * <pre>{@code
 * try (AuditCache cache = AuditCache.open(Path.of("audit.db"), "0.1.0", settingsDigest, "limits ...")) {
 *   Optional<AuditCache.Hit> hit = cache.lookup(key);          // on a worker thread
 *   cache.store(key, path, size, blob, rows, false);           // committed when it returns
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class AuditCache implements AutoCloseable {
  /** The schema this version reads and writes ({@code PRAGMA user_version}). */
  public static final int SCHEMA_VERSION = 1;
  /** {@code PRAGMA application_id}: "WT" and the file format's generation. */
  public static final int APPLICATION_ID = 0x57540001;

  /**
   * What identifies a stored report besides the run's tool version and settings.
   *
   * @param sha256 lower-case hex SHA-256 of the wheel's bytes
   * @param fileName the wheel's file name
   * @param sidecars the digest of the signature files beside it, empty when there are none
   */
  public record Key(String sha256, String fileName, String sidecars) {}

  /**
   * A stored report found for a key.
   *
   * @param artifactId its row
   * @param report what {@link RecordCodec#encode} wrote
   */
  public record Hit(long artifactId, byte[] report) {}

  private final Path file;
  private final Connection writer;
  private final Connection reader;
  private final String toolVersion;
  private final String settings;
  private final long runId;
  private final AtomicInteger hits = new AtomicInteger();
  private final AtomicInteger stored = new AtomicInteger();

  private AuditCache(Path file, Connection writer, Connection reader, String toolVersion, String settings,
      long runId) {
    this.file = file;
    this.writer = writer;
    this.reader = reader;
    this.toolVersion = toolVersion;
    this.settings = settings;
    this.runId = runId;
  }

  /**
   * Opens (or creates) a cache and starts a run in it.
   *
   * @param file the database file
   * @param toolVersion the tool version the reports carry
   * @param settings the digest of the settings that change a report
   * @param described those settings in words, for the {@code runs} table
   * @return the open cache
   * @throws CacheFormatException when the file is not a cache this version can use
   * @throws IOException when the file cannot be read or written
   */
  public static AuditCache open(Path file, String toolVersion, String settings, String described)
      throws IOException {
    boolean fresh = !Files.exists(file) || Files.size(file) == 0;
    if (!fresh) {
      CacheSchema.checkHeader(file);
    }
    Connection w = null;
    Connection r = null;
    try {
      w = connect(file);
      try (Statement s = w.createStatement()) {
        s.execute("PRAGMA busy_timeout = 10000");
        if (!fresh) {
          CacheSchema.check(s);
        }
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = NORMAL");
        s.execute("PRAGMA foreign_keys = ON");
        if (fresh) {
          CacheSchema.create(w);
        }
      }
      long run = startRun(w, toolVersion, settings, described);
      r = connect(file);
      try (Statement s = r.createStatement()) {
        s.execute("PRAGMA busy_timeout = 10000");
        s.execute("PRAGMA query_only = ON");
      }
      return new AuditCache(file, w, r, toolVersion, settings, run);
    } catch (SQLException e) {
      closeQuietly(w);
      closeQuietly(r);
      throw new CacheFormatException(file + " is not a usable wheeltapper cache: " + reason(e), e);
    } catch (IOException | RuntimeException e) {
      closeQuietly(w);
      closeQuietly(r);
      throw e;
    }
  }

  private static long startRun(Connection w, String toolVersion, String settings, String described)
      throws SQLException {
    try (PreparedStatement p = w.prepareStatement(
        "INSERT INTO runs (started, tool_version, settings, described) VALUES (?, ?, ?, ?)",
        Statement.RETURN_GENERATED_KEYS)) {
      p.setString(1, Instant.now().toString());
      p.setString(2, toolVersion);
      p.setString(3, settings);
      p.setString(4, described);
      p.executeUpdate();
      try (ResultSet k = p.getGeneratedKeys()) {
        k.next();
        return k.getLong(1);
      }
    }
  }

  /**
   * A connection through the driver itself, not {@code DriverManager}: the command line's one jar (shaded, minimized)
   * has no service file to find it by, and no other driver may answer for this file.
   */
  private static Connection connect(Path file) throws SQLException {
    Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file.toAbsolutePath(), new java.util.Properties());
    if (c == null) {
      throw new SQLException("the SQLite driver does not accept " + file);
    }
    return c;
  }

  /**
   * The stored report of an artifact under this run's tool version and settings, recorded as replayed by this run at
   * this path. A stored report that then does not decode is the caller's to audit again ({@link #store} replaces it).
   *
   * @param key the artifact's key
   * @param path where this run found it
   * @return the stored report, when there is one
   */
  public Optional<Hit> lookup(Key key, String path) {
    Optional<Hit> hit;
    synchronized (reader) {
      try (PreparedStatement p = reader.prepareStatement("SELECT artifact_id, report FROM artifacts WHERE sha256 = ?"
          + " AND file_name = ? AND sidecars = ? AND tool_version = ? AND settings = ?")) {
        p.setString(1, key.sha256());
        p.setString(2, key.fileName());
        p.setString(3, key.sidecars());
        p.setString(4, toolVersion);
        p.setString(5, settings);
        try (ResultSet q = p.executeQuery()) {
          hit = q.next() ? Optional.of(new Hit(q.getLong(1), q.getBytes(2))) : Optional.empty();
        }
      } catch (SQLException e) {
        throw new Failure("cannot read the --cache database " + file + ": " + reason(e), e);
      }
    }
    return hit;
  }

  /**
   * Records that this run replayed a stored report: counted in {@link #hits()} and in {@code run_artifacts}.
   *
   * @param hit the report replayed
   * @param path where this run found the artifact
   */
  public void replayed(Hit hit, String path) {
    synchronized (writer) {
      try (PreparedStatement p = writer.prepareStatement(
          "INSERT OR REPLACE INTO run_artifacts (run_id, path, artifact_id, from_cache) VALUES (?, ?, ?, 1)")) {
        p.setLong(1, runId);
        p.setString(2, path);
        p.setLong(3, hit.artifactId());
        p.executeUpdate();
      } catch (SQLException e) {
        throw new Failure("cannot write the --cache database " + file + ": " + reason(e), e);
      }
    }
    hits.incrementAndGet();
  }

  /**
   * Stores an audited artifact and its query rows, replacing a stored report under the same key, in one
   * transaction: committed when this returns.
   *
   * @param key the artifact's key
   * @param path where this run found it
   * @param size its size in bytes
   * @param report what {@link RecordCodec#encode} wrote
   * @param rows its query rows
   * @param replace whether to replace a report stored under the key (one that did not decode); otherwise the stored
   *     one is kept, with its row id, and this run is recorded against it
   */
  public void store(Key key, String path, long size, byte[] report, CacheRows rows, boolean replace) {
    synchronized (writer) {
      try {
        writer.setAutoCommit(false);
        try {
          Optional<Long> kept = replace ? Optional.empty() : existing(key);
          long id = kept.isPresent() ? kept.get()
              : QueryRows.insert(writer, key, toolVersion, settings, runId, path, size, report, rows);
          try (PreparedStatement p = writer.prepareStatement(
              "INSERT OR REPLACE INTO run_artifacts (run_id, path, artifact_id, from_cache) VALUES (?, ?, ?, 0)")) {
            p.setLong(1, runId);
            p.setString(2, path);
            p.setLong(3, id);
            p.executeUpdate();
          }
          writer.commit();
        } catch (SQLException | RuntimeException e) {
          writer.rollback();
          throw e;
        } finally {
          writer.setAutoCommit(true);
        }
      } catch (SQLException e) {
        throw new Failure("cannot write the --cache database " + file + ": " + reason(e), e);
      }
    }
    stored.incrementAndGet();
  }

  private Optional<Long> existing(Key key) throws SQLException {
    try (PreparedStatement p = writer.prepareStatement("SELECT artifact_id FROM artifacts WHERE sha256 = ?"
        + " AND file_name = ? AND sidecars = ? AND tool_version = ? AND settings = ?")) {
      bindKey(p, key);
      try (ResultSet q = p.executeQuery()) {
        return q.next() ? Optional.of(q.getLong(1)) : Optional.empty();
      }
    }
  }

  private void bindKey(PreparedStatement p, Key key) throws SQLException {
    p.setString(1, key.sha256());
    p.setString(2, key.fileName());
    p.setString(3, key.sidecars());
    p.setString(4, toolVersion);
    p.setString(5, settings);
  }

  /**
   * Artifacts this run replayed from the cache so far.
   *
   * @return the count
   */
  public int hits() {
    return hits.get();
  }

  /**
   * Artifacts this run audited and stored so far.
   *
   * @return the count
   */
  public int stored() {
    return stored.get();
  }

  /** Ends the run's row (finished, counts) and closes both connections. */
  @Override
  public void close() {
    synchronized (writer) {
      try (PreparedStatement p = writer.prepareStatement(
          "UPDATE runs SET finished = ?, audited = ?, from_cache = ? WHERE run_id = ?")) {
        p.setString(1, Instant.now().toString());
        p.setInt(2, stored.get());
        p.setInt(3, hits.get());
        p.setLong(4, runId);
        p.executeUpdate();
      } catch (SQLException e) {
        throw new Failure("cannot write the --cache database " + file + ": " + reason(e), e);
      } finally {
        closeQuietly(reader);
        closeQuietly(writer);
      }
    }
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        // nothing left to do with a connection that cannot close
      }
    }
  }

  private static String reason(SQLException e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }

  /** The database could not be read or written in the middle of a run (a full disk, a lock held too long). */
  public static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * A failure.
     *
     * @param message what failed, naming the file
     * @param cause the driver's exception
     */
    public Failure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
