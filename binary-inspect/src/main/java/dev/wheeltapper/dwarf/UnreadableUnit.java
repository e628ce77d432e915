package dev.wheeltapper.dwarf;

import java.util.Objects;

/**
 * A unit of {@code .debug_info} that could not be read: its header, its abbreviation or one of its first DIE's
 * attributes lies outside its section, names an unknown form, or declares an unsupported version.
 *
 * <pre>{@code
 * cus.unreadable().forEach(u -> System.out.println(u.offset() + ": " + u.reason()));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param offset the unit's offset in {@code .debug_info}
 * @param reason what is wrong, with the offending offset
 */
public record UnreadableUnit(long offset, String reason) {
  /** Rejects a null reason. */
  public UnreadableUnit {
    Objects.requireNonNull(reason, "reason");
  }
}
