package dev.wheeltapper.pe;

import dev.wheeltapper.bytes.BoundedReader;
import dev.wheeltapper.pe.PeRecords.CertificateTable;
import dev.wheeltapper.pe.PeRecords.DataDirectory;
import java.util.List;
import java.util.Optional;

/**
 * The attribute certificate table (data directory 4, PE/COFF specification "The Attribute Certificate Table (Image
 * Only)"): a file offset, not an RVA, of {@code WIN_CERTIFICATE} entries; here its place and the first entry's
 * certificate type. {@link Authenticode} verifies the signature it holds.
 */
final class CertificateDirectory {
  /** WIN_CERTIFICATE's dwLength, wRevision and wCertificateType. */
  private static final int WIN_CERTIFICATE_HEADER = 8;

  private CertificateDirectory() {}

  /**
   * The table, when data directory 4 points somewhere; one that runs past the file is kept without its type and
   * recorded in {@code defects}.
   */
  static Optional<CertificateTable> read(BoundedReader<PeFormatException> r, Optional<DataDirectory> dir,
      List<String> defects) throws PeFormatException {
    if (dir.isEmpty() || !dir.get().present()) {
      return Optional.empty();
    }
    DataDirectory d = dir.get();
    Optional<Integer> type = Optional.empty();
    if (r.contains(d.address(), Math.max(WIN_CERTIFICATE_HEADER, d.size()))) {
      type = Optional.of(r.u16(d.address() + 6, "WIN_CERTIFICATE"));
    } else {
      defects.add("certificate table 0x" + Long.toHexString(d.address()) + "+" + d.size() + " runs past the end of"
          + " the file");
    }
    return Optional.of(new CertificateTable(d.address(), d.size(), type));
  }
}
