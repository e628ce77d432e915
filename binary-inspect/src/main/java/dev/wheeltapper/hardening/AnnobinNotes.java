package dev.wheeltapper.hardening;

import dev.wheeltapper.elf.Note;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The annobin interpretation of build attribute notes ({@code .gnu.build.attributes},
 * {@code NT_GNU_BUILD_ATTRIBUTE_OPEN} 0x100 and {@code _FUNC} 0x101), read through the {@code elf} reader's notes: the
 * note name carries everything, so it is read from {@link Note#nameBytes()}: {@code "GA"}, a type character
 * ({@code *} numeric, {@code $} string, {@code +} true, {@code !} false), the attribute (a byte 1-8 or a
 * NUL-terminated name) and the value.
 *
 * <pre>{@code
 * List<AnnobinNote> notes = AnnobinNotes.of(elf.notes(), 10_000);
 * }</pre>
 *
 * <p>Stateless and thread-safe. A name that is not annobin's is skipped; nothing here throws on hostile bytes (the
 * note framing is the {@code elf} reader's, which records malformed notes as defects).
 */
public final class AnnobinNotes {
  private AnnobinNotes() {}

  /** The section annobin writes its notes to. */
  public static final String SECTION = ".gnu.build.attributes";
  /** {@code NT_GNU_BUILD_ATTRIBUTE_OPEN}. */
  public static final long NT_GNU_BUILD_ATTRIBUTE_OPEN = 0x100;
  /** {@code NT_GNU_BUILD_ATTRIBUTE_FUNC}. */
  public static final long NT_GNU_BUILD_ATTRIBUTE_FUNC = 0x101;

  /**
   * The annobin notes among a file's notes: those of {@link #SECTION} with an annobin type and name.
   *
   * @param notes the file's notes ({@code elf.notes()})
   * @param maxNotes the most notes to return; further notes are ignored
   * @return the annobin notes found, in order
   */
  public static List<AnnobinNote> of(Iterable<Note> notes, int maxNotes) {
    List<AnnobinNote> out = new ArrayList<>();
    for (Note n : notes) {
      if (out.size() >= maxNotes) {
        break;
      }
      if (n.source().equals(SECTION)
          && (n.type() == NT_GNU_BUILD_ATTRIBUTE_OPEN || n.type() == NT_GNU_BUILD_ATTRIBUTE_FUNC)) {
        interpret(n.nameBytes()).ifPresent(out::add);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Interprets one note name.
   *
   * @param b the raw name bytes ({@code n_namesz} of them, terminating NUL included)
   * @return the note, empty when the name is not annobin's
   */
  static Optional<AnnobinNote> interpret(byte[] b) {
    if (b.length < 4 || b[0] != 'G' || b[1] != 'A') {
      return Optional.empty();
    }
    char kind = (char) (b[2] & 0xff);
    if ("*$+!".indexOf(kind) < 0) {
      return Optional.empty();
    }
    int end = b.length;
    int p = 3;
    String attribute;
    int attr = b[p] & 0xff;
    if (attr >= 1 && attr <= 8) {
      attribute = Integer.toString(attr);
      p++;
    } else {
      int z = p;
      while (z < end && b[z] != 0) {
        z++;
      }
      attribute = new String(b, p, z - p, StandardCharsets.ISO_8859_1);
      p = Math.min(z + 1, end);
    }
    String value = "";
    if (kind == '$') {
      int z = p;
      while (z < end && b[z] != 0) {
        z++;
      }
      value = new String(b, p, z - p, StandardCharsets.ISO_8859_1);
    } else if (kind == '*') {
      // little-endian number up to the name's terminating NUL
      int stop = end;
      if (stop > p && b[stop - 1] == 0) {
        stop--;
      }
      long v = 0;
      for (int i = Math.min(stop - p, 8) - 1; i >= 0; i--) {
        v = (v << 8) | (b[p + i] & 0xff);
      }
      value = Long.toUnsignedString(v);
    }
    return Optional.of(new AnnobinNote(kind, attribute, value));
  }
}
