/**
 * The inspection facade over one native binary: {@link dev.wheeltapper.inspect.BinaryInspector} reads an ELF, PE or
 * Mach-O file through its reader, hands typed facts to the hardening and toolchain checks, and returns one
 * {@link dev.wheeltapper.inspect.BinaryInspection} (one per slice of a fat Mach-O file). The facts the ELF checks read
 * are {@link dev.wheeltapper.inspect.ElfSnapshot}'s, the read-only data scan
 * {@link dev.wheeltapper.inspect.ReadOnlyData}'s. The wheel-level facade is {@code dev.wheeltapper.audit}; rendering
 * (JSON, text) is the command line's.
 *
 * <pre>{@code
 * try (ElfFile elf = ElfFile.open(path)) {
 *   BinaryInspection i = BinaryInspector.forPath("_x.abi3.so").inspect(elf);
 *   i.toolchain().memorySafe();   // YES, MIXED, NO or UNKNOWN
 * }
 * }</pre>
 */
package dev.wheeltapper.inspect;
