package dev.wheeltapper.policy;

import java.util.List;
import java.util.Objects;

/**
 * The abi3 verdict of a wheel tagged {@code cpXY-abi3}.
 *
 * <pre>{@code
 * Abi3Result r = Abi3Check.check(tags, linkages).orElseThrow();
 * r.claimed();       // "cp38"
 * r.ok();            // no violation
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param claimed the oldest {@code cpXY} among the wheel's abi3 tags
 * @param ok whether no extension breaks the claim
 * @param extensions how many extensions were checked
 * @param violations every violation, in entry order
 */
public record Abi3Result(String claimed, boolean ok, int extensions, List<Abi3Violation> violations) {

  /** Copies and rejects nulls. */
  public Abi3Result {
    Objects.requireNonNull(claimed, "claimed");
    violations = List.copyOf(violations);
  }
}
