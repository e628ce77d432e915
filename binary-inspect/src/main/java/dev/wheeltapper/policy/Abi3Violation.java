package dev.wheeltapper.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * One reason an extension of an abi3 wheel is not what its tag promises.
 *
 * <pre>{@code
 * v.symbol();     // Optional["PyObject_GetBuffer"]
 * v.addedIn();    // Optional["3.11"] (empty: not in the stable ABI at all)
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param path the extension's entry path
 * @param symbol the imported symbol, empty when the violation is the file name's version-specific suffix
 * @param addedIn the version that added the symbol to the stable ABI, empty when it is not in it (or when the
 *     violation is not a symbol)
 * @param abi3Suffix whether the extension's file name ends in {@code .abi3.so}
 * @param reason the violation in words
 */
public record Abi3Violation(String path, Optional<String> symbol, Optional<String> addedIn, boolean abi3Suffix,
    String reason) {

  /** Rejects nulls. */
  public Abi3Violation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(addedIn, "addedIn");
    Objects.requireNonNull(reason, "reason");
  }
}
