package dev.wheeltapper.inspect;

import dev.wheeltapper.inspect.BinaryInspection;
import dev.wheeltapper.inspect.BinaryInspector;
import dev.wheeltapper.bytes.NativeFormat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheeltapper.macho.MachOFormatException;
import dev.wheeltapper.pe.PeFormatException;
import dev.wheeltapper.testsupport.Corpus;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The format-neutral entry points pick the reader by magic number. */
class BinaryInspectorFormatsTest {

  @Test
  void eachFormatGoesToItsReader() throws Exception {
    Path elf;
    try (Stream<Path> s = Files.walk(Corpus.corpus("elf/debian-bookworm-amd64"))) {
      elf = s.filter(p -> p.getFileName().toString().endsWith(".so") || p.getFileName().toString().contains(".so."))
          .filter(Files::isRegularFile).sorted().findFirst().orElseThrow();
    }
    List<BinaryInspection> e = BinaryInspector.forPath("x.so").inspect(elf);
    assertThat(e).singleElement().extracting(BinaryInspection::format).isEqualTo(NativeFormat.ELF);
    Path pe = Corpus.corpus("wheels/delvewheel/binaries/x86/simpledll.dll");
    assertThat(BinaryInspector.forPath("a.dll").inspect(pe)).singleElement()
        .satisfies(b -> assertThat(b.machine()).isEqualTo("i686"));
    Path fat = Corpus.corpus("wheels/delocate/binaries/np-1.6.0_intel_lib__compiled_base.so");
    byte[] bytes = Files.readAllBytes(fat);
    List<BinaryInspection> m = BinaryInspector.forPath("numpy/lib/_compiled_base.so").inWheel()
        .inspect(new ByteArrayInputStream(bytes), bytes.length);
    assertThat(m).extracting(BinaryInspection::machine).containsExactly("x86_64", "i386");
    assertThat(m).extracting(BinaryInspection::path).containsOnly("numpy/lib/_compiled_base.so");
  }

  @Test
  void otherFilesGiveNothing(@TempDir Path tmp) throws Exception {
    Path text = Files.writeString(tmp.resolve("a.py"), "print('hello')\n");
    assertThat(BinaryInspector.forPath("a.py").inspect(text)).isEmpty();
    Path empty = Files.write(tmp.resolve("e"), new byte[0]);
    assertThat(BinaryInspector.forPath("e").inspect(empty)).isEmpty();
    byte[] cls = {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0, 0, 61, 0, 0};
    assertThat(BinaryInspector.forPath("A.class").inWheel()
        .inspect(new ByteArrayInputStream(cls), cls.length)).isEmpty();
  }

  @Test
  void brokenBinariesThrowTheirFormatsException() throws Exception {
    byte[] pe = Files.readAllBytes(Corpus.corpus("wheels/delvewheel/binaries/x64/simpledll.dll"));
    byte[] cut = Arrays.copyOf(pe, 0x120); // the headers but not the section table
    assertThatThrownBy(() -> BinaryInspector.forPath("x.dll").inWheel()
        .inspect(new ByteArrayInputStream(cut), cut.length))
        .isInstanceOf(PeFormatException.class);
    byte[] mo = Files.readAllBytes(Corpus.corpus("wheels/delocate/binaries/liba_both.dylib"));
    byte[] head = Arrays.copyOf(mo, 64);
    assertThatThrownBy(() -> BinaryInspector.forPath("x").inWheel()
        .inspect(new ByteArrayInputStream(head), head.length))
        .isInstanceOf(MachOFormatException.class);
    // a stream that lies about its size is an I/O error, not a format error
    assertThatThrownBy(() -> BinaryInspector.forPath("x").inWheel()
        .inspect(new ByteArrayInputStream(pe), pe.length + 1L))
        .isInstanceOf(java.io.EOFException.class);
  }
}
