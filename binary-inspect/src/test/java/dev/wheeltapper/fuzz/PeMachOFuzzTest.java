package dev.wheeltapper.fuzz;

import dev.wheeltapper.testsupport.Accessors;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wheeltapper.inspect.BinaryInspection;
import dev.wheeltapper.inspect.BinaryInspector;
import dev.wheeltapper.bytes.ByteSources;
import dev.wheeltapper.macho.MachOFile;
import dev.wheeltapper.macho.MachOFormatException;
import dev.wheeltapper.macho.MachOSlice;
import dev.wheeltapper.pe.Authenticode;
import dev.wheeltapper.pe.PeFile;
import dev.wheeltapper.pe.PeFormatException;
import dev.wheeltapper.policy.BinaryLinkage;

/**
 * Fuzz targets for the PE and Mach-O readers, as {@link ElfFuzzTest} does for ELF: open arbitrary bytes, call every
 * accessor, inspect, verify Authenticode, take the abi3 linkage. Documented outcomes: a value, {@link
 * PeFormatException} or {@link MachOFormatException}. Seeds: one small DLL and one dylib of the shared corpus (see
 * {@code PeMachOFuzzTestInputs/SOURCES.md}).
 */
class PeMachOFuzzTest {

  @FuzzTest
  void pe(byte[] bytes) throws Exception {
    try (PeFile pe = PeFile.read(ByteSources.of(bytes))) {
      Accessors.touch(pe, PeFormatException.class);
      Accessors.touch(pe.header());
      BinaryInspection i = BinaryInspector.forPath("fuzz/_x.pyd").inspect(pe);
      i.toString();
      assertThat(Authenticode.verify(pe)).isNotNull();
      BinaryLinkage.ofPe(pe, "fuzz/_x.pyd");
    } catch (PeFormatException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @FuzzTest
  void macho(byte[] bytes) throws Exception {
    try (MachOFile m = MachOFile.read(ByteSources.of(bytes))) {
      Accessors.touch(m, MachOFormatException.class);
      for (MachOSlice s : m.slices()) {
        Accessors.touch(s, MachOFormatException.class);
        BinaryLinkage.ofMachO(s, "fuzz/_x.so");
      }
      for (BinaryInspection i : BinaryInspector.forPath("fuzz/_x.so").inspect(m)) {
        i.toString();
      }
    } catch (MachOFormatException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
