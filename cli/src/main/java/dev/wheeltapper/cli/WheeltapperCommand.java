package dev.wheeltapper.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code wheeltapper} command; the work is in its subcommands. */
@Command(
    name = "wheeltapper",
    mixinStandardHelpOptions = true,
    versionProvider = WheeltapperCommand.VersionProvider.class,
    description = "Taps every wheel: integrity, provenance, native code, hardening and platform policy of Python wheels.",
    subcommands = {VerifyCommand.class, InspectCommand.class, AuditCommand.class})
final class WheeltapperCommand implements Callable<Integer> {
  final PrintWriter out;
  final PrintWriter err;

  @Spec CommandSpec spec;

  WheeltapperCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(err);
    return Main.EXIT_USAGE;
  }

  /** Prints the build's version ({@code -V}, {@code --version}). */
  static final class VersionProvider implements picocli.CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"wheeltapper " + Version.build()};
    }
  }
}
