package dev.wheeltapper.inspect;

import dev.wheeltapper.bytes.ByteSource;
import dev.wheeltapper.elf.ElfFile;
import dev.wheeltapper.elf.ElfFormatException;
import dev.wheeltapper.elf.Section;
import dev.wheeltapper.elf.Segment;
import dev.wheeltapper.macho.MachOFile;
import dev.wheeltapper.macho.MachORecords;
import dev.wheeltapper.macho.MachOSlice;
import dev.wheeltapper.pe.PeFile;
import dev.wheeltapper.pe.PeRecords;
import dev.wheeltapper.bytes.PrintableRuns;
import dev.wheeltapper.toolchain.StringScan;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only data of a binary, scanned for language and binding markers ({@link StringScan}): ELF {@code .rodata*},
 * PE initialised read-only sections, Mach-O {@code __TEXT} data and {@code __DATA_CONST,__const}. At most 512 MiB per
 * binary, in 1 MiB pieces; an unreadable range ends early.
 *
 * <pre>{@code
 * StringScan scan = ReadOnlyData.scanStrings(elf);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class ReadOnlyData {
  private ReadOnlyData() {}

  private static final Logger LOG = LoggerFactory.getLogger(ReadOnlyData.class);

  /** Read-only data is scanned in pieces of this size. */
  private static final int SCAN_CHUNK = 1 << 20;
  /** At most this many bytes of read-only data are scanned per binary. */
  private static final long MAX_SCAN_BYTES = 512L << 20;

  /**
   * Scans the read-only data for language and binding markers: the {@code .rodata*} sections, or without section
   * headers the loadable segments that are not writable. Best effort: unreadable ranges are skipped.
   *
   * @param elf the binary
   * @return the markers found
   */
  public static StringScan scanStrings(ElfFile elf) {
    List<long[]> ranges = new ArrayList<>();
    try {
      for (Section s : elf.sections()) {
        if ((s.name().startsWith(".rodata") || s.name().equals(".go.buildinfo")) && s.hasFileBytes()) {
          ranges.add(new long[] {s.offset(), s.size()});
        }
      }
      if (ranges.isEmpty()) {
        for (Segment s : elf.segments()) {
          if (s.rawType() == 1 && !s.isWritable()) {
            ranges.add(new long[] {s.offset(), s.fileSize()});
          }
        }
      }
    } catch (ElfFormatException e) {
      LOG.debug("no read-only data to scan: {}", e.getMessage());
    }
    return scanRanges(elf.size(), elf::read, ranges);
  }

  /**
   * Scans a PE image's read-only data (initialised, neither writable nor executable sections such as
   * {@code .rdata}) for language and binding markers. Best effort: unreadable ranges are skipped.
   *
   * @param pe the image
   * @return the markers found
   */
  public static StringScan scanStrings(PeFile pe) {
    List<long[]> ranges = new ArrayList<>();
    for (PeRecords.Section s : pe.sections()) {
      long c = s.characteristics();
      boolean data = (c & 0x40L) != 0;
      boolean exec = (c & 0x20000000L) != 0;
      boolean write = (c & 0x80000000L) != 0;
      if (data && !exec && !write && s.sizeOfRawData() > 0) {
        ranges.add(new long[] {s.pointerToRawData(), Math.min(s.sizeOfRawData(), Math.max(s.virtualSize(), 1))});
      }
    }
    return scanRanges(pe.source(), ranges);
  }

  /**
   * Scans a Mach-O slice's read-only data (the {@code __TEXT} sections other than code, and {@code __DATA_CONST}
   * {@code __const}) for language and binding markers.
   *
   * @param macho the file
   * @param slice one of its slices
   * @return the markers found
   */
  public static StringScan scanStrings(MachOFile macho, MachOSlice slice) {
    List<long[]> ranges = new ArrayList<>();
    for (MachORecords.Segment g : slice.segments()) {
      for (MachORecords.Section s : g.sections()) {
        boolean text = g.name().equals("__TEXT") && !List.of("__text", "__stubs", "__stub_helper", "__unwind_info",
            "__eh_frame", "__gcc_except_tab").contains(s.name());
        boolean constData = g.name().equals("__DATA_CONST") && s.name().equals("__const");
        int type = (int) (s.flags() & 0xff);
        // S_ZEROFILL (1), S_GB_ZEROFILL (12), S_THREAD_LOCAL_ZEROFILL (18) have no file bytes
        if ((text || constData) && type != 1 && type != 12 && type != 18 && s.offset() > 0 && s.size() > 0
            && s.offset() < slice.size()) {
          ranges.add(new long[] {slice.offset() + s.offset(), Math.min(s.size(), slice.size() - s.offset())});
        }
      }
    }
    return scanRanges(macho.source(), ranges);
  }

  private static StringScan scanRanges(ByteSource src, List<long[]> ranges) {
    return scanRanges(src.size(), src::read, ranges);
  }

  /**
   * Copies {@code length} bytes at {@code offset}: an ELF file's or a byte source's bounded read. A copy into one
   * reused array, not a view: a mapped binary is read with positional reads and its pages never join the resident set.
   */
  private interface RangeReader {
    void read(long offset, byte[] dst, int dstOffset, int length) throws IOException;
  }

  /**
   * Feeds the ranges to the string scanner in chunks, at most {@link #MAX_SCAN_BYTES} in all; a range that cannot be
   * read ends early.
   */
  private static StringScan scanRanges(long size, RangeReader reader, List<long[]> ranges) {
    StringScan.Collector markers = StringScan.collector();
    PrintableRuns scanner = new PrintableRuns(markers);
    long budget = MAX_SCAN_BYTES;
    byte[] separator = {0};
    byte[] chunk = null;
    for (long[] r : ranges) {
      scanner.feed(separator, 0, 1); // a string never runs from one section into the next
      long off = r[0];
      long left = Math.min(r[1], Math.max(0, size - off));
      while (left > 0 && budget > 0) {
        int n = (int) Math.min(Math.min(left, SCAN_CHUNK), budget);
        try {
          if (chunk == null || chunk.length < n) {
            chunk = new byte[n]; // grows to at most SCAN_CHUNK; most binaries' read-only data is far smaller
          }
          reader.read(off, chunk, 0, n);
          scanner.feed(chunk, 0, n);
        } catch (IOException e) {
          LOG.debug("skipping unreadable range at 0x{}: {}", Long.toHexString(off), e.getMessage());
          break;
        }
        off += n;
        left -= n;
        budget -= n;
      }
    }
    scanner.end();
    return markers.finish();
  }
}
