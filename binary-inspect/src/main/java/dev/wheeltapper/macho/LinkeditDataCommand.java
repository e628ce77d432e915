package dev.wheeltapper.macho;

import dev.wheeltapper.macho.MachORecords.LinkeditData;
import java.nio.ByteBuffer;

/**
 * {@code LC_CODE_SIGNATURE} ({@code linkedit_data_command}, {@code <mach-o/loader.h>}): where the code signature
 * superblob lies in {@code __LINKEDIT}; {@link CodeSignatures} reads and verifies what it points to.
 */
final class LinkeditDataCommand {
  private static final int SIZE = 16;

  private LinkeditDataCommand() {}

  /** The data's offset and size inside the slice. */
  static LinkeditData read(ByteBuffer b, long at) throws MachOFormatException {
    LoadCommands.need(b, SIZE, at);
    return new LinkeditData(b.getInt(8) & 0xffffffffL, b.getInt(12) & 0xffffffffL);
  }
}
