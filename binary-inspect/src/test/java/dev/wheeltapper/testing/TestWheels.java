package dev.wheeltapper.testing;

import dev.wheeltapper.testsupport.Oracles.Oracle;
import dev.wheeltapper.testsupport.Oracles;
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

/** Builds small, valid wheels (WHEEL, METADATA and a correct RECORD) around given files, and C fixtures with gcc. */
public final class TestWheels {
  private TestWheels() {}

  /**
   * Writes a wheel.
   *
   * @param dir where
   * @param name distribution name
   * @param version version
   * @param tag the single tag ({@code cp311-cp311-manylinux_2_17_x86_64})
   * @param files entry path to content, in order
   * @return the wheel file
   */
  public static Path wheel(Path dir, String name, String version, String tag, Map<String, byte[]> files) {
    return wheel(dir, name, version, tag, files, List.of());
  }

  /**
   * Writes a wheel whose METADATA requires other distributions.
   *
   * @param dir where
   * @param name distribution name
   * @param version version
   * @param tag the single tag
   * @param files entry path to content, in order
   * @param requiresDist the {@code Requires-Dist} values
   * @return the wheel file
   */
  public static Path wheel(Path dir, String name, String version, String tag, Map<String, byte[]> files,
      List<String> requiresDist) {
    String distInfo = name + "-" + version + ".dist-info/";
    Map<String, byte[]> all = new LinkedHashMap<>(files);
    StringBuilder metadata = new StringBuilder("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n");
    requiresDist.forEach(r -> metadata.append("Requires-Dist: ").append(r).append('\n'));
    all.put(distInfo + "METADATA", metadata.toString().getBytes(StandardCharsets.UTF_8));
    all.put(distInfo + "WHEEL", ("Wheel-Version: 1.0\nGenerator: wheeltapper-tests\nRoot-Is-Purelib: false\nTag: "
        + tag + "\n").getBytes(StandardCharsets.UTF_8));
    StringBuilder record = new StringBuilder();
    all.forEach((p, c) -> record.append(p).append(",sha256=").append(sha256(c)).append(',').append(c.length)
        .append('\n'));
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

  private static String sha256(byte[] c) {
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(c));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Compiles C source into a shared object with gcc.
   *
   * @param dir the working directory
   * @param output the output file name
   * @param source the C source
   * @param extra extra gcc arguments (after the source)
   * @return the built file's bytes
   */
  public static byte[] gccShared(Path dir, String output, String source, List<String> extra) {
    Oracles.require(Oracle.GCC);
    try {
      Path src = dir.resolve(output + ".c");
      Files.writeString(src, source);
      List<String> cmd = new java.util.ArrayList<>(List.of("gcc", "-shared", "-fPIC", "-O1", "-fno-stack-protector",
          "-U_FORTIFY_SOURCE", "-D_FORTIFY_SOURCE=0", "-o", output, src.getFileName().toString()));
      cmd.addAll(extra);
      HardeningFixtures.run(cmd, dir, Map.of());
      return Files.readAllBytes(dir.resolve(output));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
