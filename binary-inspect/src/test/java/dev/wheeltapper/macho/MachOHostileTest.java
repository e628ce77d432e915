package dev.wheeltapper.macho;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheeltapper.inspect.BinaryInspection;
import dev.wheeltapper.inspect.BinaryInspector;
import dev.wheeltapper.bytes.ByteSources;
import dev.wheeltapper.bytes.NativeFormat;
import dev.wheeltapper.testsupport.Corpus;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile Mach-O input built by mutating real corpus files: a typed exception or a partial result, never a crash. */
class MachOHostileTest {

  private static byte[] load(String name) throws Exception {
    return Files.readAllBytes(Corpus.corpus("wheels/delocate/binaries/" + name));
  }

  private static MachOFile survive(byte[] b) {
    try {
      MachOFile m = MachOFile.read(ByteSources.of(b));
      List<BinaryInspection> i = BinaryInspector.forPath("x.so").inspect(m);
      assertThat(i).hasSize(m.slices().size());
      i.forEach(x -> assertThat(x.hardening().results()).isNotEmpty());
      return m;
    } catch (MachOFormatException e) {
      assertThat(e.reason()).isNotBlank();
      return null;
    }
  }

  private static ByteBuffer le(byte[] b) {
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static ByteBuffer be(byte[] b) {
    return ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
  }

  @Test
  void everyTruncationIsRejectedOrPartial() throws Exception {
    for (String f : List.of("libextfunc_rpath.dylib", "np-1.24.1_x86_64_random__sfc64.cpython-311-darwin.so")) {
      byte[] full = load(f);
      int accepted = 0;
      for (int n = 0; n < full.length; n += n < 4096 ? 3 : 97) {
        if (survive(java.util.Arrays.copyOf(full, n)) != null) {
          accepted++;
        }
      }
      if (f.startsWith("np")) {
        assertThat(accepted).isPositive(); // a thin file opens once its load commands are in
      }
    }
  }

  @Test
  void randomByteFlipsNeverCrash() throws Exception {
    for (String f : List.of("liba_both.dylib", "np-1.24.1_arm_random__sfc64.cpython-311-darwin.so")) {
      byte[] full = load(f);
      Random rnd = new Random(f.hashCode());
      for (int round = 0; round < 1500; round++) {
        byte[] b = full.clone();
        int flips = 1 + rnd.nextInt(8);
        for (int k = 0; k < flips; k++) {
          int at = rnd.nextInt(3) == 0 ? rnd.nextInt(b.length) : rnd.nextInt(Math.min(b.length, 0x2000));
          b[at] = (byte) rnd.nextInt(256);
        }
        survive(b);
      }
    }
  }

  @Test
  void javaClassFilesAreNotFatMachO() {
    // a Java 8 class file: CAFEBABE, minor 0, major 52
    byte[] cls = {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0, 0, 52, 0, 10, 0, 0};
    assertThat(NativeFormat.detect(cls, cls.length)).isEqualTo(NativeFormat.NONE);
    assertThatThrownBy(() -> MachOFile.read(ByteSources.of(cls))).isInstanceOf(MachOFormatException.class)
        .hasMessageContaining("Java class");
  }

  @Test
  void lyingFatHeaders() throws Exception {
    byte[] b = load("liba_both.dylib");
    byte[] n = b.clone();
    be(n).putInt(4, 1000);
    assertThatThrownBy(() -> MachOFile.read(ByteSources.of(n))).isInstanceOf(MachOFormatException.class)
        .hasMessageContaining("nfat_arch 1000");
    byte[] o = b.clone();
    be(o).putInt(8 + 8, 0x7ffffff0); // first arch offset past the end
    assertThatThrownBy(() -> MachOFile.read(ByteSources.of(o))).isInstanceOf(MachOFormatException.class)
        .hasMessageContaining("runs past the end");
    byte[] h = b.clone();
    be(h).putInt(8 + 8, 0); // an arch overlapping the fat header
    assertThatThrownBy(() -> MachOFile.read(ByteSources.of(h))).isInstanceOf(MachOFormatException.class)
        .hasMessageContaining("overlaps the fat header");
    byte[] same = b.clone();
    // both arches point at the same slice: read twice, flagged as overlapping, cputype disagreement noted
    be(same).putInt(8 + 20 + 8, be(same).getInt(8 + 8));
    be(same).putInt(8 + 20 + 12, be(same).getInt(8 + 12));
    MachOFile m = survive(same);
    assertThat(m.slices()).hasSize(2);
    assertThat(m.defects()).anyMatch(d -> d.contains("overlap")).anyMatch(d -> d.contains("cputype"));
  }

  @Test
  void lyingLoadCommands() throws Exception {
    byte[] b = load("liba.dylib"); // thin x86_64, little-endian, 64-bit header of 32 bytes
    byte[] n = b.clone();
    le(n).putInt(16, 0x7fffffff); // ncmds
    assertThatThrownBy(() -> MachOFile.read(ByteSources.of(n))).isInstanceOf(MachOFormatException.class)
        .hasMessageContaining("ncmds");
    byte[] s = b.clone();
    le(s).putInt(20, 0x7fffffff); // sizeofcmds
    assertThatThrownBy(() -> MachOFile.read(ByteSources.of(s))).isInstanceOf(MachOFormatException.class)
        .hasMessageContaining("sizeofcmds");
    byte[] z = b.clone();
    le(z).putInt(32 + 4, 0); // first cmdsize 0: would loop forever without the check
    assertThatThrownBy(() -> MachOFile.read(ByteSources.of(z))).isInstanceOf(MachOFormatException.class)
        .hasMessageContaining("cmdsize 0");
    // a segment declaring more sections than its command holds: a defect, the rest still read
    byte[] seg = b.clone();
    le(seg).putInt(32 + 64, 100000);
    MachOFile m = survive(seg);
    assertThat(m.slices().get(0).defects()).anyMatch(d -> d.contains("sections"));
    assertThat(m.slices().get(0).dylibs()).isNotEmpty();
  }

  @Test
  void lyingSymbolTableAndStrings() throws Exception {
    byte[] b = load("liba.dylib");
    MachOFile orig = MachOFile.read(ByteSources.of(b));
    MachOSlice s0 = orig.slices().get(0);
    long symtab = s0.loadCommands().stream().filter(c -> c.cmd() == 0x2).findFirst().get().offset();
    byte[] n = b.clone();
    le(n).putInt((int) symtab + 12, 0x7fffffff); // nsyms
    MachOSlice s = survive(n).slices().get(0);
    assertThat(s.undefinedSymbols()).isEmpty();
    assertThat(s.defects()).anyMatch(d -> d.startsWith("symbol table"));
    byte[] str = b.clone();
    le(str).putInt((int) symtab + 20, 4); // strsize: names point outside the string table
    s = survive(str).slices().get(0);
    assertThat(s.defects()).anyMatch(d -> d.contains("outside the string table"));
    long dylib = s0.loadCommands().stream().filter(c -> c.cmd() == 0xc).findFirst().get().offset();
    byte[] d = b.clone();
    le(d).putInt((int) dylib + 8, 0x7fff); // lc_str offset outside the command
    s = survive(d).slices().get(0);
    assertThat(s.dylibs()).hasSize(s0.dylibs().size() - 1);
    assertThat(s.defects()).anyMatch(x -> x.contains("string offset"));
    assertThat(BinaryInspector.forPath("x").inspect(survive(d)).get(0).needed()).hasSize(s0.dylibs().size() - 1);
    assertThat(Optional.of(s.machineLabel())).contains("x86_64");
  }
}
