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
 * <p>The reader is cut along the PE/COFF specification, one class per part, all on the shared
 * {@link dev.wheeltapper.bytes.BoundedReader}: {@code DosHeader} (the MS-DOS stub and {@code e_lfanew}),
 * {@link dev.wheeltapper.pe.CoffHeader}, {@link dev.wheeltapper.pe.OptionalHeader} (PE32/PE32+, DllCharacteristics,
 * the data directory table), {@code SectionTable} (RVA to file offset), and per data directory
 * {@code ImportDirectory}, {@code DelayImportDirectory}, {@code ExportDirectory}, {@code LoadConfigDirectory},
 * {@code DebugDirectory} (CodeView, CET), {@code ResourceDirectory} ({@link dev.wheeltapper.pe.VersionInfo}) and
 * {@code CertificateDirectory} ({@link dev.wheeltapper.pe.Authenticode}); {@code RichHeader} reads the Rich header.
 *
 * <pre>{@code
 * try (PeFile pe = PeFile.open(path)) {
 *   pe.header().has(PeRecords.Header.DYNAMIC_BASE);
 *   Authenticode.verify(pe).status();
 * }
 * }</pre>
 */
package dev.wheeltapper.pe;
