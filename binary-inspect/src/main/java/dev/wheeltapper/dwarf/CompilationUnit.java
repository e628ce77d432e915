package dev.wheeltapper.dwarf;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One unit of {@code .debug_info} and the attributes of its first DIE that say how it was built.
 *
 * <pre>{@code
 * cu.producer();      // "GNU C17 12.2.0 -mtune=generic -march=x86-64 -g -O2 -fstack-protector-strong ..."
 * cu.languageName();  // "C11"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param offset the unit's offset in {@code .debug_info}
 * @param version the DWARF version (2 to 5)
 * @param unitType {@code DW_UT_*} (DWARF 5), {@code DW_UT_compile} (1) for earlier versions
 * @param tag the first DIE's tag ({@code DW_TAG_compile_unit} 0x11, {@code DW_TAG_partial_unit} 0x3c, ...)
 * @param producer {@code DW_AT_producer}
 * @param language {@code DW_AT_language} ({@code DW_LANG_*})
 * @param name {@code DW_AT_name}, the primary source file
 * @param compDir {@code DW_AT_comp_dir}
 */
public record CompilationUnit(
    long offset,
    int version,
    int unitType,
    int tag,
    Optional<String> producer,
    OptionalInt language,
    Optional<String> name,
    Optional<String> compDir) {

  /** {@code DW_TAG_compile_unit}. */
  public static final int DW_TAG_COMPILE_UNIT = 0x11;
  /** {@code DW_TAG_partial_unit}. */
  public static final int DW_TAG_PARTIAL_UNIT = 0x3c;
  /** {@code DW_TAG_type_unit} (DWARF 4 {@code .debug_types} style units inside {@code .debug_info}). */
  public static final int DW_TAG_TYPE_UNIT = 0x41;

  /** Rejects nulls. */
  public CompilationUnit {
    Objects.requireNonNull(producer, "producer");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(compDir, "compDir");
  }

  /**
   * The language's DWARF name without its {@code DW_LANG_} prefix.
   *
   * @return for example {@code "C_plus_plus_14"}, {@code "Rust"}; empty when absent, {@code "0x..."} when unnamed
   */
  public Optional<String> languageName() {
    return language.isPresent() ? Optional.of(DwarfLanguage.name(language.getAsInt())) : Optional.empty();
  }
}
