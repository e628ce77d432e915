package dev.wheeltapper.wheel;

/**
 * Byte caps for the metadata files a {@link Wheel} parses. A file larger than its cap gives {@link
 * EntryTooLargeException}; nothing is ever allocated from a declared size.
 *
 * <pre>{@code
 * ReadLimits limits = ReadLimits.defaults().withMaxRecordBytes(64L << 20);
 * try (Wheel w = Wheel.open(path, limits)) {
 *   w.record();
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxRecordBytes cap for RECORD (default 16 MiB)
 * @param maxMetadataBytes cap for METADATA, WHEEL and entry_points.txt (default 1 MiB)
 */
public record ReadLimits(int maxRecordBytes, int maxMetadataBytes) {

  /** The largest cap: the largest array the JVM reliably allocates. */
  public static final int MAX_CAP = Integer.MAX_VALUE - 8;

  /**
   * Validates the caps.
   *
   * @throws IllegalArgumentException when a cap is negative or above {@link #MAX_CAP}
   */
  public ReadLimits {
    check(maxRecordBytes);
    check(maxMetadataBytes);
  }

  /**
   * The defaults: 16 MiB for RECORD, 1 MiB for the other metadata files.
   *
   * @return the default limits
   */
  public static ReadLimits defaults() {
    return new ReadLimits(16 << 20, 1 << 20);
  }

  /**
   * A copy with another RECORD cap.
   *
   * @param bytes the cap
   * @return the new limits
   */
  public ReadLimits withMaxRecordBytes(long bytes) {
    return new ReadLimits(toInt(bytes), maxMetadataBytes);
  }

  /**
   * A copy with another cap for METADATA, WHEEL and entry_points.txt.
   *
   * @param bytes the cap
   * @return the new limits
   */
  public ReadLimits withMaxMetadataBytes(long bytes) {
    return new ReadLimits(maxRecordBytes, toInt(bytes));
  }

  private static int toInt(long bytes) {
    check(bytes);
    return (int) bytes;
  }

  private static void check(long bytes) {
    if (bytes < 0 || bytes > MAX_CAP) {
      throw new IllegalArgumentException("a byte cap must be between 0 and " + MAX_CAP + ": " + bytes);
    }
  }
}
