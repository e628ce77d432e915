package dev.wheeltapper.cli;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Wheels the command-line tests write: their files, then METADATA, WHEEL and a RECORD that hashes them all. */
final class TestWheels {
  private TestWheels() {}

  /**
   * Writes {@code NAME-VERSION-TAG.whl} into {@code dir} with {@code files} in the map's order.
   *
   * @return the wheel
   */
  static Path write(Path dir, String name, String version, String tag, Map<String, byte[]> files,
      String extraMetadata) throws Exception {
    String di = name + "-" + version + ".dist-info/";
    Map<String, byte[]> all = new LinkedHashMap<>(files);
    all.put(di + "METADATA", ("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n" + extraMetadata)
        .getBytes(StandardCharsets.UTF_8));
    all.put(di + "WHEEL", ("Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: false\nTag: " + tag + "\n")
        .getBytes(StandardCharsets.UTF_8));
    StringBuilder record = new StringBuilder();
    for (Map.Entry<String, byte[]> e : all.entrySet()) {
      record.append(row(e.getKey(), e.getValue())).append('\n');
    }
    record.append(di).append("RECORD,,\n");
    all.put(di + "RECORD", record.toString().getBytes(StandardCharsets.UTF_8));
    Path out = dir.resolve(name + "-" + version + "-" + tag + ".whl");
    try (OutputStream os = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(os)) {
      for (Map.Entry<String, byte[]> e : all.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return out;
  }

  /** Writes one entry and adds its RECORD row to {@code rows}. */
  static void entry(ZipOutputStream zip, String path, byte[] content, List<String> rows) throws Exception {
    zip.putNextEntry(new ZipEntry(path));
    zip.write(content);
    zip.closeEntry();
    rows.add(row(path, content));
  }

  private static String row(String path, byte[] content) throws Exception {
    byte[] d = MessageDigest.getInstance("SHA-256").digest(content);
    return path + ",sha256=" + Base64.getUrlEncoder().withoutPadding().encodeToString(d) + "," + content.length;
  }
}
