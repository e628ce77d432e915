package dev.wheeltapper.cli.cache;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;

/**
 * The cache file's identity and schema: refuses a file that is not SQLite, a database of another application
 * ({@code PRAGMA application_id}), another schema version ({@code PRAGMA user_version}) or one that fails SQLite's
 * {@code quick_check}, and creates schema version {@link AuditCache#SCHEMA_VERSION} from {@code schema.sql} in an
 * empty file.
 */
final class CacheSchema {
  /** The SQLite file header. */
  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private CacheSchema() {}

  static void checkHeader(Path file) throws IOException {
    byte[] head = new byte[MAGIC.length];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    if (n < head.length || !Arrays.equals(head, MAGIC)) {
      throw new CacheFormatException(file + " is not a wheeltapper cache: not an SQLite database");
    }
  }

  static void check(Statement s) throws SQLException, CacheFormatException {
    try (ResultSet q = s.executeQuery("PRAGMA quick_check")) {
      String first = q.next() ? q.getString(1) : "no answer";
      if (!"ok".equals(first)) {
        throw new CacheFormatException("the database is damaged (quick_check: " + first + ")");
      }
    }
    int app = intPragma(s, "application_id");
    int version = intPragma(s, "user_version");
    if (app != AuditCache.APPLICATION_ID) {
      throw new CacheFormatException("not a wheeltapper cache (application_id " + app + ")");
    }
    if (version != AuditCache.SCHEMA_VERSION) {
      throw new CacheFormatException("a cache of schema version " + version + "; this wheeltapper reads version "
          + AuditCache.SCHEMA_VERSION + " only: use another file, or delete this one to start afresh");
    }
  }

  private static int intPragma(Statement s, String name) throws SQLException {
    try (ResultSet q = s.executeQuery("PRAGMA " + name)) {
      return q.next() ? q.getInt(1) : 0;
    }
  }

  static void create(Connection w) throws SQLException, IOException {
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
      s.execute("PRAGMA application_id = " + AuditCache.APPLICATION_ID);
      s.execute("PRAGMA user_version = " + AuditCache.SCHEMA_VERSION);
      s.execute("INSERT INTO meta (key, value) VALUES ('schema', '" + AuditCache.SCHEMA_VERSION + "'), "
          + "('application', 'wheeltapper-cache'), ('created', '" + Instant.now() + "')");
      w.commit();
    } catch (SQLException e) {
      w.rollback();
      throw e;
    } finally {
      w.setAutoCommit(true);
    }
  }
}
