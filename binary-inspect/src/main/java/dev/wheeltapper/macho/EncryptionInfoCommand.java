package dev.wheeltapper.macho;

import dev.wheeltapper.macho.MachORecords.EncryptionInfo;
import java.nio.ByteBuffer;

/**
 * {@code LC_ENCRYPTION_INFO} and {@code LC_ENCRYPTION_INFO_64} ({@code encryption_info_command(_64)},
 * {@code <mach-o/loader.h>}): the encrypted range and the encryption system ({@code cryptid}, 0 when not encrypted).
 */
final class EncryptionInfoCommand {
  /** The fields read; the 64-bit form only adds padding. */
  private static final int SIZE = 20;

  private EncryptionInfoCommand() {}

  /** The range and {@code cryptid}. */
  static EncryptionInfo read(ByteBuffer b, long at) throws MachOFormatException {
    LoadCommands.need(b, SIZE, at);
    return new EncryptionInfo(b.getInt(8) & 0xffffffffL, b.getInt(12) & 0xffffffffL, b.getInt(16) & 0xffffffffL);
  }
}
