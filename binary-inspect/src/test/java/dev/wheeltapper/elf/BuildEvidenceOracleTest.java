package dev.wheeltapper.elf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.dwarf.CompilationUnit;
import dev.wheeltapper.isa.EntryMarker;
import dev.wheeltapper.testing.EvidenceFixtures;
import dev.wheeltapper.testing.EvidenceFixtures.Fixture;
import dev.wheeltapper.testing.HardeningFixtures;
import dev.wheeltapper.testing.WheelElfMembers;
import dev.wheeltapper.testsupport.Corpus;
import dev.wheeltapper.testsupport.Oracles;
import dev.wheeltapper.testsupport.Oracles.Oracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The evidence readers against binutils: every unit's {@code DW_AT_producer} and {@code DW_AT_language} against
 * {@code readelf --debug-dump=info --dwarf-depth=1} (which decompresses zlib and zstd sections itself), on the
 * evidence fixtures, the corpus ELF files and the ELF members of the corpus wheels; and the first instruction of every
 * exported function against {@code objdump -d} on the x86-64 fixtures.
 */
class BuildEvidenceOracleTest {
  private static final Pattern UNIT = Pattern.compile("^\\s*Compilation Unit @ offset (0x[0-9a-f]+|\\d+):");
  /** With {@code -W} readelf names the form first: {@code (strp) (offset: 0xe0): GNU C17 ...}, {@code (string) ...}. */
  private static final Pattern PRODUCER = Pattern.compile("^\\s*<[0-9a-f]+>\\s+DW_AT_producer\\s*:\\s*"
      + "\\([a-z_0-9]+\\) (?:\\((?:offset|index): [0-9a-fx]+\\): )?(.*)$");
  private static final Pattern LANGUAGE = Pattern.compile(
      "^\\s*<[0-9a-f]+>\\s+DW_AT_language\\s*:\\s*\\([a-z_0-9]+\\)\\s*(\\d+)\\s");

  static Stream<Arguments> files() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (Fixture f : Fixture.values()) {
      out.add(Arguments.of(Named.of("evidence/" + f.output(), EvidenceFixtures.get(f))));
    }
    try (Stream<Path> s = Files.walk(Corpus.corpus("elf"))) {
      s.filter(p -> p.toString().endsWith(".so")).sorted()
          .forEach(p -> out.add(Arguments.of(Named.of("corpus/" + Corpus.corpus("elf").relativize(p), p))));
    }
    for (WheelElfMembers.Member m : WheelElfMembers.all()) {
      out.add(Arguments.of(Named.of(m.wheel() + "!" + m.entry(), m.file())));
    }
    return out.stream();
  }

  /** Each unit's producer and language as readelf prints them, by unit offset. */
  private static Map<Long, String> readelfUnits(Path file) {
    String text = HardeningFixtures.run(List.of("readelf", "--debug-dump=info", "--dwarf-depth=1", "-W",
        file.toString()), file.getParent(), Map.of());
    Map<Long, String> out = new LinkedHashMap<>();
    long unit = -1;
    String producer = "-";
    String language = "-";
    for (String line : text.split("\n")) {
      Matcher u = UNIT.matcher(line);
      if (u.find()) {
        if (unit >= 0) {
          out.put(unit, producer + " | " + language);
        }
        unit = Long.decode(u.group(1));
        producer = "-";
        language = "-";
        continue;
      }
      Matcher p = PRODUCER.matcher(line);
      if (p.find() && producer.equals("-")) {
        producer = p.group(1).strip();
      }
      Matcher l = LANGUAGE.matcher(line);
      if (l.find() && language.equals("-")) {
        language = l.group(1);
      }
    }
    if (unit >= 0) {
      out.put(unit, producer + " | " + language);
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("files")
  void producersAndLanguagesMatchReadelf(Path file) throws IOException {
    Oracles.require(Oracle.READELF);
    Map<Long, String> ours = new LinkedHashMap<>();
    try (ElfFile elf = ElfFile.open(file)) {
      var cus = elf.compilationUnits();
      assertThat(cus.unreadable()).as("units we could not read").isEmpty();
      assertThat(cus.truncated()).as("walk stopped: %s", cus.stopReason()).isFalse();
      for (CompilationUnit cu : cus.units()) {
        ours.put(cu.offset(), cu.producer().map(String::strip).orElse("-") + " | "
            + (cu.language().isPresent() ? Integer.toString(cu.language().getAsInt()) : "-"));
      }
    }
    assertThat(ours).isEqualTo(readelfUnits(file));
  }

  static Stream<Arguments> x86Fixtures() {
    // objdump labels functions from .symtab only: the stripped fixture has none to compare
    return Stream.of(Fixture.values()).filter(f -> !f.output().startsWith("aarch64") && f != Fixture.GCC_SWITCHES)
        .map(f -> Arguments.of(Named.of(f.output(), EvidenceFixtures.get(f))));
  }

  @ParameterizedTest
  @MethodSource("x86Fixtures")
  void entryMarkersMatchObjdump(Path file) throws IOException {
    Oracles.require(Oracle.OBJDUMP);
    String text = HardeningFixtures.run(List.of("objdump", "-d", "--no-show-raw-insn", file.toString()),
        file.getParent(), Map.of());
    Map<Long, String> first = new LinkedHashMap<>(); // by address: objdump labels one alias of several
    String[] lines = text.split("\n");
    Pattern start = Pattern.compile("^([0-9a-f]+) <([^>]+)>:$");
    for (int i = 0; i + 1 < lines.length; i++) {
      Matcher m = start.matcher(lines[i]);
      if (m.find()) {
        String[] insn = lines[i + 1].split("\t");
        String mnemonic = insn.length > 1 ? insn[1].strip().split("\\s+")[0] : "";
        first.put(Long.parseUnsignedLong(m.group(1), 16), mnemonic);
      }
    }
    List<FunctionEntry> exported;
    try (ElfFile elf = ElfFile.open(file)) {
      exported = elf.functionEntries().exported();
    }
    assertThat(exported).isNotEmpty();
    for (FunctionEntry f : exported) {
      assertThat(first).as("objdump labels %s", f.name()).containsKey(f.address());
      assertThat(f.prologue().marker() == EntryMarker.ENDBR64).as(f.name())
          .isEqualTo(first.get(f.address()).equals("endbr64"));
    }
  }
}
