package dev.wheeltapper.macho;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.inspect.BinaryInspection;
import dev.wheeltapper.inspect.BinaryInspector;
import dev.wheeltapper.bytes.ByteSources;
import dev.wheeltapper.bytes.NativeFormat;
import dev.wheeltapper.hardening.HardeningCheck;
import dev.wheeltapper.hardening.RpathKind;
import dev.wheeltapper.hardening.Status;
import dev.wheeltapper.macho.MachORecords.BuildVersion;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.testing.NativeMembers;
import dev.wheeltapper.testsupport.Corpus;
import dev.wheeltapper.toolchain.Binding;
import dev.wheeltapper.toolchain.Language;
import dev.wheeltapper.toolchain.MemorySafety;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Mach-O reader and checks on every Mach-O binary and wheel member of the corpus, against the header summaries of
 * {@code corpus/SOURCES.md} (no otool or Mach-O-capable objdump is installed: GNU objdump here has no mach-o target).
 */
class MachOCorpusTest {

  /**
   * SOURCES.md, one string per file: {@code fat|thin}, then per slice {@code arch type minos marks} where marks are
   * {@code r} (LC_RPATH) and {@code s} (LC_CODE_SIGNATURE), {@code -} for none, minos {@code none} when absent.
   */
  private static final Map<String, String> BARE = new LinkedHashMap<>();
  private static final Map<String, String> WHEELS = new LinkedHashMap<>();

  static {
    BARE.put("liba.dylib", "thin x86_64 dylib 10.9 -");
    BARE.put("liba_12.dylib", "thin x86_64 dylib 12.0 -");
    BARE.put("liba_12_1.dylib", "thin x86_64 dylib 12.1 -");
    BARE.put("liba_both.dylib", "fat x86_64 dylib 10.9 - ; arm64 dylib 11.0 s");
    BARE.put("libam1-arch.dylib", "fat arm64 dylib 11.0 s");
    BARE.put("libam1.dylib", "thin arm64 dylib 11.0 s");
    BARE.put("libam1_12.dylib", "thin arm64 dylib 12.0 s");
    BARE.put("libb.dylib", "thin x86_64 dylib 10.9 -");
    BARE.put("libc.dylib", "thin x86_64 dylib 10.9 -");
    BARE.put("libc_12.dylib", "thin x86_64 dylib 12.0 -");
    BARE.put("libextfunc.dylib", "fat x86_64 dylib 10.9 - ; arm64 dylib 11.0 s");
    BARE.put("libextfunc2_rpath.dylib", "fat x86_64 dylib 10.9 s ; arm64 dylib 11.0 s");
    BARE.put("libextfunc_rpath.dylib", "fat x86_64 dylib 10.9 rs ; arm64 dylib 11.0 rs");
    BARE.put("np-1.24.1_arm_random__sfc64.cpython-311-darwin.so", "thin arm64 bundle 11.0 s");
    BARE.put("np-1.24.1_x86_64_random__sfc64.cpython-311-darwin.so", "thin x86_64 bundle 10.9 -");
    BARE.put("np-1.6.0_intel_lib__compiled_base.so", "fat x86_64 bundle 10.6 - ; i386 bundle 10.6 -");
    String uni = "fat x86_64 bundle 10.9 - ; arm64 bundle 11.0 s";
    String thinRpath = "thin x86_64 bundle 10.9 r";
    String intel = "fat i386 bundle none - ; x86_64 bundle none -";
    WHEELS.put("fakepkg1-1.0-cp36-abi3-macosx_10_9_universal2.whl", uni);
    WHEELS.put("fakepkg_namespace-1.0-cp36-abi3-macosx_10_9_universal2.whl", thinRpath);
    WHEELS.put("fakepkg_rpath-1.0-cp36-abi3-macosx_10_9_universal2.whl", thinRpath);
    WHEELS.put("fakepkg_toplevel-1.0-cp36-abi3-macosx_10_9_universal2.whl", thinRpath);
    WHEELS.put("history/fakepkg1-1.0-cp27-cp27m-macosx_10_6_intel.whl", intel);
    WHEELS.put("history/fakepkg1-1.0-cp27-none-macosx_10_6_intel.whl", intel);
    WHEELS.put("history/fakepkg1-1.0-cp39-cp39-macosx_10_9_universal2.whl", uni);
    WHEELS.put("history/fakepkg1-1.0-cp39-cp39-macosx_10_9_x86_64.whl", "thin x86_64 bundle 10.9 -");
    WHEELS.put("history/fakepkg_rpath-1.0-cp27-cp27m-macosx_10_6_intel.whl",
        "fat i386 bundle 10.6 r ; x86_64 bundle 10.6 r");
    WHEELS.put("history/fakepkg_rpath-1.0-cp39-cp39-macosx_10_9_universal2.whl",
        "fat x86_64 bundle 10.9 r ; arm64 bundle 11.0 rs");
    WHEELS.put("history/fakepkg_rpath-1.0-cp39-cp39-macosx_10_9_x86_64.whl", thinRpath);
  }

  private static String describe(MachOFile m) {
    List<String> slices = new ArrayList<>();
    for (MachOSlice s : m.slices()) {
      String marks = (s.rpaths().isEmpty() ? "" : "r") + (s.codeSignature().isPresent() ? "s" : "");
      slices.add(s.machineLabel() + " " + s.typeLabel() + " "
          + s.buildVersion().map(BuildVersion::minosText).map(v -> v.contains(".") ? v : v + ".0").orElse("none")
          + " " + (marks.isEmpty() ? "-" : marks));
    }
    return (m.fat() ? "fat " : "thin ") + String.join(" ; ", slices);
  }

  private static void noSecurityFlags(MachOFile m) {
    // SOURCES.md "flags=[none]": no MH_PIE, MH_ALLOW_STACK_EXECUTION or MH_NO_HEAP_EXECUTION
    for (MachOSlice s : m.slices()) {
      assertThat(s.flags() & (MachOSlice.MH_PIE | MachOSlice.MH_ALLOW_STACK_EXECUTION
          | MachOSlice.MH_NO_HEAP_EXECUTION)).isZero();
      assertThat(s.defects()).isEmpty();
      assertThat(s.uuid()).get().asString().hasSize(32);
      assertThat(s.segments()).extracting(MachORecords.Segment::name).contains("__TEXT", "__LINKEDIT");
      headerDescribesTheCommandTable(s);
    }
  }

  /** The mach_header's counts are those of the command table read, and its word size that of the machine. */
  private static void headerDescribesTheCommandTable(MachOSlice s) {
    MachHeader h = s.header();
    assertThat(h.ncmds()).isEqualTo(s.loadCommands().size());
    assertThat(h.sizeofcmds()).isEqualTo(s.loadCommands().stream().mapToLong(MachORecords.LoadCommand::size).sum());
    assertThat(s.loadCommands().get(0).offset()).isEqualTo(h.size());
    assertThat(h.bits()).isEqualTo(s.machineLabel().matches("x86_64|arm64") ? 64 : 32);
    assertThat(h.typeLabel()).isEqualTo(s.typeLabel());
  }

  @Test
  void everyBareBinaryMatchesSourcesMd() throws Exception {
    try (var files = Files.list(Corpus.corpus("wheels/delocate/binaries"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(BARE.keySet());
    }
    for (Map.Entry<String, String> e : BARE.entrySet()) {
      var path = Corpus.corpus("wheels/delocate/binaries/" + e.getKey());
      byte[] bytes = Files.readAllBytes(path);
      assertThat(NativeFormat.detect(bytes, bytes.length)).isEqualTo(NativeFormat.MACHO);
      try (MachOFile m = MachOFile.open(path)) {
        assertThat(describe(m)).as(e.getKey()).isEqualTo(e.getValue());
        assertThat(m.defects()).isEmpty();
        noSecurityFlags(m);
      }
      List<BinaryInspection> ins = BinaryInspector.forPath(e.getKey()).inspect(path);
      assertThat(ins).hasSize(e.getValue().split(";").length);
      for (BinaryInspection b : ins) {
        assertThat(b.format()).isEqualTo(NativeFormat.MACHO);
        assertThat(b.hardening().result(HardeningCheck.PIE).value().label()).isEqualTo("dso");
        assertThat(b.hardening().status(HardeningCheck.NX)).isEqualTo(Status.PASS);
        assertThat(b.hardening().results()).doesNotContainKeys(HardeningCheck.RELRO, HardeningCheck.ASLR);
        assertThat(b.hardening().result(HardeningCheck.RELRO).jsonValue()).isNull();
        assertThat(b.hardening().result(HardeningCheck.PIE).jsonValue()).isEqualTo("dso");
      }
    }
  }

  @Test
  void everyWheelMemberMatchesSourcesMd() throws Exception {
    Map<String, String> seen = new LinkedHashMap<>();
    for (NativeMembers.Member mem : NativeMembers.macho()) {
      if (!mem.wheel().startsWith("delocate/")) {
        continue;
      }
      try (MachOFile m = MachOFile.read(ByteSources.of(mem.bytes()))) {
        seen.put(mem.wheel().substring("delocate/".length()), describe(m));
        noSecurityFlags(m);
      }
      List<BinaryInspection> ins = BinaryInspector.forPath(mem.entry()).inWheel()
          .inspect(new ByteArrayInputStream(mem.bytes()), mem.bytes().length);
      assertThat(ins).allSatisfy(b -> assertThat(b.path()).isEqualTo(mem.entry()));
    }
    assertThat(seen).isEqualTo(WHEELS);
  }

  @Test
  void fatSlicesAreInspectedSeparately() throws Exception {
    var path = Corpus.corpus("wheels/delocate/binaries/libextfunc_rpath.dylib");
    List<BinaryInspection> ins = BinaryInspector.forPath("libextfunc_rpath.dylib").inspect(path);
    assertThat(ins).extracting(BinaryInspection::machine).containsExactly("x86_64", "arm64");
    for (BinaryInspection b : ins) {
      // @executable_path is the interpreter's directory: outside the wheel; @loader_path is the binary's own
      assertThat(b.hardening().rpath()).extracting(e -> e.kind())
          .containsExactly(RpathKind.ABSOLUTE, RpathKind.ORIGIN);
      assertThat(b.hardening().status(HardeningCheck.RPATH)).isEqualTo(Status.FAIL);
      assertThat(b.hardening().status(HardeningCheck.CODE_SIGNATURE)).isEqualTo(Status.PASS);
      assertThat(b.needed()).containsExactly("@rpath/libextfunc2_rpath.dylib", "/usr/lib/libSystem.B.dylib");
      assertThat(b.findings()).extracting(Finding::code).contains("hardening.rpath");
      assertThat(b.findings()).allSatisfy(f -> assertThat(f.message()).startsWith("(" + b.machine() + " slice) "));
    }
    try (MachOFile m = MachOFile.open(path)) {
      assertThat(m.slices().get(0).dylibs().get(0).kind()).isEqualTo(MachORecords.DylibKind.LOAD);
      assertThat(m.slices().get(0).installName()).isPresent();
    }
  }

  @Test
  void chainedFixupsAppearWithMacos12Targets() throws Exception {
    try (MachOFile m = MachOFile.open(Corpus.corpus("wheels/delocate/binaries/liba_12.dylib"))) {
      assertThat(m.slices().get(0).chainedFixups()).isTrue();
      assertThat(m.slices().get(0).buildVersion().get().command()).isEqualTo(0x32); // LC_BUILD_VERSION
    }
    try (MachOFile m = MachOFile.open(Corpus.corpus("wheels/delocate/binaries/libam1_12.dylib"))) {
      // llvm-objdump --macho --private-headers: sdk 14.2, minos 12.0, ntools 1, tool ld, version 1022.1
      assertThat(m.slices().get(0).buildTools()).containsExactly("ld 1022.1");
      assertThat(BinaryInspector.forPath("x").inspect(m).get(0).toolchain().compilers())
          .containsExactly("SDK 14.2, minimum OS 12.0", "ld 1022.1 (LC_BUILD_VERSION)");
    }
    try (MachOFile m = MachOFile.open(Corpus.corpus("wheels/delocate/binaries/liba.dylib"))) {
      assertThat(m.slices().get(0).chainedFixups()).isFalse();
      assertThat(m.slices().get(0).dyldInfo()).isTrue();
    }
  }

  @Test
  void numpyBundlesAreCythonWithCanaries() throws Exception {
    var path = Corpus.corpus("wheels/delocate/binaries/np-1.24.1_arm_random__sfc64.cpython-311-darwin.so");
    BinaryInspection b = BinaryInspector.forPath("x.so").inspect(path).get(0);
    assertThat(b.machine()).isEqualTo("arm64");
    assertThat(b.type()).isEqualTo("bundle");
    assertThat(b.symbolVersions()).containsExactly(java.util.Map.entry("macos", "11.0"));
    assertThat(b.hardening().status(HardeningCheck.CANARY)).isEqualTo(Status.PASS);
    assertThat(b.toolchain().has(Language.CYTHON)).isTrue();
    assertThat(b.toolchain().has(Binding.CYTHON)).isTrue();
    assertThat(b.findings()).isEmpty();
    var old = Corpus.corpus("wheels/delocate/binaries/np-1.6.0_intel_lib__compiled_base.so");
    List<BinaryInspection> both = BinaryInspector.forPath("y.so").inspect(old);
    assertThat(both).extracting(BinaryInspection::bits).extracting(o -> o.getAsInt()).containsExactly(64, 32);
    assertThat(both.get(0).needed()).contains("@loader_path/../.dylibs/libgcc_s.1.dylib");
  }

  @Test
  void h3ronpyMacosIsRustWithTheH3CLibrary() throws Exception {
    NativeMembers.Member mem = NativeMembers.macho().stream()
        .filter(m -> m.wheel().endsWith("h3ronpy-0.16.0-cp38-abi3-macosx_10_7_x86_64.whl")).findFirst().get();
    List<BinaryInspection> ins = BinaryInspector.forPath(mem.entry()).inWheel()
        .inspect(new ByteArrayInputStream(mem.bytes()), mem.bytes().length);
    BinaryInspection b = ins.get(0);
    assertThat(b.toolchain().has(Language.RUST)).isTrue();
    assertThat(b.toolchain().has(Binding.PYO3)).isTrue();
    // the H3 C library is compiled in: its source file names are in __cstring
    assertThat(b.toolchain().evidence(Language.C).get()).anyMatch(s -> s.contains("faceijk.c"));
    assertThat(b.toolchain().memorySafe()).isEqualTo(MemorySafety.MIXED);
    assertThat(b.hardening().status(HardeningCheck.CANARY)).isEqualTo(Status.PASS);
    assertThat(b.hardening().result(HardeningCheck.FORTIFY).value().label()).isEqualTo("none");
  }
}
