package dev.wheeltapper.pep508;

import java.util.Collection;
import java.util.Objects;

/**
 * A PEP 508 environment marker, such as {@code python_version < "3.11" and (sys_platform == "linux" or extra ==
 * "test")}.
 *
 * <p>Parsing accepts the full grammar: {@code and} (binding tighter) and {@code or}, parentheses (at most {@value
 * #MAX_NESTING} levels), the operators {@code < <= == != >= > ~= ===} and {@code in}/{@code not in}, a variable or
 * quoted string on either side, and the legacy variable spellings {@code os.name}, {@code sys.platform}, {@code
 * platform.version}, {@code platform.machine}, {@code platform.python_implementation} and {@code
 * python_implementation}.
 *
 * <p>Evaluation follows PEP 508: a comparison operator uses PEP 440 semantics when both sides are valid versions (the
 * right side read as a specifier, pre-releases included), and otherwise falls back to Python's string comparison;
 * {@code in} is substring containment; {@code extra} values compare after PEP 685 name normalisation. {@code ~=} or
 * {@code ===} without a version meaning is an error ({@link MarkerEvaluationException}).
 *
 * <pre>{@code
 * Marker m = Marker.parse("python_version >= '3.8' and extra == 'Test_Suite'");
 * m.evaluate(Environment.of(Map.of("python_version", "3.12", "extra", "test-suite")));  // true
 * m.toString();  // python_version >= "3.8" and extra == "Test_Suite"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Marker {

  /** Longest accepted marker text, in characters. */
  public static final int MAX_LENGTH = 8192;

  /** Deepest parenthesis nesting accepted. */
  public static final int MAX_NESTING = Pep508Parser.MAX_NESTING;

  private final MarkerTree.Node root;
  private final String normalized;

  Marker(MarkerTree.Node root) {
    this.root = root;
    this.normalized = MarkerTree.format(root);
  }

  /**
   * Parses a marker.
   *
   * @param text the marker expression
   * @return the marker
   * @throws InvalidMarkerException if the text is not a valid marker (with the position and what was expected)
   */
  public static Marker parse(String text) throws InvalidMarkerException {
    Objects.requireNonNull(text, "text");
    if (text.length() > MAX_LENGTH) {
      throw new InvalidMarkerException(text, 0, "longer than " + MAX_LENGTH + " characters");
    }
    try {
      return new Marker(Pep508Parser.parseMarker(text));
    } catch (SyntaxException e) {
      throw new InvalidMarkerException(text, e.position(), e.reason());
    }
  }

  /**
   * Evaluates the marker in an environment (its {@code extra} is the extra being evaluated, empty for none).
   *
   * @param environment the variable values
   * @return whether the marker holds
   * @throws MarkerEvaluationException if a comparison has no defined meaning for the values met
   */
  public boolean evaluate(Environment environment) throws MarkerEvaluationException {
    Objects.requireNonNull(environment, "environment");
    return MarkerTree.evaluate(root, environment);
  }

  /**
   * Evaluates the marker for a set of requested extras, as an installer does for a requirement of a distribution
   * installed with those extras: true if it holds for any one of them, or, with no extras, for {@code extra} empty.
   *
   * @param environment the variable values (its own {@code extra} is ignored)
   * @param extras the requested extras, possibly empty
   * @return whether the marker holds
   * @throws MarkerEvaluationException if a comparison has no defined meaning for the values met
   */
  public boolean evaluate(Environment environment, Collection<String> extras) throws MarkerEvaluationException {
    Objects.requireNonNull(environment, "environment");
    if (extras.isEmpty()) {
      return evaluate(environment.withExtra(""));
    }
    for (String extra : extras) {
      if (evaluate(environment.withExtra(extra))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The normalised text: canonical variable names, double-quoted strings (single quotes when the value contains a
   * double quote), single spaces, and only the parentheses needed.
   */
  @Override
  public String toString() {
    return normalized;
  }

  /** Equal when the normalised texts are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Marker && normalized.equals(((Marker) o).normalized);
  }

  @Override
  public int hashCode() {
    return normalized.hashCode();
  }
}
