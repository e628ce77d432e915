package dev.wheeltapper.zip;

import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.CRC32;

// Over 400 lines: one scan shares its bounded reader and findings across the APPNOTE 4.3 records; issue 18 cuts it
// along them.
/**
 * A raw, bounded scan of a ZIP archive's structure: end records, central directory, local headers, extra fields and
 * data descriptors, checked against each other and against the positions they really have.
 *
 * <p>It reads only headers (never entry data), with positional reads and small buffers, so files beyond 4 GiB work
 * and nothing is allocated from a declared size or count. Every defect is a {@link Finding}; a file that is not a ZIP
 * at all gives {@code zip.not-a-zip}. Only real I/O errors propagate, as {@link IOException}. The checks and codes
 * are listed in {@code docs/zip.md}. Entry data is streamed afterwards with an {@link EntryReader}.
 *
 * <pre>{@code
 * ZipScan scan = new ZipScanner(ZipLimits.defaults()).scan(Path.of("pkg-1.0-py3-none-any.whl"));
 * scan.findings().forEach(f -> System.out.println(f.code() + " " + f.path() + ": " + f.message()));
 * }</pre>
 *
 * <p>Immutable and thread-safe: one scanner may scan many archives concurrently.
 */
public final class ZipScanner {
  static final int LOC_SIG = 0x04034b50;
  static final int CEN_SIG = 0x02014b50;
  static final int EOCD_SIG = 0x06054b50;
  static final int Z64_EOCD_SIG = 0x06064b50;
  static final int Z64_LOC_SIG = 0x07064b50;
  static final int DD_SIG = 0x08074b50;
  static final long MAX16 = 0xFFFF;
  static final long MAX32 = 0xFFFFFFFFL;

  private final ZipLimits limits;

  /** A scanner with {@link ZipLimits#defaults()}. */
  public ZipScanner() {
    this(ZipLimits.defaults());
  }

  /**
   * A scanner with the given limits.
   *
   * @param limits the reading limits
   */
  public ZipScanner(ZipLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * The limits this scanner applies.
   *
   * @return the limits
   */
  public ZipLimits limits() {
    return limits;
  }

  /**
   * Scans the archive at a path (opened read-only).
   *
   * @param path the archive
   * @return the scan
   * @throws IOException when the file cannot be read
   */
  public ZipScan scan(Path path) throws IOException {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      return scan(ch);
    }
  }

  /**
   * Scans the archive in a channel. A {@link FileChannel} is read with positional reads; another channel's position
   * is moved (under its lock) and not restored.
   *
   * @param channel the archive, open for reading
   * @return the scan
   * @throws IOException when the channel cannot be read
   */
  public ZipScan scan(SeekableByteChannel channel) throws IOException {
    Objects.requireNonNull(channel, "channel");
    return new Run(new ChannelSource(channel), limits).run();
  }

  /** Compressed bytes a directory entry may store: the 2-byte empty deflate stream Python's zipfile writes. */
  private static final long EMPTY_STREAM_MAX = 2;
  /** Folders per name walked for file/directory clashes. */
  private static final int MAX_DEPTH_CHECKED = 1024;

  /** One scan's mutable state. */
  private static final class Run {
    private final ChannelSource src;
    private final ZipLimits limits;
    private final long size;
    private final List<Finding> findings = new ArrayList<>();
    private int suppressed;
    private final Map<String, Integer> perCode = new HashMap<>();
    private final List<ScannedEntry> entries = new ArrayList<>();
    private boolean complete = true;
    private boolean zip64;
    private int commentLength;
    private long shift;
    private long cdStart;
    private long cdEnd;
    private long totalDeclared;
    private final List<Long> otherEocds = new ArrayList<>();
    private final byte[] fixed = new byte[64];

    Run(ChannelSource src, ZipLimits limits) {
      this.src = src;
      this.limits = limits;
      this.size = src.size();
    }

    /** Keeps at most {@code maxFindings} findings per code, so one flood cannot hide another kind of defect. */
    private void add(Finding f) {
      int seen = perCode.merge(f.code(), 1, Integer::sum);
      if (seen <= limits.maxFindings()) {
        findings.add(f);
      } else {
        suppressed++;
      }
    }

    private void error(String code, String path, String message) {
      add(Finding.error(code, path, message));
    }

    private ZipScan result() {
      List<Finding> out = new ArrayList<>(findings);
      if (suppressed > 0) {
        out.add(Finding.note(Codes.ZIP_LIMIT_EXCEEDED, "",
            suppressed + " further structural findings were not kept (at most " + limits.maxFindings()
            + " per code)."));
      }
      return new ZipScan(size, entries, out, complete, zip64, commentLength);
    }

    private ZipScan notZip(String message) {
      error(Codes.ZIP_NOT_A_ZIP, "", message);
      complete = false;
      return result();
    }

    /** Reads exactly {@code len} bytes at {@code pos} into a new array, or null when the file ends first. */
    private byte[] readExact(long pos, int len) throws IOException {
      if (pos < 0 || len < 0 || pos > size - len) {
        return null;
      }
      byte[] b = new byte[len];
      return src.read(pos, b, 0, len) == len ? b : null;
    }

    /** Reads {@code len} (at most 64) bytes into the shared small buffer; false when the file ends first. */
    private boolean readFixed(long pos, int len) throws IOException {
      if (pos < 0 || pos > size - len) {
        return false;
      }
      return src.read(pos, fixed, 0, len) == len;
    }

    private boolean sigAt(long pos, int signature) throws IOException {
      return readFixed(pos, 4) && Bytes.sig(fixed, 0, signature);
    }

    ZipScan run() throws IOException {
      if (size < 22) {
        return notZip("The file is " + size + " bytes long, too short to be a ZIP archive.");
      }
      int tailLen = (int) Math.min(size, 0xFFFF + 22);
      long tailStart = size - tailLen;
      byte[] tail = readExact(tailStart, tailLen);
      if (tail == null) {
        return notZip("The end of the file could not be read.");
      }
      // Several end records can fit (one may hide in the comment of another). Prefer one whose comment reaches the
      // end of the file and whose central directory ends where it starts; every other one becomes a finding.
      int[] best = {-1, -1, -1, -1};
      List<Integer> candidates = new ArrayList<>();
      for (int i = tailLen - 22; i >= 0; i--) {
        if (Bytes.sig(tail, i, EOCD_SIG)) {
          candidates.add(i);
          int clen = Bytes.u16(tail, i + 20);
          if (i + 22 + clen > tailLen) {
            continue;
          }
          long cdSizeField = Bytes.u32(tail, i + 12);
          long cdOffsetField = Bytes.u32(tail, i + 16);
          boolean consistent = cdSizeField == MAX32 || cdOffsetField == MAX32
              || cdOffsetField + cdSizeField == tailStart + i;
          int rank = (i + 22 + clen == tailLen ? 0 : 2) + (consistent ? 0 : 1);
          if (best[rank] < 0) {
            best[rank] = i;
          }
        }
      }
      int chosen = -1;
      for (int r : best) {
        if (r >= 0) {
          chosen = r;
          break;
        }
      }
      if (chosen < 0) {
        return notZip("No end of central directory record was found: the file is not a ZIP archive.");
      }
      for (int c : candidates) {
        if (c != chosen) {
          otherEocds.add(tailStart + c);
        }
      }
      long eocd = tailStart + chosen;
      long disk = Bytes.u16(tail, chosen + 4);
      long cdDisk = Bytes.u16(tail, chosen + 6);
      long diskEntries = Bytes.u16(tail, chosen + 8);
      long count = Bytes.u16(tail, chosen + 10);
      long cdSize = Bytes.u32(tail, chosen + 12);
      long cdOffset = Bytes.u32(tail, chosen + 16);
      commentLength = Bytes.u16(tail, chosen + 20);
      long after = size - (eocd + 22 + commentLength);
      if (after > 0) {
        error(Codes.ZIP_EXTRA_DATA, "", after + " bytes follow the end of central directory record and its comment.");
      }
      cdEnd = eocd;
      long z64 = findZip64(eocd);
      if (z64 >= 0) {
        cdEnd = z64;
        long[] v = {diskEntries, count, cdSize, cdOffset, disk, cdDisk};
        long[] w = readZip64Values(z64);
        if (w != null) {
          String[] names = {"entries on this disk", "total entries", "central directory size",
              "central directory offset", "disk number", "central directory disk"};
          long[] sentinel = {MAX16, MAX16, MAX32, MAX32, MAX16, MAX16};
          for (int i = 0; i < v.length; i++) {
            if (v[i] != sentinel[i] && v[i] != w[i]) {
              error(Codes.ZIP_HEADER_MISMATCH, "", "The end record gives " + names[i] + " " + v[i]
                  + " but the ZIP64 end record gives " + w[i] + ".");
            }
          }
          diskEntries = w[0];
          count = w[1];
          cdSize = w[2];
          cdOffset = w[3];
          disk = w[4];
          cdDisk = w[5];
        }
      } else if (count == MAX16 || cdSize == MAX32 || cdOffset == MAX32) {
        error(Codes.ZIP_MALFORMED, "", "The end record holds ZIP64 placeholder values but there is no ZIP64 end"
            + " record locator before it.");
      }
      if (disk != 0 || cdDisk != 0 || diskEntries != count) {
        error(Codes.ZIP_MALFORMED, "", "The end record describes an archive split across disks (disk " + disk
            + ", central directory disk " + cdDisk + ", " + diskEntries + " of " + count + " entries on this disk).");
      }
      if (!locateCentralDirectory(cdOffset, cdSize, count)) {
        complete = false;
        return result();
      }
      readCentralDirectory(count, cdSize);
      checkLayout();
      checkNames();
      checkOtherEocds();
      return result();
    }

    /** Finds and checks the ZIP64 end record; returns its position, or -1 when there is none usable. */
    private long findZip64(long eocd) throws IOException {
      long loc = eocd - 20;
      if (loc < 0 || !readFixed(loc, 20) || !Bytes.sig(fixed, 0, Z64_LOC_SIG)) {
        return -1;
      }
      zip64 = true;
      long z64Disk = Bytes.u32(fixed, 4);
      long declared = Bytes.u64(fixed, 8);
      long totalDisks = Bytes.u32(fixed, 16);
      if (z64Disk != 0 || totalDisks > 1) {
        error(Codes.ZIP_MALFORMED, "", "The ZIP64 end record locator describes an archive split across "
            + totalDisks + " disks.");
      }
      long rec;
      if (declared < loc && sigAt(declared, Z64_EOCD_SIG)) {
        rec = declared;
      } else if (loc >= 56 && sigAt(loc - 56, Z64_EOCD_SIG)) {
        rec = loc - 56;
        error(Codes.ZIP_HEADER_MISMATCH, "", "The ZIP64 end record locator points to offset " + declared
            + " but the ZIP64 end record is at offset " + rec + ".");
      } else {
        error(Codes.ZIP_MALFORMED, "", "The ZIP64 end record locator points to offset " + declared
            + ", where there is no ZIP64 end record.");
        return -1;
      }
      if (!readFixed(rec, 56)) {
        error(Codes.ZIP_MALFORMED, "", "The ZIP64 end record at offset " + rec + " is truncated.");
        return -1;
      }
      long recSize = Bytes.u64(fixed, 4);
      if (recSize < 44) {
        error(Codes.ZIP_MALFORMED, "", "The ZIP64 end record declares a size of " + recSize
            + " bytes, less than its 44 fixed bytes.");
      } else if (recSize > 44) {
        error(Codes.ZIP_EXTRA_DATA, "", "The ZIP64 end record carries " + (recSize > loc ? "more than " + loc
            : String.valueOf(recSize - 44)) + " bytes of extensible data that no reader of wheels uses.");
      }
      long recEnd = recSize > loc ? Long.MAX_VALUE : rec + 12 + recSize;
      if (recSize >= 44 && recEnd != loc) {
        if (recEnd < loc) {
          error(Codes.ZIP_EXTRA_DATA, "", (loc - recEnd) + " bytes lie between the ZIP64 end record and its"
              + " locator.");
        } else {
          error(Codes.ZIP_HEADER_MISMATCH, "", "The ZIP64 end record's declared size runs past its locator.");
        }
      }
      return rec;
    }

    private long[] readZip64Values(long rec) throws IOException {
      if (!readFixed(rec, 56)) {
        return null;
      }
      return new long[] {
        Bytes.u64(fixed, 24), Bytes.u64(fixed, 32), Bytes.u64(fixed, 40), Bytes.u64(fixed, 48),
        Bytes.u32(fixed, 16), Bytes.u32(fixed, 20)
      };
    }

    private boolean locateCentralDirectory(long cdOffset, long cdSize, long count) throws IOException {
      long actual = cdSize <= cdEnd ? cdEnd - cdSize : -1;
      if (cdOffset == actual) {
        cdStart = cdOffset;
        return true;
      }
      if (actual > cdOffset && sigAt(actual, CEN_SIG) && !sigAt(actual - cdOffset, LOC_SIG) && sigAt(0, LOC_SIG)) {
        // Entries start at 0 as the offsets say: the directory offset alone is wrong, not a prefix.
        cdStart = actual;
        error(Codes.ZIP_HEADER_MISMATCH, "", "The end record places the central directory at offset " + cdOffset
            + " but it starts at offset " + actual + ".");
        return true;
      }
      if (actual > cdOffset && (count == 0 || sigAt(actual, CEN_SIG))) {
        shift = actual - cdOffset;
        cdStart = actual;
        error(Codes.ZIP_EXTRA_DATA, "", shift + " bytes precede the archive and its offsets do not count them"
            + " (prepended data or a self-extractor stub).");
        return true;
      }
      if (cdOffset < cdEnd && (sigAt(cdOffset, CEN_SIG) || count == 0)) {
        cdStart = cdOffset;
        return true;
      }
      error(Codes.ZIP_NOT_A_ZIP, "", "The end record places the central directory at offset " + cdOffset
          + " (" + cdSize + " bytes), where there is none.");
      return false;
    }

    private void readCentralDirectory(long count, long cdSizeDeclared) throws IOException {
      long pos = cdStart;
      int n = 0;
      while (pos < cdEnd) {
        if (!readFixed(pos, 4) || !Bytes.sig(fixed, 0, CEN_SIG)) {
          break;
        }
        if (n >= limits.maxEntries()) {
          error(Codes.ZIP_LIMIT_EXCEEDED, "", "The central directory holds more than " + limits.maxEntries()
              + " entries, the configured limit; the rest was not read.");
          complete = false;
          return;
        }
        if (pos > cdEnd - 46 || !readFixed(pos, 46)) {
          error(Codes.ZIP_MALFORMED, "", "The central directory record at offset " + pos + " is truncated.");
          complete = false;
          break;
        }
        int nlen = Bytes.u16(fixed, 28);
        int xlen = Bytes.u16(fixed, 30);
        int clen = Bytes.u16(fixed, 32);
        long recLen = 46L + nlen + xlen + clen;
        if (recLen > cdEnd - pos) {
          error(Codes.ZIP_MALFORMED, "", "The central directory record at offset " + pos
              + " runs past the end of the central directory.");
          complete = false;
          break;
        }
        byte[] head = Arrays.copyOf(fixed, 46);
        byte[] name = readExact(pos + 46, nlen);
        byte[] extra = readExact(pos + 46 + nlen, xlen);
        if (name == null || extra == null) {
          error(Codes.ZIP_MALFORMED, "", "The central directory record at offset " + pos + " is truncated.");
          complete = false;
          break;
        }
        if (!entry(n, pos, head, name, extra)) {
          complete = false;
          return;
        }
        pos += recLen;
        n++;
      }
      if (pos < cdEnd) {
        error(Codes.ZIP_EXTRA_DATA, "", (cdEnd - pos) + " bytes between the central directory and the end record"
            + " are not central directory records.");
      }
      if (n != count) {
        error(Codes.ZIP_HEADER_MISMATCH, "", "The end record declares " + count
            + " entries but the central directory holds " + n + ".");
      }
      long actualSize = pos - cdStart;
      if (actualSize != cdSizeDeclared) {
        error(Codes.ZIP_HEADER_MISMATCH, "", "The end record declares a central directory of " + cdSizeDeclared
            + " bytes but its records take " + actualSize + ".");
      }
    }

    /** Checks one central record and its local header; false when a limit stops the scan. */
    private boolean entry(int index, long cenPos, byte[] h, byte[] rawName, byte[] extraBytes) throws IOException {
      int madeBy = Bytes.u16(h, 4);
      int flags = Bytes.u16(h, 8);
      int method = Bytes.u16(h, 10);
      long crc = Bytes.u32(h, 16);
      long csize = Bytes.u32(h, 20);
      long usize = Bytes.u32(h, 24);
      long diskStart = Bytes.u16(h, 34);
      long extAttr = Bytes.u32(h, 38);
      long lfh = Bytes.u32(h, 42);
      boolean utf8Flag = (flags & 0x800) != 0;
      String strict = decodeUtf8(rawName);
      boolean valid = strict != null;
      String name = valid ? strict : new String(rawName, StandardCharsets.UTF_8);
      String path = name;

      ExtraFields extra = ExtraFields.parse(extraBytes);
      if (extra.malformed) {
        error(Codes.ZIP_MALFORMED, path, "The central directory extra fields of this entry are malformed: a field"
            + " runs past the end of the block.");
      }
      duplicateExtras(extra, path, "central directory");
      // ZIP64: the extra holds 8-byte values only for the fields whose 32-bit value is the placeholder.
      int z = extra.find(ExtraFields.ZIP64);
      if (z >= 0) {
        int off = extra.offsets[z];
        int len = extra.lengths[z];
        int need = (usize == MAX32 ? 8 : 0) + (csize == MAX32 ? 8 : 0) + (lfh == MAX32 ? 8 : 0)
            + (diskStart == MAX16 ? 4 : 0);
        if (len != 0 && len != 8 && len != 16 && len != 24 && len != 28) {
          error(Codes.ZIP_MALFORMED, path, "The ZIP64 extra field of this entry is " + len
              + " bytes long, which no ZIP64 layout gives.");
        }
        if (len < need) {
          error(Codes.ZIP_MALFORMED, path, "The ZIP64 extra field of this entry is too short for the sizes and"
              + " offset its header marks as ZIP64.");
        } else {
          long[] full = {usize, csize, lfh};
          int p = off;
          long nu = usize;
          long nc = csize;
          long nl = lfh;
          if (usize == MAX32) {
            nu = Bytes.u64(extraBytes, p);
            p += 8;
          }
          if (csize == MAX32) {
            nc = Bytes.u64(extraBytes, p);
            p += 8;
          }
          if (lfh == MAX32) {
            nl = Bytes.u64(extraBytes, p);
            p += 8;
          }
          // A reader that takes the fields positionally would see other values when the extra is longer.
          for (int i = 0; i < 3 && (i + 1) * 8 <= len; i++) {
            full[i] = Bytes.u64(extraBytes, off + i * 8);
          }
          if (len > need && (full[0] != nu || full[1] != nc || full[2] != nl)) {
            error(Codes.ZIP_HEADER_MISMATCH, path, "The ZIP64 extra field of this entry holds more values than its"
                + " header asks for and they disagree with the header, so readers disagree on its sizes.");
          }
          usize = nu;
          csize = nc;
          lfh = nl;
        }
      } else if (usize == MAX32 || csize == MAX32 || lfh == MAX32) {
        error(Codes.ZIP_MALFORMED, path, "This entry marks a size or offset as ZIP64 but has no ZIP64 extra field.");
      }
      unicodePath(extra, rawName, name, path, "central directory");

      if (!valid) {
        error(Codes.ZIP_UNSAFE_PATH, path, "The entry name is not valid UTF-8"
            + (utf8Flag ? " although its UTF-8 flag is set." : ", so readers decode it differently."));
      } else if (!utf8Flag && !isAscii(rawName)) {
        add(Finding.warning(Codes.ZIP_UNSAFE_PATH, path, "The entry name is not ASCII and its UTF-8 flag is not set,"
            + " so CPython's zipfile decodes it as CP437 and sees another name."));
      }
      for (String problem : EntryPaths.problems(name)) {
        error(Codes.ZIP_UNSAFE_PATH, path, "The entry name " + problem + ".");
      }
      if ((flags & 0x41) != 0) {
        error(Codes.ZIP_UNSUPPORTED_METHOD, path, "The entry is encrypted.");
      }
      if (method != ScannedEntry.STORED && method != ScannedEntry.DEFLATED) {
        error(Codes.ZIP_UNSUPPORTED_METHOD, path, "The entry uses compression method " + method
            + "; only stored (0) and deflate (8) are allowed.");
      }
      specialFile(path, name, madeBy, extAttr, csize, usize);
      if (method == ScannedEntry.STORED && csize != usize) {
        error(Codes.ZIP_HEADER_MISMATCH, path, "The entry is stored but its compressed size " + csize
            + " differs from its uncompressed size " + usize + ".");
      }

      // Declared sizes against the limits, before any data is read.
      totalDeclared = saturatingAdd(totalDeclared, usize);
      if (usize > limits.entryRatioCap(csize)) {
        error(Codes.ZIP_LIMIT_EXCEEDED, path, "The entry declares " + usize + " bytes from " + csize
            + " compressed bytes, beyond the compression ratio limit of " + limits.maxEntryRatio() + ".");
        return false;
      }
      if (totalDeclared > limits.maxTotalUncompressed()) {
        error(Codes.ZIP_LIMIT_EXCEEDED, path, "The entries declare more than " + limits.maxTotalUncompressed()
            + " uncompressed bytes in total, the configured limit.");
        return false;
      }
      if (totalDeclared > limits.totalRatioCap(size)) {
        error(Codes.ZIP_LIMIT_EXCEEDED, path, "The entries declare " + totalDeclared + " uncompressed bytes from a "
            + size + "-byte archive, beyond the overall compression ratio limit of " + limits.maxTotalRatio() + ".");
        return false;
      }

      long lfhPos = lfh + shift;
      long dataOffset = -1;
      int ddLen = 0;
      if (lfhPos < 0 || lfhPos >= cdStart) {
        error(Codes.ZIP_OVERLAPPING_ENTRIES, path, "The entry's local header offset " + lfh
            + " points outside the entry area of the archive.");
      } else if (!readFixed(lfhPos, 30) || !Bytes.sig(fixed, 0, LOC_SIG)) {
        error(Codes.ZIP_HEADER_MISMATCH, path, "There is no local file header at offset " + lfhPos
            + " where the central directory places this entry.");
      } else {
        long[] local = new long[2];
        dataOffset = localHeader(path, lfhPos, rawName, flags, method, crc, csize, usize, local);
        if (dataOffset >= 0) {
          if (csize > cdStart - dataOffset) {
            error(Codes.ZIP_OVERLAPPING_ENTRIES, path, "The entry's " + csize + " bytes of data run past the"
                + " start of the central directory.");
            dataOffset = -1;
          } else if (((flags | local[0]) & 0x08) != 0) {
            ddLen = dataDescriptor(path, dataOffset + csize, local[1] != 0, crc, csize, usize);
          }
        }
        if (((flags | local[0]) & 0x08) != 0) {
          add(Finding.warning(Codes.ZIP_DATA_DESCRIPTOR, path, "The entry's sizes and CRC follow its data in a data"
              + " descriptor, which PyPI refuses on upload."));
        }
      }
      entries.add(new ScannedEntry(index, name, utf8Flag, valid, madeBy, flags, method, crc, csize, usize, extAttr,
          cenPos, lfhPos, dataOffset, ddLen));
      return true;
    }

    /** Checks the local header; returns the data offset or -1. {@code out[1]} is set to 1 when it has ZIP64. */
    private long localHeader(String path, long pos, byte[] cenName, int flags, int method, long crc, long csize,
        long usize, long[] out) throws IOException {
      int lflags = Bytes.u16(fixed, 6);
      int lmethod = Bytes.u16(fixed, 8);
      long lcrc = Bytes.u32(fixed, 14);
      long lcsize = Bytes.u32(fixed, 18);
      long lusize = Bytes.u32(fixed, 22);
      int nlen = Bytes.u16(fixed, 26);
      int xlen = Bytes.u16(fixed, 28);
      byte[] lname = readExact(pos + 30, nlen);
      byte[] lextra = readExact(pos + 30 + nlen, xlen);
      if (lname == null || lextra == null) {
        error(Codes.ZIP_MALFORMED, path, "The entry's local file header is truncated.");
        return -1;
      }
      if (!Arrays.equals(lname, cenName)) {
        error(Codes.ZIP_HEADER_MISMATCH, path, "The local file header names this entry \""
            + new String(lname, StandardCharsets.UTF_8) + "\", unlike the central directory.");
      }
      out[0] = lflags;
      // Bit 3 (data descriptor) may legitimately be set in the local header only.
      if ((lflags & ~0x08) != (flags & ~0x08)) {
        error(Codes.ZIP_HEADER_MISMATCH, path, "The local file header has flags 0x" + Integer.toHexString(lflags)
            + " but the central directory has 0x" + Integer.toHexString(flags) + ".");
      }
      if (lmethod != method) {
        error(Codes.ZIP_HEADER_MISMATCH, path, "The local file header gives compression method " + lmethod
            + " but the central directory gives " + method + ".");
      }
      ExtraFields extra = ExtraFields.parse(lextra);
      if (extra.malformed) {
        error(Codes.ZIP_MALFORMED, path, "The local extra fields of this entry are malformed: a field runs past"
            + " the end of the block.");
      }
      duplicateExtras(extra, path, "local header");
      unicodePath(extra, lname, decodeUtf8(lname), path, "local header");
      int z = extra.find(ExtraFields.ZIP64);
      if (z >= 0) {
        out[1] = 1;
        int off = extra.offsets[z];
        int len = extra.lengths[z];
        // Like the central directory: 8-byte values for the placeholder fields, uncompressed size first.
        int need = (lusize == MAX32 ? 8 : 0) + (lcsize == MAX32 ? 8 : 0);
        if (len < need) {
          error(Codes.ZIP_MALFORMED, path, "The local ZIP64 extra field of this entry is " + len
              + " bytes long, too short for the sizes its header marks as ZIP64.");
        } else {
          long nu = lusize;
          long nc = lcsize;
          int p = off;
          if (lusize == MAX32) {
            nu = Bytes.u64(lextra, p);
            p += 8;
          }
          if (lcsize == MAX32) {
            nc = Bytes.u64(lextra, p);
          }
          long fu = len >= 8 ? Bytes.u64(lextra, off) : nu;
          long fc = len >= 16 ? Bytes.u64(lextra, off + 8) : nc;
          if (len > need && (fu != nu || fc != nc)) {
            error(Codes.ZIP_HEADER_MISMATCH, path, "The local ZIP64 extra field of this entry holds more values"
                + " than its header asks for and they disagree with the header, so readers disagree on its sizes.");
          }
          lusize = nu;
          lcsize = nc;
        }
      } else if (lusize == MAX32 || lcsize == MAX32) {
        error(Codes.ZIP_MALFORMED, path, "The local header marks a size as ZIP64 but has no ZIP64 extra field.");
      }
      boolean descriptor = (flags & 0x08) != 0 || (lflags & 0x08) != 0;
      if (!descriptor || lcrc != 0 || lcsize != 0 || lusize != 0) {
        compare(path, "CRC-32", lcrc, crc, true);
        compare(path, "compressed size", lcsize, csize, false);
        compare(path, "uncompressed size", lusize, usize, false);
      }
      long data = pos + 30 + nlen + xlen;
      return data <= size ? data : -1;
    }

    private void compare(String path, String what, long local, long central, boolean hex) {
      if (local != central) {
        error(Codes.ZIP_HEADER_MISMATCH, path, "The local file header gives " + what + " "
            + (hex ? "0x" + Long.toHexString(local) : local) + " but the central directory gives "
            + (hex ? "0x" + Long.toHexString(central) : central) + ".");
      }
    }

    /** Reads and checks a data descriptor; returns its length in bytes. */
    private int dataDescriptor(String path, long pos, boolean zip64Sizes, long crc, long csize, long usize)
        throws IOException {
      int want = zip64Sizes ? 24 : 16;
      int got = pos >= 0 && pos < size ? src.read(pos, fixed, 0, (int) Math.min(want, size - pos)) : 0;
      boolean signed = got >= 4 && Bytes.sig(fixed, 0, DD_SIG);
      int body = 4 + (zip64Sizes ? 16 : 8);
      int len = (signed ? 4 : 0) + body;
      if (got < len) {
        error(Codes.ZIP_MALFORMED, path, "The entry's data descriptor is cut off by the end of the entry area.");
        return Math.max(0, got);
      }
      int o = signed ? 4 : 0;
      long dcrc = Bytes.u32(fixed, o);
      long dc = zip64Sizes ? Bytes.u64(fixed, o + 4) : Bytes.u32(fixed, o + 4);
      long du = zip64Sizes ? Bytes.u64(fixed, o + 12) : Bytes.u32(fixed, o + 8);
      if (dcrc != crc || dc != csize || du != usize) {
        error(Codes.ZIP_HEADER_MISMATCH, path, "The data descriptor gives CRC-32 0x" + Long.toHexString(dcrc)
            + ", compressed size " + dc + " and uncompressed size " + du + " but the central directory gives 0x"
            + Long.toHexString(crc) + ", " + csize + " and " + usize + ".");
      }
      return len;
    }

    private void duplicateExtras(ExtraFields extra, String path, String where) {
      if (extra.occurrences(ExtraFields.ZIP64) > 1) {
        error(Codes.ZIP_MALFORMED, path, "The " + where + " of this entry has more than one ZIP64 extra field.");
      }
      if (extra.occurrences(ExtraFields.UNICODE_PATH) > 1) {
        error(Codes.ZIP_MALFORMED, path, "The " + where + " of this entry has more than one Unicode Path extra"
            + " field.");
      }
    }

    private void unicodePath(ExtraFields extra, byte[] rawName, String name, String path, String where) {
      int u = extra.find(ExtraFields.UNICODE_PATH);
      if (u < 0) {
        return;
      }
      int off = extra.offsets[u];
      int len = extra.lengths[u];
      if (len < 5 || extra.data[off] != 1) {
        error(Codes.ZIP_MALFORMED, path, "The Unicode Path extra field in the " + where + " of this entry is"
            + " malformed.");
        return;
      }
      CRC32 c = new CRC32();
      c.update(rawName);
      boolean crcMatches = c.getValue() == Bytes.u32(extra.data, off + 1);
      String unicode = decodeUtf8(Arrays.copyOfRange(extra.data, off + 5, off + len));
      if (unicode == null) {
        error(Codes.ZIP_UNSAFE_PATH, path, "The Unicode Path extra field in the " + where + " of this entry is not"
            + " valid UTF-8.");
      } else if (!unicode.equals(name)) {
        error(Codes.ZIP_HEADER_MISMATCH, path, "The Unicode Path extra field in the " + where + " names this entry"
            + " \"" + unicode + "\"" + (crcMatches ? "" : " (with a stale CRC)") + ", unlike its header.");
      }
    }

    private void specialFile(String path, String name, int madeBy, long extAttr, long csize, long usize) {
      int host = (madeBy >>> 8) & 0xFF;
      boolean unix = host == ScannedEntry.HOST_UNIX || host == ScannedEntry.HOST_OSX;
      int type = unix ? (int) ((extAttr >>> 16) & 0xF000) : 0;
      switch (type) {
        case 0120000 -> error(Codes.ZIP_SPECIAL_FILE, path, "The entry is a symbolic link.");
        case 0020000, 0060000 -> error(Codes.ZIP_SPECIAL_FILE, path, "The entry is a device file.");
        case 0010000 -> error(Codes.ZIP_SPECIAL_FILE, path, "The entry is a named pipe.");
        case 0140000 -> error(Codes.ZIP_SPECIAL_FILE, path, "The entry is a socket.");
        default -> { }
      }
      boolean dirName = name.endsWith("/");
      if (dirName && usize != 0) {
        error(Codes.ZIP_SPECIAL_FILE, path, "The entry is named as a directory but carries " + usize
            + " bytes of data.");
      } else if (dirName && csize > EMPTY_STREAM_MAX) {
        // Python's zipfile deflates a directory to the 2-byte empty stream: harmless. More is a hidden payload.
        add(Finding.warning(Codes.ZIP_SPECIAL_FILE, path, "The entry is named as a directory and declares no data,"
            + " but stores " + csize + " compressed bytes that no extractor writes anywhere."));
      } else if (dirName && type == 0100000) {
        add(Finding.warning(Codes.ZIP_SPECIAL_FILE, path, "The entry is named as a directory but its mode says"
            + " regular file."));
      } else if (!dirName && type == 0040000) {
        add(Finding.warning(Codes.ZIP_SPECIAL_FILE, path, "The entry's mode says directory but its name has no"
            + " trailing slash."));
      }
    }

    /** Overlaps, bytes outside entries, and the gap before the central directory. */
    private void checkLayout() throws IOException {
      int n = entries.size();
      long[][] spans = new long[n][];
      for (int i = 0; i < n; i++) {
        ScannedEntry e = entries.get(i);
        spans[i] = new long[] {e.localHeaderOffset(), e.readable() ? e.end() : e.localHeaderOffset() + 30, i};
      }
      Arrays.sort(spans, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[2], b[2]));
      long cursor = shift;
      int owner = -1;
      for (long[] s : spans) {
        ScannedEntry e = entries.get((int) s[2]);
        if (s[0] < cursor && owner >= 0) {
          String other = entries.get(owner).name();
          error(Codes.ZIP_OVERLAPPING_ENTRIES, e.name(), s[0] == entries.get(owner).localHeaderOffset()
              ? "The entry shares its local header at offset " + s[0] + " with \"" + other + "\"."
              : "The entry overlaps the data of \"" + other + "\".");
        } else if (complete && s[0] > cursor && s[0] < cdStart) {
          error(Codes.ZIP_EXTRA_DATA, e.name(), (s[0] - cursor) + " bytes " + (owner < 0 ? "before the first entry"
              : "between \"" + entries.get(owner).name() + "\" and this entry") + " belong to no entry"
              + hidden(cursor) + ".");
        }
        if (s[1] > cursor) {
          cursor = s[1];
          owner = (int) s[2];
        }
      }
      if (complete && cursor < cdStart) {
        error(Codes.ZIP_EXTRA_DATA, "", (cdStart - cursor) + " bytes " + (owner < 0 ? "before" : "between the last"
            + " entry and") + " the central directory belong to no entry" + hidden(cursor) + ".");
      }
    }

    private String hidden(long pos) throws IOException {
      return sigAt(pos, LOC_SIG) ? " (they start with a local file header the central directory does not list)"
          : sigAt(pos, DD_SIG) ? " (they start with a data descriptor signature)" : "";
    }

    /**
     * A name both a file and a directory ({@code a/b} beside {@code a/b/} or {@code a/b/c}) cannot be extracted: one
     * extractor writes the file, another the folder, installers fail. Ancestors are walked from the deepest up and
     * stop at one already seen, so each folder name is built once; names deeper than {@link #MAX_DEPTH_CHECKED}
     * folders are checked to that depth.
     */
    private void checkFileDirectoryClashes() {
      Set<String> dirs = new HashSet<>();
      for (ScannedEntry e : entries) {
        String name = e.name();
        int end = name.endsWith("/") ? name.length() - 1 : name.lastIndexOf('/');
        for (int depth = 0; end > 0 && depth < MAX_DEPTH_CHECKED; depth++) {
          if (!dirs.add(name.substring(0, end))) {
            break;
          }
          end = name.lastIndexOf('/', end - 1);
        }
      }
      for (ScannedEntry e : entries) {
        String name = e.name();
        if (!name.endsWith("/") && dirs.contains(name)) {
          error(Codes.ZIP_DUPLICATE_ENTRY, name, "The name is both a file and a directory (other entries lie under"
              + " \"" + name + "/\"): extractors and installers disagree on which one they write.");
        }
      }
    }

    private void checkNames() {
      checkFileDirectoryClashes();
      Map<String, String> exact = new HashMap<>();
      Map<String, String> nfc = new HashMap<>();
      Map<String, String> folded = new HashMap<>();
      for (ScannedEntry e : entries) {
        String name = e.name();
        if (exact.putIfAbsent(name, name) != null) {
          error(Codes.ZIP_DUPLICATE_ENTRY, name, "Another entry has the same name.");
          continue;
        }
        String norm = EntryPaths.normalizeForCompare(name);
        String prior = nfc.putIfAbsent(norm, name);
        if (prior != null) {
          error(Codes.ZIP_DUPLICATE_ENTRY, name, "The name equals \"" + prior + "\" once Unicode-normalised (NFC)"
              + " and slash-collapsed.");
          continue;
        }
        String fold = norm.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        prior = folded.putIfAbsent(fold, name);
        if (prior != null) {
          add(Finding.warning(Codes.ZIP_CASE_COLLISION, name, "The name differs from \"" + prior
              + "\" only in case, so the two clash on case-insensitive file systems."));
        }
      }
    }

    /**
     * End-record signatures outside every entry's data (in the comment, a gap or the directory) are ambiguous. Entry
     * data ranges are sorted and merged once, then each candidate is a binary search, so a tail full of signatures
     * and many entries stays cheap.
     */
    private void checkOtherEocds() {
      if (otherEocds.isEmpty()) {
        return;
      }
      long[][] ranges = entries.stream().filter(ScannedEntry::readable)
          .map(e -> new long[] {e.dataOffset(), e.dataOffset() + e.compressedSize()})
          .sorted((a, b) -> Long.compare(a[0], b[0])).toArray(long[][]::new);
      long[] starts = new long[ranges.length];
      long[] ends = new long[ranges.length];
      int m = 0;
      for (long[] r : ranges) {
        if (m > 0 && r[0] <= ends[m - 1]) {
          ends[m - 1] = Math.max(ends[m - 1], r[1]);
        } else {
          starts[m] = r[0];
          ends[m] = r[1];
          m++;
        }
      }
      for (long c : otherEocds) {
        int i = Arrays.binarySearch(starts, 0, m, c);
        int idx = i >= 0 ? i : -i - 2;
        boolean inData = idx >= 0 && c < ends[idx];
        if (!inData) {
          error(Codes.ZIP_MULTIPLE_EOCD, "", "A second end of central directory record at offset " + c
              + " lets readers disagree on which entries the archive holds.");
          return;
        }
      }
    }

    private static long saturatingAdd(long a, long b) {
      long r = a + b;
      return r < 0 ? Long.MAX_VALUE : r;
    }

    private static boolean isAscii(byte[] b) {
      for (byte x : b) {
        if (x < 0) {
          return false;
        }
      }
      return true;
    }

    static String decodeUtf8(byte[] raw) {
      try {
        CharBuffer cb = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(raw));
        return cb.toString();
      } catch (CharacterCodingException e) {
        return null;
      }
    }
  }
}
