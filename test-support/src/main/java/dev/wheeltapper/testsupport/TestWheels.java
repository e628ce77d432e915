package dev.wheeltapper.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Small, valid wheels for tests: the given files, then METADATA, WHEEL and a RECORD that hashes them all.
 *
 * <pre>{@code
 * Path whl = TestWheels.wheel(dir, "demo", "1.0", "py3-none-any", Map.of("demo/__init__.py", new byte[0]));
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class TestWheels {
  private TestWheels() {}

  /**
   * Writes {@code NAME-VERSION-TAG.whl}.
   *
   * @param dir where
   * @param name distribution name
   * @param version version
   * @param tag the single tag ({@code cp311-cp311-manylinux_2_17_x86_64})
   * @param files entry path to content, in the map's order
   * @return the wheel file
   */
  public static Path wheel(Path dir, String name, String version, String tag, Map<String, byte[]> files) {
    return wheel(dir, name, version, tag, files, "");
  }

  /**
   * Writes {@code NAME-VERSION-TAG.whl} with more METADATA fields.
   *
   * @param dir where
   * @param name distribution name
   * @param version version
   * @param tag the single tag
   * @param files entry path to content, in the map's order
   * @param extraMetadata METADATA lines after {@code Version}, each ending in a newline ({@code "Requires-Dist: x\n"})
   * @return the wheel file
   */
  public static Path wheel(Path dir, String name, String version, String tag, Map<String, byte[]> files,
      String extraMetadata) {
    String distInfo = name + "-" + version + ".dist-info/";
    Map<String, byte[]> all = new LinkedHashMap<>(files);
    all.put(distInfo + "METADATA", ("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n"
        + extraMetadata).getBytes(StandardCharsets.UTF_8));
    all.put(distInfo + "WHEEL", ("Wheel-Version: 1.0\nGenerator: wheeltapper-tests\nRoot-Is-Purelib: false\nTag: "
        + tag + "\n").getBytes(StandardCharsets.UTF_8));
    StringBuilder record = new StringBuilder();
    all.forEach((p, c) -> record.append(row(p, c)).append('\n'));
    record.append(distInfo).append("RECORD,,\n");
    all.put(distInfo + "RECORD", record.toString().getBytes(StandardCharsets.UTF_8));
    Path out = dir.resolve(name + "-" + version + "-" + tag + ".whl");
    try (OutputStream os = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(os)) {
      for (Map.Entry<String, byte[]> e : all.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * Writes one entry of a wheel being built by hand and adds its RECORD row to {@code rows}.
   *
   * @param zip the wheel being written
   * @param path the entry's path
   * @param content its bytes
   * @param rows the RECORD rows so far
   * @throws IOException when the entry cannot be written
   */
  public static void entry(ZipOutputStream zip, String path, byte[] content, List<String> rows) throws IOException {
    zip.putNextEntry(new ZipEntry(path));
    zip.write(content);
    zip.closeEntry();
    rows.add(row(path, content));
  }

  /** A RECORD row: {@code path,sha256=<urlsafe base64, unpadded>,size}. */
  private static String row(String path, byte[] content) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(content);
      return path + ",sha256=" + Base64.getUrlEncoder().withoutPadding().encodeToString(d) + "," + content.length;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
