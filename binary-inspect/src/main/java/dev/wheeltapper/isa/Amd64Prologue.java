package dev.wheeltapper.isa;

import java.nio.ByteBuffer;

/**
 * The x86-64 encodings {@link Prologue} recognises (Intel SDM vol. 2; the shapes of GCC 12 and Clang 16):
 * <ul>
 *   <li>{@code endbr64} {@code f3 0f 1e fa} and {@code endbr32} {@code f3 0f 1e fb} at offset 0;</li>
 *   <li>allocations: {@code sub rsp, imm32} ({@code 48 81 ec}), {@code sub rsp, imm8} ({@code 48 83 ec}), GCC's probe
 *       loop bound {@code lea r11, [rsp-imm32]} ({@code 4c 8d 9c 24}) and Clang's {@code sub r11, imm32}
 *       ({@code 49 81 eb});</li>
 *   <li>probes: GCC's {@code or QWORD PTR [rsp(+disp)], 0} ({@code 48 83 0c 24 00}, {@code 48 83 4c 24 d8 00},
 *       {@code 48 83 8c 24 d32 00}), Clang's {@code mov QWORD PTR [rsp], 0} ({@code 48 c7 04 24 00 00 00 00}) and its
 *       dynamic-allocation probe {@code xor QWORD PTR [rsp], 0} ({@code 48 83 34 24 00}).</li>
 * </ul>
 * Patterns are matched at every byte offset of the window, not along decoded instruction boundaries: cheap, and the
 * byte strings are long enough that a chance match inside another instruction is rare.
 */
final class Amd64Prologue {
  private Amd64Prologue() {}

  static Prologue scan(ByteBuffer buf) {
    // the window (at most Prologue.WINDOW bytes) copied once: an array read per byte offset, no buffer checks
    int n = buf.remaining();
    byte[] b = new byte[n];
    buf.get(buf.position(), b);
    EntryMarker marker = EntryMarker.NONE;
    if (n >= 4 && u8(b, 0) == 0xf3 && u8(b, 1) == 0x0f && u8(b, 2) == 0x1e) {
      marker = u8(b, 3) == 0xfa ? EntryMarker.ENDBR64 : u8(b, 3) == 0xfb ? EntryMarker.ENDBR32 : EntryMarker.NONE;
    }
    long frame = 0;
    boolean probes = false;
    boolean loopBound = false;
    for (int i = 0; i + 3 <= n; i++) {
      int b0 = u8(b, i);
      if (b0 != 0x48 && b0 != 0x4c && b0 != 0x49) {
        continue; // every shape below starts with one of these REX prefixes
      }
      int b1 = u8(b, i + 1);
      int b2 = u8(b, i + 2);
      if (b0 == 0x48 && b1 == 0x81 && b2 == 0xec && i + 7 <= n) {
        long imm = s32(b, i + 3) & 0xffffffffL; // sub rsp, imm32
        if (imm < 0x8000_0000L && !(loopBound && imm == 0x1000)) {
          frame = Prologue.add(frame, imm);
        }
      } else if (b0 == 0x48 && b1 == 0x83 && b2 == 0xec && i + 4 <= n) {
        if (u8(b, i + 3) < 0x80) { // sub rsp, imm8, sign-extended: 0x80 and above would free stack
          frame = Prologue.add(frame, u8(b, i + 3));
        }
      } else if (b0 == 0x4c && b1 == 0x8d && b2 == 0x9c && i + 8 <= n && u8(b, i + 3) == 0x24) {
        int disp = s32(b, i + 4); // lea r11, [rsp+disp32]: GCC's probe loop ends disp below rsp
        if (disp < 0) {
          frame = Prologue.add(frame, -(long) disp);
          loopBound = true;
        }
      } else if (b0 == 0x49 && b1 == 0x81 && b2 == 0xeb && i + 7 <= n) {
        frame = Prologue.add(frame, s32(b, i + 3) & 0x7fffffffL); // sub r11, imm32: Clang's loop bound
        loopBound = true;
      } else if (b0 == 0x48 && b1 == 0x83 && isProbe(b, i, n)) {
        probes = true;
      } else if (b0 == 0x48 && b1 == 0xc7 && b2 == 0x04 && i + 8 <= n && u8(b, i + 3) == 0x24
          && s32(b, i + 4) == 0) {
        probes = true; // mov QWORD PTR [rsp], 0
      }
    }
    return new Prologue(Isa.X86_64, marker, frame, probes, n);
  }

  /** {@code 48 83 /1 ib} (or) or {@code /6} (xor) with immediate 0 on {@code [rsp]}, {@code [rsp+d8]}, {@code [rsp+d32]}. */
  private static boolean isProbe(byte[] b, int i, int n) {
    if (i + 5 > n) {
      return false;
    }
    int modrm = u8(b, i + 2);
    int reg = modrm >> 3 & 7;
    if ((reg != 1 && reg != 6) || (modrm & 7) != 4 || u8(b, i + 3) != 0x24) {
      return false; // not or/xor, or not an SIB byte naming rsp
    }
    int disp = switch (modrm >> 6) {
      case 0 -> 0;
      case 1 -> 1;
      case 2 -> 4;
      default -> -1;
    };
    return disp >= 0 && i + 5 + disp <= n && u8(b, i + 4 + disp) == 0;
  }

  private static int u8(byte[] b, int i) {
    return b[i] & 0xff;
  }

  /** A little-endian 32-bit value (x86 immediates and displacements). */
  private static int s32(byte[] b, int i) {
    return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | b[i + 3] << 24;
  }
}
