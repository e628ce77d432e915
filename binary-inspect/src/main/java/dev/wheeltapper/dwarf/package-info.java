/**
 * A minimal DWARF 2-5 reader (raw layer): the compilation unit headers of {@code .debug_info} and the first DIE of
 * each unit, through {@code .debug_abbrev}, with strings from {@code .debug_str}, {@code .debug_line_str} and
 * {@code .debug_str_offsets}. It yields what a build left about itself ({@code DW_AT_producer}, {@code DW_AT_language},
 * {@code DW_AT_name}, {@code DW_AT_comp_dir}) and nothing else: no line tables, no types, no children. The bytes come
 * from the ELF reader ({@code dev.wheeltapper.elf.ElfFile#compilationUnits()}), already decompressed; this package
 * knows nothing of ELF.
 *
 * <pre>{@code
 * CompilationUnits cus = DwarfReader.read(sections, DwarfLimits.defaults());
 * cus.units().forEach(cu -> System.out.println(cu.producer().orElse("?")));
 * }</pre>
 *
 * <p>Hostile input is bounded by {@link dev.wheeltapper.dwarf.DwarfLimits}: a unit whose header, abbreviation or
 * attribute cannot be read is reported in {@link dev.wheeltapper.dwarf.CompilationUnits#unreadable()}, never skipped
 * silently and never a crash.
 */
package dev.wheeltapper.dwarf;
