package dev.wheeltapper.pe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.bytes.ByteSources;
import dev.wheeltapper.testing.NativeMembers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The version resource of the one corpus DLL that has one ({@code icuuc74.dll}), and mutations of it. */
class VersionInfoTest {

  private static byte[] icu() {
    return NativeMembers.pe().stream().filter(m -> m.entry().endsWith("icuuc74.dll")).findFirst().get().bytes();
  }

  @Test
  void icuVersionResourceMatchesItsStrings() throws Exception {
    PeFile pe = PeFile.read(ByteSources.of(icu()));
    VersionInfo v = pe.versionInfo().orElseThrow();
    // the values `strings -el icuuc74.dll` prints
    assertThat(v.fileVersion()).hasValue("74.2.0.0");
    assertThat(v.productVersion()).hasValue("74.2.0.0");
    assertThat(v.strings()).containsEntry("CompanyName", "The ICU Project")
        .containsEntry("FileDescription", "ICU Common DLL").containsEntry("FileVersion", "74, 2, 0, 0")
        .containsEntry("OriginalFilename", "icuuc74.dll")
        .containsEntry("ProductName", "International Components for Unicode");
    assertThat(pe.defects()).isEmpty();
  }

  @Test
  void mutatedVersionBlocksNeverCrash() throws Exception {
    byte[] file = icu();
    byte[] key = "VS_VERSION_INFO".getBytes(StandardCharsets.UTF_16LE);
    int at = indexOf(file, key) - 6;
    int len = (file[at] & 0xff) | (file[at + 1] & 0xff) << 8;
    byte[] block = Arrays.copyOfRange(file, at, at + len);
    assertThat(VersionInfo.parse(block).strings()).containsKey("CompanyName");
    Random rnd = new Random(74);
    int rejected = 0;
    for (int round = 0; round < 3000; round++) {
      byte[] b = block.clone();
      for (int k = 0; k < 1 + rnd.nextInt(4); k++) {
        b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
      }
      try {
        VersionInfo.parse(b);
      } catch (PeFormatException e) {
        rejected++;
      }
    }
    assertThat(rejected).isPositive();
    for (int n = 0; n < block.length; n++) {
      try {
        VersionInfo.parse(Arrays.copyOf(block, n));
      } catch (PeFormatException e) {
        assertThat(e.reason()).isNotBlank();
      }
    }
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
