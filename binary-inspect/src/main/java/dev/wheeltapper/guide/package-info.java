/**
 * The OpenSSF "Compiler Options Hardening Guide for C and C++", option by option, for one ELF binary: a
 * {@link dev.wheeltapper.guide.GuideProfile} of {@link dev.wheeltapper.guide.GuideRow}s, one per
 * {@link dev.wheeltapper.guide.GuideOption} of the guide's run-time table and TL;DR set, each with a
 * {@link dev.wheeltapper.guide.GuideStatus}, the {@link dev.wheeltapper.guide.GuideChannel} it was read from and the
 * evidence. Checks layer: reads the typed facts of {@code hardening} ({@code ElfFacts}, {@code ElfHardening}),
 * {@code toolchain} and {@code policy.PlatformTag}, never bytes. {@link dev.wheeltapper.guide.GuideSummary} counts a
 * wheel's or a run's profiles per option.
 */
package dev.wheeltapper.guide;
