package dev.wheeltapper.elf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.testing.NativeFixtures;
import dev.wheeltapper.testing.NativeFixtures.Fixture;
import dev.wheeltapper.testsupport.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares the reader with {@code readelf -W -h -S -l -d --dyn-syms -V -n}, field by field, on the gcc fixtures and on
 * every real extension module of the shared ELF corpus (7 architectures, both byte orders, both classes).
 */
class ElfReadelfComparisonTest {

  static Stream<Path> binaries() throws IOException {
    List<Path> all = new ArrayList<>();
    for (Fixture f : Fixture.values()) {
      all.add(NativeFixtures.get(f));
    }
    try (Stream<Path> s = Files.walk(Corpus.corpus("elf"))) {
      all.addAll(s.filter(p -> p.getFileName().toString().endsWith(".so")).sorted().collect(Collectors.toList()));
    }
    assertThat(all).hasSizeGreaterThanOrEqualTo(Fixture.values().length + 35);
    return all.stream();
  }

  private static final Map<String, Long> SECTION_TYPES = Map.ofEntries(
      Map.entry("NULL", 0L), Map.entry("PROGBITS", 1L), Map.entry("SYMTAB", 2L), Map.entry("STRTAB", 3L),
      Map.entry("RELA", 4L), Map.entry("HASH", 5L), Map.entry("DYNAMIC", 6L), Map.entry("NOTE", 7L),
      Map.entry("NOBITS", 8L), Map.entry("REL", 9L), Map.entry("DYNSYM", 11L), Map.entry("INIT_ARRAY", 14L),
      Map.entry("FINI_ARRAY", 15L), Map.entry("PREINIT_ARRAY", 16L), Map.entry("GROUP", 17L), Map.entry("RELR", 19L),
      Map.entry("GNU_ATTRIBUTES", 0x6ffffff5L), Map.entry("GNU_HASH", 0x6ffffff6L), Map.entry("VERDEF", 0x6ffffffdL),
      Map.entry("VERNEED", 0x6ffffffeL), Map.entry("VERSYM", 0x6fffffffL), Map.entry("LLVM_ADDRSIG", 0x6fff4c03L),
      Map.entry("MIPS_ABIFLAGS", 0x7000002aL), Map.entry("MIPS_OPTIONS", 0x7000000dL),
      Map.entry("MIPS_REGINFO", 0x70000006L), Map.entry("MIPS_DWARF", 0x7000001eL), Map.entry("ARM_EXIDX", 0x70000001L),
      Map.entry("ARM_ATTRIBUTES", 0x70000003L), Map.entry("X86_64_UNWIND", 0x70000001L),
      Map.entry("RISCV_ATTRIBUTES", 0x70000003L));

  private static final Map<String, Long> SEGMENT_TYPES = Map.ofEntries(
      Map.entry("NULL", 0L), Map.entry("LOAD", 1L), Map.entry("DYNAMIC", 2L), Map.entry("INTERP", 3L),
      Map.entry("NOTE", 4L), Map.entry("SHLIB", 5L), Map.entry("PHDR", 6L), Map.entry("TLS", 7L),
      Map.entry("GNU_EH_FRAME", 0x6474e550L), Map.entry("GNU_STACK", 0x6474e551L), Map.entry("GNU_RELRO", 0x6474e552L),
      Map.entry("GNU_PROPERTY", 0x6474e553L), Map.entry("GNU_SFRAME", 0x6474e554L), Map.entry("ABIFLAGS", 0x70000003L),
      Map.entry("EXIDX", 0x70000001L), Map.entry("REGINFO", 0x70000000L), Map.entry("OPTIONS", 0x70000002L));

  @ParameterizedTest
  @MethodSource("binaries")
  void matchesReadelf(Path file) throws Exception {
    Readelf re = Readelf.of(file);
    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(file).as("file under test").isNotNull();
    System.out.println("comparing with readelf: " + file);
    try (ElfFile elf = ElfFile.open(file)) {
      compareHeader(soft, elf, re);
      compareSections(soft, elf, re);
      compareSegments(soft, elf, re);
      compareDynamic(soft, elf, re);
      compareDynamicSymbols(soft, elf, re);
      compareVersions(soft, elf, re);
      compareNotes(soft, elf, re);
      soft.assertThat(elf.defects()).as("defects of a well-formed file").isEmpty();
    }
    soft.assertAll();
  }

  private static long num(String v) {
    String first = v.split("[ ,]")[0];
    return first.startsWith("0x") ? Readelf.hex(first) : Long.parseLong(first);
  }

  private static void compareHeader(SoftAssertions soft, ElfFile elf, Readelf re) {
    ElfHeader h = elf.header();
    Map<String, String> m = re.header;
    soft.assertThat("ELF" + h.bits()).as("class").isEqualTo(m.get("Class"));
    soft.assertThat(m.get("Data")).as("data").endsWith(h.endianLabel() + " endian");
    soft.assertThat(m.get("Type")).as("type").startsWith(h.type().name() + " ");
    soft.assertThat(h.machine().description()).as("machine").isEqualTo(m.get("Machine"));
    soft.assertThat(h.version()).as("version").isEqualTo(num(m.get("Version")));
    soft.assertThat(h.entry()).as("entry").isEqualTo(num(m.get("Entry point address")));
    soft.assertThat(h.phoff()).as("phoff").isEqualTo(num(m.get("Start of program headers")));
    soft.assertThat(h.shoff()).as("shoff").isEqualTo(num(m.get("Start of section headers")));
    soft.assertThat(h.flags()).as("flags").isEqualTo(num(m.get("Flags")));
    soft.assertThat((long) h.ehsize()).as("ehsize").isEqualTo(num(m.get("Size of this header")));
    soft.assertThat((long) h.phentsize()).as("phentsize").isEqualTo(num(m.get("Size of program headers")));
    soft.assertThat((long) h.phnum()).as("phnum").isEqualTo(num(m.get("Number of program headers")));
    soft.assertThat((long) h.shentsize()).as("shentsize").isEqualTo(num(m.get("Size of section headers")));
    soft.assertThat((long) h.shnum()).as("shnum").isEqualTo(num(m.get("Number of section headers")));
    soft.assertThat((long) h.shstrndx()).as("shstrndx").isEqualTo(num(m.get("Section header string table index")));
  }

  private static String stdFlags(long f) {
    String letters = "WAX?MSILOGTC";
    StringBuilder sb = new StringBuilder();
    for (int bit = 0; bit < letters.length(); bit++) {
      if (letters.charAt(bit) != '?' && (f & (1L << bit)) != 0) {
        sb.append(letters.charAt(bit));
      }
    }
    return sb.toString();
  }

  private static void compareSections(SoftAssertions soft, ElfFile elf, Readelf re) throws ElfFormatException {
    List<Section> ours = elf.sections().list();
    soft.assertThat(ours.size()).as("section count").isEqualTo(re.sections.size());
    for (int i = 0; i < Math.min(ours.size(), re.sections.size()); i++) {
      Section s = ours.get(i);
      Readelf.Shdr r = re.sections.get(i);
      String at = "section " + i + " " + r.name();
      soft.assertThat(s.name()).as(at + " name").isEqualTo(r.name());
      soft.assertThat(SECTION_TYPES).as(at + " readelf type known").containsKey(r.type());
      soft.assertThat(s.rawType()).as(at + " type").isEqualTo(SECTION_TYPES.getOrDefault(r.type(), -1L));
      soft.assertThat(s.address()).as(at + " addr").isEqualTo(r.addr());
      soft.assertThat(s.offset()).as(at + " offset").isEqualTo(r.off());
      soft.assertThat(s.size()).as(at + " size").isEqualTo(r.size());
      soft.assertThat(s.entrySize()).as(at + " entsize").isEqualTo(r.es());
      soft.assertThat(stdFlags(s.flags())).as(at + " flags").isEqualTo(r.flags().replaceAll("[^WAXMSILOGTC]", ""));
      soft.assertThat(s.link()).as(at + " link").isEqualTo(r.link());
      soft.assertThat(s.info()).as(at + " info").isEqualTo(r.info());
      soft.assertThat(s.addressAlignment()).as(at + " align").isEqualTo(r.align());
    }
  }

  private static void compareSegments(SoftAssertions soft, ElfFile elf, Readelf re) throws ElfFormatException {
    List<Segment> ours = elf.segments().list();
    soft.assertThat(ours.size()).as("segment count").isEqualTo(re.segments.size());
    for (int i = 0; i < Math.min(ours.size(), re.segments.size()); i++) {
      Segment s = ours.get(i);
      Readelf.Phdr r = re.segments.get(i);
      String at = "segment " + i + " " + r.type();
      soft.assertThat(SEGMENT_TYPES).as(at + " readelf type known").containsKey(r.type());
      soft.assertThat(s.rawType()).as(at + " type").isEqualTo(SEGMENT_TYPES.getOrDefault(r.type(), -1L));
      soft.assertThat(s.offset()).as(at + " offset").isEqualTo(r.off());
      soft.assertThat(s.virtualAddress()).as(at + " vaddr").isEqualTo(r.vaddr());
      soft.assertThat(s.physicalAddress()).as(at + " paddr").isEqualTo(r.paddr());
      soft.assertThat(s.fileSize()).as(at + " filesz").isEqualTo(r.filesz());
      soft.assertThat(s.memorySize()).as(at + " memsz").isEqualTo(r.memsz());
      soft.assertThat(s.flagString()).as(at + " flags").isEqualTo(r.flags());
      soft.assertThat(s.alignment()).as(at + " align").isEqualTo(r.align());
    }
    soft.assertThat(elf.interpreter().orElse(null)).as("interpreter").isEqualTo(re.interpreter);
  }

  private static void compareDynamic(SoftAssertions soft, ElfFile elf, Readelf re) throws ElfFormatException {
    List<Readelf.Dyn> theirs = re.dynamic.stream().filter(d -> d.tag() != 0).collect(Collectors.toList());
    List<DynamicEntry> ours = elf.dynamic().entries();
    soft.assertThat(ours.size()).as("dynamic count").isEqualTo(theirs.size());
    for (int i = 0; i < Math.min(ours.size(), theirs.size()); i++) {
      DynamicEntry e = ours.get(i);
      Readelf.Dyn r = theirs.get(i);
      String at = "dynamic " + i + " " + r.name();
      long tag = elf.bits() == 32 ? r.tag() & 0xffffffffL : r.tag();
      soft.assertThat(e.rawTag() & (elf.bits() == 32 ? 0xffffffffL : -1L)).as(at + " tag").isEqualTo(tag);
      if (e.tag() != DynamicTag.PROCESSOR_SPECIFIC && e.tag() != DynamicTag.UNKNOWN && e.tag() != DynamicTag.OS_SPECIFIC) {
        soft.assertThat(e.tag().name()).as(at + " name").isEqualTo(r.name().replace("AARCH64_", "AARCH64_"));
      }
      String v = r.value();
      if (v.matches("(Shared library|Library soname|Library rpath|Library runpath): \\[.*\\]")) {
        soft.assertThat(e.string()).as(at + " string").contains(v.substring(v.indexOf('[') + 1, v.lastIndexOf(']')));
      } else if (v.matches("\\d+ \\(bytes\\)") || v.matches("\\d+")) {
        soft.assertThat(e.value()).as(at + " value").isEqualTo(Long.parseLong(v.split(" ")[0]));
      } else if (v.matches("0x[0-9a-f]+")) {
        soft.assertThat(e.value()).as(at + " value").isEqualTo(Readelf.hex(v));
      } else if (e.tag() == DynamicTag.FLAGS) {
        soft.assertThat((e.value() & Dynamic.DF_BIND_NOW) != 0).as(at + " BIND_NOW").isEqualTo(v.contains("BIND_NOW"));
        soft.assertThat((e.value() & Dynamic.DF_TEXTREL) != 0).as(at + " TEXTREL").isEqualTo(v.contains("TEXTREL"));
      } else if (e.tag() == DynamicTag.FLAGS_1) {
        soft.assertThat((e.value() & Dynamic.DF_1_NOW) != 0).as(at + " NOW").isEqualTo(v.matches(".*\\bNOW\\b.*"));
        soft.assertThat((e.value() & Dynamic.DF_1_PIE) != 0).as(at + " PIE").isEqualTo(v.contains("PIE"));
      } else if (e.tag() == DynamicTag.PLTREL) {
        soft.assertThat(e.value()).as(at + " PLTREL").isEqualTo(v.equals("RELA") ? 7L : 17L);
      }
    }
  }

  private static String typeName(Symbol s) {
    switch (s.type()) {
      case GNU_IFUNC:
        return "IFUNC";
      case UNKNOWN:
        return "?";
      default:
        return s.type().name();
    }
  }

  private static void compareDynamicSymbols(SoftAssertions soft, ElfFile elf, Readelf re) throws ElfFormatException {
    List<Symbol> ours = elf.dynamicSymbols().list();
    soft.assertThat(ours.size()).as("dynsym count").isEqualTo(re.dynsyms.size());
    if (re.dynsymDeclared >= 0) {
      soft.assertThat(ours.size()).as("dynsym declared count").isEqualTo(re.dynsymDeclared);
    }
    for (int i = 0; i < Math.min(ours.size(), re.dynsyms.size()); i++) {
      Symbol s = ours.get(i);
      Readelf.Sym r = re.dynsyms.get(i);
      String at = "dynsym " + i + " " + r.name();
      soft.assertThat(s.index()).as(at + " index").isEqualTo(r.index());
      soft.assertThat(s.value()).as(at + " value").isEqualTo(r.value());
      soft.assertThat(s.size()).as(at + " size").isEqualTo(r.size().startsWith("0x") ? Readelf.hex(r.size()) : Long.parseLong(r.size()));
      soft.assertThat(typeName(s)).as(at + " type").isEqualTo(r.type());
      soft.assertThat(s.binding() == SymbolBinding.GNU_UNIQUE ? "UNIQUE" : s.binding().name()).as(at + " bind").isEqualTo(r.bind());
      soft.assertThat(s.visibility().name()).as(at + " vis").isEqualTo(r.vis());
      String ndx = s.sectionIndex() == Symbol.SHN_UNDEF ? "UND" : s.sectionIndex() == Symbol.SHN_ABS ? "ABS"
          : s.sectionIndex() == Symbol.SHN_COMMON ? "COM" : String.valueOf(s.sectionIndex());
      soft.assertThat(ndx).as(at + " ndx").isEqualTo(r.ndx());
      String name = r.name().replaceAll(" \\(\\d+\\)$", "");
      if (s.type() == SymbolType.SECTION && s.name().isEmpty()) {
        // readelf prints the section's name for an unnamed STT_SECTION symbol
        soft.assertThat(elf.sections().at(s.sectionIndex()).map(Section::name)).as(at + " section name").contains(name);
      } else if (!name.contains("@") && s.version().isPresent() && s.version().get().equals(s.name())) {
        // readelf leaves out the version of a version-name symbol (an ABS symbol named like its own version)
        soft.assertThat(s.name()).as(at + " name").isEqualTo(name);
      } else {
        soft.assertThat(s.versionedName()).as(at + " versioned name").isEqualTo(name);
      }
    }
  }

  private static void compareVersions(SoftAssertions soft, ElfFile elf, Readelf re) throws ElfFormatException {
    List<VersionNeed> needs = elf.versionRequirements().needs();
    soft.assertThat(needs.size()).as("verneed count").isEqualTo(re.needs.size());
    for (int i = 0; i < Math.min(needs.size(), re.needs.size()); i++) {
      VersionNeed n = needs.get(i);
      Readelf.Need r = re.needs.get(i);
      soft.assertThat(n.library()).as("verneed " + i + " file").isEqualTo(r.file());
      soft.assertThat(n.versions()).as("verneed " + i + " cnt").hasSize(r.cnt());
      for (int j = 0; j < Math.min(n.versions().size(), r.aux().size()); j++) {
        RequiredVersion v = n.versions().get(j);
        String[] a = r.aux().get(j);
        soft.assertThat(v.name()).as("vernaux name").isEqualTo(a[0]);
        soft.assertThat(v.isWeak()).as("vernaux weak " + v.name()).isEqualTo(a[1].contains("WEAK"));
        soft.assertThat(v.index()).as("vernaux index " + v.name()).isEqualTo(Integer.parseInt(a[2]));
      }
    }
    List<VersionDefinition> defs = elf.versionDefinitions();
    soft.assertThat(defs.size()).as("verdef count").isEqualTo(re.defs.size());
    for (int i = 0; i < Math.min(defs.size(), re.defs.size()); i++) {
      VersionDefinition d = defs.get(i);
      Readelf.Def r = re.defs.get(i);
      soft.assertThat(d.name()).as("verdef name").isEqualTo(r.name());
      soft.assertThat(d.index()).as("verdef index").isEqualTo(r.index());
      soft.assertThat(d.revision()).as("verdef rev").isEqualTo(r.rev());
      soft.assertThat(d.isBase()).as("verdef base").isEqualTo(r.flags().contains("BASE"));
      soft.assertThat(d.parents().size() + 1).as("verdef cnt").isEqualTo(r.cnt());
      soft.assertThat(d.parents()).as("verdef parents").isEqualTo(r.parents());
    }
    if (!re.versym.isEmpty()) {
      List<Symbol> syms = elf.dynamicSymbols().list();
      soft.assertThat(re.versym).as("versym count").hasSize(syms.size());
      for (int i = 0; i < Math.min(syms.size(), re.versym.size()); i++) {
        String v = re.versym.get(i);
        String name = v.substring(v.indexOf(' ') + 1);
        boolean none = name.equals("*local*") || name.equals("*global*");
        soft.assertThat(syms.get(i).version().orElse("")).as("versym " + i).isEqualTo(none ? "" : name);
        if (!none) {
          soft.assertThat(syms.get(i).hidden()).as("versym hidden " + i).isEqualTo(v.split(" ")[0].endsWith("h"));
        }
      }
    }
  }

  private static void compareNotes(SoftAssertions soft, ElfFile elf, Readelf re) throws ElfFormatException {
    List<Note> ours = elf.notes().list();
    soft.assertThat(ours.size()).as("note count").isEqualTo(re.notes.size());
    for (int i = 0; i < Math.min(ours.size(), re.notes.size()); i++) {
      Note n = ours.get(i);
      Readelf.NoteLine r = re.notes.get(i);
      String at = "note " + i + " " + r.description();
      soft.assertThat(n.source()).as(at + " section").isEqualTo(r.section());
      soft.assertThat(n.owner()).as(at + " owner").isEqualTo(r.owner());
      soft.assertThat((long) n.descriptorSize()).as(at + " size").isEqualTo(r.size());
      String d = r.description();
      if (n.isGnu(Note.NT_GNU_BUILD_ID)) {
        soft.assertThat(d).as(at).startsWith("NT_GNU_BUILD_ID").endsWith("Build ID: " + n.descriptorHex());
      } else if (n.isGnu(Note.NT_GNU_ABI_TAG)) {
        soft.assertThat(d).as(at).startsWith("NT_GNU_ABI_TAG");
        AbiTag t = elf.notes().abiTag().orElseThrow();
        soft.assertThat(d).as(at).contains("OS: " + t.osName() + ", ABI: " + t.major() + "." + t.minor() + "." + t.patch());
      } else if (n.isGnu(Note.NT_GNU_PROPERTY_TYPE_0)) {
        soft.assertThat(d).as(at).startsWith("NT_GNU_PROPERTY_TYPE_0");
        GnuProperties p = elf.notes().gnuProperties();
        if (elf.machine() == Machine.X86_64 || elf.machine() == Machine.I386) {
          String feature = d.replaceAll(".*x86 feature: ([A-Z, ]*).*", "$1");
          boolean listed = d.contains("x86 feature: ");
          soft.assertThat(p.ibt()).as(at + " IBT").isEqualTo(listed && feature.contains("IBT"));
          soft.assertThat(p.shstk()).as(at + " SHSTK").isEqualTo(listed && feature.contains("SHSTK"));
          soft.assertThat(p.x86IsaNeeded().isPresent()).as(at + " ISA needed").isEqualTo(d.contains("x86 ISA needed"));
        }
        if (elf.machine() == Machine.AARCH64) {
          soft.assertThat(p.bti()).as(at + " BTI").isEqualTo(d.contains("BTI"));
          soft.assertThat(p.pac()).as(at + " PAC").isEqualTo(d.contains("PAC"));
        }
      } else if (n.owner().equals("FDO") && n.type() == Note.NT_FDO_PACKAGING_METADATA) {
        soft.assertThat(d).as(at).isEqualTo("FDO_PACKAGING_METADATA\t    Packaging Metadata: "
            + elf.notes().packageMetadata().orElseThrow());
      } else if (n.owner().equals("Go") && n.type() == Note.NT_GO_BUILDID) {
        soft.assertThat(d.replaceAll("\\s+", " ")).as(at).startsWith("GO BUILDID description data:");
      } else if (n.isGnu(Note.NT_GNU_GOLD_VERSION)) {
        soft.assertThat(d).as(at).startsWith("NT_GNU_GOLD_VERSION");
      }
    }
  }
}
