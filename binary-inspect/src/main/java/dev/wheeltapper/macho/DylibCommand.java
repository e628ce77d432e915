package dev.wheeltapper.macho;

import dev.wheeltapper.macho.MachORecords.Dylib;
import dev.wheeltapper.macho.MachORecords.DylibKind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * {@code LC_LOAD_DYLIB}, {@code LC_LOAD_WEAK_DYLIB}, {@code LC_REEXPORT_DYLIB}, {@code LC_LAZY_LOAD_DYLIB},
 * {@code LC_LOAD_UPWARD_DYLIB} and {@code LC_ID_DYLIB} ({@code dylib_command}, {@code <mach-o/loader.h>}): an install
 * name as an {@code lc_str} and two packed versions. {@link #lcStr} also reads {@code LC_RPATH}'s path.
 */
final class DylibCommand {
  /** cmd, cmdsize, and the {@code dylib} struct: name offset, timestamp, current and compatibility versions. */
  private static final int SIZE = 24;

  private DylibCommand() {}

  /** Whether {@code cmd} links a dylib (all but {@code LC_ID_DYLIB}). */
  static boolean links(long cmd) {
    return cmd == LoadCommands.LC_LOAD_DYLIB || cmd == LoadCommands.LC_LOAD_WEAK_DYLIB
        || cmd == LoadCommands.LC_REEXPORT_DYLIB || cmd == LoadCommands.LC_LAZY_LOAD_DYLIB
        || cmd == LoadCommands.LC_LOAD_UPWARD_DYLIB;
  }

  /** Reads a command {@link #links} accepts. */
  static Dylib read(ByteBuffer b, long cmd, long at) throws MachOFormatException {
    LoadCommands.need(b, SIZE, at);
    DylibKind kind = cmd == LoadCommands.LC_LOAD_DYLIB ? DylibKind.LOAD
        : cmd == LoadCommands.LC_LOAD_WEAK_DYLIB ? DylibKind.WEAK
        : cmd == LoadCommands.LC_REEXPORT_DYLIB ? DylibKind.REEXPORT
        : cmd == LoadCommands.LC_LAZY_LOAD_DYLIB ? DylibKind.LAZY
        : DylibKind.UPWARD;
    return new Dylib(kind, lcStr(b, at), b.getInt(16) & 0xffffffffL, b.getInt(20) & 0xffffffffL);
  }

  /** The install name of an {@code LC_ID_DYLIB}. */
  static String installName(ByteBuffer b, long at) throws MachOFormatException {
    LoadCommands.need(b, SIZE, at);
    return lcStr(b, at);
  }

  /**
   * An {@code lc_str} at offset 8 of a command: an offset from the command start to a NUL-terminated string inside
   * the command (which bounds it; a missing NUL ends it at the command's end).
   */
  static String lcStr(ByteBuffer b, long at) throws MachOFormatException {
    long off = b.getInt(8) & 0xffffffffL;
    if (off < 12 || off >= b.capacity()) {
      throw new MachOFormatException(at, "string offset " + off + " outside the " + b.capacity() + "-byte command");
    }
    int n = (int) off;
    int endAt = n;
    while (endAt < b.capacity() && b.get(endAt) != 0) {
      endAt++;
    }
    byte[] bytes = new byte[endAt - n];
    b.get(n, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
