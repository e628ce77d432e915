package dev.wheeltapper.pe;

import dev.wheeltapper.bytes.BoundedReader;
import dev.wheeltapper.pe.PeRecords.DataDirectory;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The resource directory (data directory 2, PE/COFF specification "The .rsrc Section"), walked only to the version
 * resource: {@code RT_VERSION} (type 16) through the type, name and language levels (the first entry of each below
 * the type), then the resource data entry, parsed by {@link VersionInfo}.
 */
final class ResourceDirectory {
  /** RT_VERSION. */
  private static final long RT_VERSION = 16;
  /** Type, name, language. */
  private static final int LEVELS = 3;

  private ResourceDirectory() {}

  /** The version resource; empty without a resource directory or an RT_VERSION entry. */
  static Optional<VersionInfo> versionInfo(BoundedReader<PeFormatException> r, SectionTable t,
      Optional<DataDirectory> d) throws PeFormatException {
    if (d.isEmpty() || !d.get().present()) {
      return Optional.empty();
    }
    long root = t.offset(d.get().address(), "resource directory");
    long dir = root;
    for (int level = 0; level < LEVELS; level++) {
      int named = r.u16(dir + 12, "resource directory");
      int ids = r.u16(dir + 14, "resource directory");
      long found = -1;
      for (int i = 0; i < named + ids; i++) { // at most 131070 entries of 8 bytes, each read checked
        long e = dir + 16 + 8L * i;
        long name = r.u32(e, "resource entry");
        long target = r.u32(e + 4, "resource entry");
        if (level > 0 || name == RT_VERSION) {
          found = target;
          break;
        }
      }
      if (found < 0) {
        return Optional.empty();
      }
      // the high bit says the entry points to a subdirectory; the tree has exactly three levels (no cycles)
      boolean subdir = (found & 0x80000000L) != 0;
      long next = root + (found & 0x7fffffffL);
      if (level < LEVELS - 1 != subdir) {
        throw new PeFormatException(dir, "resource tree is not three levels deep");
      }
      dir = next;
    }
    long rva = r.u32(dir, "resource data entry");
    long size = r.u32(dir + 4, "resource data entry");
    if (size > VersionInfo.MAX_SIZE) {
      throw new PeFormatException(dir, "version resource of " + size + " bytes exceeds " + VersionInfo.MAX_SIZE);
    }
    long at = t.offset(rva, "version resource");
    ByteBuffer b = r.buf(at, (int) size, "version resource");
    byte[] bytes = new byte[(int) size];
    b.get(0, bytes);
    return Optional.of(VersionInfo.parse(bytes));
  }
}
