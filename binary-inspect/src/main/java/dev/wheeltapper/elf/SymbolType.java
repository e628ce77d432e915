package dev.wheeltapper.elf;

import java.util.HashMap;
import java.util.Map;

/**
 * Symbol types ({@code ELF_ST_TYPE(st_info)}); unnamed values map to {@link #UNKNOWN} ({@link Symbol#rawType()} keeps the number).
 *
 * <pre>{@code
 * elf.dynamicSymbols().ofType(SymbolType.FUNC).count();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum SymbolType {
  /** Unspecified (0). */
  NOTYPE(0),
  /** Data object (1). */
  OBJECT(1),
  /** Function (2). */
  FUNC(2),
  /** Section (3). */
  SECTION(3),
  /** Source file name (4). */
  FILE(4),
  /** Common block (5). */
  COMMON(5),
  /** Thread-local data (6). */
  TLS(6),
  /** Indirect function (GNU), readelf prints IFUNC (10). */
  GNU_IFUNC(10),
  /** Any other value. */
  UNKNOWN(-1);

  private static final Map<Integer, SymbolType> BY_VALUE = new HashMap<>();

  static {
    for (SymbolType t : values()) {
      if (t.value >= 0) {
        BY_VALUE.putIfAbsent(t.value, t);
      }
    }
  }

  private final int value;

  SymbolType(int value) {
    this.value = value;
  }

  /**
   * The raw number.
   *
   * @return the value, -1 for the fallback constants
   */
  public int value() {
    return value;
  }

  /**
   * The type for a raw value.
   *
   * @param raw the number (0-15)
   * @return the type, {@link #UNKNOWN} when not named
   */
  public static SymbolType of(int raw) {
    return BY_VALUE.getOrDefault(raw, UNKNOWN);
  }

}
