package dev.wheeltapper.wheel.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HashValueTest {

  @Test
  void decodesSha256OfEmptyInput() throws Exception {
    HashValue h = HashValue.parse("sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU");
    assertThat(h.algorithm()).isEqualTo("sha256");
    assertThat(HexFormat.of().formatHex(h.decode()))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(h.jcaAlgorithm()).contains("SHA-256");
    assertThat(h).hasToString("sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU");
  }

  @Test
  void roundTripsEncodedDigests() throws Exception {
    byte[] d = MessageDigest.getInstance("SHA-512").digest("wheel".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    HashValue h = HashValue.of("sha512", d);
    assertThat(h.value()).doesNotContain("=").hasSize(86);
    assertThat(h.decode()).isEqualTo(d);
    assertThat(HashValue.digestLength("SHA384")).hasValue(48);
    assertThat(HashValue.digestLength("whirlpool")).isEmpty();
  }

  @Test
  void unknownAlgorithmDecodesWithoutLengthCheck() throws Exception {
    assertThat(new HashValue("whirlpool", "AAAA").decode()).containsExactly(0, 0, 0);
    assertThat(new HashValue("whirlpool", "AAAA").jcaAlgorithm()).isEmpty();
    assertThat(new HashValue("whirlpool", "AAAA").knownAlgorithm()).isEmpty();
  }

  @Test
  void blake2LengthsAreHashlibDefaults() {
    // hashlib.new("blake2b").digest_size == 64, hashlib.new("blake2s").digest_size == 32
    assertThat(HashValue.digestLength("blake2b")).hasValue(64);
    assertThat(HashValue.digestLength("blake2s")).hasValue(32);
    assertThat(new HashValue("blake2b", "AAAA").jcaAlgorithm()).contains("BLAKE2B-512");
    assertThat(new HashValue("BLAKE2S", "AAAA").knownAlgorithm()).contains(dev.wheeltapper.digest.HashAlgorithm.BLAKE2S);
    assertThatThrownBy(() -> HashValue.of("blake2b", new byte[32]).decode()).hasMessageContaining("expected 64");
  }

  @Test
  void rejectsControlCharacterWithEscape() {
    assertThatThrownBy(() -> new HashValue("sha256", "ab\u0001d").decode())
        .isInstanceOf(HashFormatException.class)
        .hasMessage("hash value of sha256 contains '\\u0001' at index 2, outside the URL-safe base64 alphabet");
  }

  @Test
  void constructorRejectsEmptyParts() {
    assertThatThrownBy(() -> new HashValue("", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HashValue("sha256", "")).isInstanceOf(IllegalArgumentException.class);
  }
}
