package dev.wheeltapper.zip;

import java.util.Objects;

/**
 * One central directory record of a scanned archive, with what its local file header added: the raw view the
 * verifier and the content pass work from. Sizes and offsets are already resolved through ZIP64 extra fields and
 * shifted by any prefix the scan detected, so {@link #dataOffset()} is an absolute position in the file.
 *
 * <pre>{@code
 * for (ScannedEntry e : scan.entries()) {
 *   if (e.readable() && !e.isDirectory()) { reader.read(e, digest::update); }
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param index position in the central directory, from 0
 * @param name the name as decoded (UTF-8; invalid bytes replaced, which is also a finding)
 * @param utf8Flag whether general purpose flag bit 11 (names are UTF-8) is set
 * @param nameValidUtf8 whether the raw name bytes are valid UTF-8
 * @param versionMadeBy the "version made by" field; the high byte is the host system
 * @param flags the general purpose bit flags of the central record
 * @param method the compression method of the central record (0 stored, 8 deflate)
 * @param crc32 the CRC-32 of the central record
 * @param compressedSize the compressed size of the central record
 * @param uncompressedSize the uncompressed size of the central record
 * @param externalAttributes the external file attributes (Unix mode in the high 16 bits for Unix hosts)
 * @param centralOffset where the central record starts in the file
 * @param localHeaderOffset where the local file header starts in the file
 * @param dataOffset where the entry's data starts in the file, or -1 when the local header could not be read
 * @param dataDescriptorLength bytes of data descriptor after the data (0 when there is none)
 */
public record ScannedEntry(
    int index,
    String name,
    boolean utf8Flag,
    boolean nameValidUtf8,
    int versionMadeBy,
    int flags,
    int method,
    long crc32,
    long compressedSize,
    long uncompressedSize,
    long externalAttributes,
    long centralOffset,
    long localHeaderOffset,
    long dataOffset,
    int dataDescriptorLength) {

  /** The stored method. */
  public static final int STORED = 0;
  /** The deflate method. */
  public static final int DEFLATED = 8;
  /** Host system value of Unix in "version made by". */
  public static final int HOST_UNIX = 3;
  /** Host system value of OS X (Darwin), which also stores a Unix mode. */
  public static final int HOST_OSX = 19;

  /** Rejects nulls and negative sizes. */
  public ScannedEntry {
    Objects.requireNonNull(name, "name");
    if (compressedSize < 0 || uncompressedSize < 0) {
      throw new IllegalArgumentException("sizes must not be negative");
    }
  }

  /**
   * The host system that made the entry (high byte of "version made by": 0 MS-DOS, 3 Unix, 19 OS X, ...).
   *
   * @return the host system number
   */
  public int hostSystem() {
    return (versionMadeBy >>> 8) & 0xFF;
  }

  /**
   * The Unix mode in the external attributes, when the host system stores one.
   *
   * @return the mode (type and permission bits), or 0 when the host is not Unix-like
   */
  public int unixMode() {
    int host = hostSystem();
    return host == HOST_UNIX || host == HOST_OSX ? (int) ((externalAttributes >>> 16) & 0xFFFF) : 0;
  }

  /**
   * Whether the name ends with {@code /}, the ZIP convention for a directory.
   *
   * @return true for a directory entry
   */
  public boolean isDirectory() {
    return name.endsWith("/");
  }

  /**
   * Whether general purpose flag bit 0 (encrypted) or bit 6 (strong encryption) is set.
   *
   * @return true when the entry claims to be encrypted
   */
  public boolean isEncrypted() {
    return (flags & 0x41) != 0;
  }

  /**
   * Whether a data descriptor follows the entry's data (general purpose flag bit 3 in either header).
   *
   * @return true when the entry uses a data descriptor
   */
  public boolean hasDataDescriptor() {
    return dataDescriptorLength > 0;
  }

  /**
   * Whether the content pass can read this entry: its local header was found and its data lies inside the file.
   *
   * @return true when {@link EntryReader#read} can stream it
   */
  public boolean readable() {
    return dataOffset >= 0;
  }

  /**
   * The first byte after the entry's data and data descriptor, or after its local header when that was unreadable.
   *
   * @return the end offset (saturating)
   */
  public long end() {
    long start = dataOffset >= 0 ? dataOffset : localHeaderOffset;
    long e = start + compressedSize + dataDescriptorLength;
    return e < 0 ? Long.MAX_VALUE : e;
  }
}
