package dev.wheeltapper.pe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.inspect.BinaryInspection;
import dev.wheeltapper.inspect.BinaryInspector;
import dev.wheeltapper.bytes.ByteSources;
import dev.wheeltapper.hardening.HardeningCheck;
import dev.wheeltapper.hardening.Status;
import dev.wheeltapper.testsupport.Corpus;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** PE checks on edited copies of a real DLL: a MinGW-style stack protector and FORTIFY imports, flags turned on. */
class PeHardeningTest {

  private static byte[] dll() throws Exception {
    return Files.readAllBytes(Corpus.corpus("wheels/delvewheel/binaries/x64/simpledll.dll"));
  }

  private static void rename(byte[] b, String from, String to) {
    byte[] f = (from + "\0").getBytes(StandardCharsets.US_ASCII);
    byte[] t = to.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i + f.length <= b.length; i++) {
      if (java.util.Arrays.equals(b, i, i + f.length, f, 0, f.length)) {
        java.util.Arrays.fill(b, i, i + f.length, (byte) 0);
        System.arraycopy(t, 0, b, i, t.length);
        return;
      }
    }
    throw new AssertionError(from);
  }

  @Test
  void msvcImagesHaveNoFortifyCheck() throws Exception {
    BinaryInspection i = BinaryInspector.forPath("x.dll").inspect(PeFile.read(ByteSources.of(dll())));
    assertThat(i.hardening().status(HardeningCheck.FORTIFY)).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(i.findings()).isEmpty(); // memcpy from VCRUNTIME140 is not "unfortified"
  }

  @Test
  void gccStackProtectorAndFortifyImports() throws Exception {
    byte[] b = dll();
    rename(b, "GetCurrentThreadId", "__stack_chk_fail");
    rename(b, "IsDebuggerPresent", "__memcpy_chk");
    ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    int dirs = le.getInt(0x3c) + 24 + 112;
    le.putLong(dirs + 8 * 10, 0); // no load configuration: no /GS cookie
    BinaryInspection i = BinaryInspector.forPath("x.dll").inspect(PeFile.read(ByteSources.of(b)));
    assertThat(i.hardening().status(HardeningCheck.GS)).isEqualTo(Status.FAIL);
    assertThat(i.hardening().result(HardeningCheck.CANARY).evidence()).startsWith("imports __stack_chk_fail");
    assertThat(i.hardening().status(HardeningCheck.CANARY)).isEqualTo(Status.PASS);
    assertThat(i.hardening().result(HardeningCheck.FORTIFY).value().label()).isEqualTo("partial");
    assertThat(i.hardening().fortify().fortified()).containsExactly("__memcpy_chk");
    assertThat(i.hardening().fortify().unprotected()).contains("memcpy", "memset");
  }

  @Test
  void flagsTurnedOn() throws Exception {
    byte[] b = dll();
    ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    int opt = le.getInt(0x3c) + 24;
    le.putShort(opt + 70, (short) (0x0160 | 0x4000 | 0x0080 | 0x1000 | 0x0200 | 0x0400));
    BinaryInspection i = BinaryInspector.forPath("x.dll").inspect(PeFile.read(ByteSources.of(b)));
    assertThat(i.hardening().status(HardeningCheck.GUARD_CF)).isEqualTo(Status.PASS);
    assertThat(i.hardening().status(HardeningCheck.FORCE_INTEGRITY)).isEqualTo(Status.PASS);
    assertThat(i.hardening().status(HardeningCheck.APPCONTAINER)).isEqualTo(Status.PASS);
    assertThat(i.hardening().status(HardeningCheck.ISOLATION)).isEqualTo(Status.FAIL);
    assertThat(i.hardening().status(HardeningCheck.SEH)).isEqualTo(Status.FAIL);
    // GUARD_CF without DYNAMIC_BASE does nothing: CFG requires working ASLR
    le.putShort(opt + 70, (short) (0x0120 | 0x4000));
    i = BinaryInspector.forPath("x.dll").inspect(PeFile.read(ByteSources.of(b)));
    assertThat(i.hardening().status(HardeningCheck.GUARD_CF)).isEqualTo(Status.FAIL);
    assertThat(i.hardening().result(HardeningCheck.GUARD_CF).evidence()).contains("requires working ASLR");
    // NX_COMPAT off: the existing hardening.no-nx finding
    le.putShort(opt + 70, (short) 0x0060);
    i = BinaryInspector.forPath("x.dll").inspect(PeFile.read(ByteSources.of(b)));
    assertThat(i.findings()).extracting(f -> f.code()).containsExactly("hardening.no-nx");
  }
}
