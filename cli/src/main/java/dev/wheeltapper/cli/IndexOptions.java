package dev.wheeltapper.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code audit --index PATH|URL [--project NAME]...}: a simple repository as the input, instead of PATHs. */
final class IndexOptions {
  @Option(names = "--index", paramLabel = "PATH|URL",
      description = "audit the wheels of a PEP 503/691 simple repository: a folder, a file: or an http(s): URL")
  String index;

  @Option(names = "--project", paramLabel = "NAME",
      description = "with --index: only this project (repeatable; names normalized per PEP 503)")
  List<String> projects = new ArrayList<>();

  /** Whether {@code --index} was given. */
  boolean given() {
    return index != null;
  }
}
