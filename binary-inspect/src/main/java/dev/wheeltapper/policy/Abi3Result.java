package dev.wheeltapper.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * The JSON {@code policy.abi3} object: {@code claimed}, {@code ok}, {@code violations} (the fields of
   * {@code docs/cli.md}), then {@code extensions}.
   *
   * @return an ordered, unmodifiable map
   */
  public Map<String, Object> toJsonMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("claimed", claimed);
    m.put("ok", ok);
    m.put("violations", violations.stream().map(Abi3Violation::toJsonMap).toList());
    m.put("extensions", extensions);
    return Collections.unmodifiableMap(m);
  }
}
