package dev.wheeltapper.macho;

import dev.wheeltapper.bytes.BoundedReader;
import dev.wheeltapper.macho.MachORecords.BuildVersion;
import dev.wheeltapper.macho.MachORecords.Dylib;
import dev.wheeltapper.macho.MachORecords.EncryptionInfo;
import dev.wheeltapper.macho.MachORecords.LinkeditData;
import dev.wheeltapper.macho.MachORecords.LoadCommand;
import dev.wheeltapper.macho.MachORecords.Segment;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The load command table after the {@link MachHeader} ({@code load_command}, {@code <mach-o/loader.h>}): walks
 * {@code ncmds} commands inside {@code sizeofcmds}, each {@code cmdsize} checked against the table, and hands each
 * command it reads to the class named for it ({@link SegmentCommand}, {@link DylibCommand}, {@link RpathCommand},
 * {@link BuildVersionCommand}, {@link UuidCommand}, {@link LinkeditDataCommand}, {@link EncryptionInfoCommand},
 * {@link SymtabCommand}). A table that lies is a {@link MachOFormatException}; a command too short for its own
 * structure is a defect and is skipped.
 */
final class LoadCommands {
  static final long LC_SEGMENT = 0x1;
  static final long LC_SYMTAB = 0x2;
  static final long LC_DYSYMTAB = 0xb;
  static final long LC_LOAD_DYLIB = 0xc;
  static final long LC_ID_DYLIB = 0xd;
  static final long LC_SEGMENT_64 = 0x19;
  static final long LC_UUID = 0x1b;
  static final long LC_CODE_SIGNATURE = 0x1d;
  static final long LC_LAZY_LOAD_DYLIB = 0x20;
  static final long LC_ENCRYPTION_INFO = 0x21;
  static final long LC_DYLD_INFO = 0x22;
  static final long LC_VERSION_MIN_MACOSX = 0x24;
  static final long LC_VERSION_MIN_IPHONEOS = 0x25;
  static final long LC_ENCRYPTION_INFO_64 = 0x2c;
  static final long LC_VERSION_MIN_TVOS = 0x2f;
  static final long LC_VERSION_MIN_WATCHOS = 0x30;
  static final long LC_BUILD_VERSION = 0x32;
  static final long LC_LOAD_WEAK_DYLIB = 0x80000018L;
  static final long LC_RPATH = 0x8000001cL;
  static final long LC_REEXPORT_DYLIB = 0x8000001fL;
  static final long LC_DYLD_INFO_ONLY = 0x80000022L;
  static final long LC_LOAD_UPWARD_DYLIB = 0x80000023L;
  static final long LC_DYLD_EXPORTS_TRIE = 0x80000033L;
  static final long LC_DYLD_CHAINED_FIXUPS = 0x80000034L;

  /** No command is larger (16 MiB); a larger cmdsize is a lie. */
  private static final long MAX_CMDSIZE = 1 << 24;

  final List<LoadCommand> commands = new ArrayList<>();
  final List<Segment> segments = new ArrayList<>();
  final List<Dylib> dylibs = new ArrayList<>();
  final List<String> rpaths = new ArrayList<>();
  final List<String> buildTools = new ArrayList<>();
  final List<String> defects = new ArrayList<>();
  Optional<String> installName = Optional.empty();
  Optional<BuildVersion> buildVersion = Optional.empty();
  Optional<String> uuid = Optional.empty();
  Optional<LinkeditData> codeSignature = Optional.empty();
  Optional<EncryptionInfo> encryption = Optional.empty();
  Optional<SymtabCommand> symtab = Optional.empty();
  boolean chainedFixups;
  boolean dyldInfo;

  private LoadCommands() {}

  /**
   * Walks the table; the result is read once by {@link MachOSlice}, which copies what it keeps.
   *
   * @param r the slice, in its byte order
   * @param h its header, already checked ({@code ncmds} within its limit, {@code sizeofcmds} inside the slice)
   * @throws MachOFormatException when a command runs past {@code sizeofcmds} or has a {@code cmdsize} outside it
   */
  static LoadCommands read(BoundedReader<MachOFormatException> r, MachHeader h) throws MachOFormatException {
    LoadCommands out = new LoadCommands();
    long at = h.size();
    long end = h.size() + h.sizeofcmds();
    for (long i = 0; i < h.ncmds(); i++) {
      if (end - at < 8) {
        throw r.failure(at, "load command " + i + " of " + h.ncmds() + " runs past sizeofcmds");
      }
      ByteBuffer c = r.buf(at, 8, "load command");
      long cmd = c.getInt(0) & 0xffffffffL;
      long cmdsize = c.getInt(4) & 0xffffffffL;
      if (cmdsize < 8 || cmdsize > end - at || cmdsize > MAX_CMDSIZE) {
        throw r.failure(at, "load command 0x" + Long.toHexString(cmd) + " has cmdsize " + cmdsize
            + " outside the command table");
      }
      out.commands.add(new LoadCommand(cmd, at, cmdsize));
      ByteBuffer b = r.buf(at, (int) cmdsize, "load command");
      try {
        out.command(cmd, b, at);
      } catch (MachOFormatException e) {
        out.defects.add("load command 0x" + Long.toHexString(cmd) + ": " + e.getMessage());
      }
      at += cmdsize;
    }
    return out;
  }

  /** Reads one command of those the checks use; the others are only listed. */
  private void command(long cmd, ByteBuffer b, long at) throws MachOFormatException {
    if (cmd == LC_SEGMENT || cmd == LC_SEGMENT_64) {
      segments.add(SegmentCommand.read(b, cmd == LC_SEGMENT_64, at));
    } else if (DylibCommand.links(cmd)) {
      dylibs.add(DylibCommand.read(b, cmd, at));
    } else if (cmd == LC_ID_DYLIB) {
      installName = Optional.of(DylibCommand.installName(b, at));
    } else if (cmd == LC_RPATH) {
      rpaths.add(RpathCommand.read(b, at));
    } else if (cmd == LC_BUILD_VERSION) {
      buildVersion = Optional.of(BuildVersionCommand.read(b, at, buildTools));
    } else if (BuildVersionCommand.versionMin(cmd)) {
      BuildVersion v = BuildVersionCommand.readVersionMin(b, cmd, at);
      if (buildVersion.isEmpty()) {
        buildVersion = Optional.of(v); // LC_BUILD_VERSION, or the first LC_VERSION_MIN_*, wins
      }
    } else if (cmd == LC_UUID) {
      uuid = Optional.of(UuidCommand.read(b, at));
    } else if (cmd == LC_CODE_SIGNATURE) {
      codeSignature = Optional.of(LinkeditDataCommand.read(b, at));
    } else if (cmd == LC_ENCRYPTION_INFO || cmd == LC_ENCRYPTION_INFO_64) {
      encryption = Optional.of(EncryptionInfoCommand.read(b, at));
    } else if (cmd == LC_DYLD_CHAINED_FIXUPS) {
      chainedFixups = true;
    } else if (cmd == LC_DYLD_INFO || cmd == LC_DYLD_INFO_ONLY) {
      dyldInfo = true;
    } else if (cmd == LC_SYMTAB) {
      symtab = Optional.of(SymtabCommand.read(b, at));
    }
  }

  /**
   * Fails when a command is shorter than its structure.
   *
   * @param at the command's offset in the slice, for the message
   */
  static void need(ByteBuffer b, int n, long at) throws MachOFormatException {
    if (b.capacity() < n) {
      throw new MachOFormatException(at, "command of " + b.capacity() + " bytes is shorter than its " + n
          + "-byte structure");
    }
  }
}
