package dev.wheeltapper.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignatureKindTest {
  @Test
  void recognisesSignatureFileNames() {
    assertThat(SignatureKind.ofFileName("foo-1.0-py3-none-any.whl.asc")).contains(SignatureKind.OPENPGP);
    assertThat(SignatureKind.ofFileName("foo-1.0-py3-none-any.whl.publish.attestation"))
        .contains(SignatureKind.PEP740);
    assertThat(SignatureKind.ofFileName("foo-1.0-py3-none-any.whl.slsa.attestation")).contains(SignatureKind.PEP740);
    assertThat(SignatureKind.ofFileName("foo-1.0-py3-none-any.whl.attestation")).contains(SignatureKind.PEP740);
    assertThat(SignatureKind.ofFileName("foo-1.0-py3-none-any.whl.provenance")).contains(SignatureKind.PEP740);
    assertThat(SignatureKind.ofFileName("foo-1.0.tar.gz.sigstore")).contains(SignatureKind.PEP740);
    assertThat(SignatureKind.ofFileName("foo-1.0.dist-info/RECORD.jws")).contains(SignatureKind.RECORD_JWS);
    assertThat(SignatureKind.ofFileName("foo-1.0.dist-info/RECORD.p7s")).contains(SignatureKind.RECORD_P7S);
    assertThat(SignatureKind.ofFileName("foo-1.0-py3-none-any.whl")).isEmpty();
    assertThat(SignatureKind.ofFileName("foo-1.0-py3-none-any.whl.a.b.attestation")).isEmpty();
    assertThat(SignatureKind.ofFileName("RECORD.jws")).isEmpty();
    assertThat(SignatureKind.ofFileName("dir/foo-1.0-py3-none-any.whl.asc")).isEmpty();
    assertThat(SignatureKind.ofFileName(".whl.asc")).isEmpty();
    assertThat(SignatureKind.RECORD_P7S.label()).isEqualTo("RECORD.p7s");
    assertThat(SignatureStatus.UNTRUSTED.label()).isEqualTo("untrusted");
  }
}
