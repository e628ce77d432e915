package dev.wheeltapper.cli;

/** Whether output goes to a terminal, and whether colour is wanted there. */
final class Terminal {
  private Terminal() {}

  /** True when standard input and output are a terminal (all that Java 17 can tell). */
  static boolean interactive() {
    return System.console() != null;
  }

  /** Colour only on a terminal, and never when {@code NO_COLOR} is set (https://no-color.org). */
  static boolean colorOnStdout() {
    String noColor = System.getenv("NO_COLOR");
    return interactive() && (noColor == null || noColor.isEmpty()) && !"dumb".equals(System.getenv("TERM"));
  }
}
