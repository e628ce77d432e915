package dev.wheeltapper.isa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The prologue recognisers on instruction bytes copied from {@code objdump -d} of GCC 12.2 and Clang 16.0.6 builds of
 * {@code src/test/resources/evidence/evidence.c} (x86-64 and AArch64), and on noise.
 */
class PrologueTest {
  private static Prologue x86(String hex) {
    return Prologue.scan(Isa.X86_64, ByteBuffer.wrap(HexFormat.of().parseHex(hex.replace(" ", ""))));
  }

  private static Prologue a64(int... words) {
    ByteBuffer b = ByteBuffer.allocate(4 * words.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int w : words) {
      b.putInt(w);
    }
    return Prologue.scan(Isa.AARCH64, b.flip());
  }

  @Test
  void gccProbeLoopOnX86() {
    // endbr64; push rbx; lea r11,[rsp-0x11000]; sub rsp,0x1000; or QWORD PTR [rsp],0; cmp rsp,r11; jne; sub rsp,0x170
    Prologue p = x86("f30f1efa 53 4c8d9c2400f0feff 4881ec00100000 48830c2400 4c39dc 75ef 4881ec70010000");
    assertThat(p.marker()).isEqualTo(EntryMarker.ENDBR64);
    assertThat(p.probes()).isTrue();
    assertThat(p.frameBytes()).isEqualTo(0x11170);
    assertThat(p.largeUnprobedFrame()).isFalse();
  }

  @Test
  void clangProbesOnX86() {
    // mov r11,rsp; sub r11,0x11000; sub rsp,0x1000; mov QWORD PTR [rsp],0; cmp; jne; sub rsp,0x178
    Prologue p = x86("f30f1efa 4156 53 4989e3 4981eb00100100 4881ec00100000 48c7042400000000 4c39dc 75ec"
        + " 4881ec78010000");
    assertThat(p.probes()).isTrue();
    assertThat(p.frameBytes()).isEqualTo(0x11178);
    assertThat(x86("4883342400").probes()).isTrue(); // xor QWORD PTR [rsp],0: Clang's dynamic probe
    assertThat(x86("48834c240800").probes()).isTrue(); // or QWORD PTR [rsp+8],0
    assertThat(x86("48838c240010000000").probes()).isTrue(); // or QWORD PTR [rsp+0x1000],0
    assertThat(x86("48834c240801").probes()).isFalse(); // or ...,1 is no probe
  }

  @Test
  void unprobedLargeFramesOnX86() {
    Prologue big = x86("53 89fb ba70110100 89de 4881ec70110100"); // sub rsp,0x11170
    assertThat(big.marker()).isEqualTo(EntryMarker.NONE);
    assertThat(big.frameBytes()).isEqualTo(0x11170);
    assertThat(big.largeUnprobedFrame()).isTrue();
    assertThat(x86("f30f1efa 400fb6c7 4881ec98130000").largeUnprobedFrame()).isTrue(); // 0x1398
    assertThat(x86("4883ec28").frameBytes()).isEqualTo(0x28); // sub rsp,imm8
    assertThat(x86("4883ec80").frameBytes()).isZero(); // imm8 0x80 is -128: frees stack
    assertThat(x86("4881ec00000080").frameBytes()).isZero(); // a negative imm32 likewise
    assertThat(x86("f30f1efb").marker()).isEqualTo(EntryMarker.ENDBR32);
  }

  @Test
  void branchProtectionAndProbesOnAarch64() {
    // paciasp; sub sp,sp,#0x10,lsl #12; str xzr,[sp,#1024]; mov x12,#0x1190; sub sp,sp,x12
    Prologue on = a64(0xd503233f, 0xd14043ff, 0xf90203ff, 0xd282320c, 0xcb2c63ff);
    assertThat(on.marker()).isEqualTo(EntryMarker.PACIASP);
    assertThat(on.probes()).isTrue();
    assertThat(on.frameBytes()).isEqualTo(0x10000 + 0x1190);
    // sub sp,sp,#0x190; sub sp,sp,#0x11,lsl #12
    Prologue off = a64(0xd10643ff, 0xd14047ff, 0xd2822e02);
    assertThat(off.marker()).isEqualTo(EntryMarker.NONE);
    assertThat(off.frameBytes()).isEqualTo(0x190 + 0x11000);
    assertThat(off.largeUnprobedFrame()).isTrue();
    // mov x12,#0x13b0; sub sp,sp,x12: 5040 bytes is below the 64 KiB guard
    Prologue mid = a64(0xd503233f, 0xd282760c, 0xcb2c63ff);
    assertThat(mid.frameBytes()).isEqualTo(5040);
    assertThat(mid.largeUnprobedFrame()).isFalse();
    // movz + movk build 0x11170 in x2... but a sub from an unknown register counts nothing
    assertThat(a64(0xcb2363ff).frameBytes()).isZero();
    assertThat(a64(0xd503245f).marker()).isEqualTo(EntryMarker.BTI_C);
    assertThat(a64(0xd503249f).marker()).isEqualTo(EntryMarker.BTI_J);
    assertThat(a64(0xd50324df).marker()).isEqualTo(EntryMarker.BTI_JC);
    assertThat(a64(0xd503237f).marker()).isEqualTo(EntryMarker.PACIBSP);
    assertThat(EntryMarker.BTI_J.landsCalls()).isFalse();
  }

  @Test
  void movkBuildsLargeValues() {
    // mov x16,#0x1170; movk x16,#0x1,lsl #16; sub sp,sp,x16
    Prologue p = a64(0xd2822e10, 0xf2a00030, 0xcb3063ff);
    assertThat(p.frameBytes()).isEqualTo(0x11170);
    assertThat(p.largeUnprobedFrame()).isTrue();
  }

  @Test
  void theWindowIsBoundedAndNoiseIsHarmless() {
    byte[] many = new byte[4096];
    for (int i = 0; i + 7 <= many.length; i += 7) {
      System.arraycopy(HexFormat.of().parseHex("4881ec00f0ff7f"), 0, many, i, 7);
    }
    Prologue p = Prologue.scan(Isa.X86_64, ByteBuffer.wrap(many));
    assertThat(p.bytesRead()).isEqualTo(Prologue.WINDOW);
    assertThat(p.frameBytes()).isPositive();
    assertThat(Prologue.scan(Isa.X86_64, ByteBuffer.allocate(0)).marker()).isEqualTo(EntryMarker.NONE);
    assertThat(Prologue.scan(Isa.AARCH64, ByteBuffer.allocate(3)).bytesRead()).isEqualTo(3);
    Random r = new Random(22);
    for (int i = 0; i < 2_000; i++) {
      byte[] noise = new byte[r.nextInt(200)];
      r.nextBytes(noise);
      for (Isa isa : Isa.values()) {
        assertThat(Prologue.scan(isa, ByteBuffer.wrap(noise)).frameBytes()).isNotNegative();
      }
    }
  }
}
