package dev.wheeltapper.verify;

import dev.wheeltapper.testing.ZipBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a sound wheel ({@code demo-1.0-py3-none-any.whl}) whose parts a test can spoil one at a time, written byte by
 * byte with {@link ZipBuilder}.
 */
final class TestWheel {
  static final String NAME = "demo-1.0-py3-none-any.whl";
  static final String DIST = "demo-1.0.dist-info";

  final Map<String, byte[]> files = new LinkedHashMap<>();
  /** RECORD rows written as they are; null = computed from {@link #files}. */
  List<String> recordRows;
  /** Extra RECORD rows appended after the computed ones. */
  final List<String> extraRows = new ArrayList<>();
  /** Files put in the archive after RECORD was computed (so RECORD does not vouch for them). */
  final Map<String, byte[]> unlisted = new LinkedHashMap<>();
  boolean withRecord = true;

  TestWheel() {
    files.put("demo/__init__.py", utf8("VALUE = 1\n"));
    files.put("demo/data.txt", utf8("some data\n".repeat(50)));
    files.put(DIST + "/METADATA", utf8("Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n\nA demo.\n"));
    files.put(DIST + "/WHEEL", utf8("Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n"));
  }

  TestWheel file(String path, String content) {
    files.put(path, utf8(content));
    return this;
  }

  TestWheel metadata(String text) {
    return file(DIST + "/METADATA", text);
  }

  TestWheel wheelFile(String text) {
    return file(DIST + "/WHEEL", text);
  }

  /** The RECORD rows a correct builder writes for the current files. */
  List<String> computedRows() {
    List<String> rows = new ArrayList<>();
    for (var e : files.entrySet()) {
      rows.add(csv(e.getKey()) + ",sha256=" + b64(digest("SHA-256", e.getValue())) + "," + e.getValue().length);
    }
    rows.add(DIST + "/RECORD,,");
    return rows;
  }

  ZipBuilder builder() {
    ZipBuilder zb = new ZipBuilder();
    List<String> rows = recordRows != null ? new ArrayList<>(recordRows) : computedRows();
    rows.addAll(extraRows);
    for (var e : files.entrySet()) {
      zb.entry(e.getKey(), e.getValue());
    }
    for (var e : unlisted.entrySet()) {
      zb.entry(e.getKey(), e.getValue());
    }
    if (withRecord) {
      zb.entry(DIST + "/RECORD", utf8(String.join("\n", rows) + "\n"));
    }
    return zb;
  }

  byte[] build() {
    return builder().build();
  }

  static String csv(String path) {
    return path.contains(",") || path.contains("\"") ? "\"" + path.replace("\"", "\"\"") + "\"" : path;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] digest(String algorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(algorithm).digest(data);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String b64(byte[] digest) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }
}
