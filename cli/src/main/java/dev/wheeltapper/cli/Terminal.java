package dev.wheeltapper.cli;

/**
 * Whether standard output and standard error are terminals, and whether colour is wanted there.
 *
 * <p>Java 17 cannot ask about one stream: {@link System#console()} is present only when standard input and output
 * both are terminals. The {@code ./wheeltapper} script knows better ({@code test -t}) and passes {@code
 * wheeltapper.stdout.tty}, {@code wheeltapper.stderr.tty} and {@code wheeltapper.color} (its own answer to the
 * colour question below); without them the console is the answer.
 */
final class Terminal {
  private Terminal() {}

  /** True when standard output is a terminal. */
  static boolean stdoutIsTerminal() {
    return flag("wheeltapper.stdout.tty");
  }

  /** True when standard error is a terminal: where the progress bar may be drawn. */
  static boolean stderrIsTerminal() {
    return flag("wheeltapper.stderr.tty");
  }

  /**
   * Colour on standard output: never when {@code NO_COLOR} is set to a non-empty value (https://no-color.org), whatever
   * else says so; otherwise as {@code wheeltapper.color} says when given, else only on a terminal whose {@code TERM}
   * is not {@code dumb}.
   */
  static boolean colorOnStdout() {
    String noColor = System.getenv("NO_COLOR");
    if (noColor != null && !noColor.isEmpty()) {
      return false;
    }
    String color = System.getProperty("wheeltapper.color");
    if (color != null) {
      return Boolean.parseBoolean(color);
    }
    return stdoutIsTerminal() && !"dumb".equals(System.getenv("TERM"));
  }

  private static boolean flag(String property) {
    String v = System.getProperty(property);
    return v != null ? Boolean.parseBoolean(v) : System.console() != null;
  }
}
