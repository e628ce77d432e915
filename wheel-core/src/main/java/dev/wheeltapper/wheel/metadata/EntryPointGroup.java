package dev.wheeltapper.wheel.metadata;

import java.util.List;
import java.util.Objects;

/**
 * One section of entry_points.txt, for example {@code console_scripts}.
 *
 * <pre>{@code
 * for (EntryPoint ep : group.entryPoints()) {
 *   System.out.println(ep.name() + " = " + ep.value());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the section name
 * @param entryPoints its entry points in file order
 */
public record EntryPointGroup(String name, List<EntryPoint> entryPoints) {

  /** Copies the entry points. */
  public EntryPointGroup {
    Objects.requireNonNull(name, "name");
    entryPoints = List.copyOf(entryPoints);
  }
}
