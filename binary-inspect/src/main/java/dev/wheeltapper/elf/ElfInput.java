package dev.wheeltapper.elf;

import dev.wheeltapper.bytes.BoundedReader;
import dev.wheeltapper.bytes.ByteSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * What every part reader of the ELF reader shares: the file's bytes behind one {@link BoundedReader} (whole regions,
 * read field by field from one buffer so that no field allocates), the decoded header, the limits, the defect list,
 * and the lookups one part makes in another (sections, segments, address to file offset), asked of the owning
 * {@link ElfFile} so that each table is read once. The part readers, one per part of the gABI: {@link
 * ElfHeaderReader}, {@link SectionHeaderReader}, {@link ProgramHeaderReader}, {@link DynamicSectionReader}, {@link
 * HashTableReader}, {@link SymbolTableReader}, {@link SymbolVersionReader}, {@link NoteReader}, {@link
 * SpecialSectionReader}; string tables are {@link StringTable}.
 */
final class ElfInput {
  final ElfFile file;
  final ElfLimits limits;
  final Defects defects;
  final ElfHeader header;
  final boolean is64;
  private final BoundedReader<ElfFormatException> reader;
  private final ByteSource src;

  ElfInput(ElfFile file, ByteSource src, ElfLimits limits, Defects defects) throws ElfFormatException {
    this.file = file;
    this.limits = limits;
    this.defects = defects;
    this.header = ElfHeaderReader.read(src, defects);
    this.is64 = header.is64();
    this.reader = BoundedReader.of(src, header.byteOrder(), ElfFormatException::new);
    this.src = src;
  }

  /** The file size. */
  long size() {
    return reader.size();
  }

  /** Whether {@code [offset, offset + length)} lies inside the file. */
  boolean contains(long offset, long length) {
    return reader.contains(offset, length);
  }

  // ---------------------------------------------------------------- raw reading

  /** The bytes of {@code [offset, offset + length)} in the file's byte order; throws when they are not all there. */
  ByteBuffer region(long offset, long length, String what) throws ElfFormatException {
    return region(reader, offset, length, what);
  }

  /** {@link #region(long, long, String)} through any reader (the header is read before the byte order is known). */
  static ByteBuffer region(BoundedReader<ElfFormatException> r, long offset, long length, String what)
      throws ElfFormatException {
    if (length < 0 || length > Integer.MAX_VALUE - 8 || !r.contains(offset, length)) {
      throw new ElfFormatException(
          offset,
          what + " (" + Long.toUnsignedString(length) + " bytes at 0x" + Long.toHexString(offset)
              + ") extends past the end of the file (" + r.size() + " bytes)");
    }
    try {
      return r.buf(offset, (int) length, what);
    } catch (ElfFormatException e) {
      // inside the file, so only an I/O failure of the source lands here; the message keeps the reader's wording
      if (e.getCause() instanceof IOException io) {
        throw new ElfFormatException(offset, "cannot read " + what + ": " + io.getMessage(), io);
      }
      throw e;
    }
  }

  /**
   * Copies {@code [offset, offset + length)} into {@code dst}; throws when the bytes are not all there. A mapped file
   * is read with positional reads (see {@link ByteSource#read}): for small reads scattered over a large file, such as
   * function prologues, which through the mapping would each make a page (and the kernel's fault-around, 64 KiB)
   * resident.
   */
  void copy(long offset, byte[] dst, int dstOffset, int length, String what) throws ElfFormatException {
    if (length < 0 || dstOffset < 0 || dstOffset > dst.length - length || !reader.contains(offset, length)) {
      throw new ElfFormatException(
          offset,
          what + " (" + length + " bytes at 0x" + Long.toHexString(offset) + ") extends past the end of the file ("
              + reader.size() + " bytes) or the destination");
    }
    try {
      src.read(offset, dst, dstOffset, length);
    } catch (IOException e) {
      throw new ElfFormatException(offset, "cannot read " + what + ": " + e.getMessage(), e);
    }
  }

  /**
   * The readable part of {@code [offset, offset+length)}, recording a defect when it is cut. The result is a view of
   * the source (a mapping or buffer), so nothing is allocated from the declared length.
   */
  ByteBuffer clipped(long offset, long length, String part) throws ElfFormatException {
    long size = reader.size();
    if (offset < 0 || offset > size) {
      throw new ElfFormatException(offset, part + " starts past the end of the file (" + size + " bytes)");
    }
    long avail = size - offset;
    long len = length;
    if (length < 0 || Long.compareUnsigned(length, avail) > 0) {
      defects.add(offset, part, Long.toUnsignedString(length) + " bytes declared, only " + avail + " in the file");
      len = avail;
    }
    if (len > Integer.MAX_VALUE - 8) {
      // tables are views of the mapping, not copies; only a single view's int size bounds them
      defects.add(offset, part, len + " bytes, cut at 2 GiB");
      len = Integer.MAX_VALUE - 8;
    }
    return region(offset, len, part);
  }

  /** The string table held by a section, clipped to the file. */
  StringTable stringTable(Section s) throws ElfFormatException {
    return strings(s.offset(), s.size(), name(s));
  }

  /** The string table at {@code [offset, offset + length)}, clipped to the file (a large mapped one read in blocks). */
  StringTable strings(long offset, long length, String part) throws ElfFormatException {
    return StringTable.of(src, clipped(offset, length, part), offset, part, defects, limits.maxStringLength());
  }

  static int u16(ByteBuffer b, int pos) {
    return b.getShort(pos) & 0xffff;
  }

  static long u32(ByteBuffer b, int pos) {
    return b.getInt(pos) & 0xffffffffL;
  }

  /** An {@code Elf32_Word}/{@code Elf64_Xword}-sized field: addresses, offsets, sizes, dynamic values. */
  long word(ByteBuffer b, int pos) {
    return is64 ? b.getLong(pos) : b.getInt(pos) & 0xffffffffL;
  }

  /** A section's name for defects, its index when it has none. */
  static String name(Section s) {
    return s.name().isEmpty() ? "[" + s.index() + "]" : s.name();
  }

  // ---------------------------------------------------------------- lookups in other parts

  /** The section headers, or none (with a defect) when they are unusable: a part that can do without them. */
  Sections sectionsOrEmpty(String forWhat) {
    try {
      return file.sections();
    } catch (ElfFormatException e) {
      defects.add(e.offset(), forWhat, "section headers unusable: " + e.reason());
      return new Sections(List.of());
    }
  }

  /** The program headers, or none (with a defect) when they are unusable. */
  Segments segmentsOrEmpty(String forWhat) {
    try {
      return file.segments();
    } catch (ElfFormatException e) {
      defects.add(e.offset(), forWhat, "program headers unusable: " + e.reason());
      return new Segments(List.of());
    }
  }

  /** The file offset of a virtual address through the PT_LOAD segments, or -1. */
  static long fileOffset(Segments segs, long address) {
    Optional<Segment> s = segs.loadContaining(address);
    return s.map(seg -> seg.offset() + (address - seg.virtualAddress())).orElse(-1L);
  }

  /** How many file-backed bytes follow a virtual address inside its PT_LOAD segment, or -1. */
  static long fileBytesAfter(Segments segs, long address) {
    Optional<Segment> s = segs.loadContaining(address);
    return s.map(seg -> seg.fileSize() - (address - seg.virtualAddress())).orElse(-1L);
  }

  /**
   * Records a defect when {@code owner}'s {@code sh_link} names a section that is not {@code SHT_STRTAB}. The
   * strings are still read from it (readelf does the same), so a mislabelled but usable table keeps its names.
   */
  void requireStringTable(Section owner, Section link, String part) {
    if (link.type() != SectionType.STRTAB) {
      defects.add(owner.offset(), part, "sh_link " + owner.link() + " points to " + name(link) + ", which is not SHT_STRTAB");
    }
  }
}
