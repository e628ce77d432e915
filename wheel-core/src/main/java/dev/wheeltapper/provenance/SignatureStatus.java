package dev.wheeltapper.provenance;

import java.util.Locale;

/**
 * The verdict on one signature, as in the report contract ({@code docs/cli.md}).
 *
 * <pre>{@code
 * if (result.status() == SignatureStatus.VALID) { ... }
 * }</pre>
 */
public enum SignatureStatus {
  /** Intact, consistent, and from a key, certificate chain, log and identity inside the trust given. */
  VALID,
  /**
   * Intact and consistent as far as it can be checked, but its key, certificate chain or transparency log is not in
   * the trust given, or its identity is not the one required.
   */
  UNTRUSTED,
  /** Anything broken: a bad signature, a digest or subject that does not match, a malformed object. */
  INVALID,
  /** A form or algorithm this library does not verify. */
  UNSUPPORTED;

  /**
   * The name written in reports.
   *
   * @return {@code "valid"}, {@code "untrusted"}, {@code "invalid"} or {@code "unsupported"}
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
