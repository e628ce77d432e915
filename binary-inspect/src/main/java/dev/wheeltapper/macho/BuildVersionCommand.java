package dev.wheeltapper.macho;

import dev.wheeltapper.macho.MachORecords.BuildVersion;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The deployment target: {@code LC_BUILD_VERSION} ({@code build_version_command} with its {@code build_tool_version}
 * array) and the older {@code LC_VERSION_MIN_MACOSX}, {@code _IPHONEOS}, {@code _TVOS}, {@code _WATCHOS}
 * ({@code version_min_command}), {@code <mach-o/loader.h>}.
 */
final class BuildVersionCommand {
  /** At most this many tools are named. */
  private static final int MAX_TOOLS = 16;
  private static final int BUILD_VERSION_SIZE = 24;
  private static final int VERSION_MIN_SIZE = 16;

  private BuildVersionCommand() {}

  /** Whether {@code cmd} is one of the {@code LC_VERSION_MIN_*} commands. */
  static boolean versionMin(long cmd) {
    return cmd == LoadCommands.LC_VERSION_MIN_MACOSX || cmd == LoadCommands.LC_VERSION_MIN_IPHONEOS
        || cmd == LoadCommands.LC_VERSION_MIN_TVOS || cmd == LoadCommands.LC_VERSION_MIN_WATCHOS;
  }

  /**
   * Reads an {@code LC_BUILD_VERSION}; appends its tools ({@code ld 1022.1}), as many as the command has room for
   * and at most {@link #MAX_TOOLS}, to {@code tools}.
   */
  static BuildVersion read(ByteBuffer b, long at, List<String> tools) throws MachOFormatException {
    LoadCommands.need(b, BUILD_VERSION_SIZE, at);
    BuildVersion v = new BuildVersion(b.getInt(8) & 0xffffffffL, b.getInt(12) & 0xffffffffL,
        b.getInt(16) & 0xffffffffL, LoadCommands.LC_BUILD_VERSION);
    long ntools = b.getInt(20) & 0xffffffffL;
    long room = (b.capacity() - BUILD_VERSION_SIZE) / 8;
    for (int t = 0; t < Math.min(Math.min(ntools, room), MAX_TOOLS); t++) {
      long tool = b.getInt(24 + 8 * t) & 0xffffffffL;
      String name = tool == 1 ? "clang" : tool == 2 ? "swift" : tool == 3 ? "ld" : tool == 4 ? "lld"
          : "tool-" + tool;
      tools.add(name + " " + BuildVersion.version(b.getInt(28 + 8 * t) & 0xffffffffL));
    }
    return v;
  }

  /** Reads an {@code LC_VERSION_MIN_*}; the platform comes from the command (1 macOS, 2 iOS, 3 tvOS, 4 watchOS). */
  static BuildVersion readVersionMin(ByteBuffer b, long cmd, long at) throws MachOFormatException {
    LoadCommands.need(b, VERSION_MIN_SIZE, at);
    long platform = cmd == LoadCommands.LC_VERSION_MIN_MACOSX ? 1 : cmd == LoadCommands.LC_VERSION_MIN_IPHONEOS ? 2
        : cmd == LoadCommands.LC_VERSION_MIN_TVOS ? 3 : 4;
    return new BuildVersion(platform, b.getInt(8) & 0xffffffffL, b.getInt(12) & 0xffffffffL, cmd);
  }
}
