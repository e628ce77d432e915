package dev.wheeltapper.dwarf;

/**
 * Caps on what the DWARF reader iterates or keeps, whatever the bytes declare.
 *
 * <pre>{@code
 * CompilationUnits cus = DwarfReader.read(sections, DwarfLimits.defaults().withMaxUnits(1_000));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxUnits the most unit headers walked (the rest is reported as {@link CompilationUnits#truncated()})
 * @param maxAbbreviations the most abbreviation declarations scanned when looking one code up
 * @param maxAttributes the most attribute specifications of one abbreviation
 * @param maxStringLength the longest string kept (longer ones are cut, as {@code readelf} shows them)
 */
public record DwarfLimits(int maxUnits, int maxAbbreviations, int maxAttributes, int maxStringLength) {

  /** Validates the components: every limit must be positive. */
  public DwarfLimits {
    if (maxUnits <= 0 || maxAbbreviations <= 0 || maxAttributes <= 0 || maxStringLength <= 0) {
      throw new IllegalArgumentException("DwarfLimits must be positive: " + this);
    }
  }

  /**
   * Generous defaults: 100 000 units (a large C++ library has a few thousand), 100 000 abbreviations per lookup, 1 024
   * attributes per abbreviation, 64 KiB strings (a Clang {@code -grecord-command-line} producer is a few KiB).
   *
   * @return the defaults
   */
  public static DwarfLimits defaults() {
    return new DwarfLimits(100_000, 100_000, 1_024, 64 << 10);
  }

  /**
   * A copy with another unit cap.
   *
   * @param n the most units
   * @return the copy
   */
  public DwarfLimits withMaxUnits(int n) {
    return new DwarfLimits(n, maxAbbreviations, maxAttributes, maxStringLength);
  }
}
