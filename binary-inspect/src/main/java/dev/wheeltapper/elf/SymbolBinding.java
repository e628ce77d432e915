package dev.wheeltapper.elf;

import java.util.HashMap;
import java.util.Map;

/**
 * Symbol bindings ({@code ELF_ST_BIND(st_info)}); unnamed values map to {@link #UNKNOWN} ({@link Symbol#rawBinding()} keeps the number).
 *
 * <pre>{@code
 * elf.dynamicSymbols().withBinding(SymbolBinding.WEAK).names();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum SymbolBinding {
  /** Local (0). */
  LOCAL(0),
  /** Global (1). */
  GLOBAL(1),
  /** Weak (2). */
  WEAK(2),
  /** Unique global (GNU), readelf prints UNIQUE (10). */
  GNU_UNIQUE(10),
  /** Any other value. */
  UNKNOWN(-1);

  private static final Map<Integer, SymbolBinding> BY_VALUE = new HashMap<>();

  static {
    for (SymbolBinding t : values()) {
      if (t.value >= 0) {
        BY_VALUE.putIfAbsent(t.value, t);
      }
    }
  }

  private final int value;

  SymbolBinding(int value) {
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
   * The binding for a raw value.
   *
   * @param raw the number (0-15)
   * @return the binding, {@link #UNKNOWN} when not named
   */
  public static SymbolBinding of(int raw) {
    return BY_VALUE.getOrDefault(raw, UNKNOWN);
  }

}
