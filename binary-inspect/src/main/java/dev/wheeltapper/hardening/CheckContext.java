package dev.wheeltapper.hardening;

import java.util.Objects;
import java.util.Optional;

/**
 * What the hardening checks need to know beyond the binary's bytes: where it sits in its wheel (for {@code $ORIGIN}
 * entries) and whether all its own code is in a memory-safe language (then canaries and FORTIFY_SOURCE, which are
 * C compiler features, are not applicable).
 *
 * <pre>{@code
 * CheckContext ctx = CheckContext.wheelEntry("pkg/_x.so").withMemorySafeCode("only Rust code found");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param pathInWheel the binary's entry path inside its wheel, empty for a bare file
 * @param memorySafeOnly why the binary holds only memory-safe code (Rust, Go) besides the C runtime glue, or empty
 */
public record CheckContext(Optional<String> pathInWheel, Optional<String> memorySafeOnly) {

  /** Rejects nulls. */
  public CheckContext {
    Objects.requireNonNull(pathInWheel, "pathInWheel");
    Objects.requireNonNull(memorySafeOnly, "memorySafeOnly");
  }

  /**
   * A bare file outside any wheel.
   *
   * @return the context
   */
  public static CheckContext bareFile() {
    return new CheckContext(Optional.empty(), Optional.empty());
  }

  /**
   * A wheel entry.
   *
   * @param entryPath for example {@code pkg/_x.abi3.so}
   * @return the context
   */
  public static CheckContext wheelEntry(String entryPath) {
    return new CheckContext(Optional.of(entryPath), Optional.empty());
  }

  /**
   * The same context, marking the code memory-safe.
   *
   * @param reason the evidence, for example {@code only Rust code found}
   * @return a new context
   */
  public CheckContext withMemorySafeCode(String reason) {
    return new CheckContext(pathInWheel, Optional.of(reason));
  }
}
