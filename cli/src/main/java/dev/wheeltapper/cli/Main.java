package dev.wheeltapper.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Entry point of {@code wheeltapper.jar}: {@code verify}, {@code inspect} and {@code audit}, as specified in {@code
 * docs/cli.md}.
 *
 * <p>Exit codes ({@link #EXIT_CODES}, printed by each command's {@code --help}): 0 every artifact passed, 1 at least
 * one artifact has an error finding (a missing or unreadable path among them), 2 usage error, a report that cannot be
 * written, or an internal error.
 */
public final class Main {
  /** Every artifact passed. */
  public static final int EXIT_PASS = 0;
  /** At least one artifact has an error finding. */
  public static final int EXIT_FAIL = 1;
  /** Usage error, a report that cannot be written, or an internal error. */
  public static final int EXIT_USAGE = 2;

  /** The exit codes as {@code --help} states them. */
  static final java.util.Map<String, String> EXIT_CODES = exitCodes();

  private static java.util.Map<String, String> exitCodes() {
    java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
    m.put(" 0", "every artifact passed: no finding of severity error");
    m.put(" 1", "at least one artifact failed (an error finding; a missing or unreadable PATH is one)");
    m.put(" 2", "usage error, a report that cannot be written (--output), or an internal error");
    return java.util.Collections.unmodifiableMap(m);
  }

  private Main() {}

  /**
   * Runs the command line and exits with its exit code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    if (java.util.Arrays.asList(args).contains("--debug")) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
    }
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the command line without exiting, for tests and embedding.
   *
   * @param args the arguments
   * @param out standard output
   * @param err standard error
   * @return the exit code
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    PrintWriter outWriter = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter errWriter = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    CommandLine cl = new CommandLine(new WheeltapperCommand(outWriter, errWriter));
    cl.setOut(outWriter);
    cl.setErr(errWriter);
    for (CommandLine c : java.util.stream.Stream.concat(java.util.stream.Stream.of(cl),
        cl.getSubcommands().values().stream()).toList()) {
      c.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(EXIT_CODES);
    }
    cl.setParameterExceptionHandler((ex, a) -> {
      errWriter.println("wheeltapper: " + ex.getMessage());
      if (ex instanceof CommandLine.UnmatchedArgumentException u
          && !CommandLine.UnmatchedArgumentException.printSuggestions(u, errWriter)) {
        // picocli suggests commands ("Did you mean: audit?"); for a mistyped option, the nearest by edit distance
        nearestOption(u).ifPresent(o -> errWriter.println("Did you mean: " + o + "?"));
      }
      errWriter.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      return EXIT_USAGE;
    });
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      boolean debug = parseResult.expandedArgs().contains("--debug");
      if (ex instanceof UsageException) {
        errWriter.println("wheeltapper: " + ex.getMessage());
      } else {
        errWriter.println("wheeltapper: internal error: " + ex);
      }
      if (debug) {
        ex.printStackTrace(errWriter);
      }
      errWriter.flush();
      return EXIT_USAGE;
    });
    int code = cl.execute(args);
    outWriter.flush();
    errWriter.flush();
    return code;
  }

  /** The option of the command nearest to the first unknown one, at most two edits away. */
  private static java.util.Optional<String> nearestOption(CommandLine.UnmatchedArgumentException u) {
    if (u.getUnmatched().isEmpty() || !u.getUnmatched().get(0).startsWith("-")) {
      return java.util.Optional.empty();
    }
    String given = u.getUnmatched().get(0).split("=", 2)[0];
    if (given.length() > 64) {
      return java.util.Optional.empty(); // no option is that long; and the distance table stays small
    }
    String best = null;
    int bestDistance = 3;
    for (String name : u.getCommandLine().getCommandSpec().optionsMap().keySet()) {
      int d = distance(given, name);
      if (d < bestDistance) {
        bestDistance = d;
        best = name;
      }
    }
    return java.util.Optional.ofNullable(best);
  }

  /** Damerau-Levenshtein distance (adjacent transpositions count one), for option names of a few dozen characters. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
