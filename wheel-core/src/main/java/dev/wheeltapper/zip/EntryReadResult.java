package dev.wheeltapper.zip;

import dev.wheeltapper.report.Finding;
import java.util.List;

/**
 * What one pass over an entry's data found.
 *
 * <pre>{@code
 * EntryReadResult r = reader.read(entry, sha256::update);
 * if (r.ok()) { byte[] digest = sha256.digest(); }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param bytesProduced uncompressed bytes handed to the sinks
 * @param bytesConsumed compressed bytes read from the archive
 * @param actualCrc the CRC-32 of the bytes produced
 * @param crcOk whether the data was read to its end and its CRC-32 matches the central directory
 * @param limitHit whether reading stopped at a limit (declared size, ratio, total, or the caller's maximum)
 * @param findings the findings about this entry's data (CRC, sizes, limits, corrupt deflate data)
 */
public record EntryReadResult(
    long bytesProduced, long bytesConsumed, long actualCrc, boolean crcOk, boolean limitHit,
    List<Finding> findings) {

  /** Copies the findings. */
  public EntryReadResult {
    findings = List.copyOf(findings);
  }

  /**
   * Whether the data was read completely and is intact.
   *
   * @return true when there is no error finding, the CRC matched and no limit was hit
   */
  public boolean ok() {
    return crcOk && !limitHit && findings.stream().noneMatch(Finding::isError);
  }
}
