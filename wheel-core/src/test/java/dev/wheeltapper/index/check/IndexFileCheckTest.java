package dev.wheeltapper.index.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.digest.HashAlgorithm;
import dev.wheeltapper.index.DistributionFile;
import dev.wheeltapper.index.IndexException;
import dev.wheeltapper.index.MetadataLink;
import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Severity;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The index's promises against the bytes: each finding with the facts a program reads. */
class IndexFileCheckTest {
  private static final String INDEX = "https://mirror.example/simple/";
  private static final URI URL = URI.create("https://files.example/foo-1.0-py3-none-any.whl");

  static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  private static DistributionFile file(Map<String, String> hashes, Optional<String> yanked,
      Optional<MetadataLink> meta) {
    return new DistributionFile("foo-1.0-py3-none-any.whl", URL, hashes, Optional.empty(), yanked, meta,
        Optional.empty());
  }

  @Test
  void aHashMismatchNamesTheIndexTheLinkAndBothHashes() {
    String good = "ab".repeat(32);
    String bad = "cd".repeat(32);
    DistributionFile f = file(Map.of("sha256", good, "whirlpool", "00"), Optional.empty(), Optional.empty());
    assertThat(IndexFileCheck.algorithms(f)).containsExactly(HashAlgorithm.SHA256);
    assertThat(IndexFileCheck.hashes(INDEX, f, Map.of(HashAlgorithm.SHA256, good))).isEmpty();
    List<Finding> out = IndexFileCheck.hashes(INDEX, f, Map.of(HashAlgorithm.SHA256, bad));
    assertThat(out).singleElement().satisfies(x -> {
      assertThat(x.code()).isEqualTo(Codes.INDEX_HASH_MISMATCH);
      assertThat(x.severity()).isEqualTo(Severity.ERROR);
      assertThat(x.path()).isEqualTo(URL.toString());
      assertThat(x.facts()).containsEntry("index", INDEX).containsEntry("url", URL.toString())
          .containsEntry("algorithm", "sha256").containsEntry("expected", good).containsEntry("actual", bad);
    });
    // a malformed digest can never match
    DistributionFile shortHash = file(Map.of("sha256", "ab"), Optional.empty(), Optional.empty());
    assertThat(IndexFileCheck.hashes(INDEX, shortHash, Map.of(HashAlgorithm.SHA256, good))).hasSize(1);
  }

  @Test
  void theSidecarIsHeldAgainstItsHashAndTheWheelsMetadata() throws Exception {
    byte[] metadata = "Metadata-Version: 2.1\nName: foo\nVersion: 1.0\n".getBytes(StandardCharsets.UTF_8);
    byte[] other = "Metadata-Version: 2.1\nName: foo\nVersion: 1.0\nRequires-Dist: evil\n"
        .getBytes(StandardCharsets.UTF_8);
    URI side = URI.create(URL + ".metadata");
    DistributionFile f = file(Map.of(), Optional.empty(),
        Optional.of(new MetadataLink(side, Map.of("sha256", sha256(metadata)))));
    assertThat(IndexFileCheck.metadata(INDEX, f, metadata, Optional.of(metadata))).isEmpty();
    assertThat(IndexFileCheck.metadata(INDEX, f, metadata, Optional.empty())).isEmpty();
    // the sidecar the index serves is not what it hashes, and not the wheel's
    List<Finding> out = IndexFileCheck.metadata(INDEX, f, other, Optional.of(metadata));
    assertThat(out).extracting(x -> x.facts().get("part")).containsExactly("sidecar-hash", "wheel-metadata");
    assertThat(out).allSatisfy(x -> {
      assertThat(x.code()).isEqualTo(Codes.INDEX_METADATA_MISMATCH);
      assertThat(x.severity()).isEqualTo(Severity.ERROR);
      assertThat(x.path()).isEqualTo(side.toString());
    });
    assertThat(out.get(0).facts()).containsEntry("expected", sha256(metadata)).containsEntry("actual", sha256(other));
    assertThat(out.get(1).facts()).containsEntry("sidecarSha256", sha256(other))
        .containsEntry("wheelMetadataSha256", sha256(metadata)).containsEntry("firstDifference",
            String.valueOf(metadata.length));
    Finding gone = IndexFileCheck.metadataUnavailable(INDEX, f,
        new IndexException(IndexException.Reason.NOT_FOUND, side, "HTTP 404"));
    assertThat(gone.facts()).containsEntry("part", "sidecar").containsEntry("reason", "not-found");
  }

  @Test
  void yankedIsAWarningWithItsReason() {
    assertThat(IndexFileCheck.yanked(INDEX, file(Map.of(), Optional.empty(), Optional.empty()))).isEmpty();
    Finding y = IndexFileCheck.yanked(INDEX, file(Map.of(), Optional.of("broken\u001b[2J"), Optional.empty()))
        .orElseThrow();
    assertThat(y.code()).isEqualTo(Codes.INDEX_YANKED);
    assertThat(y.severity()).isEqualTo(Severity.WARNING);
    assertThat(y.facts()).containsEntry("reason", "broken\u001b[2J");
    assertThat(y.message()).contains("\\u001b").doesNotContain("\u001b");
    assertThat(IndexFileCheck.yanked(INDEX, file(Map.of(), Optional.of(""), Optional.empty())).orElseThrow()
        .message()).contains("without a reason");
  }

  @Test
  void unreadableFilesAndPagesAreFindingsWithTheirReason() {
    DistributionFile f = file(Map.of(), Optional.empty(), Optional.empty());
    Finding m = IndexFileCheck.missing(INDEX, f, "file",
        new IndexException(IndexException.Reason.LIMIT, URL, "too big"));
    assertThat(m.code()).isEqualTo(Codes.INDEX_FILE_MISSING);
    assertThat(m.severity()).isEqualTo(Severity.ERROR);
    assertThat(m.facts()).containsEntry("part", "file").containsEntry("reason", "limit");
    Finding p = IndexFileCheck.pageUnreadable(INDEX, "foo",
        new IndexException(IndexException.Reason.MALFORMED, URI.create(INDEX + "foo/"), "bad JSON"));
    assertThat(p.code()).isEqualTo(Codes.INDEX_PAGE_INVALID);
    assertThat(p.severity()).isEqualTo(Severity.ERROR);
    assertThat(IndexFileCheck.linkDefect(INDEX, INDEX + "foo/", "link 3: no usable file name").severity())
        .isEqualTo(Severity.WARNING);
    assertThat(IndexFileCheck.notAudited(INDEX, new DistributionFile("foo-1.0.tar.gz", URL, Map.of(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())).facts()).containsEntry("kind", "sdist");
  }
}
