package dev.wheeltapper.pe;

import dev.wheeltapper.bytes.BoundedReader;
import dev.wheeltapper.pe.PeRecords.DataDirectory;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * The export directory table (data directory 0, PE/COFF specification ".edata Section"): the DLL name and the export
 * name pointer table, at most {@link PeFile#MAX_EXPORTS} names.
 */
final class ExportDirectory {
  private static final int TABLE_SIZE = 40;

  private ExportDirectory() {}

  /**
   * Appends the exported names to {@code out} (kept as far as read when a later one fails).
   *
   * @return the DLL name the table records, empty without an export directory or name
   */
  static Optional<String> read(BoundedReader<PeFormatException> r, SectionTable t, Optional<DataDirectory> d,
      List<String> out) throws PeFormatException {
    if (d.isEmpty() || !d.get().present()) {
      return Optional.empty();
    }
    ByteBuffer b = r.buf(t.offset(d.get().address(), "export directory"), TABLE_SIZE, "export directory");
    long name = b.getInt(12) & 0xffffffffL;
    long count = b.getInt(24) & 0xffffffffL;
    long names = b.getInt(32) & 0xffffffffL;
    Optional<String> dllName = name == 0 ? Optional.empty() : Optional.of(t.nameAt(r, name, "export DLL name"));
    if (count > PeFile.MAX_EXPORTS) {
      throw new PeFormatException(-1, "NumberOfNames " + count + " exceeds " + PeFile.MAX_EXPORTS);
    }
    if (count > 0) {
      long at = t.offset(names, "export name pointer table");
      for (long i = 0; i < count; i++) {
        out.add(t.nameAt(r, r.u32(at + 4 * i, "export name pointer"), "exported name"));
      }
    }
    return dllName;
  }
}
