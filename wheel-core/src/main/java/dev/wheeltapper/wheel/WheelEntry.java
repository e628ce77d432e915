package dev.wheeltapper.wheel;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One entry of a wheel's ZIP central directory, as the central directory declares it. Sizes and CRC are the declared
 * values, not yet checked against the data.
 *
 * <pre>{@code
 * for (WheelEntry e : wheel.entries()) {
 *   if (!e.directory()) {
 *     System.out.println(e.name() + " " + e.size() + " bytes");
 *   }
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the entry name as decoded by the ZIP reader
 * @param size the declared uncompressed size, or -1 when unknown
 * @param compressedSize the declared compressed size, or -1 when unknown
 * @param crc the declared CRC-32, or -1 when unknown
 * @param method the compression method (0 stored, 8 deflated, ...)
 * @param directory whether the entry is a directory (its name ends with {@code /})
 * @param unixMode the Unix mode: the upper 16 bits of the external attributes when they are not zero, read whatever
 *     the "made by" system says, as pip and installer read them
 */
public record WheelEntry(
    String name, long size, long compressedSize, long crc, int method, boolean directory, OptionalInt unixMode) {

  /** Deflate, the usual compression method. */
  public static final int DEFLATED = 8;

  /** No compression. */
  public static final int STORED = 0;

  /**
   * Validates the entry.
   *
   * @throws IllegalArgumentException when a size or the CRC is below -1
   */
  public WheelEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unixMode, "unixMode");
    if (size < -1 || compressedSize < -1 || crc < -1) {
      throw new IllegalArgumentException("size, compressed size and CRC must be -1 (unknown) or more");
    }
  }

  /**
   * Whether the Unix mode marks the entry executable by anyone (as pip and installer read it).
   *
   * @return true when a mode is present and has an execute bit
   */
  public boolean executable() {
    return unixMode.isPresent() && (unixMode.getAsInt() & 0111) != 0;
  }

  /** The entry as the strict scan read its central directory record. */
  static WheelEntry of(dev.wheeltapper.zip.ScannedEntry e) {
    // pip and installer take the mode from the upper half of the external attributes whatever the host system
    // (Windows-built wheels often carry 0o100666 with "made by" MS-DOS), so this does too.
    int bits = (int) ((e.externalAttributes() >> 16) & 0xFFFF);
    OptionalInt mode = bits == 0 ? OptionalInt.empty() : OptionalInt.of(bits);
    return new WheelEntry(e.name(), e.uncompressedSize(), e.compressedSize(), e.crc32(), e.method(), e.isDirectory(),
        mode);
  }
}
