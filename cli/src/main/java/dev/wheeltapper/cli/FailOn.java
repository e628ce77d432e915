package dev.wheeltapper.cli;

import dev.wheeltapper.report.Severity;
import java.util.Optional;

/** The values of {@code --fail-on}: the lowest severity of an unsuppressed finding that fails the run. */
enum FailOn {
  /** An unsuppressed error fails (the default, and the behaviour before the option existed). */
  error,
  /** An unsuppressed error or warning fails. */
  warning,
  /** Nothing fails: exit code 0 whatever the findings; verdicts are judged as with {@code error}. */
  never;

  /** The severity an artifact's verdict is judged at. */
  Severity verdictThreshold() {
    return this == warning ? Severity.WARNING : Severity.ERROR;
  }

  /** The threshold of the exit code, or empty when nothing fails the run. */
  Optional<Severity> exitThreshold() {
    return this == never ? Optional.empty() : Optional.of(verdictThreshold());
  }
}
