package dev.wheeltapper.pe;

import dev.wheeltapper.report.Codes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.inspect.BinaryInspection;
import dev.wheeltapper.inspect.BinaryInspector;
import dev.wheeltapper.bytes.ByteSources;
import dev.wheeltapper.bytes.NativeFormat;
import dev.wheeltapper.hardening.Hardening;
import dev.wheeltapper.hardening.HardeningCheck;
import dev.wheeltapper.hardening.Status;
import dev.wheeltapper.pe.PeRecords.DataDirectory;
import dev.wheeltapper.pe.PeRecords.Header;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.testing.NativeMembers;
import dev.wheeltapper.testing.Objdump;
import dev.wheeltapper.testsupport.Corpus;
import dev.wheeltapper.toolchain.Binding;
import dev.wheeltapper.toolchain.Language;
import dev.wheeltapper.toolchain.MemorySafety;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The PE reader and checks on every PE binary and wheel member of the delvewheel corpus, with objdump as oracle. */
class PeCorpusTest {

  static List<Path> bareFiles() throws Exception {
    try (Stream<Path> s = Files.walk(Corpus.corpus("wheels/delvewheel/binaries"))) {
      return s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
  }

  private static Path bare(String rel) {
    return Corpus.corpus("wheels/delvewheel/binaries/" + rel);
  }

  private static void agreesWithObjdump(PeFile pe, Objdump o) {
    Header h = pe.header();
    assertThat(h.characteristics()).isEqualTo(o.characteristics());
    assertThat(h.magic()).isEqualTo(o.magic());
    assertThat(h.imageBase()).isEqualTo(o.imageBase());
    assertThat(h.checkSum()).isEqualTo(o.checkSum());
    assertThat(h.dllCharacteristics()).isEqualTo(o.dllCharacteristics());
    // the two headers Header joins, each as the specification lays it out
    assertThat(h.coff().characteristics()).isEqualTo(o.characteristics());
    assertThat(h.optional().dllCharacteristics()).isEqualTo(o.dllCharacteristics());
    assertThat(h.optional().numberOfRvaAndSizes()).isEqualTo(o.directories().size());
    assertThat(h.coff().sizeOfOptionalHeader())
        .isEqualTo(OptionalHeader.fixedSize(h.pe32Plus()) + 8 * o.directories().size());
    assertThat(pe.dataDirectories()).hasSize(o.directories().size());
    for (DataDirectory d : pe.dataDirectories()) {
      assertThat(new long[] {d.address(), d.size()}).as("directory %d", d.index())
          .containsExactly(o.directories().get(d.index()));
    }
    List<String> plain = new ArrayList<>();
    pe.imports().stream().filter(i -> !i.delayLoad()).forEach(i -> plain.add(i.dll()));
    assertThat(plain).isEqualTo(o.dlls());
  }

  @ParameterizedTest
  @MethodSource("bareFiles")
  void everyBareBinaryAgreesWithObjdump(Path file) throws Exception {
    try (PeFile pe = PeFile.open(file)) {
      agreesWithObjdump(pe, Objdump.of(file));
      assertThat(pe.defects()).isEmpty();
      assertThat(pe.richHeader()).isNotEmpty(); // all built with the Microsoft linker
      assertThat(pe.pdbPath()).get().asString().endsWith(".pdb");
      assertThat(NativeFormat.detect(Files.readAllBytes(file), (int) Files.size(file))).isEqualTo(NativeFormat.PE);
    }
  }

  @Test
  void everyWheelMemberAgreesWithObjdumpAndSourcesMd(@TempDir Path tmp) throws Exception {
    List<NativeMembers.Member> members = NativeMembers.pe();
    assertThat(members).hasSizeGreaterThan(100);
    int i = 0;
    for (NativeMembers.Member m : members) {
      Path f = tmp.resolve("m" + i++);
      Files.write(f, m.bytes());
      try (PeFile pe = PeFile.read(ByteSources.of(m.bytes()))) {
        agreesWithObjdump(pe, Objdump.of(f));
        assertThat(pe.defects()).as(m.toString()).isEmpty();
        Header h = pe.header();
        // SOURCES.md: every .pyd is PE32+ 0x0160 except win32 (PE32 0x0140); the .exe files 0x8160
        int expected = h.machine() == 0x14c ? 0x140 : m.entry().endsWith(".exe") ? 0x8160 : 0x160;
        assertThat(h.dllCharacteristics()).as(m.toString()).isEqualTo(expected);
        assertThat(h.pe32Plus()).isEqualTo(h.machine() != 0x14c);
      }
      List<BinaryInspection> ins = BinaryInspector.forPath(m.entry()).inWheel()
          .inspect(new ByteArrayInputStream(m.bytes()), m.bytes().length);
      assertThat(ins).hasSize(1);
      BinaryInspection b = ins.get(0);
      assertThat(b.format()).isEqualTo(NativeFormat.PE);
      assertThat(b.hardening().status(HardeningCheck.ASLR)).isEqualTo(Status.PASS);
      assertThat(b.hardening().status(HardeningCheck.NX)).isEqualTo(Status.PASS);
      assertThat(b.hardening().status(HardeningCheck.RELRO)).isEqualTo(Status.NOT_APPLICABLE);
      assertThat(b.findings()).extracting(Finding::code).doesNotContain(Codes.HARDENING_NO_ASLR);
      assertThat(b.hardening().results()).doesNotContainKey(HardeningCheck.RELRO);
      assertThat(b.hardening().result(HardeningCheck.RELRO).jsonValue()).isNull();
      assertThat(b.hardening().result(HardeningCheck.ASLR).jsonValue()).isEqualTo(true);
    }
  }

  @Test
  void fixedAddressDllHasNoAslr() throws Exception {
    try (PeFile pe = PeFile.open(bare("x64/FixedAddress/simpledll.dll"))) {
      Header h = pe.header();
      assertThat(h.imageBase()).isEqualTo(0x300000000L);
      assertThat(h.relocsStripped()).isTrue();
      assertThat(h.has(Header.DYNAMIC_BASE)).isFalse();
      assertThat(h.dllCharacteristics()).isEqualTo(0x120);
      BinaryInspection b = BinaryInspector.forPath("simpledll.dll").inspect(pe);
      assertThat(b.hardening().status(HardeningCheck.DYNAMIC_BASE)).isEqualTo(Status.FAIL);
      assertThat(b.hardening().status(HardeningCheck.ASLR)).isEqualTo(Status.FAIL);
      assertThat(b.hardening().result(HardeningCheck.RELOCS_STRIPPED).value().label()).isEqualTo("yes");
      // HIGH_ENTROPY_VA is set, but without working ASLR it does nothing (winchecksec's rule)
      assertThat(h.has(Header.HIGH_ENTROPY_VA)).isTrue();
      assertThat(b.hardening().status(HardeningCheck.HIGH_ENTROPY_VA)).isEqualTo(Status.FAIL);
      assertThat(b.findings()).extracting(Finding::code).containsExactly(Codes.HARDENING_NO_ASLR);
      assertThat(b.findings().get(0).message()).contains("0x300000000");
    }
  }

  @Test
  void x86DllIsPe32WithSafeSeh() throws Exception {
    try (PeFile pe = PeFile.open(bare("x86/simpledll.dll"))) {
      assertThat(pe.header().pe32Plus()).isFalse();
      assertThat(pe.header().machineLabel()).isEqualTo("i686");
      BinaryInspection b = BinaryInspector.forPath("simpledll.dll").inspect(pe);
      assertThat(b.bits()).hasValue(32);
      assertThat(b.hardening().status(HardeningCheck.SAFE_SEH)).isEqualTo(Status.PASS);
      assertThat(b.hardening().status(HardeningCheck.HIGH_ENTROPY_VA)).isEqualTo(Status.NOT_APPLICABLE);
      assertThat(b.hardening().status(HardeningCheck.GS)).isEqualTo(Status.PASS);
      assertThat(pe.loadConfig().get().seHandlerCount()).hasValue(1L);
      assertThat(pe.exports()).containsExactly("helloworld");
    }
    try (PeFile pe = PeFile.open(bare("x64/simpledll.dll"))) {
      BinaryInspection b = BinaryInspector.forPath("simpledll.dll").inspect(pe);
      assertThat(b.hardening().status(HardeningCheck.SAFE_SEH)).isEqualTo(Status.NOT_APPLICABLE);
      assertThat(b.hardening().status(HardeningCheck.HIGH_ENTROPY_VA)).isEqualTo(Status.PASS);
      assertThat(b.type()).isEqualTo("dll");
      assertThat(b.symbolVersions()).containsExactly(Map.entry("windows", "6.0"));
    }
    try (PeFile pe = PeFile.open(bare("x64/simpleexe.exe"))) {
      assertThat(pe.header().isDll()).isFalse();
      assertThat(BinaryInspector.forPath("simpleexe.exe").inspect(pe).type()).isEqualTo("exe");
      assertThat(pe.needed()).startsWith("simpledll.dll");
    }
  }

  @Test
  void trailingDataIsAnOverlay() throws Exception {
    for (String f : List.of("trailing_data_1/iKnowEngine.dll", "trailing_data_2/iKnowCore.dll")) {
      try (PeFile pe = PeFile.open(bare(f))) {
        assertThat(pe.overlaySize()).as(f).isEqualTo(10);
        byte[] tail = new byte[10];
        pe.source().read(pe.imageEnd(), tail, 0, 10);
        assertThat(new String(tail, StandardCharsets.US_ASCII)).isEqualTo("extra data");
      }
    }
    try (PeFile pe = PeFile.open(bare("iKnowEngine.dll"))) {
      assertThat(pe.overlaySize()).isZero();
      assertThat(pe.size()).isEqualTo(Files.size(bare("trailing_data_1/iKnowEngine.dll")) - 10);
    }
  }

  private static PeFile member(String wheel, String entrySuffix) throws Exception {
    for (NativeMembers.Member m : NativeMembers.pe()) {
      if (m.wheel().endsWith(wheel) && m.entry().endsWith(entrySuffix)) {
        return PeFile.read(ByteSources.of(m.bytes()));
      }
    }
    throw new AssertionError("no member " + wheel + "!" + entrySuffix);
  }

  @Test
  void authenticodeChecksumAndDependentLoadFlags() throws Exception {
    try (PeFile pe = member("simpleext-0.0.1-0sign-cp312-cp312-win_amd64.whl", ".pyd")) {
      assertThat(pe.header().checkSum()).isEqualTo(0xf913);
      assertThat(pe.certificateTable()).isPresent();
      assertThat(pe.certificateTable().get().certificateType()).hasValue(2); // WIN_CERT_TYPE_PKCS_SIGNED_DATA
      assertThat(pe.certificateTable().get().offset()).isGreaterThanOrEqualTo(pe.imageEnd());
      assertThat(pe.overlaySize()).isZero(); // the certificate table is not an overlay
      BinaryInspection b = BinaryInspector.forPath("x.pyd").inspect(pe);
      assertThat(b.hardening().status(HardeningCheck.AUTHENTICODE)).isEqualTo(Status.PASS);
      assertThat(b.hardening().result(HardeningCheck.AUTHENTICODE).evidence())
          .startsWith("Authenticode valid, signer CN=personalcodesigning@notarealdomain.test");
    }
    try (PeFile pe = member("simpleext-0.0.1-cp312-cp312-win_amd64.whl", ".pyd")) {
      assertThat(pe.certificateTable()).isEmpty();
      assertThat(pe.header().checkSum()).isZero();
    }
    try (PeFile pe = member("simpleext-0.0.1-0checksum-cp312-cp312-win_amd64.whl", ".pyd")) {
      assertThat(pe.header().checkSum()).isEqualTo(0x4446);
    }
    try (PeFile pe = member("simpleext-0.0.1-0dlf-cp312-cp312-win_amd64.whl", ".pyd")) {
      assertThat(pe.loadConfig().get().dependentLoadFlags()).hasValue(0x800);
    }
    try (PeFile pe = member("simpleext-0.0.1-0dlf_cs-cp312-cp312-win_amd64.whl", ".pyd")) {
      assertThat(pe.loadConfig().get().dependentLoadFlags()).hasValue(0x800);
      assertThat(pe.header().checkSum()).isEqualTo(0x4e80);
    }
    try (PeFile pe = PeFile.open(bare("x64/DependentLoadFlags/simpledll.dll"))) {
      assertThat(pe.loadConfig().get().dependentLoadFlags()).isPresent();
    }
  }

  @Test
  void simpleextIsACExtensionAgainstPython() throws Exception {
    try (PeFile pe = member("simpleext/simpleext-0.0.1-cp312-cp312-win_amd64.whl", ".pyd")) {
      assertThat(pe.needed()).contains("python312.dll", "KERNEL32.dll");
      assertThat(pe.exports()).contains("PyInit_simpleext");
      BinaryInspection b = BinaryInspector.forPath("simpleext/simpleext.cp312-win_amd64.pyd").inWheel().inspect(pe);
      assertThat(b.toolchain().compilers().get(0)).startsWith("MSVC linker 14.");
      assertThat(b.toolchain().has(Binding.CAPI)).isTrue();
      assertThat(b.toolchain().memorySafe()).isEqualTo(MemorySafety.NO);
      assertThat(b.needed()).isEqualTo(pe.needed());
    }
  }

  @Test
  void h3ronpyIsRustWithPyo3() throws Exception {
    try (PeFile pe = member("h3ronpy-0.16.0-cp38-abi3-win_amd64.whl", ".pyd")) {
      BinaryInspection b = BinaryInspector.forPath("h3ronpy/h3ronpy.pyd").inWheel().inspect(pe);
      assertThat(b.toolchain().has(Language.RUST)).isTrue();
      assertThat(b.toolchain().evidence(Language.RUST).get().get(0)).contains("/rustc/69f9c33d71c871fc");
      assertThat(b.toolchain().has(Binding.PYO3)).isTrue();
      assertThat(b.needed()).contains("python3.dll");
      assertThat(b.format()).isEqualTo(NativeFormat.PE);
      assertThat(b.bits()).hasValue(64);
      assertThat(b.machine()).isEqualTo("x86_64");
    }
  }
}
