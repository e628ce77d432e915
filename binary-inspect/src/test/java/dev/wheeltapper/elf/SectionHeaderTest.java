package dev.wheeltapper.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Each field of an {@code Elf32_Shdr} and an {@code Elf64_Shdr} lands in its own component, in either byte order. */
class SectionHeaderTest {

  @Test
  void elf64LittleEndian() {
    ByteBuffer b = ByteBuffer.allocate(8 + 64).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(8, 1).putInt(12, 2).putLong(16, 3).putLong(24, 4).putLong(32, 5).putLong(40, 6)
        .putInt(48, 7).putInt(52, 8).putLong(56, 9).putLong(64, 0xf000_0000_0000_000aL);
    assertThat(SectionHeader.read(b, 8, true))
        .isEqualTo(new SectionHeader(1, 2, 3, 4, 5, 6, 7, 8, 9, 0xf000_0000_0000_000aL));
    assertThat(SectionHeader.size(true)).isEqualTo(64);
  }

  @Test
  void elf32BigEndianIsUnsigned() {
    ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.BIG_ENDIAN);
    for (int i = 0; i < 10; i++) {
      b.putInt(4 * i, i + 1);
    }
    b.putInt(20, 0xffff_fff0); // sh_size above 2^31 reads unsigned
    assertThat(SectionHeader.read(b, 0, false))
        .isEqualTo(new SectionHeader(1, 2, 3, 4, 5, 0xffff_fff0L, 7, 8, 9, 10));
    assertThat(SectionHeader.size(false)).isEqualTo(40);
  }
}
