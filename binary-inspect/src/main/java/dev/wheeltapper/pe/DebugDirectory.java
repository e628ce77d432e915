package dev.wheeltapper.pe;

import dev.wheeltapper.bytes.BoundedReader;
import dev.wheeltapper.pe.PeRecords.DataDirectory;
import dev.wheeltapper.pe.PeRecords.DebugEntry;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * The debug directory (data directory 6, PE/COFF specification "The .debug Section"): 28-byte entries, at most
 * {@link PeFile#MAX_DEBUG_ENTRIES}; of their data, the CodeView {@code RSDS} record's PDB path and the extended DLL
 * characteristics (CET) of a type-20 entry.
 */
final class DebugDirectory {
  private static final int ENTRY_SIZE = 28;
  /** {@code "RSDS"}, the CodeView 7.0 signature. */
  private static final long RSDS = 0x53445352L;
  /** The RSDS header before the PDB path: signature, GUID, age. */
  private static final int RSDS_HEADER = 24;

  private DebugDirectory() {}

  /**
   * Appends the entries to {@code out} (kept as far as read when a later one fails); an entry whose data lies past
   * the file is kept without its data and recorded in {@code defects}.
   */
  static void read(BoundedReader<PeFormatException> r, SectionTable t, Optional<DataDirectory> d,
      List<DebugEntry> out, List<String> defects) throws PeFormatException {
    if (d.isEmpty() || !d.get().present()) {
      return;
    }
    long at = t.offset(d.get().address(), "debug directory");
    long n = Math.min(d.get().size() / ENTRY_SIZE, PeFile.MAX_DEBUG_ENTRIES);
    for (int i = 0; i < n; i++) {
      ByteBuffer b = r.buf(at + (long) ENTRY_SIZE * i, ENTRY_SIZE, "debug directory entry");
      long type = b.getInt(12) & 0xffffffffL;
      long size = b.getInt(16) & 0xffffffffL;
      long ptr = b.getInt(24) & 0xffffffffL;
      Optional<String> pdb = Optional.empty();
      Optional<Long> ex = Optional.empty();
      if (!r.contains(ptr, size)) {
        defects.add("debug entry " + i + " data 0x" + Long.toHexString(ptr) + "+" + size + " runs past the end");
      } else if (type == DebugEntry.CODEVIEW && size >= RSDS_HEADER && r.u32(ptr, "CodeView") == RSDS) {
        pdb = Optional.of(SectionTable.string(r, ptr + RSDS_HEADER,
            (int) Math.min(PeFile.MAX_NAME, size - RSDS_HEADER + 1), "PDB path"));
      } else if (type == DebugEntry.EX_DLLCHARACTERISTICS && size >= 4) {
        ex = Optional.of(r.u32(ptr, "extended DLL characteristics"));
      }
      out.add(new DebugEntry(type, ptr, size, pdb, ex));
    }
  }
}
