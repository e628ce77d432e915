package dev.wheeltapper.binary;

import dev.wheeltapper.elf.ElfFile;
import dev.wheeltapper.testing.HardeningFixtures;
import dev.wheeltapper.testing.SharedCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ScratchPrintTest {
  @Test
  void print() throws Exception {
    StringBuilder sb = new StringBuilder();
    for (HardeningFixtures.Fixture f : HardeningFixtures.Fixture.values()) {
      Path p = HardeningFixtures.get(f);
      try (ElfFile elf = ElfFile.open(p)) {
        BinaryInspection i = BinaryInspector.inspectWheelEntry(elf, "pkg/" + p.getFileName());
        sb.append(i.toText()).append(i.findings()).append("\n\n");
      }
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(SharedCorpus.corpus("elf"))) {
      files = s.filter(Files::isRegularFile).filter(x -> x.toString().endsWith(".so")).sorted().collect(Collectors.toList());
    }
    for (Path p : files) {
      try (ElfFile elf = ElfFile.open(p)) {
        BinaryInspection i = BinaryInspector.inspect(elf, p.getParent().getFileName() + "/" + p.getFileName());
        sb.append(i.toText()).append(i.findings()).append("\n\n");
      }
    }
    Files.writeString(Path.of("target/scratch.txt"), sb.toString());
  }
}
