package dev.wheeltapper.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run of the class-data-sharing archive {@code cli/target/wheeltapper.jsa} (made by {@code cli/pom.xml}
 * at package time; build use only, not part of the command line): in one JVM, {@code audit} in every report format and
 * {@code inspect} over the bundled samples, then {@code audit}, {@code verify} and {@code inspect} over the extra
 * paths given (the build passes the repository's corpus: wheels for Windows and macOS, so PE and Mach-O; bare ELF
 * files of seven architectures), so that the classes a short run of any command loads are in the archive, the Commons
 * Compress differential's among them. The JVM lists what it loaded ({@code -XX:DumpLoadedClassList}); a second JVM
 * dumps the archive from that list.
 *
 * <p>Usage: {@code java -XX:DumpLoadedClassList=FILE -cp wheeltapper.jar dev.wheeltapper.cli.CdsTraining OUTDIR
 * [PATH...]}; a PATH that does not exist is left out. Reports go to OUTDIR; the exit code is 0 unless a run ended with
 * a usage or internal error (exit 2), whose messages are printed.
 */
final class CdsTraining {
  private CdsTraining() {}

  /**
   * Runs the training.
   *
   * @param args the directory for the reports, then the extra paths
   * @throws Exception if the report directory cannot be made
   */
  public static void main(String[] args) throws Exception {
    Path out = Files.createDirectories(Path.of(args[0]));
    List<String> extra = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      if (Files.exists(Path.of(args[i]))) {
        extra.add(args[i]);
      }
    }
    List<List<String>> runs = new ArrayList<>();
    for (Format f : Format.values()) {
      runs.add(List.of("audit", "--format", f.name()));
    }
    runs.add(List.of("inspect"));
    runs.add(List.of("inspect", "--format", "json"));
    // twice: the first run stores (the SQLite driver and its schema), the second replays
    runs.add(List.of("audit", "--cache", out.resolve("cache.db").toString()));
    runs.add(List.of("audit", "--cache", out.resolve("cache.db").toString()));
    if (!extra.isEmpty()) {
      runs.add(concat(List.of("audit", "--format", "json"), extra));
      runs.add(concat(List.of("audit"), extra));
      runs.add(concat(List.of("verify"), extra));
      runs.add(concat(List.of("inspect"), extra));
      runs.add(concat(List.of("inspect", "--format", "json"), extra));
    }
    int failed = 0;
    for (int i = 0; i < runs.size(); i++) {
      List<String> args1 = concat(runs.get(i), List.of("--output", out.resolve("run" + i + ".out").toString()));
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code = Main.run(args1.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream(), true,
          StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
      if (code == Main.EXIT_USAGE) {
        failed++;
        System.err.println("cds training: " + String.join(" ", args1) + ": " + err.toString(StandardCharsets.UTF_8));
      }
    }
    System.exit(failed == 0 ? 0 : 2);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
