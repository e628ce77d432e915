package dev.wheeltapper.bytes;

import java.util.Locale;

/**
 * The native binary formats recognised by their magic number, never by file name.
 *
 * <pre>{@code
 * NativeFormat f = NativeFormat.detect(firstBytes, firstBytes.length);
 * if (f.isNative()) { ... }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum NativeFormat {
  /** Executable and Linkable Format: {@code 7f 45 4c 46}. */
  ELF,
  /** Portable Executable (Windows): {@code MZ} with a {@code PE\0\0} header behind {@code e_lfanew}. */
  PE,
  /** Mach-O, thin (32 or 64 bit, either byte order) or fat/universal. */
  MACHO,
  /** WebAssembly module: {@code 00 61 73 6d}. */
  WASM,
  /** Not a native binary. */
  NONE;

  /** How many leading bytes {@link #detect} wants to see to tell PE from a bare {@code MZ}. */
  public static final int PROBE_LENGTH = 4096;

  /** Fat Mach-O headers name at most this many slices; more means a Java class file (same magic). */
  private static final int MAX_FAT_ARCHES = 32;

  /**
   * The format's name in reports: {@code elf}, {@code pe}, {@code macho}, {@code wasm}, {@code none}.
   *
   * @return the lower-case name
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether this is a native binary format.
   *
   * @return false only for {@link #NONE}
   */
  public boolean isNative() {
    return this != NONE;
  }

  /**
   * Recognises a format from the first bytes of a file.
   *
   * @param head the first bytes (up to {@link #PROBE_LENGTH} are used)
   * @param length how many bytes of {@code head} are valid
   * @return the format, {@link #NONE} when no magic number matches
   */
  public static NativeFormat detect(byte[] head, int length) {
    int n = Math.min(Math.min(length, head.length), PROBE_LENGTH);
    if (n < 4) {
      return NONE;
    }
    long be = u32be(head, 0);
    if (be == 0x7f454c46L) {
      return ELF;
    }
    if (be == 0x0061736dL) {
      return WASM;
    }
    if (be == 0xfeedfaceL || be == 0xfeedfacfL || be == 0xcefaedfeL || be == 0xcffaedfeL) {
      return MACHO;
    }
    if (be == 0xcafebabeL || be == 0xcafebabfL) {
      // Java class files share 0xCAFEBABE; their next word (minor, major version) reads as a large arch count.
      if (n >= 8) {
        long arches = u32be(head, 4);
        if (arches > 0 && arches <= MAX_FAT_ARCHES) {
          return MACHO;
        }
      }
      return NONE;
    }
    if (head[0] == 'M' && head[1] == 'Z' && n >= 0x40) {
      long lfanew = u32le(head, 0x3c);
      if (lfanew + 4 <= n
          && head[(int) lfanew] == 'P'
          && head[(int) lfanew + 1] == 'E'
          && head[(int) lfanew + 2] == 0
          && head[(int) lfanew + 3] == 0) {
        return PE;
      }
    }
    return NONE;
  }

  private static long u32be(byte[] b, int off) {
    return ((b[off] & 0xffL) << 24) | ((b[off + 1] & 0xffL) << 16) | ((b[off + 2] & 0xffL) << 8) | (b[off + 3] & 0xffL);
  }

  private static long u32le(byte[] b, int off) {
    return ((b[off + 3] & 0xffL) << 24) | ((b[off + 2] & 0xffL) << 16) | ((b[off + 1] & 0xffL) << 8) | (b[off] & 0xffL);
  }
}
