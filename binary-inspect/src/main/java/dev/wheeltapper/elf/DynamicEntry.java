package dev.wheeltapper.elf;

import java.util.Objects;
import java.util.Optional;

/**
 * One dynamic table entry ({@code Elf32_Dyn} / {@code Elf64_Dyn}). For the string-valued tags ({@code NEEDED},
 * {@code SONAME}, {@code RPATH}, {@code RUNPATH}, {@code AUXILIARY}, {@code FILTER}, {@code CONFIG},
 * {@code AUDIT}, {@code DEPAUDIT}) {@link #string()} holds the resolved dynamic string.
 *
 * <pre>{@code
 * elf.dynamic().entries().forEach(e -> System.out.println(e.tag() + " " + e.string().orElse(Long.toHexString(e.value()))));
 * }</pre>
 *
 * @param index the entry's position in the table
 * @param tag the tag
 * @param rawTag {@code d_tag}
 * @param value {@code d_un} (a value or an address)
 * @param string the resolved string for string-valued tags; empty otherwise or when unresolvable (a defect)
 */
public record DynamicEntry(int index, DynamicTag tag, long rawTag, long value, Optional<String> string) {
  /** Validates the components. */
  public DynamicEntry {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(string, "string");
  }

  static boolean isStringTag(long rawTag) {
    return rawTag == 1 || rawTag == 14 || rawTag == 15 || rawTag == 29 || rawTag == 0x7ffffffdL
        || rawTag == 0x7fffffffL || rawTag == 0x6ffffefaL || rawTag == 0x6ffffefbL || rawTag == 0x6ffffefcL;
  }
}
