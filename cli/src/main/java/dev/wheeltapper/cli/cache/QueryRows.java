package dev.wheeltapper.cli.cache;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes one stored artifact: its {@code artifacts} row (the stored report and its query columns) and its
 * {@code binaries}, {@code hardening}, {@code libraries} and {@code findings} rows ({@code schema.sql}), inside the
 * transaction of {@link AuditCache#store}. Lists and maps go in as JSON text, for SQLite's {@code json_each}.
 */
final class QueryRows {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private QueryRows() {}

  /**
   * Replaces the row of a key with a new one and its query rows, in the caller's transaction.
   *
   * @return the new row's {@code artifact_id}
   */
  static long insert(Connection writer, AuditCache.Key key, String toolVersion, String settings, long runId,
      String path, long size, byte[] report, CacheRows rows) throws SQLException {
    try (PreparedStatement d = writer.prepareStatement("DELETE FROM artifacts WHERE sha256 = ? AND file_name = ?"
        + " AND sidecars = ? AND tool_version = ? AND settings = ?")) {
      bind(d, key, toolVersion, settings);
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
      bind(p, key, toolVersion, settings);
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
    insertBinaries(writer, id, rows.binaries());
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

  private static void insertBinaries(Connection writer, long id, List<CacheRows.Binary> binaries)
      throws SQLException {
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

  private static void bind(PreparedStatement p, AuditCache.Key key, String toolVersion, String settings)
      throws SQLException {
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
}
