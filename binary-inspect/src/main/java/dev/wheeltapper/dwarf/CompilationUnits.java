package dev.wheeltapper.dwarf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every unit of a {@code .debug_info} section, as read by {@link DwarfReader}: the readable ones, the unreadable ones
 * (each with its reason), and whether the walk stopped early (a unit cap, or a unit length that cannot be followed).
 *
 * <pre>{@code
 * Map<String, Integer> producers = elf.compilationUnits().producerCounts();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param units the readable units, in section order
 * @param unreadable the units that could not be read, in section order
 * @param truncated whether units may follow that were not walked (see {@link #stopReason()})
 * @param stopReason why the walk stopped early; empty when it reached the end of the section
 */
public record CompilationUnits(
    List<CompilationUnit> units, List<UnreadableUnit> unreadable, boolean truncated, Optional<String> stopReason) {

  /** Copies the lists. */
  public CompilationUnits {
    units = List.copyOf(units);
    unreadable = List.copyOf(unreadable);
    java.util.Objects.requireNonNull(stopReason, "stopReason");
  }

  /**
   * No DWARF.
   *
   * @return an empty result
   */
  public static CompilationUnits none() {
    return new CompilationUnits(List.of(), List.of(), false, Optional.empty());
  }

  /**
   * A {@code .debug_info} that could not be read at all (a compressed section that does not inflate, say).
   *
   * @param reason why
   * @return an empty, truncated result with that reason
   */
  public static CompilationUnits unreadable(String reason) {
    return new CompilationUnits(List.of(), List.of(), true, Optional.of(reason));
  }

  /**
   * Whether there was nothing to read and nothing went wrong.
   *
   * @return true for a file without {@code .debug_info}
   */
  public boolean isEmpty() {
    return units.isEmpty() && unreadable.isEmpty() && !truncated;
  }

  /**
   * Whether every unit was read.
   *
   * @return true when nothing is unreadable and the walk reached the end
   */
  public boolean complete() {
    return unreadable.isEmpty() && !truncated;
  }

  /**
   * Each distinct {@code DW_AT_producer} with the number of units that carry it, in order of first appearance.
   *
   * @return producer to count
   */
  public Map<String, Integer> producerCounts() {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (CompilationUnit cu : units) {
      cu.producer().ifPresent(p -> out.merge(p, 1, Integer::sum));
    }
    return java.util.Collections.unmodifiableMap(out);
  }
}
