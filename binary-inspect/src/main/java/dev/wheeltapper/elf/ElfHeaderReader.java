package dev.wheeltapper.elf;

import dev.wheeltapper.bytes.BoundedReader;
import dev.wheeltapper.bytes.ByteSource;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads the ELF header ({@code Elf32_Ehdr} / {@code Elf64_Ehdr}): {@code e_ident} (magic, class, data encoding,
 * version, OS/ABI) and the {@code e_*} fields, into an {@link ElfHeader}. An identification or header that cannot be
 * read is an {@link ElfFormatException}; a wrong {@code e_version} or {@code e_ehsize} is a defect.
 */
final class ElfHeaderReader {
  private ElfHeaderReader() {}

  static ElfHeader read(ByteSource src, Defects defects) throws ElfFormatException {
    long size = src.size();
    if (size < 16) {
      throw new ElfFormatException(0, "file of " + size + " bytes is too short for an ELF identification");
    }
    ByteBuffer id = ElfInput.region(BoundedReader.of(src, ByteOrder.BIG_ENDIAN, ElfFormatException::new), 0, 16, "e_ident");
    if (id.getInt(0) != 0x7f454c46) {
      throw new ElfFormatException(0, "not an ELF file: bad magic");
    }
    int cls = id.get(4) & 0xff;
    int data = id.get(5) & 0xff;
    if (cls != 1 && cls != 2) {
      throw new ElfFormatException(4, "invalid EI_CLASS " + cls);
    }
    if (data != 1 && data != 2) {
      throw new ElfFormatException(5, "invalid EI_DATA " + data);
    }
    int identVersion = id.get(6) & 0xff;
    if (identVersion != 1) {
      throw new ElfFormatException(6, "invalid EI_VERSION " + identVersion);
    }
    boolean b64 = cls == 2;
    int hsize = b64 ? 64 : 52;
    if (size < hsize) {
      throw new ElfFormatException(0, "file of " + size + " bytes is too short for the " + hsize + "-byte ELF header");
    }
    ByteOrder order = data == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
    ByteBuffer h = ElfInput.region(BoundedReader.of(src, order, ElfFormatException::new), 0, hsize, "ELF header");
    int type = ElfInput.u16(h, 16);
    int machine = ElfInput.u16(h, 18);
    long version = ElfInput.u32(h, 20);
    long entry;
    long phoff;
    long shoff;
    int p;
    if (b64) {
      entry = h.getLong(24);
      phoff = h.getLong(32);
      shoff = h.getLong(40);
      p = 48;
    } else {
      entry = ElfInput.u32(h, 24);
      phoff = ElfInput.u32(h, 28);
      shoff = ElfInput.u32(h, 32);
      p = 36;
    }
    long flags = ElfInput.u32(h, p);
    int ehsize = ElfInput.u16(h, p + 4);
    int phentsize = ElfInput.u16(h, p + 6);
    int phnum = ElfInput.u16(h, p + 8);
    int shentsize = ElfInput.u16(h, p + 10);
    int shnum = ElfInput.u16(h, p + 12);
    int shstrndx = ElfInput.u16(h, p + 14);
    if (version != 1) {
      defects.add(20, "ELF header", "e_version is " + version + ", expected 1");
    }
    if (ehsize != hsize) {
      defects.add(p + 4, "ELF header", "e_ehsize is " + ehsize + ", expected " + hsize);
    }
    return new ElfHeader(
        b64 ? 64 : 32,
        data == 1,
        id.get(7) & 0xff,
        id.get(8) & 0xff,
        ElfType.of(type),
        type,
        Machine.of(machine),
        machine,
        version,
        entry,
        phoff,
        shoff,
        flags,
        ehsize,
        phentsize,
        phnum,
        shentsize,
        shnum,
        shstrndx);
  }
}
