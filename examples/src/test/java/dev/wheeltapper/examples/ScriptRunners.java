package dev.wheeltapper.examples;

import groovy.lang.Binding;
import groovy.lang.GroovyShell;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/** Runs the example scripts the way a user would, and turns any failure into an {@link AssertionError}. */
final class ScriptRunners {
  private ScriptRunners() {}

  /** The scripts of one folder with one extension, by listing it. */
  static List<Path> list(String folder, String extension) throws IOException {
    Path dir = Path.of(System.getProperty("basedir", "."), folder);
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(extension)).sorted().toList();
    }
  }

  /**
   * Runs a JShell script snippet by snippet in one JShell (the default engine, which forks a JVM and captures its
   * standard output). Tool commands such as {@code /exit} are dropped: they are not snippets.
   *
   * @param remoteEngine true for the forking engine (output captured), false for the in-process one (faster, output
   *     not captured)
   * @param vmOptions system properties for the script, such as {@code -Dwheel=...}
   * @return the script's standard output
   */
  static String jshell(Path script, boolean remoteEngine, String... vmOptions) throws IOException {
    String source = Files.readAllLines(script, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.stripLeading().matches("/[a-z!?].*"))
        .collect(Collectors.joining("\n", "", "\n"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JShell.Builder builder = JShell.builder().out(new PrintStream(out, true, StandardCharsets.UTF_8))
        .err(new PrintStream(out, true, StandardCharsets.UTF_8)).remoteVMOptions(vmOptions);
    if (!remoteEngine) {
      builder.executionEngine("local");
    }
    try (JShell shell = builder.build()) {
      shell.addToClasspath(System.getProperty("java.class.path"));
      String remaining = source;
      while (!remaining.isBlank()) {
        SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
        if (!info.completeness().isComplete()) {
          throw new AssertionError(script.getFileName() + ": incomplete snippet: " + remaining.strip());
        }
        for (SnippetEvent e : shell.eval(info.source())) {
          if (e.status() == Snippet.Status.REJECTED) {
            String diagnostics = shell.diagnostics(e.snippet()).map(d -> d.getMessage(null))
                .collect(Collectors.joining("; "));
            throw new AssertionError(script.getFileName() + ": rejected snippet: " + e.snippet().source().strip()
                + "\n" + diagnostics + "\noutput so far:\n" + out.toString(StandardCharsets.UTF_8));
          }
          if (e.exception() != null) {
            String what = e.exception() instanceof EvalException ee ? ee.getExceptionClassName() : "";
            throw new AssertionError(script.getFileName() + ": " + what + " " + e.exception().getMessage()
                + " in: " + e.snippet().source().strip() + "\noutput so far:\n"
                + out.toString(StandardCharsets.UTF_8), e.exception());
          }
        }
        remaining = info.remaining();
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * Runs a Groovy script as {@code groovy -cp ... script.groovy args} would; a failing {@code assert} or an exception
   * propagates.
   *
   * @return what the script printed with {@code println}
   */
  static String groovy(Path script, String... args) throws IOException {
    StringWriter out = new StringWriter();
    Binding binding = new Binding();
    binding.setVariable("out", new PrintWriter(out, true));
    GroovyShell shell = new GroovyShell(ScriptRunners.class.getClassLoader(), binding);
    shell.run(script.toFile(), new ArrayList<>(List.of(args)));
    return out.toString();
  }
}
