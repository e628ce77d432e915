package dev.wheeltapper.elf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the notes ({@code SHT_NOTE} sections, else {@code PT_NOTE} segments; {@code Elf_Nhdr} with name and
 * descriptor aligned as readelf aligns them) into {@link Notes}, which decodes the GNU ones (build ID, ABI tag, GNU
 * properties). More than one {@code NT_GNU_PROPERTY_TYPE_0} note in a linked file is a defect.
 */
final class NoteReader {
  private final ElfInput in;
  private final Defects defects;

  NoteReader(ElfInput in) {
    this.in = in;
    this.defects = in.defects;
  }

  /**
   * The notes as {@code readelf -n} finds them, or ({@code segmentsOnly}) as the loader sees them.
   *
   * @throws ElfFormatException when {@code segmentsOnly} and the program headers cannot be read
   */
  Notes readNotes(boolean segmentsOnly) throws ElfFormatException {
    ElfHeader header = in.header;
    List<Note> out = new ArrayList<>();
    if (!segmentsOnly) {
      Sections noteSections = in.sectionsOrEmpty("notes").withType(SectionType.NOTE);
      if (!noteSections.isEmpty()) {
        for (Section s : noteSections) {
          String part = ElfInput.name(s);
          try {
            parseNotes(in.clipped(s.offset(), s.size(), part), s.offset(), s.addressAlignment(), part, out);
          } catch (ElfFormatException e) {
            defects.add(e.offset(), part, e.reason());
          }
        }
        checkPropertyNotes(out);
        return new Notes(out, header.machine(), header.bits());
      }
    }
    Segments segs = segmentsOnly ? in.file.segments() : in.segmentsOrEmpty("notes");
    for (Segment s : segs.ofType(SegmentType.NOTE)) {
      String part = "PT_NOTE[" + s.index() + "]";
      try {
        parseNotes(in.clipped(s.offset(), s.fileSize(), part), s.offset(), s.alignment(), part, out);
      } catch (ElfFormatException e) {
        defects.add(e.offset(), part, e.reason());
      }
    }
    checkPropertyNotes(out);
    return new Notes(out, header.machine(), header.bits());
  }

  private void checkPropertyNotes(List<Note> notes) {
    long count = notes.stream().filter(n -> n.isGnu(Note.NT_GNU_PROPERTY_TYPE_0)).count();
    if (count > 1 && in.header.type() != ElfType.REL) {
      defects.add(-1, "notes", count + " NT_GNU_PROPERTY_TYPE_0 notes; a linked file has at most one");
    }
  }

  private void parseNotes(ByteBuffer b, long fileOff, long alignment, String part, List<Note> out) {
    long align;
    if (alignment >= 0 && alignment <= 4) {
      align = 4;
    } else if (alignment == 8) {
      align = 8;
    } else {
      defects.add(fileOff, part, "note alignment " + Long.toUnsignedString(alignment) + " is neither 4 nor 8");
      return;
    }
    long maxNoteSize = in.limits.maxNoteSize();
    boolean littleEndian = in.header.littleEndian();
    long size = b.limit();
    long pos = 0;
    while (size - pos >= 12) {
      int p = (int) pos;
      long namesz = ElfInput.u32(b, p);
      long descsz = ElfInput.u32(b, p + 4);
      long type = ElfInput.u32(b, p + 8);
      // As readelf: the descriptor starts at align_up(12 + namesz, align) from the note, the next note at
      // align_up(descsz, align) after it.
      long descOff = pos + (12 + namesz + align - 1) / align * align;
      if (namesz > size - pos - 12 || descOff > size) {
        defects.add(fileOff + pos, part, "note name size " + namesz + " runs past the end");
        return;
      }
      if (descsz > maxNoteSize) {
        defects.add(fileOff + pos, part, "note descriptor size " + descsz + " exceeds the limit " + maxNoteSize);
        return;
      }
      if (descsz > size - descOff) {
        defects.add(fileOff + pos, part, "note descriptor size " + descsz + " runs past the end");
        return;
      }
      byte[] rawName = new byte[(int) namesz];
      b.get(p + 12, rawName);
      int nlen = rawName.length;
      while (nlen > 0 && rawName[nlen - 1] == 0) {
        nlen--;
      }
      byte[] desc = new byte[(int) descsz];
      b.get((int) descOff, desc);
      out.add(new Note(new String(rawName, 0, nlen, StandardCharsets.UTF_8), rawName, type, desc, littleEndian, part,
          fileOff + pos));
      pos = descOff + (descsz + align - 1) / align * align;
    }
  }
}
