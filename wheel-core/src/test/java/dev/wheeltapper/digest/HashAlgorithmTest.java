package dev.wheeltapper.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HashAlgorithmTest {
  /** {@code hashlib.new(name, b"abc").hexdigest()}, CPython 3.12. */
  private static final Map<String, String> PYTHON_ABC = Map.ofEntries(
      Map.entry("md5", "900150983cd24fb0d6963f7d28e17f72"),
      Map.entry("sha1", "a9993e364706816aba3e25717850c26c9cd0d89d"),
      Map.entry("sha224", "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7"),
      Map.entry("sha256", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      Map.entry("sha384", "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"),
      Map.entry("sha512", "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd"
          + "454d4423643ce80e2a9ac94fa54ca49f"),
      Map.entry("sha3_224", "e642824c3f8cf24ad09234ee7d3c766fc9a3a5168d0c94ad73b46fdf"),
      Map.entry("sha3_256", "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532"),
      Map.entry("sha3_384", "ec01498288516fc926459f58e2c6ad8df9b473cb0fc08c2596da7cf0e49be4b298d88cea927ac7f539f1edf2283"
          + "76d25"),
      Map.entry("sha3_512", "b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e10e116e9192af3c91a7ec5764"
          + "7e3934057340b4cf408d5a56592f8274eec53f0"),
      // hashlib.new("blake2b") is BLAKE2b-512 and hashlib.new("blake2s") BLAKE2s-256, their default digest sizes.
      Map.entry("blake2b", "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de45"
          + "33cc9518d38aa8dbf1925ab92386edd4009923"),
      Map.entry("blake2s", "508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982"));

  @ParameterizedTest
  @EnumSource(HashAlgorithm.class)
  void digestsAsHashlibDoes(HashAlgorithm a) throws Exception {
    byte[] d = a.newDigest().digest("abc".getBytes(StandardCharsets.US_ASCII));
    assertThat(HexFormat.of().formatHex(d)).isEqualTo(PYTHON_ABC.get(a.hashlibName()));
    assertThat(d).hasSize(a.digestLength());
    // The JCA name is one a provider knows (Bouncy Castle's for BLAKE2), with the same length.
    assertThat(MessageDigest.getInstance(a.jcaName(), new BouncyCastleProvider()).getDigestLength())
        .isEqualTo(a.digestLength());
    assertThat(HashAlgorithm.byHashlibName(a.hashlibName().toUpperCase(java.util.Locale.ROOT))).contains(a);
  }

  @Test
  void everyNameOfTheTableIsCovered() {
    assertThat(PYTHON_ABC).hasSize(HashAlgorithm.values().length);
  }

  @Test
  void recordRefusesOnlyMd5AndSha1() {
    for (HashAlgorithm a : HashAlgorithm.values()) {
      assertThat(a.acceptedInRecord()).as(a.hashlibName())
          .isEqualTo(a != HashAlgorithm.MD5 && a != HashAlgorithm.SHA1);
    }
  }

  @Test
  void unknownNamesAreEmpty() {
    assertThat(HashAlgorithm.byHashlibName("shake_128")).isEmpty();
    assertThat(HashAlgorithm.byHashlibName("BLAKE2b")).contains(HashAlgorithm.BLAKE2B);
    assertThat(HashAlgorithm.byHashlibName("blake2b-512")).isEmpty();
    assertThat(HashAlgorithm.byHashlibName("")).isEmpty();
  }
}
