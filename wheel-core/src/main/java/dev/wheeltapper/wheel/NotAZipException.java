package dev.wheeltapper.wheel;

import dev.wheeltapper.report.Finding;
import java.util.List;

/**
 * The file is not a ZIP archive: the strict scan finds no end of central directory record, or a central directory
 * it cannot locate ({@code zip.not-a-zip}), or the channel cannot be read while scanning (the cause then says why).
 * Any other structure error is an {@link ArchiveRefusedException}, the base of this one.
 *
 * <pre>{@code
 * try (Wheel w = Wheel.open(Path.of("garbage.whl"))) {
 *   // not reached
 * } catch (NotAZipException e) {
 *   // "garbage.whl is not a readable ZIP archive: ..."
 * }
 * }</pre>
 *
 * <p>Immutable once thrown.
 */
public final class NotAZipException extends ArchiveRefusedException {
  private static final long serialVersionUID = 1L;

  private static final String VERDICT = " is not a readable ZIP archive: ";

  /**
   * Creates the exception for a read failure.
   *
   * @param fileName the archive's file name
   * @param cause the failure reported while reading the archive
   */
  public NotAZipException(String fileName, Throwable cause) {
    super(fileName, VERDICT, List.of(), cause);
  }

  /**
   * Creates the exception from the strict scan's findings.
   *
   * @param fileName the archive's file name
   * @param findings the scan's findings, among them a {@code zip.not-a-zip} error
   */
  public NotAZipException(String fileName, List<Finding> findings) {
    super(fileName, VERDICT, findings, null);
  }

  /** The innermost cause's message, for a failure wrapped in generic ones. */
  static String describe(Throwable t) {
    Throwable root = t;
    for (int i = 0; i < 16 && root.getCause() != null && root.getCause() != root; i++) {
      root = root.getCause();
    }
    String m = root.getMessage();
    if (m != null && !m.isBlank()) {
      return m;
    }
    if (root instanceof java.io.EOFException) {
      return "unexpected end of data";
    }
    if (root instanceof java.nio.channels.ClosedChannelException) {
      return "the archive is closed";
    }
    return root.getClass().getSimpleName();
  }
}
