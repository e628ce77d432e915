package dev.wheeltapper.elf;

import java.util.HashMap;
import java.util.Map;

/**
 * Symbol visibility ({@code ELF_ST_VISIBILITY(st_other)}, the low two bits).
 *
 * <pre>{@code
 * elf.dynamicSymbols().defined().matching(s -> s.visibility() == SymbolVisibility.DEFAULT);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum SymbolVisibility {
  /** Default (0). */
  DEFAULT(0),
  /** Internal (1). */
  INTERNAL(1),
  /** Hidden (2). */
  HIDDEN(2),
  /** Protected (3). */
  PROTECTED(3);

  private static final Map<Integer, SymbolVisibility> BY_VALUE = new HashMap<>();

  static {
    for (SymbolVisibility t : values()) {
      if (t.value >= 0) {
        BY_VALUE.putIfAbsent(t.value, t);
      }
    }
  }

  private final int value;

  SymbolVisibility(int value) {
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
   * The visibility for {@code st_other}.
   *
   * @param stOther the raw byte
   * @return the visibility from its low two bits
   */
  public static SymbolVisibility of(int stOther) {
    return BY_VALUE.get(stOther & 3);
  }

}
