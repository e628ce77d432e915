package dev.wheeltapper.isa;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The AArch64 encodings {@link Prologue} recognises (Arm ARM A64; the shapes of GCC 12 and Clang 16). Instructions are
 * 32-bit little-endian words whatever the data byte order:
 * <ul>
 *   <li>markers in the first word: {@code bti c} {@code 0xd503245f}, {@code bti j} {@code 0xd503249f},
 *       {@code bti jc} {@code 0xd50324df}, {@code paciasp} {@code 0xd503233f}, {@code pacibsp} {@code 0xd503237f};</li>
 *   <li>allocations: {@code sub sp, sp, #imm12{, lsl #12}} ({@code 0xd10003ff} under mask {@code 0xff8003ff}) and
 *       {@code sub sp, sp, xM} ({@code 0xcb2063ff} under {@code 0xffe0ffff}) with xM set by {@code movz}/{@code movk}
 *       earlier in the window;</li>
 *   <li>probes: {@code str xzr, [sp, #imm]} ({@code 0xf90003ff} under {@code 0xffc003ff}).</li>
 * </ul>
 */
final class Aarch64Prologue {
  private Aarch64Prologue() {}

  static Prologue scan(ByteBuffer code) {
    ByteBuffer b = code.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    int words = b.remaining() / 4;
    EntryMarker marker = EntryMarker.NONE;
    if (words > 0) {
      marker = switch (b.getInt(0)) {
        case 0xd503245f -> EntryMarker.BTI_C;
        case 0xd503249f -> EntryMarker.BTI_J;
        case 0xd50324df -> EntryMarker.BTI_JC;
        case 0xd503233f -> EntryMarker.PACIASP;
        case 0xd503237f -> EntryMarker.PACIBSP;
        default -> EntryMarker.NONE;
      };
    }
    long[] regs = new long[32];
    boolean[] known = new boolean[32];
    long frame = 0;
    boolean probes = false;
    for (int k = 0; k < words; k++) {
      int w = b.getInt(4 * k);
      if ((w & 0xff8003ff) == 0xd10003ff) { // sub sp, sp, #imm12{, lsl #12}
        long imm = (w >>> 10) & 0xfff;
        frame = Prologue.add(frame, ((w >>> 22) & 1) == 1 ? imm << 12 : imm);
      } else if ((w & 0xffe0ffff) == 0xcb2063ff) { // sub sp, sp, xM (uxtx)
        int m = (w >>> 16) & 31;
        if (known[m]) {
          frame = Prologue.add(frame, regs[m]);
        }
      } else if ((w & 0xffc003ff) == 0xf90003ff) { // str xzr, [sp, #imm]
        probes = true;
      } else if ((w & 0x7f800000) == 0x52800000) { // movz (w or x)
        int d = w & 31;
        regs[d] = (long) ((w >>> 5) & 0xffff) << (16 * ((w >>> 21) & 3));
        known[d] = true;
      } else if ((w & 0x7f800000) == 0x72800000) { // movk (w or x)
        int d = w & 31;
        int shift = 16 * ((w >>> 21) & 3);
        regs[d] = (regs[d] & ~(0xffffL << shift)) | (long) ((w >>> 5) & 0xffff) << shift;
      }
    }
    return new Prologue(Isa.AARCH64, marker, frame, probes, b.remaining());
  }
}
