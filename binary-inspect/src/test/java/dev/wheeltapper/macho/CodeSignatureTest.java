package dev.wheeltapper.macho;

import dev.wheeltapper.report.Codes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.inspect.BinaryInspection;
import dev.wheeltapper.inspect.BinaryInspector;
import dev.wheeltapper.bytes.ByteSources;
import dev.wheeltapper.hardening.Hardening;
import dev.wheeltapper.hardening.HardeningCheck;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.testing.NativeMembers;
import dev.wheeltapper.testsupport.Corpus;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Embedded code signatures of the corpus Mach-O binaries, verified by recomputing their page hashes (checked
 * independently when this test was written with a short Python script over the same files: every hash matched), and
 * the ways a signature fails: a code byte changed after signing, a requirements blob changed, a CodeDirectory that
 * stops short of the signature, a 64-bit code limit past the slice, two blobs for one slot, lengths that lie.
 */
class CodeSignatureTest {

  private static byte[] read(String name) throws Exception {
    return Files.readAllBytes(Corpus.corpus("wheels/delocate/binaries/" + name));
  }

  private static List<CodeSignature> verify(byte[] bytes) throws Exception {
    List<CodeSignature> out = new ArrayList<>();
    try (MachOFile m = MachOFile.read(ByteSources.of(bytes))) {
      for (MachOSlice s : m.slices()) {
        out.add(s.verifyCodeSignature());
      }
    }
    return out;
  }

  @Test
  void linkerSignedArm64BinariesVerify() throws Exception {
    CodeSignature cs = verify(read("libam1.dylib")).get(0);
    assertThat(cs.state()).isEqualTo(CodeSignature.State.VALID);
    assertThat(cs.adhoc()).isTrue();
    assertThat(cs.linkerSigned()).isTrue();
    assertThat(cs.cmsSigned()).isFalse();
    assertThat(cs.hashTypes()).containsExactly("SHA-256");
    assertThat(cs.pagesChecked()).isEqualTo(14);
    assertThat(cs.detail()).isEqualTo("ad-hoc, linker-signed signature of \"libam1.dylib\": 14 code page hashes"
        + " (SHA-256) verified");
    CodeSignature np = verify(read("np-1.24.1_arm_random__sfc64.cpython-311-darwin.so")).get(0);
    assertThat(np.state()).isEqualTo(CodeSignature.State.VALID);
    assertThat(np.pagesChecked()).isEqualTo(20);
  }

  @Test
  void codesignSignaturesWithTwoCodeDirectoriesAndAnEmptyCmsBlobVerify() throws Exception {
    // codesign -s -: a SHA-1 CodeDirectory, a SHA-256 alternate, requirements, an empty CMS wrapper; in both slices
    List<CodeSignature> slices = verify(read("libextfunc_rpath.dylib"));
    assertThat(slices).hasSize(2).allSatisfy(cs -> {
      assertThat(cs.state()).isEqualTo(CodeSignature.State.VALID);
      assertThat(cs.hashTypes()).containsExactly("SHA-1", "SHA-256");
      assertThat(cs.adhoc()).isTrue();
      assertThat(cs.linkerSigned()).isFalse();
      assertThat(cs.cmsSigned()).isFalse();
      assertThat(cs.identifier()).hasValueSatisfying(i -> assertThat(i).startsWith("libextfunc_rpath-"));
    });
    assertThat(slices).extracting(CodeSignature::pagesChecked).containsExactly(18, 26);
  }

  @ParameterizedTest
  @ValueSource(strings = {"liba.dylib", "np-1.24.1_x86_64_random__sfc64.cpython-311-darwin.so"})
  void unsignedBinariesHaveNoSignature(String name) throws Exception {
    assertThat(verify(read(name))).allSatisfy(cs -> assertThat(cs.state()).isEqualTo(CodeSignature.State.ABSENT));
  }

  @Test
  void everySignedCorpusBinaryAndWheelMemberVerifies() throws Exception {
    int signed = 0;
    try (var files = Files.list(Corpus.corpus("wheels/delocate/binaries"))) {
      for (var p : files.toList()) {
        for (CodeSignature cs : verify(Files.readAllBytes(p))) {
          assertThat(cs.state()).as(p.getFileName().toString()).isIn(CodeSignature.State.VALID, CodeSignature.State.ABSENT);
          signed += cs.state() == CodeSignature.State.VALID ? 1 : 0;
        }
      }
    }
    for (NativeMembers.Member mem : NativeMembers.macho()) {
      for (CodeSignature cs : verify(mem.bytes())) {
        assertThat(cs.state()).as(mem.wheel() + " " + mem.entry()).isIn(CodeSignature.State.VALID,
            CodeSignature.State.ABSENT);
        signed += cs.state() == CodeSignature.State.VALID ? 1 : 0;
      }
    }
    assertThat(signed).isGreaterThanOrEqualTo(10);
  }

  /** Offset of the first code byte after the load commands: inside page 0, which the signature covers. */
  private static int firstCodeByte(byte[] b) {
    ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    return 32 + bb.getInt(20) + 16; // header + sizeofcmds, a little into __text padding or code
  }

  @Test
  void aByteChangedAfterSigningIsInvalidAndAFinding() throws Exception {
    byte[] b = read("libam1.dylib");
    int at = firstCodeByte(b);
    b[at] ^= 0x5a;
    CodeSignature cs = verify(b).get(0);
    assertThat(cs.state()).isEqualTo(CodeSignature.State.INVALID);
    assertThat(cs.detail()).startsWith("code page 0 of 14 (bytes 0 to 4096) does not match its hash (SHA-256"
        + " CodeDirectory): modified after signing");
    BinaryInspection i = BinaryInspector.forPath("libam1.dylib").inspect(ByteSources.of(b)).get(0);
    assertThat(i.hardening().result(HardeningCheck.CODE_SIGNATURE).value().label()).isEqualTo("invalid");
    assertThat(i.findings()).filteredOn(f -> f.code().equals(Codes.HARDENING_INVALID_CODE_SIGNATURE))
        .extracting(Finding::message).singleElement().asString().startsWith("code signature does not match: code page 0");
    // the original inspects clean
    BinaryInspection clean = BinaryInspector.forPath("libam1.dylib")
        .inspect(ByteSources.of(read("libam1.dylib"))).get(0);
    assertThat(clean.hardening().result(HardeningCheck.CODE_SIGNATURE).value().label()).isEqualTo("yes");
    assertThat(clean.findings()).noneMatch(f -> f.code().equals(Codes.HARDENING_INVALID_CODE_SIGNATURE));
  }

  /** The file offset of the first slice's embedded signature (LC_CODE_SIGNATURE data, thin or fat). */
  private static int signatureOffset(byte[] b) throws Exception {
    try (MachOFile m = MachOFile.read(ByteSources.of(b.clone()))) {
      MachOSlice s = m.slices().get(0);
      return (int) (s.offset() + s.codeSignature().orElseThrow().dataOffset());
    }
  }

  /** The SuperBlob index entry {type, offset} of a slot type, as absolute file offsets. */
  private static int blobOffset(byte[] b, int sig, int type) {
    ByteBuffer be = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
    int count = be.getInt(sig + 8);
    for (int i = 0; i < count; i++) {
      if (be.getInt(sig + 12 + i * 8) == type) {
        return sig + be.getInt(sig + 16 + i * 8);
      }
    }
    throw new AssertionError("no blob of type " + type);
  }

  @Test
  void aChangedRequirementsBlobIsInvalid() throws Exception {
    // codesign -s - output: the requirements blob (slot 2) is hashed in special slot -2 of both CodeDirectories
    byte[] b = read("libam1-arch.dylib");
    assertThat(verify(b).get(0).state()).isEqualTo(CodeSignature.State.VALID);
    int req = blobOffset(b, signatureOffset(b), 2);
    b[req + 11] ^= 0x01; // inside the requirements blob, after its magic and length
    CodeSignature cs = verify(b).get(0);
    assertThat(cs.state()).isEqualTo(CodeSignature.State.INVALID);
    assertThat(cs.detail()).isEqualTo("special slot 2 does not match its blob (SHA-1 CodeDirectory): modified after"
        + " signing");
  }

  @Test
  void aCodeDirectoryThatStopsShortOfTheSignatureIsInvalid() throws Exception {
    // codeLimit one page shorter, with one slot fewer: every remaining hash still matches, but the last page of code
    // is no longer covered
    byte[] b = read("libam1.dylib");
    int sig = signatureOffset(b);
    int cd = blobOffset(b, sig, 0);
    ByteBuffer be = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
    int slots = be.getInt(cd + 28);
    be.putInt(cd + 28, slots - 1);
    be.putInt(cd + 32, (slots - 1) * 4096);
    CodeSignature cs = verify(b).get(0);
    assertThat(cs.state()).isEqualTo(CodeSignature.State.INVALID);
    assertThat(cs.detail()).startsWith("the CodeDirectory covers " + (slots - 1) * 4096
        + " bytes, but the code runs to the signature at " + sig);
  }

  @Test
  void aCodeLimit64PastTheSliceIsMalformed() throws Exception {
    // version 0x20400 carries codeLimit64 at offset 56; a value with the top bit set must not read as negative
    byte[] b = read("libam1.dylib");
    int cd = blobOffset(b, signatureOffset(b), 0);
    ByteBuffer be = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
    assertThat(be.getInt(cd + 8)).isGreaterThanOrEqualTo(0x20300);
    be.putLong(cd + 56, 0x8000000000000000L);
    CodeSignature cs = verify(b).get(0);
    assertThat(cs.state()).isEqualTo(CodeSignature.State.MALFORMED);
    assertThat(cs.detail()).contains("code limit 9223372036854775808 past the");
  }

  @Test
  void twoBlobsForOneSlotAreMalformed() throws Exception {
    byte[] b = read("libam1-arch.dylib");
    int sig = signatureOffset(b);
    ByteBuffer be = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
    // the second index entry (requirements) now claims to be a second primary CodeDirectory
    be.putInt(sig + 12 + 8, 0);
    CodeSignature cs = verify(b).get(0);
    assertThat(cs.state()).isEqualTo(CodeSignature.State.MALFORMED);
    assertThat(cs.detail()).isEqualTo("malformed code signature: two blobs of slot type 0x0");
  }

  @Test
  void lyingLengthsAreMalformedNotExceptions() throws Exception {
    byte[] base = read("libam1.dylib");
    int sig = signatureOffset(base);
    ByteBuffer be = ByteBuffer.wrap(base.clone()).order(ByteOrder.BIG_ENDIAN);
    // SuperBlob count far beyond its length
    byte[] a = base.clone();
    ByteBuffer.wrap(a).order(ByteOrder.BIG_ENDIAN).putInt(sig + 8, 0x7fffffff);
    assertThat(verify(a).get(0).state()).isEqualTo(CodeSignature.State.MALFORMED);
    assertThat(verify(a).get(0).detail()).contains("blobs does not fit");
    // the CodeDirectory's slot count disagrees with its code limit (would leave code unhashed)
    byte[] c = base.clone();
    int cd = sig + be.getInt(sig + 16);
    ByteBuffer.wrap(c).order(ByteOrder.BIG_ENDIAN).putInt(cd + 28, 3);
    assertThat(verify(c).get(0).detail()).contains("3 code slots for a code limit of");
    // an unknown hash type
    byte[] h = base.clone();
    h[cd + 37] = 9;
    assertThat(verify(h).get(0).detail()).isEqualTo("malformed code signature: unknown hash type 9");
    // a bad magic
    byte[] m = base.clone();
    m[sig] = 0;
    assertThat(verify(m).get(0).detail()).isEqualTo("malformed code signature: no SuperBlob magic");
    // every single-byte change of the signature's first 256 bytes gives a verdict, never an exception
    for (int i = 0; i < 256; i++) {
      byte[] f = base.clone();
      f[sig + i] ^= (byte) 0xff;
      assertThat(verify(f).get(0).state()).isNotNull();
    }
  }
}
