/**
 * Hardening checks with a status and the evidence read, one record per binary format.
 *
 * <p>{@link dev.wheeltapper.hardening.Hardening} is sealed: {@link dev.wheeltapper.hardening.ElfHardening},
 * {@link dev.wheeltapper.hardening.PeHardening} and {@link dev.wheeltapper.hardening.MachOHardening} each hold one
 * {@link dev.wheeltapper.hardening.CheckResult} per check of their own format ({@code pass}, {@code fail},
 * {@code partial}, {@code not-applicable}, {@code unknown}, with a short value and the evidence in words), the
 * FORTIFY_SOURCE evidence ({@link dev.wheeltapper.hardening.Fortify}, one rule for every format) and the run-time
 * search paths under their real kind ({@link dev.wheeltapper.hardening.SearchPaths}: DT_RPATH, DT_RUNPATH, LC_RPATH),
 * and turn failures into {@code hardening.*} findings chosen from typed values. The ELF checks read an
 * {@link dev.wheeltapper.hardening.ElfFacts} snapshot, one class per JSON key ({@code Relro}, {@code StackCanary},
 * {@code ExecStack}, {@code Pie}, ...), following the glibc loader where reference tools disagree; the PE checks
 * follow winchecksec, the Mach-O checks checksec.rs. Rendering (JSON, text) is the command line's.
 *
 * <pre>{@code
 * ElfHardening h = ElfHardening.check(facts, CheckContext.wheelEntry("pkg/_x.so"));
 * h.result(HardeningCheck.NX);   // nx: yes (pass) - PT_GNU_STACK flags RW, no PF_X
 * }</pre>
 */
package dev.wheeltapper.hardening;
