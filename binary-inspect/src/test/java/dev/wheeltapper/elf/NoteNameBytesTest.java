package dev.wheeltapper.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class NoteNameBytesTest {

  @Test
  void nameBytesKeepWhatTheOwnerTextLoses() throws Exception {
    // annobin's numeric note: "GA*" 0x02 0x03 0x00 (stack_prot = 3), then a plain GNU note
    byte[] annobin = {'G', 'A', '*', 2, 3, 0};
    ByteBuffer notes = ByteBuffer.allocate(12 + 8 + 12 + 4 + 4).order(ByteOrder.LITTLE_ENDIAN);
    notes.putInt(annobin.length).putInt(0).putInt(0x100).put(annobin).put(new byte[2]);
    notes.putInt(4).putInt(4).putInt(3).put(new byte[] {'G', 'N', 'U', 0}).putInt(0xabcd);
    try (ElfFile elf = ElfFile.of(NoteSectionElf.of(ByteOrder.LITTLE_ENDIAN, ".note.x", notes.array(), 4))) {
      Note first = elf.notes().list().get(0);
      assertThat(first.nameBytes()).containsExactly(annobin);
      assertThat(first.owner()).isEqualTo("GA*\u0002\u0003");
      Note gnu = elf.notes().list().get(1);
      assertThat(gnu.owner()).isEqualTo("GNU");
      assertThat(gnu.nameBytes()).containsExactly('G', 'N', 'U', 0);
      // a copy: the note stays immutable
      gnu.nameBytes()[0] = 'X';
      assertThat(gnu.owner()).isEqualTo("GNU");
      assertThat(gnu.nameBytes()[0]).isEqualTo((byte) 'G');
      assertThat(elf.defects()).isEmpty();
    }
  }
}
