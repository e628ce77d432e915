package dev.wheeltapper.pe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.inspect.BinaryInspector;
import dev.wheeltapper.bytes.ByteSources;
import dev.wheeltapper.hardening.HardeningCheck;
import dev.wheeltapper.hardening.Status;
import dev.wheeltapper.testing.NativeMembers;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Authenticode verification on the {@code 0sign} wheel's signed {@code .pyd}, and on tampered copies of it. */
class AuthenticodeTest {

  private static byte[] signed() {
    return NativeMembers.pe().stream()
        .filter(m -> m.wheel().endsWith("simpleext-0.0.1-0sign-cp312-cp312-win_amd64.whl")).findFirst().get().bytes().clone();
  }

  private static Authenticode.Result verify(byte[] b) throws Exception {
    return Authenticode.verify(PeFile.read(ByteSources.of(b)));
  }

  @Test
  void theSignedPydVerifies() throws Exception {
    Authenticode.Result r = verify(signed());
    assertThat(r.status()).isEqualTo(Authenticode.Status.VALID);
    assertThat(r.digestAlgorithm()).hasValue("SHA-1");
    assertThat(r.signer()).hasValue("CN=personalcodesigning@notarealdomain.test");
    assertThat(r.reason()).contains("SHA-1 image hash matches").contains("not checked against any trust root");
  }

  @Test
  void anUnsignedImageIsAbsent() throws Exception {
    byte[] b = NativeMembers.pe().stream()
        .filter(m -> m.wheel().endsWith("simpleext-0.0.1-cp312-cp312-win_amd64.whl")).findFirst().get().bytes().clone();
    assertThat(verify(b).status()).isEqualTo(Authenticode.Status.ABSENT);
  }

  @Test
  void aChangedCodeByteBreaksTheImageHash() throws Exception {
    byte[] b = signed();
    PeFile pe = PeFile.read(ByteSources.of(b));
    int text = (int) pe.sections().get(0).pointerToRawData();
    b[text + 16] ^= 1;
    Authenticode.Result r = verify(b);
    assertThat(r.status()).isEqualTo(Authenticode.Status.INVALID);
    assertThat(r.reason()).contains("but the signature covers 07549b991dbb4670a28def937f3c9d28eea553b1");
    assertThat(BinaryInspector.forPath("x.pyd").inspect(PeFile.read(ByteSources.of(b))).hardening()
        .status(HardeningCheck.AUTHENTICODE)).isEqualTo(Status.FAIL);
  }

  @Test
  void theCheckSumFieldIsNotCovered() throws Exception {
    byte[] b = signed();
    ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    int opt = le.getInt(0x3c) + 24;
    le.putInt(opt + 64, 0x12345678); // the CheckSum is excluded from the Authenticode hash
    assertThat(verify(b).status()).isEqualTo(Authenticode.Status.VALID);
  }

  @Test
  void damagedSignaturesNeverThrow() throws Exception {
    byte[] orig = signed();
    PeFile pe = PeFile.read(ByteSources.of(orig));
    int off = (int) pe.certificateTable().get().offset();
    int size = (int) pe.certificateTable().get().size();
    byte[] type = orig.clone();
    ByteBuffer.wrap(type).order(ByteOrder.LITTLE_ENDIAN).putShort(off + 6, (short) 1);
    assertThat(verify(type).status()).isEqualTo(Authenticode.Status.MALFORMED);
    byte[] len = orig.clone();
    ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).putInt(off, 0x7fffffff);
    assertThat(verify(len).status()).isEqualTo(Authenticode.Status.MALFORMED);
    Random rnd = new Random(7);
    int malformed = 0;
    for (int round = 0; round < 400; round++) {
      byte[] b = orig.clone();
      for (int k = 0; k < 1 + rnd.nextInt(4); k++) {
        b[off + 8 + rnd.nextInt(size - 8)] = (byte) rnd.nextInt(256);
      }
      Authenticode.Result r = verify(b);
      assertThat(r.reason()).isNotBlank();
      if (r.status() == Authenticode.Status.MALFORMED) {
        malformed++;
      }
      // a changed signature byte may land in unsigned fields (certificate padding); it never makes a wrong VALID
      // claim about the image hash
      assertThat(r.status() != Authenticode.Status.VALID || r.reason().contains("image hash matches")).isTrue();
    }
    assertThat(malformed).isPositive();
  }
}
