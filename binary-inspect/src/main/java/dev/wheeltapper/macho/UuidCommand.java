package dev.wheeltapper.macho;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/** {@code LC_UUID} ({@code uuid_command}, {@code <mach-o/loader.h>}): the 128-bit build identifier. */
final class UuidCommand {
  private static final int SIZE = 24;

  private UuidCommand() {}

  /** The UUID as 32 hex digits. */
  static String read(ByteBuffer b, long at) throws MachOFormatException {
    LoadCommands.need(b, SIZE, at);
    byte[] u = new byte[16];
    b.get(8, u);
    return HexFormat.of().formatHex(u);
  }
}
