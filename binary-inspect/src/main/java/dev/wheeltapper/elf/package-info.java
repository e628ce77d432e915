/**
 * The ELF reader. {@link dev.wheeltapper.elf.ElfFile} is the entry point: a thread-safe facade that memoizes each
 * table on first use, with immutable query objects ({@link dev.wheeltapper.elf.Sections},
 * {@link dev.wheeltapper.elf.Segments}, {@link dev.wheeltapper.elf.Dynamic}, {@link dev.wheeltapper.elf.Symbols},
 * {@link dev.wheeltapper.elf.VersionRequirements}, {@link dev.wheeltapper.elf.Notes}). The raw layer is package-private,
 * one reader per part of the gABI, each named by it: {@code ElfHeaderReader} ({@code e_ident}, {@code e_*}),
 * {@code SectionHeaderReader} (the section header table, one {@code SectionHeader} per {@code Elf_Shdr}),
 * {@code ProgramHeaderReader}, {@code DynamicSectionReader}, {@code HashTableReader}, {@code SymbolTableReader}
 * ({@code .symtab}, {@code .dynsym}), {@code SymbolVersionReader} ({@code .gnu.version}, {@code .gnu.version_r},
 * {@code .gnu.version_d}), {@code NoteReader}, {@code SpecialSectionReader} ({@code .comment}, {@code .interp}),
 * {@code CompressedSectionReader} ({@code SHF_COMPRESSED}, {@code .zdebug}), {@code BuildRecordReader} (DWARF units
 * through {@code dev.wheeltapper.dwarf}, {@code .GCC.command.line}, {@code .annobin.notes}, function entries through
 * {@code dev.wheeltapper.isa}; gathered by {@link dev.wheeltapper.elf.BuildEvidence}) and {@code StringTable}; they read through {@code ElfInput}, bounds-checked views of a
 * {@link dev.wheeltapper.bytes.ByteSource} taken with the shared {@link dev.wheeltapper.bytes.BoundedReader}. None
 * has policy: hardening verdicts live in {@code dev.wheeltapper.hardening}.
 *
 * <pre>{@code
 * try (ElfFile elf = ElfFile.open(path)) {
 *   boolean canary = elf.dynamicSymbols().undefined().named("__stack_chk_fail").exists();
 * }
 * }</pre>
 */
package dev.wheeltapper.elf;
