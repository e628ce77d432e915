package dev.wheeltapper.elf;

/**
 * The object file type, {@code e_type}. Values outside the named ones map to {@link #UNKNOWN} (the raw number stays
 * in {@link ElfHeader#rawType()}).
 *
 * <pre>{@code
 * if (elf.type() == ElfType.DYN) { ... }   // a shared object or a PIE
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum ElfType {
  /** No file type (0). */
  NONE(0, "none"),
  /** Relocatable object (1). */
  REL(1, "rel"),
  /** Executable at a fixed address (2). */
  EXEC(2, "exec"),
  /** Shared object or position-independent executable (3). */
  DYN(3, "dyn"),
  /** Core dump (4). */
  CORE(4, "core"),
  /** Any other value, including the OS- and processor-specific ranges. */
  UNKNOWN(-1, "unknown");

  private final int value;
  private final String label;

  ElfType(int value, String label) {
    this.value = value;
    this.label = label;
  }

  /**
   * The {@code e_type} number.
   *
   * @return the value, -1 for {@link #UNKNOWN}
   */
  public int value() {
    return value;
  }

  /**
   * The JSON report label: {@code rel}, {@code exec}, {@code dyn}, {@code core}, {@code none}, {@code unknown}.
   *
   * @return the label
   */
  public String label() {
    return label;
  }

  /**
   * The type for a raw {@code e_type}.
   *
   * @param value the raw number
   * @return the type, {@link #UNKNOWN} when not named
   */
  public static ElfType of(int value) {
    for (ElfType t : values()) {
      if (t.value == value) {
        return t;
      }
    }
    return UNKNOWN;
  }
}
