package dev.wheeltapper.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.bytes.ByteSources;
import dev.wheeltapper.elf.ElfFile;
import dev.wheeltapper.elf.ElfLimits;
import dev.wheeltapper.testsupport.GeneratedElf;
import dev.wheeltapper.testsupport.ResidentMemory;
import dev.wheeltapper.toolchain.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: the whole inspection of a binary mapped from a spilled file reads every name of a 36 MB string table
 * without making it resident in the process (it was read through the mapping, so its pages stayed resident until the
 * file was closed: 583 MiB for tensorflow's {@code libtensorflow_cc.so.2}, more than the launcher's whole heap).
 */
class ResidentInspectionTest {
  private static final int SYMBOLS = 300_000;
  private static final int NAME_LENGTH = 120;

  @Test
  void aLargeStringTableIsReadWithoutBecomingResident(@TempDir Path tmp) throws IOException {
    Path file = Files.write(tmp.resolve("libnames.so"), GeneratedElf.sharedObject(false, SYMBOLS, 2, NAME_LENGTH, 0));
    long namesKib = (long) SYMBOLS * (NAME_LENGTH + 1) / 1024;
    try (ElfFile elf = ElfFile.of(ByteSources.mapUntilClosed(file), ElfLimits.defaults())) {
      BinaryInspection b = BinaryInspector.forPath("libnames.so").inspect(elf);
      // every name was read: the C++ evidence counts all 300,000 mangled names, and the last (after the null symbol)
      // decodes whole
      assertThat(b.toolchain().evidence(Language.CXX)).hasValueSatisfying(
          e -> assertThat(String.join(" ", e)).contains("300000"));
      assertThat(elf.symbolTable().list().get(SYMBOLS).name())
          .isEqualTo(("_ZN9wheeltap" + (SYMBOLS - 1) + "x".repeat(NAME_LENGTH)).substring(0, NAME_LENGTH));
      long symbolEntriesKib = 24L * SYMBOLS / 1024; // the 24-byte entries stay views of the mapping
      assertThat(ResidentMemory.kibMappedFrom(file)).as("resident KiB of the mapping, names %d KiB", namesKib)
          .isLessThan(symbolEntriesKib + 1024);
    }
  }
}
