/**
 * Instruction recognisers for the first bytes of a function (raw layer): the landing pad or pointer-authentication
 * instruction a function starts with ({@code endbr64}, {@code bti c}, {@code paciasp}), and in its prologue the stack
 * allocations and the stack-clash probes that guard them. Not a disassembler: each recogniser matches the few
 * encodings GCC and Clang emit (checked against {@code objdump -d} of GCC 12 and Clang 16 builds, x86-64 and
 * AArch64) in a bounded window, and says what it saw. The ELF reader feeds it the bytes at each function's address
 * ({@code dev.wheeltapper.elf.ElfFile#functionEntries()}).
 *
 * <pre>{@code
 * Prologue p = Prologue.scan(Isa.X86_64, bytes);
 * p.marker();                 // EntryMarker.ENDBR64
 * p.largeUnprobedFrame();     // true for "sub rsp,0x11100" with no probe
 * }</pre>
 */
package dev.wheeltapper.isa;
