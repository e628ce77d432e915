/**
 * A bounds-checked reader for PE images (Windows {@code .pyd}, {@code .dll}, {@code .exe}), PE32 and PE32+.
 *
 * <p>{@link dev.wheeltapper.pe.PeFile} reads the DOS and PE headers, sections, data directories, imports (with
 * delay-load), exports, the load configuration (as far as its own Size field says), the debug directory (CodeView PDB
 * path, CET), the Rich header, the version resource, the Authenticode certificate table and the overlay. Unreadable
 * headers are a {@link dev.wheeltapper.pe.PeFormatException} with the offset; damage elsewhere is recorded in
 * {@link dev.wheeltapper.pe.PeFile#defects()}. {@link dev.wheeltapper.pe.Authenticode} verifies the signature
 * offline.
 *
 * <pre>{@code
 * try (PeFile pe = PeFile.open(path)) {
 *   pe.header().has(PeRecords.Header.DYNAMIC_BASE);
 *   Authenticode.verify(pe).status();
 * }
 * }</pre>
 */
package dev.wheeltapper.pe;
