package dev.wheeltapper.macho;

import dev.wheeltapper.bytes.BoundedReader;
import dev.wheeltapper.bytes.ByteSource;
import dev.wheeltapper.bytes.ByteSources;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Mach-O file, thin or fat (universal): its slices, each read by {@link MachOSlice}. A fat header ({@code
 * 0xCAFEBABE}, big-endian) is told apart from a Java class file by its architecture count, as
 * {@link dev.wheeltapper.bytes.NativeFormat} does.
 *
 * <pre>{@code
 * try (MachOFile m = MachOFile.open(Path.of("liba_both.dylib"))) {
 *   m.fat();                                   // true
 *   m.slices().get(1).machineLabel();          // "arm64"
 *   m.slices().get(1).codeSignature().isPresent();
 * }
 * }</pre>
 *
 * <p>Every slice is read when the file is opened. A slice whose header or load commands cannot be read makes the
 * whole file unreadable ({@link MachOFormatException}); damage inside a slice's optional parts is in its
 * {@link MachOSlice#defects()}. Immutable after opening and thread-safe; closing releases the file when this object
 * opened it.
 */
public final class MachOFile implements Closeable {
  /** At most this many architectures in a fat file (more is a Java class file: majors start at 45). */
  public static final int MAX_ARCHES = 32;

  private final ByteSource src;
  private final boolean owned;
  private final boolean fat;
  private final List<MachOSlice> slices;
  private final List<String> defects;

  private MachOFile(ByteSource src, boolean owned) throws MachOFormatException {
    this.src = src;
    this.owned = owned;
    BoundedReader<MachOFormatException> be = BoundedReader.of(src, ByteOrder.BIG_ENDIAN, MachOFormatException::new);
    if (src.size() < 8) {
      throw new MachOFormatException(0, "a " + src.size() + "-byte file cannot hold a Mach-O header");
    }
    long magic = be.u32(0, "magic");
    List<MachOSlice> list = new ArrayList<>();
    List<String> def = new ArrayList<>();
    if (magic == 0xcafebabeL || magic == 0xcafebabfL) {
      fat = true;
      boolean wide = magic == 0xcafebabfL;
      long n = be.u32(4, "nfat_arch");
      if (n == 0 || n > MAX_ARCHES) {
        throw new MachOFormatException(4, "nfat_arch " + n + " is not a fat Mach-O architecture count (a Java class"
            + " file shares the magic)");
      }
      int each = wide ? 32 : 20;
      List<long[]> ranges = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        ByteBuffer a = be.buf(8 + (long) each * i, each, "fat_arch");
        long off = wide ? a.getLong(8) : a.getInt(8) & 0xffffffffL;
        long size = wide ? a.getLong(16) : a.getInt(12) & 0xffffffffL;
        if (!be.contains(off, size)) {
          throw new MachOFormatException(8 + (long) each * i, "architecture " + i + " at " + off + "+" + size
              + " runs past the end of the " + src.size() + "-byte file");
        }
        if (off < 8 + (long) each * n) {
          throw new MachOFormatException(8 + (long) each * i, "architecture " + i + " overlaps the fat header");
        }
        for (long[] r : ranges) {
          if (off < r[0] + r[1] && r[0] < off + size) {
            def.add("architectures overlap at offset " + off);
          }
        }
        ranges.add(new long[] {off, size});
        MachOSlice s = new MachOSlice(src, be.window(off, size, ByteOrder.BIG_ENDIAN));
        int declared = a.getInt(0);
        if (declared != s.cpuType()) {
          def.add("fat_arch " + i + " says cputype 0x" + Integer.toHexString(declared) + " but its slice says 0x"
              + Integer.toHexString(s.cpuType()));
        }
        list.add(s);
      }
    } else {
      fat = false;
      list.add(new MachOSlice(src, be));
    }
    slices = List.copyOf(list);
    defects = List.copyOf(def);
  }

  /**
   * Opens and maps a file.
   *
   * @param file the file
   * @return the Mach-O file; close it to release the file
   * @throws MachOFormatException when a header or load command table cannot be read
   * @throws IOException when the file cannot be opened
   */
  public static MachOFile open(Path file) throws IOException {
    ByteSource src = ByteSources.map(file);
    try {
      return new MachOFile(src, true);
    } catch (MachOFormatException | RuntimeException e) {
      src.close();
      throw e;
    }
  }

  /**
   * Reads a source the caller keeps open.
   *
   * @param src the bytes
   * @return the Mach-O file; closing it does not close {@code src}
   * @throws MachOFormatException when a header or load command table cannot be read
   */
  public static MachOFile read(ByteSource src) throws MachOFormatException {
    return new MachOFile(Objects.requireNonNull(src, "src"), false);
  }

  /**
   * Reads exactly {@code size} bytes of a stream (a wheel entry).
   *
   * @param in the stream, read and not closed
   * @param size the number of bytes it holds
   * @return the Mach-O file; close it to release a spilled file
   * @throws MachOFormatException when a header or load command table cannot be read
   * @throws IOException when the stream cannot be read or holds another size
   */
  public static MachOFile read(InputStream in, long size) throws IOException {
    ByteSource src = ByteSources.fromStream(in, size, ByteSources.DEFAULT_MEMORY_THRESHOLD);
    try {
      return new MachOFile(src, true);
    } catch (MachOFormatException | RuntimeException e) {
      src.close();
      throw e;
    }
  }

  /**
   * The label of a cputype and cpusubtype.
   *
   * @param cpuType the cputype
   * @param cpuSubtype the cpusubtype
   * @return {@code x86_64}, {@code x86_64h}, {@code arm64}, {@code arm64e}, {@code i386}, {@code arm}, {@code ppc},
   *     {@code ppc64}, {@code arm64_32} or {@code cpu-0x...}
   */
  public static String cpuLabel(int cpuType, int cpuSubtype) {
    int sub = cpuSubtype & 0x00ffffff;
    switch (cpuType) {
      case 0x01000007:
        return sub == 8 ? "x86_64h" : "x86_64";
      case 7:
        return "i386";
      case 0x0100000c:
        return sub == 2 ? "arm64e" : "arm64";
      case 0x0200000c:
        return "arm64_32";
      case 12:
        return "arm";
      case 18:
        return "ppc";
      case 0x01000012:
        return "ppc64";
      default:
        return "cpu-0x" + Integer.toHexString(cpuType);
    }
  }

  /**
   * Whether the file is fat (universal).
   *
   * @return true for a fat header, even with one architecture
   */
  public boolean fat() {
    return fat;
  }

  /**
   * The slices: one for a thin file, one per architecture in fat-header order.
   *
   * @return the slices
   */
  public List<MachOSlice> slices() {
    return slices;
  }

  /**
   * The architecture labels in slice order.
   *
   * @return for example {@code [x86_64, arm64]}
   */
  public List<String> architectures() {
    List<String> a = new ArrayList<>();
    slices.forEach(s -> a.add(s.machineLabel()));
    return List.copyOf(a);
  }

  /**
   * Damage in the fat header (overlapping architectures, a cputype that disagrees with its slice).
   *
   * @return the defects
   */
  public List<String> defects() {
    return defects;
  }

  /**
   * The file size.
   *
   * @return the number of bytes
   */
  public long size() {
    return src.size();
  }

  /**
   * The underlying bytes.
   *
   * @return the source
   */
  public ByteSource source() {
    return src;
  }

  @Override
  public void close() throws IOException {
    if (owned) {
      src.close();
    }
  }
}
