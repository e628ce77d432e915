/**
 * Hardening checks with a status and the evidence read, one model for every binary format.
 *
 * <p>{@link dev.wheeltapper.hardening.Hardening} holds one {@link dev.wheeltapper.hardening.CheckResult} per
 * {@link dev.wheeltapper.hardening.HardeningCheck} ({@code pass}, {@code fail}, {@code partial},
 * {@code not-applicable}, {@code unknown}, with a short value and the evidence in words), the FORTIFY_SOURCE
 * evidence and the classified RPATH/RUNPATH entries, and turns failures into {@code hardening.*} findings.
 * {@link dev.wheeltapper.hardening.ElfHardening} fills it for ELF from an
 * {@link dev.wheeltapper.hardening.ElfFacts} snapshot, following the glibc loader where reference tools disagree;
 * {@link dev.wheeltapper.hardening.PeHardening} fills it for PE with winchecksec's meanings and
 * {@link dev.wheeltapper.hardening.MachOHardening} for one Mach-O slice with checksec.rs's evidence.
 *
 * <pre>{@code
 * Hardening h = ElfHardening.check(facts, CheckContext.wheelEntry("pkg/_x.so"));
 * h.result(HardeningCheck.NX);   // nx: yes (pass) - PT_GNU_STACK flags RW, no PF_X
 * }</pre>
 */
package dev.wheeltapper.hardening;
