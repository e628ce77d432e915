package dev.wheeltapper.pe;

import dev.wheeltapper.bytes.BoundedReader;
import dev.wheeltapper.pe.PeRecords.Section;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The section table (PE/COFF specification "Section Table (Section Headers)"), 40 bytes per section after the
 * optional header, and what it is for here: mapping an RVA to a file offset, and where the image's file bytes end.
 * The directory readers resolve every RVA through it.
 */
final class SectionTable {
  /** At most this many sections (the Windows loader accepts 96). */
  static final int MAX_SECTIONS = 96;
  /** One section header's size. */
  static final int ENTRY_SIZE = 40;

  private final List<Section> sections;
  private final long sizeOfHeaders;
  private final long fileSize;
  private final long imageEnd;

  private SectionTable(List<Section> sections, long sizeOfHeaders, long fileSize, long imageEnd) {
    this.sections = sections;
    this.sizeOfHeaders = sizeOfHeaders;
    this.fileSize = fileSize;
    this.imageEnd = imageEnd;
  }

  /**
   * Reads the table at {@code at}.
   *
   * @param countAt the file offset of NumberOfSections, for the message
   * @throws PeFormatException when the count exceeds {@link #MAX_SECTIONS} or the table runs past the file
   */
  static SectionTable read(BoundedReader<PeFormatException> r, long at, CoffHeader coff, long countAt,
      long sizeOfHeaders) throws PeFormatException {
    int n = coff.numberOfSections();
    if (n > MAX_SECTIONS) {
      throw new PeFormatException(countAt, "NumberOfSections " + n + " exceeds " + MAX_SECTIONS);
    }
    if (!r.contains(at, (long) ENTRY_SIZE * n)) {
      throw new PeFormatException(at, "section table of " + n + " entries runs past the end of the file");
    }
    List<Section> sects = new ArrayList<>();
    long end = sizeOfHeaders;
    for (int i = 0; i < n; i++) {
      ByteBuffer s = r.buf(at + (long) ENTRY_SIZE * i, ENTRY_SIZE, "section header");
      Section sec = new Section(BoundedReader.fixed(s, 0, 8, StandardCharsets.ISO_8859_1), s.getInt(8) & 0xffffffffL,
          s.getInt(12) & 0xffffffffL, s.getInt(16) & 0xffffffffL, s.getInt(20) & 0xffffffffL,
          s.getInt(36) & 0xffffffffL);
      sects.add(sec);
      if (sec.sizeOfRawData() > 0) {
        end = Math.max(end, sec.pointerToRawData() + sec.sizeOfRawData());
      }
    }
    return new SectionTable(List.copyOf(sects), sizeOfHeaders, r.size(), Math.min(end, r.size()));
  }

  List<Section> sections() {
    return sections;
  }

  /** Where the image ends: the end of the headers and of the last section's file bytes, within the file. */
  long imageEnd() {
    return imageEnd;
  }

  /** Maps an RVA to a file offset through the sections (or the headers, below SizeOfHeaders). */
  Optional<Long> rvaToOffset(long rva) {
    if (rva < 0) {
      return Optional.empty();
    }
    if (rva < sizeOfHeaders) {
      return rva < fileSize ? Optional.of(rva) : Optional.empty();
    }
    for (Section s : sections) {
      long va = s.virtualAddress();
      if (rva >= va && rva - va < s.sizeOfRawData()) {
        long off = s.pointerToRawData() + (rva - va);
        return off < fileSize ? Optional.of(off) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The file offset of an RVA that must resolve. */
  long offset(long rva, String what) throws PeFormatException {
    return rvaToOffset(rva).orElseThrow(() -> new PeFormatException(-1, what + " at RVA 0x" + Long.toHexString(rva)
        + " lies in no section's file bytes"));
  }

  /** A NUL-terminated Latin-1 name of at most {@code max} bytes at a file offset. */
  static String string(BoundedReader<PeFormatException> r, long off, int max, String what) throws PeFormatException {
    return r.cstring(off, r.size(), max, StandardCharsets.ISO_8859_1, what);
  }

  /** The name an RVA points to, at most {@link PeFile#MAX_NAME} bytes. */
  String nameAt(BoundedReader<PeFormatException> r, long rva, String what) throws PeFormatException {
    return string(r, offset(rva, what), PeFile.MAX_NAME, what);
  }
}
