package dev.wheeltapper.pe;

import dev.wheeltapper.bytes.BoundedReader;
import dev.wheeltapper.pe.PeRecords.DataDirectory;
import dev.wheeltapper.pe.PeRecords.LoadConfig;
import java.util.Optional;

/**
 * The load configuration directory (data directory 10, PE/COFF specification "The Load Configuration Structure
 * (Image Only)"): the /GS security cookie, the SafeSEH handler table and count (x86), the Control Flow Guard flags
 * and DependentLoadFlags, each read only when the structure's own Size field covers it.
 */
final class LoadConfigDirectory {
  private LoadConfigDirectory() {}

  /** Reads the fields; empty without a load config directory. */
  static Optional<LoadConfig> read(BoundedReader<PeFormatException> r, SectionTable t, Optional<DataDirectory> d,
      boolean plus) throws PeFormatException {
    if (d.isEmpty() || !d.get().present()) {
      return Optional.empty();
    }
    long at = t.offset(d.get().address(), "load config");
    long size = r.u32(at, "load config Size");
    // the structure's own Size field says how many fields the linker wrote (winchecksec reads it the same way)
    long avail = Math.min(size, r.size() - at);
    return Optional.of(new LoadConfig(size,
        field(r, at, avail, plus ? 88 : 60, plus),
        field(r, at, avail, plus ? 96 : 64, plus),
        field(r, at, avail, plus ? 104 : 68, plus),
        avail >= (plus ? 148 : 92) ? Optional.of(r.u32(at + (plus ? 144 : 88), "GuardFlags")) : Optional.empty(),
        avail >= (plus ? 80 : 56) ? Optional.of(r.u16(at + (plus ? 78 : 54), "DependentLoadFlags"))
            : Optional.empty()));
  }

  /** A pointer-wide field at {@code off}, when the structure's size covers it. */
  private static Optional<Long> field(BoundedReader<PeFormatException> r, long base, long avail, int off,
      boolean wide) throws PeFormatException {
    int w = wide ? 8 : 4;
    if (avail < off + w) {
      return Optional.empty();
    }
    return Optional.of(wide ? r.u64(base + off, "load config") : r.u32(base + off, "load config"));
  }
}
