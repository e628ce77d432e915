package dev.wheeltapper.elf;

import java.util.Objects;
import java.util.Optional;

/**
 * One string note of annobin's {@code .annobin.notes} section (annobin 11 and later, the string form of the
 * {@code .gnu.build.attributes} notes): a two-letter code, a colon, the value, and, for a note about one function or
 * file, a space and {@code file[:function]}. annocheck's codes: {@code AV} annobin version, {@code BV}/{@code RV}
 * build/run compiler, {@code CF} cf-protection, {@code FL} FORTIFY level, {@code FP} frame pointer, {@code GA}
 * GLIBCXX assertions, {@code GW} optimisation and warning bits, {@code PI} PIC, {@code PN} plugin name, {@code SC}
 * stack clash, {@code SE} short enums, {@code SP} stack protector, and per machine {@code aA aB iS pA xA}.
 *
 * <pre>{@code
 * elf.annobinStringNotes().stream().filter(n -> n.code().equals("FL")).map(AnnobinStringNote::value);  // "3"
 * }</pre>
 *
 * <p>Raw: the value is not interpreted here. Immutable and thread-safe.
 *
 * @param code the two letters
 * @param value the text after the colon, up to the first space
 * @param origin the {@code file[:function]} after the space, when the note names one
 */
public record AnnobinStringNote(String code, String value, Optional<String> origin) {
  /** The section annobin writes string notes to. */
  public static final String SECTION = ".annobin.notes";

  /** Rejects nulls. */
  public AnnobinStringNote {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(origin, "origin");
  }

  /**
   * Splits one string of the section.
   *
   * @param s the string, without its NUL
   * @return the note, empty when the string is not {@code XX:value}
   */
  public static Optional<AnnobinStringNote> parse(String s) {
    if (s.length() < 3 || s.charAt(2) != ':') {
      return Optional.empty();
    }
    String rest = s.substring(3);
    int space = rest.indexOf(' ');
    return Optional.of(space < 0
        ? new AnnobinStringNote(s.substring(0, 2), rest, Optional.empty())
        : new AnnobinStringNote(s.substring(0, 2), rest.substring(0, space), Optional.of(rest.substring(space + 1))));
  }
}
