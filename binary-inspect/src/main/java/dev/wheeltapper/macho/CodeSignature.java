package dev.wheeltapper.macho;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Mach-O slice's code signature says, checked offline: every CodeDirectory of the embedded signature
 * (SuperBlob at LC_CODE_SIGNATURE) has its code page hashes recomputed over the slice, and its special slots over the
 * requirements and entitlements blobs the signature carries. A signature that no longer matches its code means the
 * binary was modified after signing; on arm64 macOS such a library does not load. The CMS blob of a Developer ID
 * signature is noted, not verified (Apple's certificate chain is out of scope).
 *
 * <pre>{@code
 * CodeSignature cs = slice.verifyCodeSignature();
 * cs.state();          // VALID
 * cs.identifier();     // Optional["libam1.dylib"]
 * cs.adhoc();          // true: no signer, as the linker signs arm64 binaries
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param state the verdict
 * @param identifier the CodeDirectory's identifier, when there is one
 * @param hashTypes the hash of each CodeDirectory verified ({@code SHA-1}, {@code SHA-256}, ...)
 * @param pagesChecked how many code pages were hashed, over every CodeDirectory
 * @param flags the primary CodeDirectory's flags ({@code CS_ADHOC} 0x2, {@code CS_LINKER_SIGNED} 0x20000, ...)
 * @param cmsSigned whether the signature carries a non-empty CMS blob (a Developer ID or other signer)
 * @param detail a sentence: what was verified, or the first reason it failed
 */
public record CodeSignature(
    State state,
    Optional<String> identifier,
    List<String> hashTypes,
    int pagesChecked,
    long flags,
    boolean cmsSigned,
    String detail) {

  /** The verdicts. */
  public enum State {
    /** No LC_CODE_SIGNATURE, or one without data. */
    ABSENT,
    /** Every CodeDirectory's hashes match the slice. */
    VALID,
    /** A code page or a blob no longer matches its hash: modified after signing. */
    INVALID,
    /** The signature cannot be read: bad magic, lengths outside the blob, unknown hash type. */
    MALFORMED
  }

  /** Rejects nulls and copies the list. */
  public CodeSignature {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(identifier, "identifier");
    hashTypes = List.copyOf(hashTypes);
    Objects.requireNonNull(detail, "detail");
  }

  /**
   * Whether the primary CodeDirectory is ad hoc ({@code CS_ADHOC}): hashes without a signer.
   *
   * @return true for ad-hoc and linker signatures
   */
  public boolean adhoc() {
    return (flags & 0x2) != 0;
  }

  /**
   * Whether the linker wrote the signature ({@code CS_LINKER_SIGNED}), as ld64 does for every arm64 binary.
   *
   * @return true when linker-signed
   */
  public boolean linkerSigned() {
    return (flags & 0x20000) != 0;
  }
}
