package dev.wheeltapper.macho;

import dev.wheeltapper.bytes.BoundedReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The {@code mach_header} or {@code mach_header_64} ({@code <mach-o/loader.h>}) at the start of a slice: the magic
 * (which gives the word size and the byte order), cputype, filetype, the load command table's size and the flags.
 *
 * <pre>{@code
 * MachHeader h = slice.header();
 * h.bits();                                      // 64
 * (h.flags() & MachHeader.MH_PIE) != 0;          // position independent
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param bits 32 ({@code MH_MAGIC}) or 64 ({@code MH_MAGIC_64})
 * @param littleEndian whether the slice is little-endian (its magic reads {@code 0xfeedfac?} in that order)
 * @param cpuType cputype ({@code 0x01000007} x86_64, {@code 0x0100000c} arm64 ...)
 * @param cpuSubtype cpusubtype, with capability bits
 * @param fileType filetype ({@link #MH_EXECUTE}, {@link #MH_DYLIB}, {@link #MH_BUNDLE} ...)
 * @param ncmds the number of load commands
 * @param sizeofcmds the load command table's size in bytes
 * @param flags the flags ({@link #MH_PIE} ...)
 */
public record MachHeader(int bits, boolean littleEndian, int cpuType, int cpuSubtype, long fileType, long ncmds,
    long sizeofcmds, long flags) {

  /** MH_PIE. */
  public static final long MH_PIE = 0x200000L;
  /** MH_ALLOW_STACK_EXECUTION. */
  public static final long MH_ALLOW_STACK_EXECUTION = 0x20000L;
  /** MH_NO_HEAP_EXECUTION. */
  public static final long MH_NO_HEAP_EXECUTION = 0x1000000L;
  /** MH_EXECUTE. */
  public static final long MH_EXECUTE = 2;
  /** MH_DYLIB. */
  public static final long MH_DYLIB = 6;
  /** MH_BUNDLE. */
  public static final long MH_BUNDLE = 8;
  /** At most this many load commands are accepted. */
  public static final int MAX_COMMANDS = 4096;

  private static final long MH_MAGIC = 0xfeedfaceL;
  private static final long MH_MAGIC_64 = 0xfeedfacfL;
  private static final long MH_CIGAM = 0xcefaedfeL;
  private static final long MH_CIGAM_64 = 0xcffaedfeL;

  /**
   * The header's size in bytes, where the load commands start.
   *
   * @return 28 for {@code mach_header}, 32 for {@code mach_header_64}
   */
  public int size() {
    return bits == 64 ? 32 : 28;
  }

  /**
   * The slice's byte order.
   *
   * @return little- or big-endian
   */
  public ByteOrder order() {
    return littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
  }

  /**
   * The file type label.
   *
   * @return {@code exec}, {@code dylib}, {@code bundle}, {@code object}, ... or {@code type-N}
   */
  public String typeLabel() {
    switch ((int) fileType) {
      case 1:
        return "object";
      case 2:
        return "exec";
      case 6:
        return "dylib";
      case 7:
        return "dylinker";
      case 8:
        return "bundle";
      case 9:
        return "dylib-stub";
      case 10:
        return "dsym";
      case 11:
        return "kext-bundle";
      default:
        return "type-" + fileType;
    }
  }

  /**
   * Reads the header at the start of a slice.
   *
   * @param slice the slice, in any byte order (the magic decides)
   * @throws MachOFormatException when the slice is too short, has no Mach-O magic, more than {@link #MAX_COMMANDS}
   *     commands, or a command table past its end
   */
  static MachHeader read(BoundedReader<MachOFormatException> slice) throws MachOFormatException {
    if (slice.size() < 28) {
      throw slice.failure(0, "a " + slice.size() + "-byte slice cannot hold a Mach-O header");
    }
    long m = slice.window(0, slice.size(), ByteOrder.LITTLE_ENDIAN).u32(0, "magic");
    boolean little;
    if (m == MH_MAGIC || m == MH_MAGIC_64) {
      little = true;
    } else if (m == MH_CIGAM || m == MH_CIGAM_64) {
      little = false;
    } else {
      throw slice.failure(0, "no Mach-O magic (0x" + Long.toHexString(m) + ")");
    }
    boolean is64 = m == MH_MAGIC_64 || m == MH_CIGAM_64;
    int headerSize = is64 ? 32 : 28;
    ByteBuffer h = slice.buf(0, headerSize, "Mach-O header").order(little ? ByteOrder.LITTLE_ENDIAN
        : ByteOrder.BIG_ENDIAN);
    long ncmds = h.getInt(16) & 0xffffffffL;
    long sizeofcmds = h.getInt(20) & 0xffffffffL;
    if (ncmds > MAX_COMMANDS) {
      throw slice.failure(16, "ncmds " + ncmds + " exceeds " + MAX_COMMANDS);
    }
    if (!slice.contains(headerSize, sizeofcmds)) {
      throw slice.failure(20, "sizeofcmds " + sizeofcmds + " runs past the end of the slice");
    }
    return new MachHeader(is64 ? 64 : 32, little, h.getInt(4), h.getInt(8), h.getInt(12) & 0xffffffffL, ncmds,
        sizeofcmds, h.getInt(24) & 0xffffffffL);
  }
}
