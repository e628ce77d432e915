package dev.wheeltapper.isa;

/**
 * The instruction a function starts with, where it is one of the control-flow markers the hardening options emit.
 *
 * <pre>{@code
 * if (p.marker() == EntryMarker.ENDBR64) { ... }   // -fcf-protection=branch or full
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum EntryMarker {
  /** {@code endbr64} ({@code f3 0f 1e fa}): an IBT landing pad, {@code -fcf-protection=branch|full}. */
  ENDBR64("endbr64"),
  /** {@code endbr32} ({@code f3 0f 1e fb}). */
  ENDBR32("endbr32"),
  /** {@code bti c} ({@code 0xd503245f}): a BTI landing pad for calls, {@code -mbranch-protection=bti|standard}. */
  BTI_C("bti c"),
  /** {@code bti j} ({@code 0xd503249f}). */
  BTI_J("bti j"),
  /** {@code bti jc} ({@code 0xd50324df}). */
  BTI_JC("bti jc"),
  /**
   * {@code paciasp} ({@code 0xd503233f}): signs the return address, {@code -mbranch-protection=pac-ret|standard}; it
   * is also an implicit BTI landing pad for calls, so a non-leaf function starts with it instead of {@code bti c}.
   */
  PACIASP("paciasp"),
  /** {@code pacibsp} ({@code 0xd503237f}): the B-key form of {@code paciasp}. */
  PACIBSP("pacibsp"),
  /** Anything else, or no bytes. */
  NONE("none");

  private final String label;

  EntryMarker(String label) {
    this.label = label;
  }

  /**
   * The assembler spelling.
   *
   * @return for example {@code "bti c"}
   */
  public String label() {
    return label;
  }

  /**
   * Whether the marker is a landing pad for an indirect call (what IBT or BTI checks at a function's entry).
   *
   * @return true for {@code endbr64}, {@code endbr32}, {@code bti c}, {@code bti jc}, {@code paciasp},
   *     {@code pacibsp}
   */
  public boolean landsCalls() {
    return this == ENDBR64 || this == ENDBR32 || this == BTI_C || this == BTI_JC || this == PACIASP
        || this == PACIBSP;
  }
}
