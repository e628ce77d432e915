package dev.wheeltapper.macho;

import java.nio.ByteBuffer;

/**
 * {@code LC_RPATH} ({@code rpath_command}, {@code <mach-o/loader.h>}): one run-path search directory as an
 * {@code lc_str}, {@code @loader_path/...} or absolute.
 */
final class RpathCommand {
  /** cmd, cmdsize, path offset. */
  private static final int SIZE = 12;

  private RpathCommand() {}

  /** The path as written. */
  static String read(ByteBuffer b, long at) throws MachOFormatException {
    LoadCommands.need(b, SIZE, at);
    return DylibCommand.lcStr(b, at);
  }
}
