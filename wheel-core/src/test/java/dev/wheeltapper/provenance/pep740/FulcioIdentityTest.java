package dev.wheeltapper.provenance.pep740;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.provenance.ExpectedIdentity;
import dev.wheeltapper.provenance.internal.Crypto;
import dev.wheeltapper.testsupport.Corpus;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FulcioIdentityTest {
  static FulcioIdentity read(String name) throws Exception {
    // Both files start with a "See: ..." text line before the PEM block.
    String text = Files.readString(Corpus.corpus("attest/" + name));
    List<byte[]> blocks = Crypto.pemBlocks(text, "CERTIFICATE", 4).orElseThrow();
    assertThat(blocks).hasSize(1);
    return FulcioIdentity.of(Crypto.certificate(blocks.get(0)));
  }

  @Test
  void googleServiceAccountIdentity() throws Exception {
    FulcioIdentity id = read("200170367.pem");
    assertThat(id.san()).contains("919436158236-compute@developer.gserviceaccount.com");
    assertThat(id.issuer()).contains("https://accounts.google.com");
    assertThat(id.repository()).isEmpty();
    assertThat(id.matches(ExpectedIdentity.parse("919436158236-compute@developer.gserviceaccount.com"))).isTrue();
    assertThat(id.matches(ExpectedIdentity.parse("someone@developer.gserviceaccount.com"))).isFalse();
  }

  @Test
  void githubIdentityWithDigestButNoRef() throws Exception {
    FulcioIdentity id = read("no-source-repository-ref-extension.pem");
    assertThat(id.issuer()).contains("https://token.actions.githubusercontent.com");
    assertThat(id.repository()).contains("SWIFTSIM/swiftgalaxy");
    assertThat(id.workflow()).contains("python-publish.yml");
    assertThat(id.sourceRepositoryRef()).isEqualTo(Optional.empty());
    assertThat(id.sourceRepositoryDigest()).contains("a26eb006d04dd0c41a6e38dc15ddaf7b46143505");
    assertThat(id.matches(ExpectedIdentity.parse("SWIFTSIM/swiftgalaxy@python-publish.yml"))).isTrue();
    assertThat(id.matches(ExpectedIdentity.parse("swiftsim/swiftgalaxy"))).isTrue();
    assertThat(id.matches(ExpectedIdentity.parse("SWIFTSIM/swiftgalaxy@release.yml"))).isFalse();
    assertThat(id.matches(ExpectedIdentity.parse("SWIFTSIM/other@python-publish.yml"))).isFalse();
    assertThat(id.describe()).contains("repository SWIFTSIM/swiftgalaxy").contains("workflow python-publish.yml");
  }

  @Test
  void expectedIdentityParsing() {
    assertThat(ExpectedIdentity.parse("pypa/sampleproject@release.yml"))
        .isEqualTo(new ExpectedIdentity("pypa/sampleproject", Optional.of("release.yml")));
    assertThat(ExpectedIdentity.parse("pypa/sampleproject").workflow()).isEmpty();
    assertThat(ExpectedIdentity.parse("me@example.com").isExactSigner()).isTrue();
    assertThat(ExpectedIdentity.parse("https://github.com/a/b/.github/workflows/x.yml@refs/heads/main")
        .isExactSigner()).isTrue();
    assertThat(ExpectedIdentity.parse("group/sub/project@.gitlab-ci.yml").toString())
        .isEqualTo("group/sub/project@.gitlab-ci.yml");
  }
}
