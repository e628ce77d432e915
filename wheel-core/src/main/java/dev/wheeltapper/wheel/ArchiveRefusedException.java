package dev.wheeltapper.wheel;

import dev.wheeltapper.format.WheelFormatException;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.wheel.internal.Text;
import java.util.List;

/**
 * The strict ZIP layer ({@link dev.wheeltapper.zip.ZipScanner}) refuses the archive: its structure scan found at
 * least one error (a duplicate entry, a local header that contradicts the central directory, overlapping entries, an
 * unsafe name, an encrypted entry or one compressed with a method other than stored and deflate, a limit, ...). The
 * verifier reports the same findings, so every command refuses the archive the same way; {@link NotAZipException}
 * is the case where the bytes are no ZIP archive at all.
 *
 * <pre>{@code
 * try (Wheel w = Wheel.open(Path.of("tampered-1.0-py3-none-any.whl"))) {
 *   // not reached
 * } catch (ArchiveRefusedException e) {
 *   e.findings().forEach(f -> System.err.println(f.code() + " " + f.message()));
 * }
 * }</pre>
 *
 * <p>Immutable once thrown.
 */
public sealed class ArchiveRefusedException extends WheelFormatException permits NotAZipException {
  private static final long serialVersionUID = 1L;

  /** The scan's findings; kept as an unmodifiable list of records (all serializable fields are strings). */
  @SuppressWarnings("serial")
  private final List<Finding> findings;

  /**
   * Creates the exception from the strict scan's findings.
   *
   * @param fileName the archive's file name
   * @param findings every finding of the structure scan (at least one of them an error)
   */
  public ArchiveRefusedException(String fileName, List<Finding> findings) {
    this(fileName, " is refused by the strict ZIP reader: ", findings, null);
  }

  ArchiveRefusedException(String fileName, String verdict, List<Finding> findings, Throwable cause) {
    super(Text.printable(fileName) + verdict + Text.printable(summary(findings, cause)), cause);
    this.findings = List.copyOf(findings);
  }

  private static String summary(List<Finding> findings, Throwable cause) {
    List<Finding> errors = findings.stream().filter(Finding::isError).toList();
    if (errors.isEmpty()) {
      return cause == null ? "no reason given" : NotAZipException.describe(cause);
    }
    Finding first = errors.get(0);
    String more = errors.size() == 1 ? "" : " (and " + (errors.size() - 1) + " more errors)";
    return first.message() + " [" + first.code() + (first.path().isEmpty() ? "" : " " + first.path()) + "]" + more;
  }

  /**
   * The strict scan's findings, errors and warnings, in the order found: the same the verifier reports.
   *
   * @return the findings, empty only when the archive could not be read at all (see {@link #getCause()})
   */
  public List<Finding> findings() {
    return findings;
  }
}
