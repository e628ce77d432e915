package dev.wheeltapper.elf;

/**
 * The header of a compressed section ({@code Elf32_Chdr} / {@code Elf64_Chdr}, gABI "Section Compression"): a section
 * with {@code SHF_COMPRESSED} starts with it, and its compressed bytes follow. For the legacy GNU form ({@code .zdebug*}
 * sections starting with {@code "ZLIB"} and a big-endian 64-bit size) the reader makes one with
 * {@link #ELFCOMPRESS_ZLIB}, the size, and alignment 1.
 *
 * <pre>{@code
 * elf.compressionHeader(section).map(CompressionHeader::typeLabel);   // Optional["zstd"]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param type {@code ch_type}
 * @param size {@code ch_size}: the uncompressed size the header declares (unsigned)
 * @param addressAlignment {@code ch_addralign}
 * @param headerSize the bytes the header takes before the compressed data (12 or 24, or 12 for {@code .zdebug})
 */
public record CompressionHeader(long type, long size, long addressAlignment, int headerSize) {
  /** {@code ELFCOMPRESS_ZLIB}: zlib (RFC 1950) data. */
  public static final long ELFCOMPRESS_ZLIB = 1;
  /** {@code ELFCOMPRESS_ZSTD}: Zstandard (RFC 8878) data. */
  public static final long ELFCOMPRESS_ZSTD = 2;

  /**
   * The compression's name.
   *
   * @return {@code "zlib"}, {@code "zstd"} or {@code "type 0x..."}
   */
  public String typeLabel() {
    if (type == ELFCOMPRESS_ZLIB) {
      return "zlib";
    }
    return type == ELFCOMPRESS_ZSTD ? "zstd" : "type 0x" + Long.toHexString(type);
  }
}
