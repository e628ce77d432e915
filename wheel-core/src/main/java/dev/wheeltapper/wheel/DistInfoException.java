package dev.wheeltapper.wheel;

import dev.wheeltapper.format.WheelFormatException;
import dev.wheeltapper.wheel.internal.Text;
import java.util.List;

/**
 * The wheel does not have exactly one well-named top-level {@code NAME-VERSION.dist-info} directory.
 *
 * <pre>{@code
 * try {
 *   wheel.distInfo();
 * } catch (DistInfoException e) {
 *   if (e.problem() == DistInfoException.Problem.MULTIPLE) {
 *     e.candidates(); // every top-level .dist-info directory found
 *   }
 * }
 * }</pre>
 */
public final class DistInfoException extends WheelFormatException {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the {@code .dist-info} directory. */
  public enum Problem {
    /** No top-level {@code .dist-info} directory. */
    MISSING,
    /** More than one top-level {@code .dist-info} directory. */
    MULTIPLE,
    /** The single directory's name is not {@code NAME-VERSION.dist-info}. */
    INVALID_NAME
  }

  private final Problem problem;
  private final List<String> candidates;

  /**
   * Creates the exception.
   *
   * @param problem the kind of problem
   * @param candidates the top-level {@code .dist-info} directory names found, in central-directory order
   * @param message the full message
   */
  public DistInfoException(Problem problem, List<String> candidates, String message) {
    super(Text.printable(message));
    this.problem = problem;
    this.candidates = List.copyOf(candidates);
  }

  /**
   * The kind of problem.
   *
   * @return the problem
   */
  public Problem problem() {
    return problem;
  }

  /**
   * The top-level {@code .dist-info} directory names found (without the trailing slash).
   *
   * @return the names, possibly empty
   */
  public List<String> candidates() {
    return candidates;
  }
}
