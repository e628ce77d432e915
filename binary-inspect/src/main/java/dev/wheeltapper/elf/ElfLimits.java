package dev.wheeltapper.elf;

/**
 * Caps on what the reader allocates or iterates, whatever the file declares. Every count is also bounded by the bytes
 * actually present in the file.
 *
 * <pre>{@code
 * ElfLimits strict = ElfLimits.defaults().withMaxSymbols(100_000);
 * try (ElfFile elf = ElfFile.open(path, strict)) { ... }
 * }</pre>
 *
 * @param maxSections the most section headers read
 * @param maxSegments the most program headers read
 * @param maxSymbols the most entries read from one symbol table
 * @param maxStringLength the longest string read from a string table (longer ones are cut and recorded as defects)
 * @param maxNoteSize the largest note descriptor read
 * @param maxDynamicEntries the most dynamic table entries read
 * @param maxVersionEntries the most version requirement or definition entries read (chains are cut there)
 * @param maxSectionBytes the largest section or segment handed out as raw bytes (for example {@code .comment})
 * @param memoryThreshold streams up to this size are buffered in memory, larger ones spilled to a temporary file
 */
public record ElfLimits(
    int maxSections,
    int maxSegments,
    int maxSymbols,
    int maxStringLength,
    int maxNoteSize,
    int maxDynamicEntries,
    int maxVersionEntries,
    int maxSectionBytes,
    long memoryThreshold) {

  /** Validates the components: every limit must be positive. */
  public ElfLimits {
    if (maxSections <= 0
        || maxSegments <= 0
        || maxSymbols <= 0
        || maxStringLength <= 0
        || maxNoteSize <= 0
        || maxDynamicEntries <= 0
        || maxVersionEntries <= 0
        || maxSectionBytes <= 0
        || memoryThreshold < 0) {
      throw new IllegalArgumentException("ElfLimits must be positive: " + this);
    }
  }

  /**
   * Generous defaults for real-world binaries: 65 536 sections and segments, 4 Mi symbols per table, 64 KiB strings,
   * 1 MiB notes, 65 536 dynamic entries, 65 536 version entries, 256 MiB raw section bytes, and 64 MiB in memory.
   *
   * @return the defaults
   */
  public static ElfLimits defaults() {
    return new ElfLimits(1 << 16, 1 << 16, 1 << 22, 1 << 16, 1 << 20, 1 << 16, 1 << 16, 256 << 20, 64L << 20);
  }

  /**
   * A copy with another symbol cap.
   *
   * @param n the most symbols per table
   * @return the copy
   */
  public ElfLimits withMaxSymbols(int n) {
    return new ElfLimits(maxSections, maxSegments, n, maxStringLength, maxNoteSize, maxDynamicEntries,
        maxVersionEntries, maxSectionBytes, memoryThreshold);
  }

  /**
   * A copy with another section cap.
   *
   * @param n the most section headers
   * @return the copy
   */
  public ElfLimits withMaxSections(int n) {
    return new ElfLimits(n, maxSegments, maxSymbols, maxStringLength, maxNoteSize, maxDynamicEntries,
        maxVersionEntries, maxSectionBytes, memoryThreshold);
  }

  /**
   * A copy with another program header cap.
   *
   * @param n the most program headers
   * @return the copy
   */
  public ElfLimits withMaxSegments(int n) {
    return new ElfLimits(maxSections, n, maxSymbols, maxStringLength, maxNoteSize, maxDynamicEntries,
        maxVersionEntries, maxSectionBytes, memoryThreshold);
  }

  /**
   * A copy with another dynamic table cap.
   *
   * @param n the most dynamic entries
   * @return the copy
   */
  public ElfLimits withMaxDynamicEntries(int n) {
    return new ElfLimits(maxSections, maxSegments, maxSymbols, maxStringLength, maxNoteSize, n, maxVersionEntries,
        maxSectionBytes, memoryThreshold);
  }

  /**
   * A copy with another version entry cap.
   *
   * @param n the most version requirement or definition entries
   * @return the copy
   */
  public ElfLimits withMaxVersionEntries(int n) {
    return new ElfLimits(maxSections, maxSegments, maxSymbols, maxStringLength, maxNoteSize, maxDynamicEntries, n,
        maxSectionBytes, memoryThreshold);
  }

  /**
   * A copy with another string length cap.
   *
   * @param n the longest string
   * @return the copy
   */
  public ElfLimits withMaxStringLength(int n) {
    return new ElfLimits(maxSections, maxSegments, maxSymbols, n, maxNoteSize, maxDynamicEntries,
        maxVersionEntries, maxSectionBytes, memoryThreshold);
  }

  /**
   * A copy with another note size cap.
   *
   * @param n the largest note descriptor
   * @return the copy
   */
  public ElfLimits withMaxNoteSize(int n) {
    return new ElfLimits(maxSections, maxSegments, maxSymbols, maxStringLength, n, maxDynamicEntries,
        maxVersionEntries, maxSectionBytes, memoryThreshold);
  }

  /**
   * A copy with another raw-bytes cap.
   *
   * @param n the largest section handed out
   * @return the copy
   */
  public ElfLimits withMaxSectionBytes(int n) {
    return new ElfLimits(maxSections, maxSegments, maxSymbols, maxStringLength, maxNoteSize, maxDynamicEntries,
        maxVersionEntries, n, memoryThreshold);
  }

  /**
   * A copy with another memory threshold for streams.
   *
   * @param bytes streams up to this size stay in memory
   * @return the copy
   */
  public ElfLimits withMemoryThreshold(long bytes) {
    return new ElfLimits(maxSections, maxSegments, maxSymbols, maxStringLength, maxNoteSize, maxDynamicEntries,
        maxVersionEntries, maxSectionBytes, bytes);
  }
}
