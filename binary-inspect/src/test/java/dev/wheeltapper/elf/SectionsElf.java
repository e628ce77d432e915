package dev.wheeltapper.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal little-endian ELF64 relocatable file holding the given sections (then {@code .shstrtab}), for tests that
 * state a section's bytes and flags directly: compressed debug sections, string sections.
 */
public final class SectionsElf {
  private SectionsElf() {}

  /**
   * One section to write.
   *
   * @param name its name
   * @param type {@code sh_type}
   * @param flags {@code sh_flags}
   * @param bytes its contents
   */
  public record Sec(String name, int type, long flags, byte[] bytes) {}

  /**
   * Builds the file.
   *
   * @param sections the sections, in order (section 0 and {@code .shstrtab} are added)
   * @return the file bytes
   */
  public static byte[] of(List<Sec> sections) {
    StringBuilder names = new StringBuilder("\0");
    List<Integer> nameOffsets = new ArrayList<>();
    for (Sec s : sections) {
      nameOffsets.add(names.length());
      names.append(s.name()).append('\0');
    }
    int shstrName = names.length();
    names.append(".shstrtab\0");
    byte[] nameBytes = names.toString().getBytes(StandardCharsets.ISO_8859_1);
    int data = 64;
    List<Integer> offsets = new ArrayList<>();
    int at = data;
    for (Sec s : sections) {
      offsets.add(at);
      at += (s.bytes().length + 7) & ~7;
    }
    int namesOff = at;
    int shOff = (namesOff + nameBytes.length + 7) & ~7;
    int count = sections.size() + 2;
    ByteBuffer b = ByteBuffer.allocate(shOff + count * 64).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
    b.position(16);
    b.putShort((short) 1).putShort((short) 62).putInt(1).putLong(0).putLong(0).putLong(shOff).putInt(0)
        .putShort((short) 64).putShort((short) 56).putShort((short) 0).putShort((short) 64)
        .putShort((short) count).putShort((short) (count - 1));
    for (int i = 0; i < sections.size(); i++) {
      b.position(offsets.get(i));
      b.put(sections.get(i).bytes());
    }
    b.position(namesOff);
    b.put(nameBytes);
    b.position(shOff + 64);
    for (int i = 0; i < sections.size(); i++) {
      Sec s = sections.get(i);
      header(b, nameOffsets.get(i), s.type(), s.flags(), offsets.get(i), s.bytes().length);
    }
    header(b, shstrName, 3, 0, namesOff, nameBytes.length);
    return b.array();
  }

  private static void header(ByteBuffer b, int name, int type, long flags, long offset, long size) {
    b.putInt(name).putInt(type).putLong(flags).putLong(0).putLong(offset).putLong(size).putInt(0).putInt(0)
        .putLong(1).putLong(0);
  }
}
