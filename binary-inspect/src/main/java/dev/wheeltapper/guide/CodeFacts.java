package dev.wheeltapper.guide;

import java.util.List;

/**
 * What the code at a binary's exported functions says: the first instruction of each ({@code endbr64} on x86-64,
 * {@code bti c} or {@code paciasp} on AArch64) and the stack-clash probes or unprobed large frames found in their
 * prologues. Filled by the entry-point reader; a test states it directly.
 *
 * <pre>{@code
 * CodeFacts c = new CodeFacts(3, 3, 0, 0, 1, 0, List.of());   // 3 exports, all endbr64; one probed frame
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param examined how many exported functions' code was read
 * @param endbr64 how many start with {@code endbr64}
 * @param btiC how many start with {@code bti c} (or {@code bti jc})
 * @param paciasp how many start with {@code paciasp} (or {@code pacibsp})
 * @param probedFrames functions whose prologue probes the stack page by page
 * @param unprobedLargeFrames functions that allocate a page or more of stack without probing
 * @param unprobedNames some of those functions' names, for the evidence
 */
public record CodeFacts(int examined, int endbr64, int btiC, int paciasp, int probedFrames, int unprobedLargeFrames,
    List<String> unprobedNames) {
  /** Checks the counts and copies. */
  public CodeFacts {
    if (examined < 0 || endbr64 < 0 || btiC < 0 || paciasp < 0 || probedFrames < 0 || unprobedLargeFrames < 0) {
      throw new IllegalArgumentException("negative count");
    }
    unprobedNames = List.copyOf(unprobedNames);
  }
}
