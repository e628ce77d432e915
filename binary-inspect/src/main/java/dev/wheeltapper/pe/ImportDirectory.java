package dev.wheeltapper.pe;

import dev.wheeltapper.bytes.BoundedReader;
import dev.wheeltapper.pe.PeRecords.DataDirectory;
import dev.wheeltapper.pe.PeRecords.Import;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The import directory table (data directory 1, PE/COFF specification ".idata Section"): 20-byte import descriptors
 * up to a null one, each naming a DLL and its import lookup table of name or ordinal thunks. The lookup-table walk
 * ({@link #thunks}) is shared with the {@link DelayImportDirectory}.
 */
final class ImportDirectory {
  private static final int DESCRIPTOR_SIZE = 20;

  private ImportDirectory() {}

  /**
   * Appends the DLLs of the import table to {@code out}.
   *
   * @param budget the imported functions still allowed, shared with the delay-load table and decremented here
   */
  static void read(BoundedReader<PeFormatException> r, SectionTable t, Optional<DataDirectory> d, boolean pe32Plus,
      List<Import> out, int[] budget) throws PeFormatException {
    if (d.isEmpty() || !d.get().present()) {
      return;
    }
    long at = t.offset(d.get().address(), "import directory");
    for (int i = 0; i < PeFile.MAX_DLLS; i++) {
      ByteBuffer b = r.buf(at + (long) DESCRIPTOR_SIZE * i, DESCRIPTOR_SIZE, "import descriptor");
      long ilt = b.getInt(0) & 0xffffffffL;
      long name = b.getInt(12) & 0xffffffffL;
      long iat = b.getInt(16) & 0xffffffffL;
      if (ilt == 0 && name == 0 && iat == 0) {
        return;
      }
      String dll = t.nameAt(r, name, "imported DLL name");
      out.add(new Import(dll, false, thunks(r, t, ilt != 0 ? ilt : iat, pe32Plus, budget)));
    }
    throw new PeFormatException(at, "more than " + PeFile.MAX_DLLS + " import descriptors");
  }

  /**
   * The names of an import lookup table at {@code rva}: 32- or 64-bit thunks up to a zero one; the high bit marks an
   * import by ordinal ({@code #n}); a name whose hint/name entry lies in no section is {@code ?}.
   */
  static List<String> thunks(BoundedReader<PeFormatException> r, SectionTable t, long rva, boolean pe32Plus,
      int[] budget) throws PeFormatException {
    List<String> fns = new ArrayList<>();
    long at = t.offset(rva, "import lookup table");
    int width = pe32Plus ? 8 : 4;
    while (budget[0] > 0) {
      long v = width == 8 ? r.u64(at, "import thunk") : r.u32(at, "import thunk");
      if (v == 0) {
        return fns;
      }
      budget[0]--;
      boolean ordinal = width == 8 ? v < 0 : (v & 0x80000000L) != 0;
      if (ordinal) {
        fns.add("#" + (v & 0xffff));
      } else {
        long hint = v & 0x7fffffffL;
        Optional<Long> off = t.rvaToOffset(hint + 2);
        fns.add(off.isPresent() ? SectionTable.string(r, off.get(), PeFile.MAX_NAME, "imported function name") : "?");
      }
      at += width;
    }
    throw new PeFormatException(at, "more than " + PeFile.MAX_FUNCTIONS + " imported functions");
  }
}
