package dev.wheeltapper.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The tool's version: the Maven project version of the build, from {@code version.properties} (a resource the build
 * fills in), so the jar and the classes of a test run say the same.
 */
final class Version {
  private static final String VERSION = load();

  private Version() {}

  /**
   * The build's version as the build named it, for {@code wheeltapper -V}: {@code 0.1.0-SNAPSHOT} for a snapshot.
   *
   * @return the version
   */
  static String build() {
    return VERSION;
  }

  /**
   * The version the reports carry as {@code tool.version} (JSON) and {@code driver.version} (SARIF): the release the
   * build leads to, without Maven's {@code -SNAPSHOT} qualifier ({@code 0.1.0}).
   *
   * @return the version
   */
  static String current() {
    return VERSION.endsWith("-SNAPSHOT") ? VERSION.substring(0, VERSION.length() - "-SNAPSHOT".length()) : VERSION;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("version.properties is missing from the build");
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "");
      if (v.isEmpty() || v.startsWith("${")) {
        throw new IllegalStateException("version.properties was not filled in by the build: " + v);
      }
      return v;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
