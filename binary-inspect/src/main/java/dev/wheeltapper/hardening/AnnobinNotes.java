package dev.wheeltapper.hardening;

import dev.wheeltapper.hardening.ElfFacts.AnnobinNote;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads annobin build attribute notes ({@code .gnu.build.attributes}, {@code NT_GNU_BUILD_ATTRIBUTE_OPEN} 0x100 and
 * {@code _FUNC} 0x101). The note name carries everything: {@code "GA"}, a type character ({@code *} numeric,
 * {@code $} string, {@code +} true, {@code !} false), the attribute (a byte 1-8 or a NUL-terminated name) and the
 * value.
 *
 * <pre>{@code
 * List<AnnobinNote> notes = AnnobinNotes.parse(sectionBytes, true, 10_000);
 * }</pre>
 *
 * <p>Stateless and thread-safe. Malformed notes end the walk (what was read before is kept); nothing here throws on
 * hostile bytes.
 */
public final class AnnobinNotes {
  private AnnobinNotes() {}

  /**
   * Parses the notes of one section.
   *
   * @param section the section bytes
   * @param littleEndian the file's byte order (note headers follow it)
   * @param maxNotes the most notes to return; further notes are ignored
   * @return the annobin notes found, in order
   */
  public static List<AnnobinNote> parse(byte[] section, boolean littleEndian, int maxNotes) {
    List<AnnobinNote> out = new ArrayList<>();
    int pos = 0;
    while (pos + 12 <= section.length && out.size() < maxNotes) {
      long namesz = u32(section, pos, littleEndian);
      long descsz = u32(section, pos + 4, littleEndian);
      long type = u32(section, pos + 8, littleEndian);
      long nameStart = pos + 12L;
      long descStart = nameStart + align4(namesz);
      long next = descStart + align4(descsz);
      if (namesz > section.length || descsz > section.length || next > section.length || next <= pos) {
        break;
      }
      if ((type == 0x100 || type == 0x101) && namesz >= 4) {
        AnnobinNote n = name(section, (int) nameStart, (int) namesz);
        if (n != null) {
          out.add(n);
        }
      }
      pos = (int) next;
    }
    return List.copyOf(out);
  }

  private static AnnobinNote name(byte[] b, int start, int len) {
    if (b[start] != 'G' || b[start + 1] != 'A') {
      return null;
    }
    char kind = (char) (b[start + 2] & 0xff);
    if ("*$+!".indexOf(kind) < 0) {
      return null;
    }
    int end = start + len;
    int p = start + 3;
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
    return new AnnobinNote(kind, attribute, value);
  }

  private static long align4(long v) {
    return (v + 3) & ~3L;
  }

  private static long u32(byte[] b, int off, boolean le) {
    if (le) {
      return (b[off] & 0xffL) | (b[off + 1] & 0xffL) << 8 | (b[off + 2] & 0xffL) << 16 | (b[off + 3] & 0xffL) << 24;
    }
    return (b[off + 3] & 0xffL) | (b[off + 2] & 0xffL) << 8 | (b[off + 1] & 0xffL) << 16 | (b[off] & 0xffL) << 24;
  }
}
