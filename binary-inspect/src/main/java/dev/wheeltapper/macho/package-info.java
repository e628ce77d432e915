/**
 * A bounds-checked reader for Mach-O files, thin and fat (universal), 32- and 64-bit, either byte order.
 *
 * <p>{@link dev.wheeltapper.macho.MachOFile} splits a fat file into {@link dev.wheeltapper.macho.MachOSlice}s (a
 * Java class file, which shares the {@code 0xCAFEBABE} magic, is refused by its architecture count); each slice reads
 * its load commands: segments and sections, linked dylibs, LC_RPATH, the deployment target, LC_UUID,
 * LC_CODE_SIGNATURE, encryption info, chained fixups and the symbol table. An unreadable header or command table is a
 * {@link dev.wheeltapper.macho.MachOFormatException} with the offset; damage elsewhere is recorded in
 * {@link dev.wheeltapper.macho.MachOSlice#defects()}.
 *
 * <p>The reader is cut along {@code <mach-o/loader.h>}, all on the shared {@link dev.wheeltapper.bytes.BoundedReader}
 * (a fat file's slices are its windows): {@link dev.wheeltapper.macho.MachHeader}, {@code LoadCommands} (the command
 * table walk) and one class per command read: {@code SegmentCommand}, {@code DylibCommand}, {@code RpathCommand},
 * {@code BuildVersionCommand}, {@code UuidCommand}, {@code LinkeditDataCommand}, {@code EncryptionInfoCommand},
 * {@code SymtabCommand}; {@code CodeSignatures} reads the code signature superblob.
 *
 * <pre>{@code
 * try (MachOFile m = MachOFile.open(path)) {
 *   m.architectures();                     // [x86_64, arm64]
 *   m.slices().get(0).rpaths();
 * }
 * }</pre>
 */
package dev.wheeltapper.macho;
