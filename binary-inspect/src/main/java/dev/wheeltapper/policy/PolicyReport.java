package dev.wheeltapper.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code policy} part of a wheel audit: the platform tags, the manylinux or musllinux verdict and the abi3
 * verdict.
 *
 * <pre>{@code
 * Map<String, Object> json = report.toJsonMap();
 * // {"platformTags": [...], "manylinux": {"claimed": ..., "satisfied": ..., "ok": ...}, "abi3": {...}}
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param platformTags the distinct platform tags of the wheel, in file-name order
 * @param manylinux the glibc verdict, for a glibc wheel with a Linux platform tag and ELF binaries
 * @param musllinux the musl verdict, for a musl wheel
 * @param abi3 the abi3 verdict, for a {@code cpXY-abi3} wheel
 */
public record PolicyReport(List<String> platformTags, Optional<PlatformResult> manylinux,
    Optional<PlatformResult> musllinux, Optional<Abi3Result> abi3) {

  /** Copies and rejects nulls. */
  public PolicyReport {
    platformTags = List.copyOf(platformTags);
    Objects.requireNonNull(manylinux, "manylinux");
    Objects.requireNonNull(musllinux, "musllinux");
    Objects.requireNonNull(abi3, "abi3");
  }

  /**
   * The JSON {@code policy} object of {@code docs/cli.md}: {@code platformTags}, then {@code manylinux},
   * {@code musllinux} and {@code abi3} when they apply (absent otherwise).
   *
   * @return an ordered, unmodifiable map
   */
  public Map<String, Object> toJsonMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("platformTags", platformTags);
    manylinux.ifPresent(r -> m.put("manylinux", r.toJsonMap()));
    musllinux.ifPresent(r -> m.put("musllinux", r.toJsonMap()));
    abi3.ifPresent(r -> m.put("abi3", r.toJsonMap()));
    return Collections.unmodifiableMap(m);
  }

  /**
   * One line for the text report.
   *
   * @return for example {@code manylinux: claimed manylinux_2_17_x86_64, satisfied manylinux_2_28_x86_64 (violation)}
   */
  public String toText() {
    StringBuilder b = new StringBuilder("platform ").append(String.join(" ", platformTags));
    manylinux.ifPresent(r -> line(b, r));
    musllinux.ifPresent(r -> line(b, r));
    abi3.ifPresent(a -> b.append("; abi3 ").append(a.claimed()).append(a.ok() ? " ok" : " violated ("
        + a.violations().size() + ")"));
    return b.toString();
  }

  private static void line(StringBuilder b, PlatformResult r) {
    b.append("; ").append(r.family()).append(": claimed ").append(r.claimed().orElse("nothing"))
        .append(", satisfied ").append(r.satisfied()).append(r.ok() ? " (ok)" : " (violation)");
  }
}
