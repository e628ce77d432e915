package dev.wheeltapper.cli;

/** The tool's version, from the jar manifest when packaged. */
final class Version {
  private Version() {}

  static String current() {
    String v = Version.class.getPackage().getImplementationVersion();
    if (v == null) {
      return "0.1.0";
    }
    return v.endsWith("-SNAPSHOT") ? v.substring(0, v.length() - "-SNAPSHOT".length()) : v;
  }
}
