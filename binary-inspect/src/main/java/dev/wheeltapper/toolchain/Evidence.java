package dev.wheeltapper.toolchain;

import java.util.List;
import java.util.Objects;

/**
 * A conclusion (a language, a binding) and the evidence strings behind it, as the text report shows them.
 *
 * <pre>{@code
 * Evidence<Language> rust = toolchain.languages().get(0);
 * rust.value();      // RUST
 * rust.evidence();   // ["rustc version 1.95.0 in .comment", "/rustc/5980.../library/core/src/... in .rodata"]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param <T> {@link Language} or {@link Binding}
 * @param value what was concluded
 * @param evidence what it was concluded from, never empty
 */
public record Evidence<T>(T value, List<String> evidence) {

  /** Rejects a null value and an empty evidence list. */
  public Evidence {
    Objects.requireNonNull(value, "value");
    evidence = List.copyOf(evidence);
    if (evidence.isEmpty()) {
      throw new IllegalArgumentException("a conclusion needs evidence: " + value);
    }
  }
}
