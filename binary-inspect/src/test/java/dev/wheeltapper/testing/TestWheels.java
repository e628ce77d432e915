package dev.wheeltapper.testing;

import dev.wheeltapper.testsupport.Oracles.Oracle;
import dev.wheeltapper.testsupport.Oracles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Builds small, valid wheels (through {@link dev.wheeltapper.testsupport.TestWheels}) and C fixtures with gcc. */
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
    return dev.wheeltapper.testsupport.TestWheels.wheel(dir, name, version, tag, files);
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
    StringBuilder extra = new StringBuilder();
    requiresDist.forEach(r -> extra.append("Requires-Dist: ").append(r).append('\n'));
    return dev.wheeltapper.testsupport.TestWheels.wheel(dir, name, version, tag, files, extra.toString());
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
