/**
 * The ELF reader. {@link dev.wheeltapper.elf.ElfFile} is the entry point: a thread-safe facade that memoizes each
 * table on first use, with immutable query objects ({@link dev.wheeltapper.elf.Sections},
 * {@link dev.wheeltapper.elf.Segments}, {@link dev.wheeltapper.elf.Dynamic}, {@link dev.wheeltapper.elf.Symbols},
 * {@link dev.wheeltapper.elf.VersionRequirements}, {@link dev.wheeltapper.elf.Notes}). The raw layer (package-private
 * {@code ElfParser}) reads every structure through bounds-checked views of a
 * {@link dev.wheeltapper.bytes.ByteSource}; it has no policy: hardening verdicts live in
 * {@code dev.wheeltapper.hardening}.
 *
 * <pre>{@code
 * try (ElfFile elf = ElfFile.open(path)) {
 *   boolean canary = elf.dynamicSymbols().undefined().named("__stack_chk_fail").exists();
 * }
 * }</pre>
 */
package dev.wheeltapper.elf;
