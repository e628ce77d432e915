package dev.wheeltapper.wheel.record;

import dev.wheeltapper.wheel.internal.Text;
import java.util.Objects;
import java.util.Optional;

/**
 * One malformed RECORD line found by {@link RecordParser#parseLenient(byte[])}.
 *
 * <pre>{@code
 * for (RecordProblem p : RecordParser.parseLenient(bytes).problems()) {
 *   System.out.println("line " + p.line() + ": " + p.reason());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param line the 1-based line on which the row starts
 * @param path the row's path when it could be read
 * @param reason what is wrong, for example {@code expected 3 fields, found 2}
 */
public record RecordProblem(int line, Optional<String> path, String reason) {

  /**
   * Validates the problem.
   *
   * @throws IllegalArgumentException when the line is not positive
   */
  public RecordProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(reason, "reason");
    if (line < 1) {
      throw new IllegalArgumentException("line must be positive: " + line);
    }
  }

  /**
   * The problem as one sentence.
   *
   * @return for example {@code RECORD line 3 (foo.py): bad size 'x'}
   */
  public String describe() {
    return "RECORD line " + line + path.map(p -> " (" + Text.printable(p) + ")").orElse("") + ": "
        + Text.printable(reason);
  }
}
