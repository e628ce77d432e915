package dev.wheeltapper.zip;

import dev.wheeltapper.report.Codes;
import java.nio.charset.StandardCharsets;

/**
 * APPNOTE 4.3.12, one central directory file header: its fixed fields, its name and its extra fields, with sizes and
 * local header offset resolved through ZIP64 (4.5.3). The checks on the record's own fields live here too: the extra
 * block, the compression method and encryption flags, and the file type its external attributes give.
 *
 * @param position where the record starts in the file
 * @param versionMadeBy "version made by"; the high byte is the host system
 * @param flags general purpose bit flags
 * @param method compression method
 * @param crc CRC-32
 * @param compressedSize compressed size, resolved through ZIP64
 * @param uncompressedSize uncompressed size, resolved through ZIP64
 * @param externalAttributes external file attributes
 * @param localHeaderOffset local header offset as declared (without any prefix shift), resolved through ZIP64
 * @param rawName the name's bytes
 * @param name the name decoded as UTF-8 (invalid bytes replaced)
 * @param nameValidUtf8 whether the name's bytes are valid UTF-8
 */
record CentralDirectoryFileHeader(long position, int versionMadeBy, int flags, int method, long crc,
    long compressedSize, long uncompressedSize, long externalAttributes, long localHeaderOffset, byte[] rawName,
    String name, boolean nameValidUtf8) {
  static final int SIG = 0x02014b50;
  /** The fixed part of the record; name, extra field and comment follow. */
  static final int LENGTH = 46;

  /** Compressed bytes a directory entry may store: the 2-byte empty deflate stream Python's zipfile writes. */
  private static final long EMPTY_STREAM_MAX = 2;

  /**
   * Reads the fixed fields from {@code h}, resolves ZIP64 and checks the extra block (the Unicode Path field too).
   *
   * @param h the record's 46 fixed bytes
   */
  static CentralDirectoryFileHeader parse(ScanContext ctx, long pos, byte[] h, byte[] rawName, byte[] extraBytes) {
    long csize = Bytes.u32(h, 20);
    long usize = Bytes.u32(h, 24);
    long diskStart = Bytes.u16(h, 34);
    long lfh = Bytes.u32(h, 42);
    String strict = ScanContext.decodeUtf8(rawName);
    boolean valid = strict != null;
    String name = valid ? strict : new String(rawName, StandardCharsets.UTF_8);

    ExtraFields extra = ExtraFields.parse(extraBytes);
    extra.check(ctx, name, "central directory");
    long[] resolved = Zip64ExtendedInformation.central(ctx, name, extra, usize, csize, lfh, diskStart);
    UnicodePathExtraField.check(ctx, extra, rawName, name, name, "central directory");
    return new CentralDirectoryFileHeader(pos, Bytes.u16(h, 4), Bytes.u16(h, 8), Bytes.u16(h, 10), Bytes.u32(h, 16),
        resolved[1], resolved[0], Bytes.u32(h, 38), resolved[2], rawName, name, valid);
  }

  /** Whether general purpose flag bit 11 (the name is UTF-8) is set. */
  boolean utf8Flag() {
    return (flags & 0x800) != 0;
  }

  /** Encryption, compression method, file type and the stored-size rule. */
  void checkFields(ScanContext ctx) {
    if ((flags & 0x41) != 0) {
      ctx.error(Codes.ZIP_UNSUPPORTED_METHOD, name, "The entry is encrypted.");
    }
    if (method != ScannedEntry.STORED && method != ScannedEntry.DEFLATED) {
      ctx.error(Codes.ZIP_UNSUPPORTED_METHOD, name, "The entry uses compression method " + method
          + "; only stored (0) and deflate (8) are allowed.");
    }
    checkFileType(ctx);
    if (method == ScannedEntry.STORED && compressedSize != uncompressedSize) {
      ctx.error(Codes.ZIP_HEADER_MISMATCH, name, "The entry is stored but its compressed size " + compressedSize
          + " differs from its uncompressed size " + uncompressedSize + ".");
    }
  }

  /** Links, devices, pipes and sockets (from a Unix mode), and directory names that disagree with their data. */
  private void checkFileType(ScanContext ctx) {
    int host = (versionMadeBy >>> 8) & 0xFF;
    boolean unix = host == ScannedEntry.HOST_UNIX || host == ScannedEntry.HOST_OSX;
    int type = unix ? (int) ((externalAttributes >>> 16) & 0xF000) : 0;
    switch (type) {
      case 0120000 -> ctx.error(Codes.ZIP_SPECIAL_FILE, name, "The entry is a symbolic link.");
      case 0020000, 0060000 -> ctx.error(Codes.ZIP_SPECIAL_FILE, name, "The entry is a device file.");
      case 0010000 -> ctx.error(Codes.ZIP_SPECIAL_FILE, name, "The entry is a named pipe.");
      case 0140000 -> ctx.error(Codes.ZIP_SPECIAL_FILE, name, "The entry is a socket.");
      default -> { }
    }
    boolean dirName = name.endsWith("/");
    if (dirName && uncompressedSize != 0) {
      ctx.error(Codes.ZIP_SPECIAL_FILE, name, "The entry is named as a directory but carries " + uncompressedSize
          + " bytes of data.");
    } else if (dirName && compressedSize > EMPTY_STREAM_MAX) {
      // Python's zipfile deflates a directory to the 2-byte empty stream: harmless. More is a hidden payload.
      ctx.warning(Codes.ZIP_SPECIAL_FILE, name, "The entry is named as a directory and declares no data, but"
          + " stores " + compressedSize + " compressed bytes that no extractor writes anywhere.");
    } else if (dirName && type == 0100000) {
      ctx.warning(Codes.ZIP_SPECIAL_FILE, name, "The entry is named as a directory but its mode says regular"
          + " file.");
    } else if (!dirName && type == 0040000) {
      ctx.warning(Codes.ZIP_SPECIAL_FILE, name, "The entry's mode says directory but its name has no trailing"
          + " slash.");
    }
  }
}
