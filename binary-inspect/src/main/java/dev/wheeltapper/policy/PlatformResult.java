package dev.wheeltapper.policy;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The platform-policy verdict of a wheel for one libc family: what it claims, what its binaries actually satisfy,
 * and why.
 *
 * <pre>{@code
 * PlatformResult r = PlatformCheck.check(tags, linkages, entryNames).manylinux().orElseThrow();
 * r.claimed();     // Optional["manylinux_2_17_aarch64"]
 * r.satisfied();   // "manylinux_2_31_aarch64"
 * r.ok();          // false
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param family {@code manylinux} or {@code musllinux}
 * @param claimed the most compatible (oldest libc) tag of this family among the wheel's platform tags, in PEP 600
 *     form
 * @param satisfied the most compatible tag the binaries satisfy, in PEP 600 form, or {@code linux_<arch>}
 * @param ok whether the claim holds; false without a claim only when nothing of the family is satisfied
 * @param libc {@code glibc}, {@code musl} or {@code unknown}: from the libc the binaries need
 * @param externalLibraries needed libraries neither bundled in the wheel nor allowed by the claimed policy (without a
 *     claim: by any policy of the family), sorted
 * @param libpython libpython sonames some binary needs (never allowed)
 * @param symbolVersions the highest version required per namespace over every binary ({@code GLIBC -> 2.29})
 * @param pyfpe whether some binary imports {@code PyFPE_jbuf} (only {@code linux} then)
 * @param unsupportedIsa x86 binaries that need more than the baseline instruction set (x86-64-v2 and up, from
 *     {@code GNU_PROPERTY_X86_ISA_1_NEEDED}), which no policy allows; auditwheel's {@code unsupported_isa}
 */
public record PlatformResult(
    String family,
    Optional<String> claimed,
    String satisfied,
    boolean ok,
    String libc,
    List<String> externalLibraries,
    List<String> libpython,
    Map<String, String> symbolVersions,
    boolean pyfpe,
    List<String> unsupportedIsa) {

  /**
   * A verdict without binaries that need more than the baseline instruction set.
   *
   * @param family the family
   * @param claimed the claimed tag
   * @param satisfied the satisfied tag
   * @param ok whether the claim holds
   * @param libc the libc
   * @param externalLibraries external libraries
   * @param libpython libpython sonames
   * @param symbolVersions highest versions per namespace
   * @param pyfpe whether {@code PyFPE_jbuf} is imported
   */
  public PlatformResult(String family, Optional<String> claimed, String satisfied, boolean ok, String libc,
      List<String> externalLibraries, List<String> libpython, Map<String, String> symbolVersions, boolean pyfpe) {
    this(family, claimed, satisfied, ok, libc, externalLibraries, libpython, symbolVersions, pyfpe, List.of());
  }

  /** Copies and rejects nulls. */
  public PlatformResult {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(claimed, "claimed");
    Objects.requireNonNull(satisfied, "satisfied");
    Objects.requireNonNull(libc, "libc");
    externalLibraries = List.copyOf(externalLibraries);
    libpython = List.copyOf(libpython);
    unsupportedIsa = List.copyOf(unsupportedIsa);
    symbolVersions = Collections.unmodifiableMap(new TreeMap<>(symbolVersions));
  }
}
