package dev.wheeltapper.cli.cache;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
  /** The SQLite file header. */
  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  private static final JsonFactory JSON = JsonFactory.builder().build();

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
      checkHeader(file);
    }
    Connection w = null;
    Connection r = null;
    try {
      w = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = w.createStatement()) {
        s.execute("PRAGMA busy_timeout = 10000");
        if (!fresh) {
          checkDatabase(s);
        }
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = NORMAL");
        s.execute("PRAGMA foreign_keys = ON");
        if (fresh) {
          create(w);
        }
      }
      long run = startRun(w, toolVersion, settings, described);
      r = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
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

  private static void checkHeader(Path file) throws IOException {
    byte[] head = new byte[MAGIC.length];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    if (n < head.length || !Arrays.equals(head, MAGIC)) {
      throw new CacheFormatException(file + " is not a wheeltapper cache: not an SQLite database");
    }
  }

  private static void checkDatabase(Statement s) throws SQLException, CacheFormatException {
    try (ResultSet q = s.executeQuery("PRAGMA quick_check")) {
      String first = q.next() ? q.getString(1) : "no answer";
      if (!"ok".equals(first)) {
        throw new CacheFormatException("the database is damaged (quick_check: " + first + ")");
      }
    }
    int app = intPragma(s, "application_id");
    int version = intPragma(s, "user_version");
    if (app != APPLICATION_ID) {
      throw new CacheFormatException("not a wheeltapper cache (application_id " + app + ")");
    }
    if (version != SCHEMA_VERSION) {
      throw new CacheFormatException("a cache of schema version " + version + "; this wheeltapper reads version "
          + SCHEMA_VERSION + " only: use another file, or delete this one to start afresh");
    }
  }

  private static int intPragma(Statement s, String name) throws SQLException {
    try (ResultSet q = s.executeQuery("PRAGMA " + name)) {
      return q.next() ? q.getInt(1) : 0;
    }
  }

  private static void create(Connection w) throws SQLException, IOException {
    String ddl;
    try (InputStream in = AuditCache.class.getResourceAsStream("schema.sql")) {
      if (in == null) {
        throw new IllegalStateException("schema.sql is missing from the build");
      }
      ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    w.setAutoCommit(false);
    try (Statement s = w.createStatement()) {
      for (String statement : ddl.split(";\n")) {
        String sql = statement.lines().map(l -> l.replaceFirst("--.*$", "")).reduce("", (a, b) -> a + "\n" + b)
            .strip();
        if (!sql.isEmpty()) {
          s.execute(sql);
        }
      }
      s.execute("PRAGMA application_id = " + APPLICATION_ID);
      s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
      s.execute("INSERT INTO meta (key, value) VALUES ('schema', '" + SCHEMA_VERSION + "'), "
          + "('application', 'wheeltapper-cache'), ('created', '" + Instant.now() + "')");
      w.commit();
    } catch (SQLException e) {
      w.rollback();
      throw e;
    } finally {
      w.setAutoCommit(true);
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
          long id = kept.isPresent() ? kept.get() : insert(key, path, size, report, rows);
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

  private long insert(Key key, String path, long size, byte[] report, CacheRows rows) throws SQLException {
    try (PreparedStatement d = writer.prepareStatement("DELETE FROM artifacts WHERE sha256 = ? AND file_name = ?"
        + " AND sidecars = ? AND tool_version = ? AND settings = ?")) {
      bindKey(d, key);
      d.executeUpdate();
    }
    CacheRows.Artifact a = rows.artifact();
    long id;
    try (PreparedStatement p = writer.prepareStatement("INSERT INTO artifacts (sha256, file_name, sidecars,"
        + " tool_version, settings, run_id, path, size, kind, name, version, build, tags, verdict, errors, warnings,"
        + " notes, languages, memory_safe, binaries, manylinux_claimed, manylinux_satisfied, manylinux_ok,"
        + " musllinux_claimed, musllinux_satisfied, musllinux_ok, signed, report)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        Statement.RETURN_GENERATED_KEYS)) {
      bindKey(p, key);
      int i = 6;
      p.setLong(i++, runId);
      p.setString(i++, path);
      p.setLong(i++, size);
      p.setString(i++, a.kind());
      setText(p, i++, a.name());
      setText(p, i++, a.version());
      setText(p, i++, a.build());
      p.setString(i++, jsonArray(a.tags()));
      p.setString(i++, a.verdict());
      p.setInt(i++, a.errors());
      p.setInt(i++, a.warnings());
      p.setInt(i++, a.notes());
      p.setString(i++, jsonArray(a.languages()));
      setText(p, i++, a.memorySafe());
      p.setInt(i++, a.binaries());
      i = platform(p, i, a.manylinux());
      i = platform(p, i, a.musllinux());
      setFlag(p, i++, a.signed());
      p.setBytes(i, report);
      p.executeUpdate();
      try (ResultSet k = p.getGeneratedKeys()) {
        k.next();
        id = k.getLong(1);
      }
    }
    insertBinaries(id, rows.binaries());
    try (PreparedStatement p = writer.prepareStatement("INSERT INTO findings (artifact_id, ordinal, code, severity,"
        + " entry_path, message, facts) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      int ordinal = 0;
      for (CacheRows.Finding f : rows.findings()) {
        p.setLong(1, id);
        p.setInt(2, ordinal++);
        p.setString(3, f.code());
        p.setString(4, f.severity());
        setText(p, 5, f.entryPath());
        p.setString(6, f.message());
        p.setString(7, jsonObject(f.facts()));
        p.addBatch();
      }
      p.executeBatch();
    }
    return id;
  }

  private void insertBinaries(long id, List<CacheRows.Binary> binaries) throws SQLException {
    try (PreparedStatement b = writer.prepareStatement("INSERT INTO binaries (artifact_id, ordinal, path, format,"
        + " inspected, machine, type, soname, languages, memory_safe) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement h = writer.prepareStatement("INSERT OR IGNORE INTO hardening (artifact_id, ordinal,"
            + " check_name, status, value) VALUES (?, ?, ?, ?, ?)");
        PreparedStatement l = writer.prepareStatement("INSERT INTO libraries (artifact_id, ordinal, position,"
            + " library) VALUES (?, ?, ?, ?)")) {
      int ordinal = 0;
      for (CacheRows.Binary x : binaries) {
        b.setLong(1, id);
        b.setInt(2, ordinal);
        b.setString(3, x.path());
        b.setString(4, x.format());
        b.setInt(5, x.inspected() ? 1 : 0);
        b.setString(6, x.machine());
        b.setString(7, x.type());
        setText(b, 8, x.soname());
        b.setString(9, jsonArray(x.languages()));
        setText(b, 10, x.memorySafe());
        b.addBatch();
        for (CacheRows.Check c : x.hardening()) {
          h.setLong(1, id);
          h.setInt(2, ordinal);
          h.setString(3, c.check());
          h.setString(4, c.status());
          h.setString(5, c.value());
          h.addBatch();
        }
        int position = 0;
        for (String lib : x.needed()) {
          l.setLong(1, id);
          l.setInt(2, ordinal);
          l.setInt(3, position++);
          l.setString(4, lib);
          l.addBatch();
        }
        ordinal++;
      }
      b.executeBatch();
      h.executeBatch();
      l.executeBatch();
    }
  }

  private void bindKey(PreparedStatement p, Key key) throws SQLException {
    p.setString(1, key.sha256());
    p.setString(2, key.fileName());
    p.setString(3, key.sidecars());
    p.setString(4, toolVersion);
    p.setString(5, settings);
  }

  private static int platform(PreparedStatement p, int i, Optional<CacheRows.Platform> platform)
      throws SQLException {
    setText(p, i, platform.flatMap(CacheRows.Platform::claimed));
    setText(p, i + 1, platform.map(CacheRows.Platform::satisfied));
    setFlag(p, i + 2, platform.map(CacheRows.Platform::ok));
    return i + 3;
  }

  private static void setText(PreparedStatement p, int i, Optional<String> v) throws SQLException {
    if (v.isPresent()) {
      p.setString(i, v.get());
    } else {
      p.setNull(i, Types.VARCHAR);
    }
  }

  private static void setFlag(PreparedStatement p, int i, Optional<Boolean> v) throws SQLException {
    if (v.isPresent()) {
      p.setInt(i, v.get() ? 1 : 0);
    } else {
      p.setNull(i, Types.INTEGER);
    }
  }

  private static String jsonArray(List<String> values) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartArray();
      for (String v : values) {
        g.writeString(v);
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String jsonObject(Map<String, String> values) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
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
