package dev.wheeltapper.guide;

import java.util.Locale;

/**
 * How a binary stands against one option of the guide.
 *
 * <pre>{@code
 * GuideStatus.PARTLY_MET.label();   // "partly-met"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum GuideStatus {
  /** The binary shows the option's effect (or the recorded switches name it) everywhere it can be seen. */
  MET,
  /** Some compilation units, functions or halves of the option show it and others do not. */
  PARTLY_MET,
  /** The binary shows the option was not used (a structural mark, a recorded switch, or a proving import). */
  NOT_MET,
  /** The option has no meaning here: the evidence says why (platform, machine, language, compiler version). */
  NOT_APPLICABLE,
  /** Nothing in this binary can tell: the evidence says what would have told. */
  UNDETERMINABLE;

  /**
   * The label of the JSON contract: {@code met}, {@code partly-met}, {@code not-met}, {@code not-applicable},
   * {@code undeterminable}.
   *
   * @return the label
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
