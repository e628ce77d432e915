/**
 * Compilers, languages, bindings and the memory-safety verdict of a native binary.
 *
 * <p>{@link dev.wheeltapper.toolchain.ElfToolchain} reads {@code .comment}, symbols, sections, notes, needed
 * libraries and the markers a {@link dev.wheeltapper.toolchain.StringScan} finds in read-only data; every language
 * and binding of the resulting {@link dev.wheeltapper.toolchain.Toolchain} carries its evidence. The C runtime glue
 * every shared object links (crt objects and their {@code GCC:} line) never makes a Rust or Go library count as C.
 *
 * <pre>{@code
 * Toolchain t = ElfToolchain.detect(facts, scan);
 * t.memorySafe();   // YES, MIXED, NO or UNKNOWN
 * }</pre>
 */
package dev.wheeltapper.toolchain;
