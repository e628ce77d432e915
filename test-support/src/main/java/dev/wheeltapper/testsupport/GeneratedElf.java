package dev.wheeltapper.testsupport;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A generated ELF shared object with as many symbols as a memory test needs (section headers only: null, a symbol
 * table, its strings, .shstrtab), for the tests of the readers' and the command line's resident memory (issue 19).
 *
 * <pre>{@code
 * byte[] so = GeneratedElf.sharedObject(false, 300_000, 2, 120, 0); // .symtab of 300,000 functions, 36 MB of names
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class GeneratedElf {
  private GeneratedElf() {}

  /**
   * A little-endian ELF64 x86-64 shared object with {@code symbols} global absolute symbols of type {@code type}
   * (1 object, 2 function) in {@code .dynsym}/{@code .dynstr} or {@code .symtab}/{@code .strtab}, zero-padded to
   * {@code size} bytes. With {@code nameLength} 0 every symbol is named {@code f}; otherwise each has its own
   * C++-looking name of that length.
   *
   * @param dynamic {@code .dynsym}/{@code .dynstr} rather than {@code .symtab}/{@code .strtab}
   * @param symbols how many symbols besides the null one
   * @param type the symbols' {@code STT_*} type
   * @param nameLength each name's length, or 0 for one shared name
   * @param size the least size of the file (zero-padded)
   * @return the file's bytes
   */
  public static byte[] sharedObject(boolean dynamic, int symbols, int type, int nameLength, int size) {
    byte[] shstrtab = (dynamic ? "\0.dynsym\0.dynstr\0.shstrtab\0" : "\0.symtab\0.strtab\0.shstrtab\0")
        .getBytes(StandardCharsets.US_ASCII);
    long symOff = 64;
    long symSize = 24L * (symbols + 1);
    long strOff = symOff + symSize;
    long strSize = nameLength == 0 ? 3 : 1 + (long) symbols * (nameLength + 1);
    long shstrOff = strOff + strSize;
    long shOff = (shstrOff + shstrtab.length + 7) & ~7L;
    ByteBuffer b = ByteBuffer.allocate((int) Math.max(shOff + 4 * 64, size)).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}).putLong(0);
    b.putShort((short) 3).putShort((short) 62).putInt(1).putLong(0).putLong(0).putLong(shOff).putInt(0);
    b.putShort((short) 64).putShort((short) 56).putShort((short) 0).putShort((short) 64).putShort((short) 4)
        .putShort((short) 3);
    b.position((int) symOff + 24); // symbol 0 is the null symbol
    for (int i = 0; i < symbols; i++) {
      int name = nameLength == 0 ? 1 : 1 + i * (nameLength + 1);
      b.putInt(name).put((byte) (0x10 | type)).put((byte) 0).putShort((short) 0xfff1).putLong(0x1000L + 16L * i)
          .putLong(16);
    }
    b.position((int) strOff + 1);
    if (nameLength == 0) {
      b.put((byte) 'f').put((byte) 0);
    } else {
      String pad = "x".repeat(nameLength);
      for (int i = 0; i < symbols; i++) {
        String name = "_ZN9wheeltap" + i + pad;
        b.put(name.substring(0, nameLength).getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
      }
    }
    b.put(shstrtab);
    b.position((int) shOff + 64);
    section(b, 1, dynamic ? 11 : 2, symOff, symSize, 2, 1, 8, 24);
    section(b, 9, 3, strOff, strSize, 0, 0, 1, 0);
    section(b, 17, 3, shstrOff, shstrtab.length, 0, 0, 1, 0);
    return b.array();
  }

  private static void section(ByteBuffer b, int name, int type, long offset, long size, int link, int info,
      long align, long entsize) {
    b.putInt(name).putInt(type).putLong(0).putLong(0).putLong(offset).putLong(size).putInt(link).putInt(info)
        .putLong(align).putLong(entsize);
  }
}
