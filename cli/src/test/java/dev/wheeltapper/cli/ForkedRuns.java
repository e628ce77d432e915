package dev.wheeltapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the memory tests share: the command line run in a forked JVM with a small heap (their inputs come from {@link
 * dev.wheeltapper.testsupport.GeneratedElf}).
 */
final class ForkedRuns {
  private ForkedRuns() {}

  /**
   * Runs {@link Main} in a new JVM with these options; its standard error goes to {@code stderr.txt} in {@code tmp},
   * and must not report an internal error.
   *
   * @return its exit code
   */
  static int run(Path tmp, List<String> jvmOptions, long minutes, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    Path err = tmp.resolve("stderr.txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile())
        .start();
    assertThat(p.waitFor(minutes, TimeUnit.MINUTES)).as("the run ends").isTrue();
    assertThat(Files.readString(err)).as("standard error").doesNotContain("internal error");
    return p.exitValue();
  }
}
