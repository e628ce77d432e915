package dev.wheeltapper.provenance.internal;

import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;

/** The note attached to every RECORD.jws and RECORD.p7s result. */
public final class Deprecation {
  private Deprecation() {}

  /**
   * The deprecation note for a signed-RECORD form.
   *
   * @param form {@code RECORD.jws} or {@code RECORD.p7s}
   * @param path the finding path
   * @return a note finding
   */
  public static Finding pep815(String form, String path) {
    return Finding.note(Codes.SIGNATURE_DEPRECATED, path,
        form + " is a signed-RECORD form deprecated by PEP 815; installers ignore it, and it vouches for RECORD only."
            + " Prefer PEP 740 attestations.");
  }
}
