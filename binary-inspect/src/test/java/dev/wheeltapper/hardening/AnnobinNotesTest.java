package dev.wheeltapper.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.elf.ElfFile;
import dev.wheeltapper.elf.NoteSectionElf;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The annobin interpretation, over notes read by the {@code elf} reader from a minimal file. */
class AnnobinNotesTest {

  /** The annobin notes of a file whose {@code .gnu.build.attributes} holds {@code section}. */
  private static List<AnnobinNote> parse(byte[] section, ByteOrder order, int max) throws Exception {
    return parse(AnnobinNotes.SECTION, section, order, max);
  }

  private static List<AnnobinNote> parse(String name, byte[] section, ByteOrder order, int max) throws Exception {
    try (ElfFile elf = ElfFile.of(NoteSectionElf.of(order, name, section, 4))) {
      return AnnobinNotes.of(elf.notes(), max);
    }
  }

  /** One note: header in the given order, name and descriptor padded to 4. */
  private static byte[] note(ByteOrder order, byte[] name, int descsz, int type) {
    int nameLen = (name.length + 3) & ~3;
    int descLen = (descsz + 3) & ~3;
    ByteBuffer b = ByteBuffer.allocate(12 + nameLen + descLen).order(order);
    b.putInt(name.length).putInt(descsz).putInt(type).put(name);
    return b.array();
  }

  private static byte[] name(String prefix, byte... tail) {
    byte[] p = prefix.getBytes(StandardCharsets.ISO_8859_1);
    byte[] out = Arrays.copyOf(p, p.length + tail.length);
    System.arraycopy(tail, 0, out, p.length, tail.length);
    return out;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      o.writeBytes(p);
    }
    return o.toByteArray();
  }

  @Test
  void readsVersionBooleanAndNumericNotes() throws Exception {
    byte[] section = concat(
        // numpy's assembler-only note: 08000000 10000000 00010000 "GA$\x01" "3a1\0", 16-byte descriptor
        note(ByteOrder.LITTLE_ENDIAN, name("GA$", (byte) 1, (byte) '3', (byte) 'a', (byte) '1', (byte) 0), 16, 0x100),
        note(ByteOrder.LITTLE_ENDIAN, name("GA+stack_clash", (byte) 0), 0, 0x100),
        note(ByteOrder.LITTLE_ENDIAN, name("GA*FORTIFY", (byte) 0, (byte) 2, (byte) 0), 0, 0x101),
        note(ByteOrder.LITTLE_ENDIAN, name("GA*", (byte) 2, (byte) 3, (byte) 0), 0, 0x100),
        note(ByteOrder.LITTLE_ENDIAN, name("GNU", (byte) 0), 4, 3));
    List<AnnobinNote> notes = parse(section, ByteOrder.LITTLE_ENDIAN, 100);
    assertThat(notes).containsExactly(new AnnobinNote('$', "1", "3a1"), new AnnobinNote('+', "stack_clash", ""),
        new AnnobinNote('*', "FORTIFY", "2"), new AnnobinNote('*', "2", "3"));
  }

  @Test
  void bigEndianHeadersAndOnlyTheAnnobinSection() throws Exception {
    byte[] section = note(ByteOrder.BIG_ENDIAN, name("GA!GLIBCXX_ASSERTIONS", (byte) 0), 0, 0x100);
    assertThat(parse(section, ByteOrder.BIG_ENDIAN, 10)).containsExactly(
        new AnnobinNote('!', "GLIBCXX_ASSERTIONS", ""));
    // the same note in another note section, or with another type, is not annobin's
    assertThat(parse(".note.other", section, ByteOrder.BIG_ENDIAN, 10)).isEmpty();
    byte[] otherType = note(ByteOrder.BIG_ENDIAN, name("GA!GLIBCXX_ASSERTIONS", (byte) 0), 0, 3);
    assertThat(parse(otherType, ByteOrder.BIG_ENDIAN, 10)).isEmpty();
  }

  @Test
  void hostileBytesEndTheWalkWithoutThrowing() throws Exception {
    byte[] good = note(ByteOrder.LITTLE_ENDIAN, name("GA+stack_clash", (byte) 0), 0, 0x100);
    for (int cut = 0; cut < good.length; cut++) {
      assertThat(parse(Arrays.copyOf(good, cut), ByteOrder.LITTLE_ENDIAN, 10)).isEmpty();
    }
    ByteBuffer huge = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    huge.putInt(0x7fffffff).putInt(0xffffffff).putInt(0x100).put("GA+x".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(parse(huge.array(), ByteOrder.LITTLE_ENDIAN, 10)).isEmpty();
    // a good note followed by a lying one keeps the good one
    assertThat(parse(concat(good, huge.array()), ByteOrder.LITTLE_ENDIAN, 10)).hasSize(1);
    // names that are not annobin's, and a cap on the count
    assertThat(parse(note(ByteOrder.LITTLE_ENDIAN, name("GAxy", (byte) 0), 0, 0x100), ByteOrder.LITTLE_ENDIAN, 10))
        .isEmpty();
    assertThat(parse(concat(good, good, good), ByteOrder.LITTLE_ENDIAN, 2)).hasSize(2);
    assertThat(parse(new byte[0], ByteOrder.LITTLE_ENDIAN, 10)).isEmpty();
  }
}
