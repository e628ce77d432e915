package dev.wheeltapper.isa;

/**
 * The instruction sets whose prologues {@link Prologue} can read, each with the stack guard size that GCC's
 * {@code -fstack-clash-protection} assumes by default ({@code stack-clash-protection-guard-size}): an allocation at
 * least that large with no probe can jump the guard page.
 *
 * <pre>{@code
 * Isa.X86_64.guardSize();   // 4096
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum Isa {
  /** x86-64: GCC probes every 4 KiB page (guard size 2^12). */
  X86_64(4096),
  /** AArch64: GCC assumes a 64 KiB guard (2^16) and probes at 1 KiB above the new stack pointer. */
  AARCH64(65536);

  private final long guardSize;

  Isa(long guardSize) {
    this.guardSize = guardSize;
  }

  /**
   * The guard size GCC assumes by default on this instruction set.
   *
   * @return bytes
   */
  public long guardSize() {
    return guardSize;
  }
}
