package dev.wheeltapper.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A minimal ELF64 relocatable file with one {@code SHT_NOTE} section of given bytes, for note tests: header, the
 * section, {@code .shstrtab}, three section headers.
 */
public final class NoteSectionElf {
  private NoteSectionElf() {}

  /**
   * Builds the file.
   *
   * @param order the byte order
   * @param sectionName the note section's name
   * @param notes the section contents
   * @param alignment {@code sh_addralign} of the note section
   * @return the file bytes
   */
  public static byte[] of(ByteOrder order, String sectionName, byte[] notes, long alignment) {
    byte[] names = ("\0" + sectionName + "\0.shstrtab\0").getBytes(StandardCharsets.ISO_8859_1);
    int notesOff = 64;
    int namesOff = notesOff + notes.length;
    int shOff = (namesOff + names.length + 7) & ~7;
    ByteBuffer b = ByteBuffer.allocate(shOff + 3 * 64).order(order);
    b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, (byte) (order == ByteOrder.LITTLE_ENDIAN ? 1 : 2), 1});
    b.position(16);
    b.putShort((short) 1).putShort((short) 62).putInt(1).putLong(0).putLong(0).putLong(shOff).putInt(0)
        .putShort((short) 64).putShort((short) 56).putShort((short) 0).putShort((short) 64).putShort((short) 3)
        .putShort((short) 2);
    b.position(notesOff);
    b.put(notes).put(names);
    b.position(shOff + 64);
    section(b, 1, 7, notesOff, notes.length, alignment);
    section(b, 2 + sectionName.length(), 3, namesOff, names.length, 1);
    return b.array();
  }

  private static void section(ByteBuffer b, int name, int type, long offset, long size, long alignment) {
    b.putInt(name).putInt(type).putLong(0).putLong(0).putLong(offset).putLong(size).putInt(0).putInt(0)
        .putLong(alignment).putLong(0);
  }
}
