package dev.wheeltapper.macho;

import dev.wheeltapper.bytes.BoundedReader;
import dev.wheeltapper.macho.MachORecords.Section;
import dev.wheeltapper.macho.MachORecords.Segment;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code LC_SEGMENT} and {@code LC_SEGMENT_64} ({@code segment_command(_64)} with its {@code section(_64)} array,
 * {@code <mach-o/loader.h>}): the segment's name, addresses, protections and flags, and its sections, whose number
 * must fit the command's size and {@link MachOSlice#MAX_SECTIONS}.
 */
final class SegmentCommand {
  private SegmentCommand() {}

  /**
   * Reads one segment command.
   *
   * @param b the whole command, in the slice's byte order
   * @param wide true for {@code LC_SEGMENT_64}
   * @param at the command's offset in the slice, for the message
   * @throws MachOFormatException when the command is too short for its structure or its sections
   */
  static Segment read(ByteBuffer b, boolean wide, long at) throws MachOFormatException {
    int head = wide ? 72 : 56;
    LoadCommands.need(b, head, at);
    String name = name(b, 8);
    long vmaddr = wide ? b.getLong(24) : b.getInt(24) & 0xffffffffL;
    long vmsize = wide ? b.getLong(32) : b.getInt(28) & 0xffffffffL;
    long fileoff = wide ? b.getLong(40) : b.getInt(32) & 0xffffffffL;
    long filesize = wide ? b.getLong(48) : b.getInt(36) & 0xffffffffL;
    int maxprot = b.getInt(wide ? 56 : 40);
    int initprot = b.getInt(wide ? 60 : 44);
    long nsects = b.getInt(wide ? 64 : 48) & 0xffffffffL;
    long segFlags = b.getInt(wide ? 68 : 52) & 0xffffffffL;
    int each = wide ? 80 : 68;
    long room = (b.capacity() - head) / each;
    if (nsects > room || nsects > MachOSlice.MAX_SECTIONS) {
      throw new MachOFormatException(at, "segment " + name + " declares " + nsects + " sections, room for " + room);
    }
    List<Section> sects = new ArrayList<>();
    for (int i = 0; i < nsects; i++) {
      int s = head + each * i;
      sects.add(new Section(name(b, s), name(b, s + 16),
          wide ? b.getLong(s + 32) : b.getInt(s + 32) & 0xffffffffL,
          wide ? b.getLong(s + 40) : b.getInt(s + 36) & 0xffffffffL,
          b.getInt(s + (wide ? 48 : 40)) & 0xffffffffL, b.getInt(s + (wide ? 64 : 56)) & 0xffffffffL));
    }
    return new Segment(name, vmaddr, vmsize, fileoff, filesize, maxprot, initprot, segFlags, sects);
  }

  /** A 16-byte, NUL-padded segment or section name. */
  private static String name(ByteBuffer b, int at) {
    return BoundedReader.fixed(b, at, 16, StandardCharsets.UTF_8);
  }
}
