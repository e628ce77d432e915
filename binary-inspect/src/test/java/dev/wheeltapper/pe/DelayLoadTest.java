package dev.wheeltapper.pe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.bytes.ByteSources;
import dev.wheeltapper.pe.PeRecords.Import;
import dev.wheeltapper.pe.PeRecords.Section;
import dev.wheeltapper.testsupport.Corpus;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Delay-load imports. No corpus binary has any, so a real DLL is given one: a delay-load descriptor written into the
 * slack at the end of a section's raw data, naming the DLL and lookup table of its first ordinary import.
 */
class DelayLoadTest {

  private static byte[] withDelayLoad(boolean rvaBased) throws Exception {
    byte[] b = Files.readAllBytes(Corpus.corpus("wheels/delvewheel/binaries/x64/simpledll.dll"));
    PeFile pe = PeFile.read(ByteSources.of(b));
    Section slack = pe.sections().stream().filter(s -> s.sizeOfRawData() - s.virtualSize() >= 80).findFirst()
        .orElseThrow();
    long start = (slack.virtualSize() + 7) & ~7L;
    long rva = slack.virtualAddress() + start;
    int off = (int) (slack.pointerToRawData() + start);
    ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    int imp = (int) (long) pe.rvaToOffset(pe.directory(PeRecords.DataDirectory.IMPORT).get().address()).get();
    long ilt = le.getInt(imp) & 0xffffffffL;
    long name = le.getInt(imp + 12) & 0xffffffffL;
    long iat = le.getInt(imp + 16) & 0xffffffffL;
    long base = rvaBased ? 0 : pe.header().imageBase(); // Visual C++ 6 wrote virtual addresses
    le.putInt(off, rvaBased ? 1 : 0);
    le.putInt(off + 4, (int) (name + base));
    le.putInt(off + 12, (int) (iat + base));
    le.putInt(off + 16, (int) (ilt + base));
    for (int i = 32; i < 64; i++) {
      b[off + i] = 0; // the terminating descriptor
    }
    int opt = le.getInt(0x3c) + 24;
    le.putInt(opt + 112 + 8 * 13, (int) rva);
    le.putInt(opt + 112 + 8 * 13 + 4, 64);
    return b;
  }

  @Test
  void delayLoadedDllsAreListedAfterTheImportTable() throws Exception {
    for (boolean rvaBased : new boolean[] {true, false}) {
      byte[] b = withDelayLoad(rvaBased);
      PeFile plain = PeFile.open(Corpus.corpus("wheels/delvewheel/binaries/x64/simpledll.dll"));
      PeFile pe = PeFile.read(ByteSources.of(b));
      Import first = pe.imports().get(0);
      Import last = pe.imports().get(pe.imports().size() - 1);
      assertThat(pe.defects()).isEmpty();
      assertThat(pe.imports()).hasSize(plain.imports().size() + 1);
      assertThat(last.delayLoad()).isTrue();
      assertThat(last.dll()).isEqualTo(first.dll()).isEqualTo("VCRUNTIME140.dll");
      assertThat(last.functions()).isEqualTo(first.functions());
      assertThat(pe.needed()).isEqualTo(plain.needed()); // the same DLL, listed once
      assertThat(pe.defects()).isEmpty();
      plain.close();
    }
  }
}
