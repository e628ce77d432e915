package dev.wheeltapper.provenance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CryptoTest {
  private static String block(String label, String body) {
    return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
  }

  @Test
  void pemBlocksSkipsTextAndOtherLabels() {
    String text = "# a comment line\n" + block("PUBLIC KEY", "AQID") + "between\n" + block("CERTIFICATE", "BAUG")
        + block("CERTIFICATE", "Bwg=") + "trailing text";
    Optional<List<byte[]>> certs = Crypto.pemBlocks(text, "CERTIFICATE", 16);
    assertThat(certs).isPresent();
    assertThat(certs.get()).containsExactly(new byte[] {4, 5, 6}, new byte[] {7, 8});
    assertThat(Crypto.pemBlocks(text, "PUBLIC KEY", 16).orElseThrow()).containsExactly(new byte[] {1, 2, 3});
    assertThat(Crypto.pemBlocks(text, "PKCS7", 16).orElseThrow()).isEmpty();
    assertThat(Crypto.pemBlocks("no pem here", "CERTIFICATE", 16).orElseThrow()).isEmpty();
  }

  @Test
  void pemBlocksStopsAtMax() {
    String text = block("CERTIFICATE", "AQID").repeat(5);
    assertThat(Crypto.pemBlocks(text, "CERTIFICATE", 2).orElseThrow()).hasSize(2);
  }

  @Test
  void pemBlocksRefusesBrokenBlocks() {
    assertThat(Crypto.pemBlocks("-----BEGIN CERTIFICATE-----\nAQID\n", "CERTIFICATE", 4)).isEmpty();
    assertThat(Crypto.pemBlocks(block("CERTIFICATE", "AQ!D"), "CERTIFICATE", 4)).isEmpty();
    assertThat(Crypto.pemBlocks(block("CERTIFICATE", "AQI"), "CERTIFICATE", 4)).isEmpty();
    // an END of another label does not close the block
    assertThat(Crypto.pemBlocks("-----BEGIN CERTIFICATE-----\nAQID\n-----END PUBLIC KEY-----\n", "CERTIFICATE", 4))
        .isEmpty();
  }

  @Test
  void pemBlocksIsBounded() {
    assertThat(Crypto.pemBlocks(" ".repeat(Crypto.MAX_PEM_CHARS + 1), "CERTIFICATE", 4)).isEmpty();
    // objects of other labels count too: a text of many small blocks is refused, not walked to its end
    String many = block("X", "AA==").repeat(Crypto.MAX_PEM_OBJECTS + 1);
    assertThat(Crypto.pemBlocks(many, "CERTIFICATE", 4)).isEmpty();
    assertThat(Crypto.pemBlocks(block("X", "AA==").repeat(Crypto.MAX_PEM_OBJECTS - 1), "CERTIFICATE", 4))
        .hasValueSatisfying(l -> assertThat(l).isEmpty());
  }
}
