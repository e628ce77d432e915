package dev.wheeltapper.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.inspect.BinaryInspector;
import dev.wheeltapper.bytes.ByteSources;
import dev.wheeltapper.pe.PeFile;
import dev.wheeltapper.pe.PeRecords.Section;
import dev.wheeltapper.testsupport.Corpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** PE toolchain rules beyond the corpus: a MinGW producer string written into a real DLL's read-only data. */
class PeToolchainTest {

  @Test
  void gccAndClangProducerStringsAreCompilers() throws Exception {
    byte[] b = Files.readAllBytes(Corpus.corpus("wheels/delvewheel/binaries/x64/simpledll.dll"));
    PeFile orig = PeFile.read(ByteSources.of(b));
    assertThat(orig.producerStrings()).isEmpty(); // MSVC leaves none
    Section rdata = orig.sections().stream().filter(s -> s.name().equals(".rdata")).findFirst().orElseThrow();
    assertThat(rdata.sizeOfRawData() - rdata.virtualSize()).isGreaterThan(120);
    String gcc = "GCC: (x86_64-posix-seh-rev0, Built by MinGW-W64 project) 8.1.0";
    String clang = "clang version 17.0.6";
    int at = (int) (rdata.pointerToRawData() + rdata.virtualSize());
    byte[] g = (gcc + "\0" + clang + "\0" + gcc + "\0").getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(g, 0, b, at, g.length);
    PeFile pe = PeFile.read(ByteSources.of(b));
    assertThat(pe.producerStrings()).containsExactly(gcc, clang);
    assertThat(BinaryInspector.forPath("x.dll").inspect(pe).toolchain().compilers()).contains(gcc, clang)
        .anyMatch(c -> c.startsWith("MSVC linker 14."));
  }
}
