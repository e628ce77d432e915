package dev.wheeltapper.wheel.record;

import dev.wheeltapper.format.WheelFormatException;
import java.util.Optional;

/**
 * A malformed RECORD line, found by the strict parse ({@link RecordParser#parse(byte[])}, which {@code
 * Wheel.record()} uses): not valid CSV, not exactly three fields, an empty path, a size that is not a non-negative
 * decimal integer, a hash that is not {@code algorithm=urlsafe_b64_nopad(digest)}, or bytes that are not UTF-8.
 *
 * <pre>{@code
 * try {
 *   RecordParser.parse("a.py,sha256=x\n".getBytes(UTF_8));
 * } catch (RecordFormatException e) {
 *   e.line();    // 1
 *   e.reason();  // "expected 3 fields, found 2"
 *   e.getMessage(); // "RECORD line 1 (a.py): expected 3 fields, found 2"
 * }
 * }</pre>
 */
public final class RecordFormatException extends WheelFormatException {
  private static final long serialVersionUID = 1L;

  private final transient RecordProblem problem;

  /**
   * Creates the exception from the problem found.
   *
   * @param problem the line, path and reason
   */
  public RecordFormatException(RecordProblem problem) {
    super(problem.describe());
    this.problem = problem;
  }

  /**
   * The 1-based line on which the malformed row starts.
   *
   * @return the line number
   */
  public int line() {
    return problem.line();
  }

  /**
   * The row's path, when it could be read.
   *
   * @return the path
   */
  public Optional<String> path() {
    return problem.path();
  }

  /**
   * What is wrong, without the line number.
   *
   * @return the reason
   */
  public String reason() {
    return problem.reason();
  }

  /**
   * The problem as a value.
   *
   * @return the problem
   */
  public RecordProblem problem() {
    return problem;
  }
}
