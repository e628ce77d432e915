package dev.wheeltapper.hardening;

import dev.wheeltapper.bytes.NativeFormat;
import dev.wheeltapper.report.Finding;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hardening of one binary, one record per format: {@link ElfHardening}, {@link PeHardening} and
 * {@link MachOHardening} each hold only their own checks ({@link HardeningCheck#appliesTo}), with the FORTIFY_SOURCE
 * evidence and the run-time search paths under their real kind (DT_RPATH, DT_RUNPATH, LC_RPATH).
 *
 * <pre>{@code
 * Hardening h = ElfHardening.check(facts, CheckContext.wheelEntry("pkg/_x.so"));
 * switch (h) {
 *   case ElfHardening elf -> elf.stack();          // NOT_EXECUTABLE
 *   case PeHardening pe -> pe.flag(HardeningCheck.ASLR);   // Optional[true]
 *   case MachOHardening m -> m.codeSignature();    // Optional[SIGNED]
 * }
 * List<Finding> f = h.findings("pkg/_x.so");      // hardening.* warnings
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface Hardening permits ElfHardening, PeHardening, MachOHardening {

  /**
   * The binary format these checks belong to.
   *
   * @return {@code ELF}, {@code PE} or {@code MACHO}
   */
  NativeFormat format();

  /**
   * The results of this format's own checks, in {@link HardeningCheck} order.
   *
   * @return an unmodifiable map holding exactly the checks that apply to {@link #format()}
   */
  Map<HardeningCheck, CheckResult> results();

  /**
   * The FORTIFY_SOURCE evidence.
   *
   * @return the fortified and unprotected imports (both empty when the check does not apply)
   */
  Fortify fortify();

  /**
   * The run-time library search paths, each list under its real kind: DT_RPATH and DT_RUNPATH for ELF, LC_RPATH for
   * Mach-O, none for PE.
   *
   * @return the lists in report order
   */
  List<SearchPaths> searchPaths();

  /**
   * The result of one check. A check of another format ({@link HardeningCheck#appliesTo} false) reads
   * {@link Status#NOT_APPLICABLE}; it is not part of {@link #results()} and renders nowhere.
   *
   * @param check the check
   * @return its result, never null
   */
  default CheckResult result(HardeningCheck check) {
    CheckResult r = results().get(check);
    if (r != null) {
      return r;
    }
    String name = switch (format()) {
      case ELF -> "an ELF";
      case PE -> "a PE";
      default -> "a Mach-O";
    };
    return new CheckResult(check, Status.NOT_APPLICABLE, CheckValue.Missing.NOT_APPLICABLE, "not " + name + " check");
  }

  /**
   * The value of a yes/no check as a boolean.
   *
   * <pre>{@code
   * h.flag(HardeningCheck.CANARY);   // Optional[true]
   * }</pre>
   *
   * @param check the check
   * @return true or false, empty when the value is not a {@link CheckValue.Flag} (unknown, n/a, or a level)
   */
  default Optional<Boolean> flag(HardeningCheck check) {
    return result(check).flag();
  }

  /**
   * The status of one check.
   *
   * @param check the check
   * @return its status ({@link Status#NOT_APPLICABLE} for another format's check)
   */
  default Status status(HardeningCheck check) {
    return result(check).status();
  }

  /**
   * The results in report order.
   *
   * @return this format's results
   */
  default List<CheckResult> list() {
    return List.copyOf(results().values());
  }

  /**
   * The entries of the first search path list ({@code DT_RPATH} or {@code LC_RPATH}): the contract's {@code rpath}.
   *
   * @return the entries, empty when none
   */
  default List<RpathEntry> rpath() {
    return searchPaths().stream().filter(p -> p.tag() != SearchPaths.Tag.DT_RUNPATH).findFirst()
        .map(SearchPaths::entries).orElse(List.of());
  }

  /**
   * The {@code DT_RUNPATH} entries: the contract's {@code runpath}.
   *
   * @return the entries, empty for PE and Mach-O
   */
  default List<RpathEntry> runpath() {
    return searchPaths().stream().filter(p -> p.tag() == SearchPaths.Tag.DT_RUNPATH).findFirst()
        .map(SearchPaths::entries).orElse(List.of());
  }

  /**
   * The {@code hardening.*} warnings for the failed checks: {@code hardening.no-relro},
   * {@code hardening.partial-relro}, {@code hardening.no-canary}, {@code hardening.execstack},
   * {@code hardening.no-nx}, {@code hardening.no-pie}, {@code hardening.textrel}, {@code hardening.rpath},
   * {@code hardening.no-fortify}, {@code hardening.no-aslr}, {@code hardening.invalid-code-signature},
   * {@code hardening.wx-segment}. Codes follow typed values, never evidence text.
   *
   * @param path the binary's path for the findings (entry path in the wheel, or file path)
   * @return the findings, in check order
   */
  default List<Finding> findings(String path) {
    return HardeningFindings.of(this, path);
  }
}
