package dev.wheeltapper.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code policy} part of a wheel audit: the platform tags, the manylinux or musllinux verdict and the abi3
 * verdict.
 *
 * <pre>{@code
 * PolicyReport p = WheelAudit.defaults().audit(wheel).policy();
 * p.platformTags();                                  // [manylinux_2_17_x86_64, manylinux2014_x86_64]
 * p.manylinux().map(PlatformResult::satisfied);      // Optional[manylinux_2_28_x86_64]
 * p.abi3().map(Abi3Result::ok);                      // Optional.empty: not an abi3 wheel
 * }</pre>
 *
 * <p>Data only: the command line renders it (the JSON {@code policy} object of {@code docs/cli.md}).
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
}
