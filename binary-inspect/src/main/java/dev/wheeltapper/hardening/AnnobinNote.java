package dev.wheeltapper.hardening;

import java.util.Objects;

/**
 * One annobin build attribute note from {@code .gnu.build.attributes}, interpreted ({@link AnnobinNotes}).
 *
 * <pre>{@code
 * new AnnobinNote('+', "stack_clash", "");   // -fstack-clash-protection on
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind the type character: {@code *} numeric, {@code $} string, {@code +} true, {@code !} false
 * @param attribute the attribute: a number 1-8 written as text ({@code "2"} = stack_prot) or a name
 *     ({@code "stack_clash"}, {@code "GLIBCXX_ASSERTIONS"}, {@code "FORTIFY"})
 * @param value the value text (numbers in decimal), empty for booleans
 */
public record AnnobinNote(char kind, String attribute, String value) {
  /** Rejects nulls. */
  public AnnobinNote {
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(value, "value");
  }
}
