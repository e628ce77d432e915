package dev.wheeltapper.isa;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * What the first bytes of one function show: its entry marker, how much stack its prologue allocates, and whether it
 * probes what it allocates ({@code -fstack-clash-protection}). Read by {@link Amd64Prologue} and
 * {@link Aarch64Prologue} from at most {@link #WINDOW} bytes.
 *
 * <pre>{@code
 * Prologue p = Prologue.scan(Isa.AARCH64, bytes);
 * p.marker();                // EntryMarker.PACIASP
 * p.frameBytes();            // 70032 for "sub sp, sp, #0x190; sub sp, sp, #0x11, lsl #12"
 * p.largeUnprobedFrame();    // true: no "str xzr, [sp, #...]" probe
 * }</pre>
 *
 * <p>A heuristic, positive where it matches: a probe proves the option for that function; a frame at least the guard
 * size ({@link Isa#guardSize()}) with no probe in the window is the unprotected shape GCC and Clang emit without the
 * option. Allocations made through a register whose value the window does not show are not counted. Immutable and
 * thread-safe.
 *
 * @param isa the instruction set
 * @param marker the entry marker
 * @param frameBytes the stack the prologue allocates by immediates (saturating), 0 when none is seen
 * @param probes whether a stack probe ({@code or/mov/xor QWORD PTR [rsp+...],0}, {@code str xzr, [sp, #...]}) is seen
 * @param bytesRead how many bytes were examined
 */
public record Prologue(Isa isa, EntryMarker marker, long frameBytes, boolean probes, int bytesRead) {

  /** The most bytes examined from a function's start: a prologue is a handful of instructions. */
  public static final int WINDOW = 128;

  /** Rejects nulls and negative counts. */
  public Prologue {
    Objects.requireNonNull(isa, "isa");
    Objects.requireNonNull(marker, "marker");
    if (frameBytes < 0 || bytesRead < 0) {
      throw new IllegalArgumentException("negative count: " + frameBytes + ", " + bytesRead);
    }
  }

  /**
   * Scans the bytes between a buffer's position and limit (at most {@link #WINDOW}); the buffer is not moved.
   *
   * @param isa the instruction set
   * @param code the function's first bytes
   * @return what they show
   */
  public static Prologue scan(Isa isa, ByteBuffer code) {
    // instructions are little-endian on both (AArch64 even in big-endian data mode); slice() would reset to big
    ByteBuffer b = code.slice().order(ByteOrder.LITTLE_ENDIAN);
    if (b.remaining() > WINDOW) {
      b.limit(WINDOW);
    }
    return isa == Isa.X86_64 ? Amd64Prologue.scan(b) : Aarch64Prologue.scan(b);
  }

  /**
   * Whether the prologue allocates at least a guard's worth of stack without probing it.
   *
   * @return true for the unprotected large-frame shape
   */
  public boolean largeUnprobedFrame() {
    return !probes && frameBytes >= isa.guardSize();
  }

  static long add(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r;
  }
}
