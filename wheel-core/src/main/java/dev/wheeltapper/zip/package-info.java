/**
 * The raw ZIP structure layer: a bounded scan of end records, central directory, local headers, extra fields and data
 * descriptors ({@link dev.wheeltapper.zip.ZipScanner} giving a {@link dev.wheeltapper.zip.ZipScan}), the reading
 * limits ({@link dev.wheeltapper.zip.ZipLimits}), and the one-pass content reader ({@link
 * dev.wheeltapper.zip.EntryReader}) that inflates, checks the CRC-32 and feeds hashes together.
 *
 * <p>The scan is cut along APPNOTE 4.3, one package-private class per record named after it ({@code
 * EndOfCentralDirectoryRecord}, {@code Zip64EndOfCentralDirectory}, {@code CentralDirectory}, {@code
 * CentralDirectoryFileHeader}, {@code LocalFileHeader}, {@code DataDescriptor}, {@code ExtraFields}, {@code
 * Zip64ExtendedInformation}, {@code UnicodePathExtraField}), with {@code EntryNameRules} and {@code ArchiveLayout}
 * for the checks across records. Commons Compress has one role here, {@code ParserDifferential}: it re-reads an
 * archive the strict scan accepted, and any entry it sees differently is a {@code zip.parser-confusion} finding.
 *
 * <p>This layer knows nothing about wheels: the verifier combines it with RECORD. Every defect is a {@link
 * dev.wheeltapper.report.Finding}; only I/O errors are exceptions. The checks and codes are listed in {@code
 * docs/zip.md}.
 */
package dev.wheeltapper.zip;
