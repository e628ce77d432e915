package dev.wheeltapper.zip;

import dev.wheeltapper.report.Codes;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * APPNOTE 4.6.9, the Info-ZIP Unicode Path extra field (0x7075): a version byte, the CRC-32 of the header's name and
 * a UTF-8 name that some readers use in place of the header's. A name there that differs from the header's lets
 * readers disagree on the entry's name.
 */
final class UnicodePathExtraField {
  private UnicodePathExtraField() {}

  /** Checks the field in a header's extra block, if there is one; {@code where} names the header. */
  static void check(ScanContext ctx, ExtraFields extra, byte[] rawName, String name, String path, String where) {
    int u = extra.find(ExtraFields.UNICODE_PATH);
    if (u < 0) {
      return;
    }
    int off = extra.offsets[u];
    int len = extra.lengths[u];
    if (len < 5 || extra.data[off] != 1) {
      ctx.error(Codes.ZIP_MALFORMED, path, "The Unicode Path extra field in the " + where + " of this entry is"
          + " malformed.");
      return;
    }
    CRC32 c = new CRC32();
    c.update(rawName);
    boolean crcMatches = c.getValue() == Bytes.u32(extra.data, off + 1);
    String unicode = ScanContext.decodeUtf8(Arrays.copyOfRange(extra.data, off + 5, off + len));
    if (unicode == null) {
      ctx.error(Codes.ZIP_UNSAFE_PATH, path, "The Unicode Path extra field in the " + where + " of this entry is"
          + " not valid UTF-8.");
    } else if (!unicode.equals(name)) {
      ctx.error(Codes.ZIP_HEADER_MISMATCH, path, "The Unicode Path extra field in the " + where + " names this"
          + " entry \"" + unicode + "\"" + (crcMatches ? "" : " (with a stale CRC)") + ", unlike its header.");
    }
  }
}
