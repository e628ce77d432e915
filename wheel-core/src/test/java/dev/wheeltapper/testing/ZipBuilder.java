package dev.wheeltapper.testing;

import dev.wheeltapper.testsupport.FuzzSeeds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A byte-level ZIP writer for tests that can produce every hostile case: local headers that disagree with the
 * central directory, data descriptors, ZIP64 records and extra fields, prefixes, gaps and trailing bytes, duplicate
 * and overlapping entries, encrypted flags, unknown methods, Unix modes, two end records and comments.
 *
 * <p>{@link #entry} starts an entry; the entry methods after it change that entry until the next {@code entry}.
 * Archive methods may be called at any time. Nothing is validated: whatever is asked for is written.
 *
 * <pre>{@code
 * byte[] zip = new ZipBuilder()
 *     .entry("pkg/__init__.py", "x = 1\n").deflated()
 *     .entry("pkg/data.txt", "hello").stored().localName("pkg/other.txt")
 *     .comment("made by a test")
 *     .build();
 * }</pre>
 *
 * <p>Defaults: deflate, version made by 3.20 (Unix) with mode 0644, the UTF-8 flag only for non-ASCII names, a
 * fixed timestamp, ZIP64 fields only where a value does not fit in 32 bits (or when asked). Not thread-safe.
 */
public final class ZipBuilder {
  /** Value of a 32-bit field that points to the ZIP64 extra field. */
  public static final long ZIP64_MARK = 0xFFFFFFFFL;

  private final List<Entry> entries = new ArrayList<>();
  private Entry current;
  private byte[] prefix = new byte[0];
  private boolean prefixCounted;
  private byte[] comment = new byte[0];
  private byte[] trailing = new byte[0];
  private byte[] beforeEocd = new byte[0];
  private boolean zip64Eocd;
  private byte[] zip64Extensible = new byte[0];
  private Long eocdCount;
  private Long eocdDiskCount;
  private Long eocdCdSize;
  private Long eocdCdOffset;
  private Integer eocdCommentLength;
  private Long z64Count;
  private Long z64CdSize;
  private Long z64CdOffset;
  private Long locatorOffset;
  private boolean secondEocdInComment;

  private static final class Entry {
    byte[] name;
    byte[] localName;
    byte[] centralName;
    byte[] content = new byte[0];
    byte[] rawData;
    boolean deflate = true;
    Integer localMethod;
    Integer centralMethod;
    Integer localFlags;
    Integer centralFlags;
    int setFlags;
    Long localCrc;
    Long centralCrc;
    Long localCsize;
    Long centralCsize;
    Long localUsize;
    Long centralUsize;
    Long centralOffset;
    int versionMadeBy = (3 << 8) | 20;
    long externalAttributes = 0100644L << 16;
    boolean zip64;
    byte[] localExtra = new byte[0];
    byte[] centralExtra = new byte[0];
    byte[] centralComment = new byte[0];
    boolean descriptor;
    boolean descriptorSignature = true;
    boolean descriptorZip64;
    Long ddCrc;
    Long ddCsize;
    Long ddUsize;
    byte[] gapAfter = new byte[0];
    int centralCopies = 1;
    boolean rawSizes;
    long holeLength = -1;
    // computed while building
    long offset;
    byte[] data;
    long crc;
  }

  private Entry cur() {
    if (current == null) {
      throw new IllegalStateException("call entry(...) first");
    }
    return current;
  }

  // ---- entries ----------------------------------------------------------------------------------------------

  /**
   * Starts an entry with this name (UTF-8) and content.
   *
   * @param name the entry name
   * @param content the uncompressed content
   * @return this builder
   */
  public ZipBuilder entry(String name, byte[] content) {
    return entry(name.getBytes(StandardCharsets.UTF_8), content);
  }

  /**
   * Starts an entry with this name (UTF-8) and UTF-8 text content.
   *
   * @param name the entry name
   * @param content the text
   * @return this builder
   */
  public ZipBuilder entry(String name, String content) {
    return entry(name, content.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Starts an entry with raw name bytes (written as given in both headers).
   *
   * @param rawName the name bytes
   * @param content the uncompressed content
   * @return this builder
   */
  public ZipBuilder entry(byte[] rawName, byte[] content) {
    Entry e = new Entry();
    e.name = rawName.clone();
    e.content = content.clone();
    boolean ascii = true;
    for (byte b : rawName) {
      ascii &= b >= 0;
    }
    if (!ascii) {
      e.setFlags |= 0x800;
    }
    entries.add(e);
    current = e;
    return this;
  }

  /**
   * Starts a directory entry ({@code name} should end with {@code /}), stored and empty, mode 040755.
   *
   * @param name the directory name
   * @return this builder
   */
  public ZipBuilder directory(String name) {
    entry(name, new byte[0]).stored();
    cur().externalAttributes = (040755L << 16) | 0x10;
    return this;
  }

  /**
   * Compresses the current entry with deflate (the default).
   *
   * @return this builder
   */
  public ZipBuilder deflated() {
    cur().deflate = true;
    return this;
  }

  /**
   * Stores the current entry uncompressed.
   *
   * @return this builder
   */
  public ZipBuilder stored() {
    cur().deflate = false;
    return this;
  }

  /**
   * Writes these bytes as the entry's data instead of compressing its content (sizes and CRC still describe the
   * content unless overridden).
   *
   * @param data the raw data bytes
   * @return this builder
   */
  public ZipBuilder rawData(byte[] data) {
    cur().rawData = data.clone();
    return this;
  }

  /**
   * Declares this compression method in both headers (the data is still written as stored or deflated).
   *
   * @param method the method number
   * @return this builder
   */
  public ZipBuilder method(int method) {
    cur().localMethod = method;
    cur().centralMethod = method;
    return this;
  }

  /**
   * Declares this compression method in the local header only.
   *
   * @param method the method number
   * @return this builder
   */
  public ZipBuilder localMethod(int method) {
    cur().localMethod = method;
    return this;
  }

  /**
   * Writes another name in the local header.
   *
   * @param name the local name (UTF-8)
   * @return this builder
   */
  public ZipBuilder localName(String name) {
    cur().localName = name.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  /**
   * Writes another name in the central directory.
   *
   * @param name the central name (UTF-8)
   * @return this builder
   */
  public ZipBuilder centralName(String name) {
    cur().centralName = name.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  /**
   * Sets or clears the UTF-8 name flag (bit 11) in both headers.
   *
   * @param on whether the flag is set
   * @return this builder
   */
  public ZipBuilder utf8Flag(boolean on) {
    cur().setFlags = on ? cur().setFlags | 0x800 : cur().setFlags & ~0x800;
    return this;
  }

  /**
   * ORs these bits into the general purpose flags of both headers.
   *
   * @param bits flag bits
   * @return this builder
   */
  public ZipBuilder flags(int bits) {
    cur().setFlags |= bits;
    return this;
  }

  /**
   * Writes exactly these flags in the local header.
   *
   * @param flags the local flags
   * @return this builder
   */
  public ZipBuilder localFlags(int flags) {
    cur().localFlags = flags;
    return this;
  }

  /**
   * Writes exactly these flags in the central directory.
   *
   * @param flags the central flags
   * @return this builder
   */
  public ZipBuilder centralFlags(int flags) {
    cur().centralFlags = flags;
    return this;
  }

  /**
   * Sets the encrypted flag (bit 0) in both headers; the data is not encrypted.
   *
   * @return this builder
   */
  public ZipBuilder encrypted() {
    return flags(0x1);
  }

  /**
   * Declares this CRC-32 in both headers.
   *
   * @param crc the CRC
   * @return this builder
   */
  public ZipBuilder crc(long crc) {
    cur().localCrc = crc;
    cur().centralCrc = crc;
    return this;
  }

  /**
   * Declares this CRC-32 in the local header only.
   *
   * @param crc the CRC
   * @return this builder
   */
  public ZipBuilder localCrc(long crc) {
    cur().localCrc = crc;
    return this;
  }

  /**
   * Declares this CRC-32 in the central directory only.
   *
   * @param crc the CRC
   * @return this builder
   */
  public ZipBuilder centralCrc(long crc) {
    cur().centralCrc = crc;
    return this;
  }

  /**
   * Declares these sizes in both headers (values above 32 bits go to ZIP64 extra fields).
   *
   * @param compressed the compressed size
   * @param uncompressed the uncompressed size
   * @return this builder
   */
  public ZipBuilder sizes(long compressed, long uncompressed) {
    Entry e = cur();
    e.localCsize = compressed;
    e.centralCsize = compressed;
    e.localUsize = uncompressed;
    e.centralUsize = uncompressed;
    return this;
  }

  /**
   * Declares these sizes in the local header only.
   *
   * @param compressed the compressed size
   * @param uncompressed the uncompressed size
   * @return this builder
   */
  public ZipBuilder localSizes(long compressed, long uncompressed) {
    cur().localCsize = compressed;
    cur().localUsize = uncompressed;
    return this;
  }

  /**
   * Declares these sizes in the central directory only.
   *
   * @param compressed the compressed size
   * @param uncompressed the uncompressed size
   * @return this builder
   */
  public ZipBuilder centralSizes(long compressed, long uncompressed) {
    cur().centralCsize = compressed;
    cur().centralUsize = uncompressed;
    return this;
  }

  /**
   * Makes the central record point to this local header offset (counted from the archive start, as written).
   *
   * @param offset the offset
   * @return this builder
   */
  public ZipBuilder centralOffset(long offset) {
    cur().centralOffset = offset;
    return this;
  }

  /**
   * Writes both sizes through ZIP64 extra fields (32-bit fields set to {@link #ZIP64_MARK}).
   *
   * @return this builder
   */
  public ZipBuilder zip64() {
    cur().zip64 = true;
    return this;
  }

  /**
   * Writes declared sizes as given, cut to 32 bits, without adding ZIP64 extra fields for them (to hand-craft ZIP64
   * extras with {@link #extra}, {@link #localExtra} or {@link #centralExtra}).
   *
   * @return this builder
   */
  public ZipBuilder noAutoZip64() {
    cur().rawSizes = true;
    return this;
  }

  /**
   * Makes the entry's data a hole of this many zero bytes that {@link #write(Path)} skips (a sparse file), for
   * archives beyond 4 GiB; stored, with the given CRC. {@link #build()} refuses such an archive.
   *
   * @param length the data length
   * @param crc the CRC-32 to declare
   * @return this builder
   */
  public ZipBuilder sparseStoredData(long length, long crc) {
    Entry e = cur();
    e.deflate = false;
    e.holeLength = length;
    e.localCsize = length;
    e.localUsize = length;
    e.centralCsize = length;
    e.centralUsize = length;
    e.localCrc = crc;
    e.centralCrc = crc;
    return this;
  }

  /**
   * Appends raw extra field bytes to the local header.
   *
   * @param extra the bytes (see {@link #extraField})
   * @return this builder
   */
  public ZipBuilder localExtra(byte[] extra) {
    cur().localExtra = concat(cur().localExtra, extra);
    return this;
  }

  /**
   * Appends raw extra field bytes to the central record.
   *
   * @param extra the bytes (see {@link #extraField})
   * @return this builder
   */
  public ZipBuilder centralExtra(byte[] extra) {
    cur().centralExtra = concat(cur().centralExtra, extra);
    return this;
  }

  /**
   * Appends the same raw extra field bytes to both headers.
   *
   * @param extra the bytes
   * @return this builder
   */
  public ZipBuilder extra(byte[] extra) {
    return localExtra(extra).centralExtra(extra);
  }

  /**
   * Writes this comment in the central record.
   *
   * @param text the comment
   * @return this builder
   */
  public ZipBuilder entryComment(String text) {
    cur().centralComment = text.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  /**
   * Makes a Unix entry with this mode (type and permission bits, for example {@code 0120777} for a symlink).
   *
   * @param mode the mode
   * @return this builder
   */
  public ZipBuilder unixMode(int mode) {
    cur().versionMadeBy = (3 << 8) | 20;
    cur().externalAttributes = ((long) mode & 0xFFFF) << 16;
    return this;
  }

  /**
   * Writes this "version made by" field.
   *
   * @param value host system in the high byte, version in the low byte
   * @return this builder
   */
  public ZipBuilder versionMadeBy(int value) {
    cur().versionMadeBy = value;
    return this;
  }

  /**
   * Writes these external attributes.
   *
   * @param value the attributes
   * @return this builder
   */
  public ZipBuilder externalAttributes(long value) {
    cur().externalAttributes = value;
    return this;
  }

  /**
   * Uses a data descriptor with signature: bit 3 in both headers, zero CRC and sizes in the local header, and the
   * real values after the data.
   *
   * @return this builder
   */
  public ZipBuilder dataDescriptor() {
    cur().descriptor = true;
    return this;
  }

  /**
   * Writes the data descriptor without its optional signature.
   *
   * @return this builder
   */
  public ZipBuilder dataDescriptorWithoutSignature() {
    cur().descriptor = true;
    cur().descriptorSignature = false;
    return this;
  }

  /**
   * Writes 8-byte sizes in the data descriptor (and a ZIP64 extra in the local header, as the format asks).
   *
   * @return this builder
   */
  public ZipBuilder dataDescriptorZip64() {
    cur().descriptor = true;
    cur().descriptorZip64 = true;
    return this;
  }

  /**
   * Writes these values in the data descriptor instead of the real ones.
   *
   * @param crc the CRC
   * @param compressed the compressed size
   * @param uncompressed the uncompressed size
   * @return this builder
   */
  public ZipBuilder dataDescriptorValues(long crc, long compressed, long uncompressed) {
    Entry e = cur();
    e.descriptor = true;
    e.ddCrc = crc;
    e.ddCsize = compressed;
    e.ddUsize = uncompressed;
    return this;
  }

  /**
   * Writes these raw bytes right after the entry (after its data descriptor, if any).
   *
   * @param bytes the gap
   * @return this builder
   */
  public ZipBuilder gapAfter(byte[] bytes) {
    cur().gapAfter = bytes.clone();
    return this;
  }

  /**
   * Lists the entry this many times in the central directory, all pointing to the one local header.
   *
   * @param copies how many central records
   * @return this builder
   */
  public ZipBuilder centralCopies(int copies) {
    cur().centralCopies = copies;
    return this;
  }

  /**
   * Writes the local header and data but no central record (a hidden entry).
   *
   * @return this builder
   */
  public ZipBuilder omitFromCentralDirectory() {
    cur().centralCopies = 0;
    return this;
  }

  // ---- archive ----------------------------------------------------------------------------------------------

  /**
   * Writes bytes before the first entry.
   *
   * @param bytes the prefix
   * @param offsetsCountIt whether the offsets in the archive include the prefix (as {@code zip -A} fixes them) or
   *     not (as a stub simply prepended)
   * @return this builder
   */
  public ZipBuilder prefix(byte[] bytes, boolean offsetsCountIt) {
    prefix = bytes.clone();
    prefixCounted = offsetsCountIt;
    return this;
  }

  /**
   * Writes the archive comment.
   *
   * @param text the comment
   * @return this builder
   */
  public ZipBuilder comment(String text) {
    comment = text.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  /**
   * Writes the archive comment.
   *
   * @param bytes the comment bytes
   * @return this builder
   */
  public ZipBuilder comment(byte[] bytes) {
    comment = bytes.clone();
    return this;
  }

  /**
   * Writes this comment length in the end record instead of the real one.
   *
   * @param length the declared length
   * @return this builder
   */
  public ZipBuilder commentLength(int length) {
    eocdCommentLength = length;
    return this;
  }

  /**
   * Appends bytes after the end record and its comment.
   *
   * @param bytes the trailing bytes
   * @return this builder
   */
  public ZipBuilder trailing(byte[] bytes) {
    trailing = bytes.clone();
    return this;
  }

  /**
   * Writes bytes between the central directory (or ZIP64 locator) and the end record.
   *
   * @param bytes the bytes
   * @return this builder
   */
  public ZipBuilder beforeEndRecord(byte[] bytes) {
    beforeEocd = bytes.clone();
    return this;
  }

  /**
   * Makes the archive comment a second end of central directory record claiming zero entries.
   *
   * @return this builder
   */
  public ZipBuilder secondEndRecordInComment() {
    secondEocdInComment = true;
    return this;
  }

  /**
   * Writes a ZIP64 end record and locator, with placeholders in the end record.
   *
   * @return this builder
   */
  public ZipBuilder zip64EndRecord() {
    zip64Eocd = true;
    return this;
  }

  /**
   * Writes a ZIP64 end record carrying these bytes of extensible data.
   *
   * @param data the extensible data
   * @return this builder
   */
  public ZipBuilder zip64ExtensibleData(byte[] data) {
    zip64Eocd = true;
    zip64Extensible = data.clone();
    return this;
  }

  /**
   * Writes these values in the end record instead of the real ones (null keeps the real value).
   *
   * @param count total entries
   * @param cdSize central directory size
   * @param cdOffset central directory offset
   * @return this builder
   */
  public ZipBuilder endRecord(Long count, Long cdSize, Long cdOffset) {
    eocdCount = count;
    eocdCdSize = cdSize;
    eocdCdOffset = cdOffset;
    return this;
  }

  /**
   * Writes this "entries on this disk" value in the end record.
   *
   * @param count the value
   * @return this builder
   */
  public ZipBuilder endRecordDiskEntries(long count) {
    eocdDiskCount = count;
    return this;
  }

  /**
   * Writes these values in the ZIP64 end record instead of the real ones (null keeps the real value).
   *
   * @param count total entries
   * @param cdSize central directory size
   * @param cdOffset central directory offset
   * @return this builder
   */
  public ZipBuilder zip64EndRecordValues(Long count, Long cdSize, Long cdOffset) {
    zip64Eocd = true;
    z64Count = count;
    z64CdSize = cdSize;
    z64CdOffset = cdOffset;
    return this;
  }

  /**
   * Makes the ZIP64 locator point to this offset.
   *
   * @param offset the offset
   * @return this builder
   */
  public ZipBuilder zip64LocatorOffset(long offset) {
    zip64Eocd = true;
    locatorOffset = offset;
    return this;
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  /**
   * One extra field: id, length, data.
   *
   * @param id the header id
   * @param data the field data
   * @return the field bytes
   */
  public static byte[] extraField(int id, byte[] data) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    le16(o, id);
    le16(o, data.length);
    o.writeBytes(data);
    return o.toByteArray();
  }

  /**
   * An Info-ZIP Unicode Path extra field (0x7075) naming the entry {@code unicodeName}.
   *
   * @param headerName the raw header name the field's CRC covers
   * @param unicodeName the name the field gives
   * @return the field bytes
   */
  public static byte[] unicodePathExtra(byte[] headerName, String unicodeName) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    o.write(1);
    le32(o, crc32(headerName));
    o.writeBytes(unicodeName.getBytes(StandardCharsets.UTF_8));
    return extraField(0x7075, o.toByteArray());
  }

  /**
   * A ZIP64 extra field (0x0001) holding these 8-byte values in order.
   *
   * @param values the values
   * @return the field bytes
   */
  public static byte[] zip64Extra(long... values) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    for (long v : values) {
      le64(o, v);
    }
    return extraField(0x0001, o.toByteArray());
  }

  /**
   * The CRC-32 of some bytes.
   *
   * @param data the bytes
   * @return the CRC
   */
  public static long crc32(byte[] data) {
    CRC32 c = new CRC32();
    c.update(data);
    return c.getValue();
  }

  /**
   * Raw deflate (no zlib wrapper) of some bytes.
   *
   * @param data the bytes
   * @return the compressed bytes
   */
  public static byte[] deflate(byte[] data) {
    Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    try {
      d.setInput(data);
      d.finish();
      ByteArrayOutputStream o = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      while (!d.finished()) {
        int n = d.deflate(buf);
        o.write(buf, 0, n);
      }
      return o.toByteArray();
    } finally {
      d.end();
    }
  }

  // ---- output -----------------------------------------------------------------------------------------------

  /**
   * Writes the archive to a file, leaving the data of {@link #sparseStoredData} entries as holes.
   *
   * @param path the file
   * @return the path
   */
  public Path write(Path path) {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      Out o = new Out(ch);
      emit(o);
      o.flush();
      return path;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Builds the archive in memory.
   *
   * @return the archive bytes
   * @throws IllegalStateException when an entry has sparse data
   */
  public byte[] build() {
    Out o = new Out(null);
    try {
      emit(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] zip = o.buf.toByteArray();
    // every archive a test builds by hand, hostile or not, is a seed for the archive fuzzers
    FuzzSeeds.offer(zip, "WheelFuzzTest#open", "WheelFuzzTest#verify", "AuditFuzzTest#audit");
    return zip;
  }

  /** An output that tracks a 64-bit position and can skip over holes when backed by a file. */
  private static final class Out {
    final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    final FileChannel ch;
    long flushed;

    Out(FileChannel ch) {
      this.ch = ch;
    }

    long size() {
      return flushed + buf.size();
    }

    void flush() throws IOException {
      if (ch != null) {
        ByteBuffer b = ByteBuffer.wrap(buf.toByteArray());
        long p = flushed;
        while (b.hasRemaining()) {
          p += ch.write(b, p);
        }
        flushed = p;
        buf.reset();
      }
    }

    void skip(long n) throws IOException {
      if (ch == null) {
        throw new IllegalStateException("sparse data needs write(Path)");
      }
      flush();
      flushed += n;
    }
  }

  private void emit(Out out) throws IOException {
    ByteArrayOutputStream o = out.buf;
    o.writeBytes(prefix);
    long base = prefixCounted ? 0 : prefix.length;
    for (Entry e : entries) {
      e.data = e.rawData != null ? e.rawData : e.deflate ? deflate(e.content) : e.content;
      e.crc = crc32(e.content);
      e.offset = out.size() - base;
      writeLocal(out, e);
    }
    long cdStart = out.size() - base;
    for (Entry e : entries) {
      for (int i = 0; i < e.centralCopies; i++) {
        writeCentral(o, e);
      }
    }
    long cdSize = out.size() - base - cdStart;
    long count = entries.stream().mapToLong(e -> e.centralCopies).sum();
    boolean needZ64 = zip64Eocd || cdStart >= ZIP64_MARK;
    if (needZ64) {
      long z64Pos = out.size() - base;
      le32(o, 0x06064b50);
      le64(o, 44 + zip64Extensible.length);
      le16(o, (3 << 8) | 45);
      le16(o, 45);
      le32(o, 0);
      le32(o, 0);
      long c = z64Count != null ? z64Count : count;
      le64(o, c);
      le64(o, c);
      le64(o, z64CdSize != null ? z64CdSize : cdSize);
      le64(o, z64CdOffset != null ? z64CdOffset : cdStart);
      o.writeBytes(zip64Extensible);
      le32(o, 0x07064b50);
      le32(o, 0);
      le64(o, locatorOffset != null ? locatorOffset : z64Pos);
      le32(o, 1);
    }
    o.writeBytes(beforeEocd);
    byte[] theComment = comment;
    if (secondEocdInComment) {
      ByteArrayOutputStream s = new ByteArrayOutputStream();
      le32(s, 0x06054b50);
      le16(s, 0);
      le16(s, 0);
      le16(s, 0);
      le16(s, 0);
      le32(s, 0);
      le32(s, 0);
      le16(s, 0);
      theComment = s.toByteArray();
    }
    le32(o, 0x06054b50);
    le16(o, 0);
    le16(o, 0);
    long c = eocdCount != null ? eocdCount : needZ64 ? 0xFFFF : count;
    le16(o, eocdDiskCount != null ? eocdDiskCount : c);
    le16(o, c);
    le32(o, eocdCdSize != null ? eocdCdSize : needZ64 ? ZIP64_MARK : cdSize);
    le32(o, eocdCdOffset != null ? eocdCdOffset : needZ64 ? ZIP64_MARK : cdStart);
    le16(o, eocdCommentLength != null ? eocdCommentLength : theComment.length);
    o.writeBytes(theComment);
    o.writeBytes(trailing);
  }

  private static int flagsOf(Entry e) {
    return e.setFlags | (e.descriptor ? 0x08 : 0);
  }

  private static int methodOf(Entry e) {
    return e.deflate ? 8 : 0;
  }

  private static void writeLocal(Out out, Entry e) throws IOException {
    ByteArrayOutputStream o = out.buf;
    long csize = e.localCsize != null ? e.localCsize : e.descriptor ? 0 : e.data.length;
    long usize = e.localUsize != null ? e.localUsize : e.descriptor ? 0 : e.content.length;
    long crc = e.localCrc != null ? e.localCrc : e.descriptor ? 0 : e.crc;
    boolean z64 = !e.rawSizes && (e.zip64 || e.descriptorZip64 || csize >= ZIP64_MARK || usize >= ZIP64_MARK);
    byte[] extra = e.localExtra;
    if (z64) {
      extra = concat(zip64Extra(usize, csize), extra);
    }
    byte[] name = e.localName != null ? e.localName : e.name;
    le32(o, 0x04034b50);
    le16(o, z64 ? 45 : 20);
    le16(o, e.localFlags != null ? e.localFlags : flagsOf(e));
    le16(o, e.localMethod != null ? e.localMethod : methodOf(e));
    le16(o, 0);
    le16(o, 0x5821);
    le32(o, crc);
    le32(o, z64 ? ZIP64_MARK : csize);
    le32(o, z64 ? ZIP64_MARK : usize);
    le16(o, name.length);
    le16(o, extra.length);
    o.writeBytes(name);
    o.writeBytes(extra);
    if (e.holeLength >= 0) {
      out.skip(e.holeLength);
    } else {
      o.writeBytes(e.data);
    }
    if (e.descriptor) {
      if (e.descriptorSignature) {
        le32(o, 0x08074b50);
      }
      le32(o, e.ddCrc != null ? e.ddCrc : e.crc);
      long dc = e.ddCsize != null ? e.ddCsize : e.data.length;
      long du = e.ddUsize != null ? e.ddUsize : e.content.length;
      if (e.descriptorZip64) {
        le64(o, dc);
        le64(o, du);
      } else {
        le32(o, dc);
        le32(o, du);
      }
    }
    o.writeBytes(e.gapAfter);
  }

  private static void writeCentral(ByteArrayOutputStream o, Entry e) {
    long csize = e.centralCsize != null ? e.centralCsize : e.data.length;
    long usize = e.centralUsize != null ? e.centralUsize : e.content.length;
    long crc = e.centralCrc != null ? e.centralCrc : e.crc;
    long offset = e.centralOffset != null ? e.centralOffset : e.offset;
    boolean z64Sizes = !e.rawSizes && (e.zip64 || csize >= ZIP64_MARK || usize >= ZIP64_MARK);
    boolean z64Offset = offset >= ZIP64_MARK;
    byte[] extra = e.centralExtra;
    if (z64Sizes || z64Offset) {
      List<Long> v = new ArrayList<>();
      if (z64Sizes) {
        v.add(usize);
        v.add(csize);
      }
      if (z64Offset) {
        v.add(offset);
      }
      extra = concat(zip64Extra(v.stream().mapToLong(Long::longValue).toArray()), extra);
    }
    byte[] name = e.centralName != null ? e.centralName : e.name;
    le32(o, 0x02014b50);
    le16(o, e.versionMadeBy);
    le16(o, z64Sizes || z64Offset ? 45 : 20);
    le16(o, e.centralFlags != null ? e.centralFlags : flagsOf(e));
    le16(o, e.centralMethod != null ? e.centralMethod : methodOf(e));
    le16(o, 0);
    le16(o, 0x5821);
    le32(o, crc);
    le32(o, z64Sizes ? ZIP64_MARK : csize);
    le32(o, z64Sizes ? ZIP64_MARK : usize);
    le16(o, name.length);
    le16(o, extra.length);
    le16(o, e.centralComment.length);
    le16(o, 0);
    le16(o, 0);
    le32(o, e.externalAttributes);
    le32(o, z64Offset ? ZIP64_MARK : offset);
    o.writeBytes(name);
    o.writeBytes(extra);
    o.writeBytes(e.centralComment);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  static void le16(ByteArrayOutputStream o, long v) {
    o.write((int) v & 0xFF);
    o.write((int) (v >>> 8) & 0xFF);
  }

  static void le32(ByteArrayOutputStream o, long v) {
    le16(o, v & 0xFFFF);
    le16(o, (v >>> 16) & 0xFFFF);
  }

  static void le64(ByteArrayOutputStream o, long v) {
    le32(o, v & 0xFFFFFFFFL);
    le32(o, v >>> 32);
  }
}
