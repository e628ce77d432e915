package dev.wheeltapper.elf;

import java.util.HashMap;
import java.util.Map;

/**
 * Program header types ({@code p_type}). Unnamed OS- and processor-specific values map to {@link #OS_SPECIFIC} / {@link #PROCESSOR_SPECIFIC}, anything else to {@link #UNKNOWN}; {@link Segment#rawType()} keeps the number.
 *
 * <pre>{@code
 * boolean relro = elf.segments().has(SegmentType.GNU_RELRO);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum SegmentType {
  /** Unused entry (0). */
  NULL(0L),
  /** Loadable segment (1). */
  LOAD(1L),
  /** Dynamic linking table (2). */
  DYNAMIC(2L),
  /** Program interpreter path (3). */
  INTERP(3L),
  /** Notes (4). */
  NOTE(4L),
  /** Reserved (5). */
  SHLIB(5L),
  /** The program header table itself (6). */
  PHDR(6L),
  /** Thread-local storage template (7). */
  TLS(7L),
  /** Exception-handling frame header (0x6474e550). */
  GNU_EH_FRAME(0x6474e550L),
  /** Stack permissions (executable stack iff PF_X) (0x6474e551). */
  GNU_STACK(0x6474e551L),
  /** Read-only after relocation (0x6474e552). */
  GNU_RELRO(0x6474e552L),
  /** GNU property note (0x6474e553). */
  GNU_PROPERTY(0x6474e553L),
  /** Stack trace format (0x6474e554). */
  GNU_SFRAME(0x6474e554L),
  /** An unnamed value in the OS-specific range 0x60000000-0x6fffffff. */
  OS_SPECIFIC(-1L),
  /** A value in the processor-specific range 0x70000000-0x7fffffff (ARM_EXIDX, MIPS_ABIFLAGS, ...). */
  PROCESSOR_SPECIFIC(-1L),
  /** Any other value. */
  UNKNOWN(-1L);

  private static final Map<Long, SegmentType> BY_VALUE = new HashMap<>();

  static {
    for (SegmentType t : values()) {
      if (t.value >= 0) {
        BY_VALUE.putIfAbsent(t.value, t);
      }
    }
  }

  private final long value;

  SegmentType(long value) {
    this.value = value;
  }

  /**
   * The raw number.
   *
   * @return the value, -1 for the fallback constants
   */
  public long value() {
    return value;
  }

  /**
   * The type for a raw {@code p_type}.
   *
   * @param raw the number
   * @return the named type or a range fallback
   */
  public static SegmentType of(long raw) {
    SegmentType t = BY_VALUE.get(raw);
    if (t != null) {
      return t;
    }
    if (raw >= 0x60000000L && raw <= 0x6fffffffL) {
      return OS_SPECIFIC;
    }
    if (raw >= 0x70000000L && raw <= 0x7fffffffL) {
      return PROCESSOR_SPECIFIC;
    }
    return UNKNOWN;
  }

}
