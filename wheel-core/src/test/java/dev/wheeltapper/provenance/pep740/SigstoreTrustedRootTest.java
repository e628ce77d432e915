package dev.wheeltapper.provenance.pep740;

import dev.wheeltapper.provenance.trust.SigstoreTrustedRoot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheeltapper.provenance.trust.InvalidTrustMaterialException;
import dev.wheeltapper.provenance.internal.Crypto;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SigstoreTrustedRootTest {

  @Test
  void bundledRootIsTheRecordedFile() throws Exception {
    byte[] bundled;
    try (InputStream in = getClass().getResourceAsStream(
        "/dev/wheeltapper/provenance/sigstore-production-trusted_root.json")) {
      bundled = in.readAllBytes();
    }
    String provenance;
    try (InputStream in = getClass().getResourceAsStream(
        "/dev/wheeltapper/provenance/sigstore-production-trusted_root.txt")) {
      provenance = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String sha = Crypto.hex(Crypto.sha256(bundled));
    assertThat(provenance).contains("SHA-256: " + sha).contains("Size:    " + bundled.length + " bytes");
    assertThat(bundled).isEqualTo(Pep740VerifierTest.read("sigstore-production-trusted_root.json"));
  }

  @Test
  void publicGoodRootListsRekorAndFulcio() {
    SigstoreTrustedRoot r = SigstoreTrustedRoot.publicGood();
    assertThat(r.log("c0d23d6ad406973f9559f3ba2d1ca01f84147d8ffc5b8445c224f98b9591801d"))
        .hasValueSatisfying(l -> {
          assertThat(l.baseUrl()).isEqualTo("https://rekor.sigstore.dev");
          assertThat(l.validAt(Instant.parse("2024-01-01T00:00:00Z"))).isTrue();
          assertThat(l.validAt(Instant.parse("2020-01-01T00:00:00Z"))).isFalse();
        });
    assertThat(r.transparencyLogs()).hasSize(2);
    assertThat(r.certificateAuthorities()).hasSize(2);
    assertThat(r.certificateAuthorities().get(1).chain()).hasSize(2);
    assertThat(r.log("d32f30a3c32d639c2b762205a21c7bb07788e68283a4ae6f42118723a1bea496")).isEmpty();
  }

  @Test
  void logsAreFoundByTheirKeyHashAndByTheirDeclaredId() {
    SigstoreTrustedRoot r = SigstoreTrustedRoot.publicGood();
    for (SigstoreTrustedRoot.TransparencyLog l : r.transparencyLogs()) {
      assertThat(r.log(l.logIdHex())).contains(l);
      assertThat(r.log(Crypto.hex(Crypto.sha256(l.key().getEncoded())))).contains(l);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{}", "[]", "{\"mediaType\":\"x\"}",
      "{\"mediaType\":\"application/vnd.dev.sigstore.trustedroot+json;version=0.1\"}",
      "{\"mediaType\":\"application/vnd.dev.sigstore.trustedroot+json;version=0.1\",\"tlogs\":[{}]}",
      "{\"mediaType\":\"application/vnd.dev.sigstore.trustedroot+json;version=0.1\",\"tlogs\":[{\"publicKey\":"
          + "{\"rawBytes\":\"MAA=\",\"validFor\":{\"start\":\"2021-01-01T00:00:00Z\"}},\"logId\":{\"keyId\":\"AA==\"}}]}",
      "{\"mediaType\":\"application/vnd.dev.sigstore.trustedroot+json;version=0.1\",\"certificateAuthorities\":"
          + "[{\"certChain\":{\"certificates\":[{\"rawBytes\":\"!!\"}]}}]}"})
  void garbageRootsAreRejected(String json) {
    assertThatThrownBy(() -> SigstoreTrustedRoot.parse(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidTrustMaterialException.class);
  }
}
