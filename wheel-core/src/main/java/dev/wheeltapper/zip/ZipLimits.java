package dev.wheeltapper.zip;

/**
 * The reading limits of a ZIP scan and of the content pass: the zip-bomb defence.
 *
 * <p>Exceeding one gives a {@code zip.limit-exceeded} finding and stops reading more data; it is never an exception.
 * The defaults fit every wheel on PyPI we know of (the largest CUDA wheels hold a few thousand entries and inflate to
 * well under 8 GiB) while keeping a hostile archive from costing more than a bounded amount of work:
 *
 * <ul>
 *   <li>{@link #maxEntries()} 100,000 central directory records (each costs a few hundred bytes of model);
 *   <li>{@link #maxTotalUncompressed()} 8 GiB of inflated data over the whole archive;
 *   <li>{@link #maxEntryRatio()} 200 to 1 for one entry, once it inflates past {@link #entryRatioFloor()} (64 MiB,
 *       PyPI's size for its archive ratio): deflate tops out near 1032 to 1, and small real files reach it (onnx
 *       1.23 ships a 2.5 MB test file compressed 1,000 to 1), so the ratio alone never fails a small entry; the
 *       total limits bound the work;
 *   <li>{@link #maxTotalRatio()} 50 to 1 for the whole archive (inflated bytes against the archive size), once past
 *       {@link #totalRatioFloor()} (64 MiB): PyPI's upload rule;
 *   <li>{@link #maxMetadataFileSize()} 16 MiB for each metadata file the caller reads whole (METADATA, WHEEL,
 *       RECORD);
 *   <li>{@link #maxFindings()} 1,000 findings of each code kept per scan, and per verification report; later ones
 *       are counted in one closing note.
 * </ul>
 *
 * <pre>{@code
 * ZipLimits limits = ZipLimits.defaults().withMaxEntries(10_000).withMaxTotalUncompressed(1L << 30);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxEntries most central directory records read
 * @param maxTotalUncompressed most bytes inflated (declared, and produced by the content pass) over the archive
 * @param maxEntryRatio most uncompressed bytes per compressed byte for one entry
 * @param entryRatioFloor entries that inflate to at most this many bytes are exempt from the entry ratio
 * @param maxTotalRatio most uncompressed bytes over the whole archive per byte of archive
 * @param totalRatioFloor archives that inflate to at most this many bytes are exempt from the total ratio
 * @param maxMetadataFileSize most bytes of one metadata file read into memory
 * @param maxFindings most findings of one code kept by one scan
 */
public record ZipLimits(
    int maxEntries,
    long maxTotalUncompressed,
    long maxEntryRatio,
    long entryRatioFloor,
    long maxTotalRatio,
    long totalRatioFloor,
    long maxMetadataFileSize,
    int maxFindings) {

  private static final ZipLimits DEFAULTS =
      new ZipLimits(100_000, 8L << 30, 200, 64L << 20, 50, 64L << 20, 16L << 20, 1_000);

  /** Rejects limits that are not positive. */
  public ZipLimits {
    positive("maxEntries", maxEntries);
    positive("maxTotalUncompressed", maxTotalUncompressed);
    positive("maxEntryRatio", maxEntryRatio);
    nonNegative("entryRatioFloor", entryRatioFloor);
    positive("maxTotalRatio", maxTotalRatio);
    nonNegative("totalRatioFloor", totalRatioFloor);
    positive("maxMetadataFileSize", maxMetadataFileSize);
    positive("maxFindings", maxFindings);
  }

  /**
   * The safe defaults described on this class.
   *
   * @return the default limits
   */
  public static ZipLimits defaults() {
    return DEFAULTS;
  }

  /**
   * A copy with another entry limit.
   *
   * @param value most central directory records
   * @return the copy
   */
  public ZipLimits withMaxEntries(int value) {
    return new ZipLimits(value, maxTotalUncompressed, maxEntryRatio, entryRatioFloor, maxTotalRatio,
        totalRatioFloor, maxMetadataFileSize, maxFindings);
  }

  /**
   * A copy with another total uncompressed size limit.
   *
   * @param value most inflated bytes over the archive
   * @return the copy
   */
  public ZipLimits withMaxTotalUncompressed(long value) {
    return new ZipLimits(maxEntries, value, maxEntryRatio, entryRatioFloor, maxTotalRatio, totalRatioFloor,
        maxMetadataFileSize, maxFindings);
  }

  /**
   * A copy with another per-entry compression ratio limit.
   *
   * @param ratio most uncompressed bytes per compressed byte
   * @param floor entries inflating to at most this many bytes are exempt
   * @return the copy
   */
  public ZipLimits withEntryRatio(long ratio, long floor) {
    return new ZipLimits(maxEntries, maxTotalUncompressed, ratio, floor, maxTotalRatio, totalRatioFloor,
        maxMetadataFileSize, maxFindings);
  }

  /**
   * A copy with another whole-archive compression ratio limit.
   *
   * @param ratio most uncompressed bytes per archive byte
   * @param floor archives inflating to at most this many bytes are exempt
   * @return the copy
   */
  public ZipLimits withTotalRatio(long ratio, long floor) {
    return new ZipLimits(maxEntries, maxTotalUncompressed, maxEntryRatio, entryRatioFloor, ratio, floor,
        maxMetadataFileSize, maxFindings);
  }

  /**
   * A copy with another metadata file size limit.
   *
   * @param value most bytes of one metadata file
   * @return the copy
   */
  public ZipLimits withMaxMetadataFileSize(long value) {
    return new ZipLimits(maxEntries, maxTotalUncompressed, maxEntryRatio, entryRatioFloor, maxTotalRatio,
        totalRatioFloor, value, maxFindings);
  }

  /**
   * A copy with another cap on kept findings.
   *
   * @param value most findings kept by one scan
   * @return the copy
   */
  public ZipLimits withMaxFindings(int value) {
    return new ZipLimits(maxEntries, maxTotalUncompressed, maxEntryRatio, entryRatioFloor, maxTotalRatio,
        totalRatioFloor, maxMetadataFileSize, value);
  }

  /**
   * The most bytes one entry may inflate to under the entry ratio limit.
   *
   * @param compressedSize the entry's compressed size
   * @return the cap, saturating at {@link Long#MAX_VALUE}
   */
  public long entryRatioCap(long compressedSize) {
    return Math.max(entryRatioFloor, saturatingMultiply(Math.max(compressedSize, 0), maxEntryRatio));
  }

  /**
   * The most bytes a whole archive may inflate to under the total ratio limit.
   *
   * @param archiveSize the archive's size in bytes
   * @return the cap, saturating at {@link Long#MAX_VALUE}
   */
  public long totalRatioCap(long archiveSize) {
    return Math.max(totalRatioFloor, saturatingMultiply(Math.max(archiveSize, 0), maxTotalRatio));
  }

  static long saturatingMultiply(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
      return lo;
    }
    return Long.MAX_VALUE;
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }

  private static void nonNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative: " + value);
    }
  }
}
