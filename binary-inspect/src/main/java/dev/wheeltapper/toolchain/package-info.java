/**
 * Compilers, languages, bindings and the memory-safety verdict of a native binary.
 *
 * <p>{@link dev.wheeltapper.toolchain.ElfToolchain} reads {@code .comment}, symbols, sections, notes, needed
 * libraries and the markers a {@link dev.wheeltapper.toolchain.StringScan} finds in read-only data; every language
 * and binding of the resulting {@link dev.wheeltapper.toolchain.Toolchain} carries its evidence. The C runtime glue
 * every shared object links (crt objects and their {@code GCC:} line) never makes a Rust or Go library count as C.
 *
 * <p>Like every check, this package reads typed facts (records, lists of strings) and never bytes: the readers in
 * {@code elf}, {@code pe} and {@code macho} and the raw layer's {@link dev.wheeltapper.bytes.PrintableRuns} do the
 * byte-level work, and {@code ArchitectureTest} keeps {@code ByteSource}, {@code ByteBuffer} and channels out.
 *
 * <pre>{@code
 * Toolchain t = ElfToolchain.detect(facts, scan);
 * t.memorySafe();   // YES, MIXED, NO or UNKNOWN
 * }</pre>
 */
package dev.wheeltapper.toolchain;
