package dev.wheeltapper.pe;

import dev.wheeltapper.bytes.BoundedReader;
import dev.wheeltapper.pe.PeRecords.DataDirectory;
import dev.wheeltapper.pe.PeRecords.Import;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * The delay-load import table (data directory 13, PE/COFF specification "Delay-Load Import Tables (Image Only)"):
 * 32-byte delay-load descriptors up to one without a name, each naming a DLL and its import name table, walked as
 * {@link ImportDirectory#thunks} walks the import lookup table.
 */
final class DelayImportDirectory {
  private static final int DESCRIPTOR_SIZE = 32;

  private DelayImportDirectory() {}

  /**
   * Appends the delay-loaded DLLs to {@code out}.
   *
   * @param budget the imported functions still allowed, shared with the import table and decremented here
   */
  static void read(BoundedReader<PeFormatException> r, SectionTable t, Optional<DataDirectory> d,
      OptionalHeader header, List<Import> out, int[] budget) throws PeFormatException {
    if (d.isEmpty() || !d.get().present()) {
      return;
    }
    long at = t.offset(d.get().address(), "delay-load directory");
    for (int i = 0; i < PeFile.MAX_DLLS; i++) {
      ByteBuffer b = r.buf(at + (long) DESCRIPTOR_SIZE * i, DESCRIPTOR_SIZE, "delay-load descriptor");
      long attributes = b.getInt(0) & 0xffffffffL;
      long name = b.getInt(4) & 0xffffffffL;
      long int_ = b.getInt(16) & 0xffffffffL;
      if (name == 0) {
        return;
      }
      // attribute bit 0 clear: Visual C++ 6 wrote virtual addresses instead of RVAs
      long base = (attributes & 1) == 0 ? header.imageBase() : 0;
      // the fields are 32 bits wide: VAs wrap like the loader's 32-bit arithmetic
      String dll = t.nameAt(r, (name - base) & 0xffffffffL, "delay-loaded DLL name");
      List<String> fns = int_ == 0 ? List.of()
          : ImportDirectory.thunks(r, t, (int_ - base) & 0xffffffffL, header.pe32Plus(), budget);
      out.add(new Import(dll, true, fns));
    }
    throw new PeFormatException(at, "more than " + PeFile.MAX_DLLS + " delay-load descriptors");
  }
}
