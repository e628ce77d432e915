package dev.wheeltapper.report;

import java.util.Locale;

/**
 * How much a {@link Finding} matters. An artifact fails when it has at least one {@link #ERROR}.
 *
 * <p>The lower-case {@link #label()} is the value written in JSON and SARIF reports ({@code "error"}, {@code
 * "warning"}, {@code "note"}).
 */
public enum Severity {
  /** The artifact is corrupt, tampered with, unsafe or non-conforming. */
  ERROR,
  /** Something a careful user wants to know, that does not make the artifact fail. */
  WARNING,
  /** Information only. */
  NOTE;

  /**
   * The name used in reports.
   *
   * @return {@code "error"}, {@code "warning"} or {@code "note"}
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
