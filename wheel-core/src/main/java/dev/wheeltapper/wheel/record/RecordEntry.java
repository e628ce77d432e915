package dev.wheeltapper.wheel.record;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One RECORD row: a path, an optional hash and an optional size. The path is kept exactly as written (no backslash
 * translation, no normalisation) so that a verifier can judge it.
 *
 * <pre>{@code
 * RecordEntry e = record.find("foo/__init__.py").orElseThrow();
 * e.hash().map(HashValue::algorithm); // Optional[sha256]
 * e.size();                           // OptionalLong[189]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param path the first column, non-empty
 * @param hash the second column, when not empty
 * @param size the third column, when not empty; never negative
 */
public record RecordEntry(String path, Optional<HashValue> hash, OptionalLong size) {

  /**
   * Validates the row.
   *
   * @throws IllegalArgumentException when the path is empty or the size negative
   */
  public RecordEntry {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(size, "size");
    if (path.isEmpty()) {
      throw new IllegalArgumentException("empty path");
    }
    if (size.isPresent() && size.getAsLong() < 0) {
      throw new IllegalArgumentException("negative size " + size.getAsLong());
    }
  }
}
