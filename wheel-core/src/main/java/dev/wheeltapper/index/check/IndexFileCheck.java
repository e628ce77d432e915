package dev.wheeltapper.index.check;

import dev.wheeltapper.digest.HashAlgorithm;
import dev.wheeltapper.index.DistributionFile;
import dev.wheeltapper.index.IndexException;
import dev.wheeltapper.index.MetadataLink;
import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Untrusted;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code index.*} findings of one listed file: its hashes against its bytes ({@code index.hash-mismatch}), its
 * PEP 658 sidecar against the index's hash and the wheel's METADATA ({@code index.metadata-mismatch}), its PEP 592
 * yank ({@code index.yanked}, a warning: the file is intact and served, installers only skip it unless pinned), and
 * what could not be read ({@code index.file-missing}, {@code index.page-invalid}). Each finding's path is the URL
 * it concerns; its facts name the index, the link and both values.
 *
 * <pre>{@code
 * Map<HashAlgorithm, String> actual = Map.of(HashAlgorithm.SHA256, sha256Hex);
 * List<Finding> f = new ArrayList<>(IndexFileCheck.hashes(index.root().toString(), file, actual));
 * IndexFileCheck.yanked(index.root().toString(), file).ifPresent(f::add);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class IndexFileCheck {
  private IndexFileCheck() {}

  /**
   * The algorithms whose digests {@link #hashes} needs for a file: those of its hashes this library knows.
   *
   * @param file a listed file
   * @return the algorithms, possibly empty (a link without a hash, or only unknown ones)
   */
  public static Set<HashAlgorithm> algorithms(DistributionFile file) {
    Set<HashAlgorithm> out = EnumSet.noneOf(HashAlgorithm.class);
    for (String name : file.hashes().keySet()) {
      HashAlgorithm.byHashlibName(name).ifPresent(out::add);
    }
    return out;
  }

  /**
   * Each hash the index gives for a file, against the digest of its bytes.
   *
   * @param index the index, as the report names it
   * @param file the listed file
   * @param actual lower-case hex digests of the file's bytes, by algorithm (at least those of {@link #algorithms})
   * @return one {@code index.hash-mismatch} error per hash that does not match; empty when all match
   */
  public static List<Finding> hashes(String index, DistributionFile file, Map<HashAlgorithm, String> actual) {
    List<Finding> out = new ArrayList<>();
    for (Map.Entry<String, String> h : file.hashes().entrySet()) {
      Optional<HashAlgorithm> alg = HashAlgorithm.byHashlibName(h.getKey());
      if (alg.isEmpty() || !actual.containsKey(alg.get())) {
        continue; // an algorithm hashlib has and this library lacks: nothing to compare
      }
      String got = actual.get(alg.get());
      if (!got.equalsIgnoreCase(h.getValue())) {
        out.add(Finding.error(Codes.INDEX_HASH_MISMATCH, file.url().toString(),
                "The index " + q(index) + " gives " + h.getKey() + " " + q(h.getValue())
                    + " for " + q(file.filename()) + ", but its bytes hash to " + got + ".")
            .withFact("index", index).withFact("url", file.url().toString()).withFact("algorithm", h.getKey())
            .withFact("expected", h.getValue()).withFact("actual", got));
      }
    }
    return out;
  }

  /**
   * A metadata sidecar against the hashes the index gives for it and against the wheel's own METADATA.
   *
   * @param index the index, as the report names it
   * @param file the listed file, with {@link DistributionFile#coreMetadata()} present
   * @param sidecar the sidecar's bytes
   * @param wheelMetadata the bytes of the wheel's {@code .dist-info/METADATA}, when the wheel could be read
   * @return {@code index.metadata-mismatch} errors; empty when the sidecar is what the index and the wheel say
   */
  public static List<Finding> metadata(String index, DistributionFile file, byte[] sidecar,
      Optional<byte[]> wheelMetadata) {
    List<Finding> out = new ArrayList<>();
    if (file.coreMetadata().isEmpty()) {
      return out;
    }
    MetadataLink link = file.coreMetadata().get();
    String url = link.url().toString();
    for (Map.Entry<String, String> h : link.hashes().entrySet()) {
      Optional<HashAlgorithm> alg = HashAlgorithm.byHashlibName(h.getKey());
      if (alg.isEmpty()) {
        continue;
      }
      String got = hex(alg.get(), sidecar);
      if (!got.equalsIgnoreCase(h.getValue())) {
        out.add(Finding.error(Codes.INDEX_METADATA_MISMATCH, url,
                "The index " + q(index) + " gives " + h.getKey() + " " + q(h.getValue())
                    + " for the metadata of " + q(file.filename()) + ", but the sidecar hashes to "
                    + got + ".")
            .withFact("index", index).withFact("url", url).withFact("part", "sidecar-hash")
            .withFact("algorithm", h.getKey()).withFact("expected", h.getValue()).withFact("actual", got));
      }
    }
    if (wheelMetadata.isPresent() && !java.util.Arrays.equals(sidecar, wheelMetadata.get())) {
      byte[] w = wheelMetadata.get();
      int at = java.util.Arrays.mismatch(sidecar, w);
      out.add(Finding.error(Codes.INDEX_METADATA_MISMATCH, url,
              "The metadata sidecar of " + q(file.filename()) + " (" + sidecar.length
                  + " bytes) is not the wheel's METADATA (" + w.length + " bytes): they differ from byte " + at
                  + "; an installer resolves with the sidecar and installs the wheel.")
          .withFact("index", index).withFact("url", url).withFact("part", "wheel-metadata")
          .withFact("sidecarSha256", hex(HashAlgorithm.SHA256, sidecar))
          .withFact("wheelMetadataSha256", hex(HashAlgorithm.SHA256, w))
          .withFact("sidecarSize", String.valueOf(sidecar.length)).withFact("wheelMetadataSize", String.valueOf(w.length))
          .withFact("firstDifference", String.valueOf(at)));
    }
    return out;
  }

  /**
   * A sidecar the index promises and does not serve.
   *
   * @param index the index, as the report names it
   * @param file the listed file
   * @param failure why the sidecar could not be read
   * @return an {@code index.metadata-mismatch} error
   */
  public static Finding metadataUnavailable(String index, DistributionFile file, IndexException failure) {
    String url = file.coreMetadata().map(m -> m.url().toString()).orElse(file.url().toString());
    return Finding.error(Codes.INDEX_METADATA_MISMATCH, url,
            "The index " + q(index) + " says it serves the metadata of "
                + q(file.filename()) + ", but the sidecar cannot be read: "
                + q(failure.getMessage()) + ".")
        .withFact("index", index).withFact("url", url).withFact("part", "sidecar")
        .withFact("reason", failure.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
  }

  /**
   * A yanked file.
   *
   * @param index the index, as the report names it
   * @param file the listed file
   * @return an {@code index.yanked} warning with the reason, or empty when the file is not yanked
   */
  public static Optional<Finding> yanked(String index, DistributionFile file) {
    return file.yanked().map(reason -> Finding.warning(Codes.INDEX_YANKED, file.url().toString(),
            "The index " + q(index) + " marks " + q(file.filename()) + " as yanked"
                + (reason.isBlank() ? " without a reason" : ": " + q(reason))
                + "; installers skip it unless a requirement pins its exact version.")
        .withFact("index", index).withFact("url", file.url().toString()).withFact("reason", reason));
  }

  /**
   * A file, or its provenance, the index lists and does not serve.
   *
   * @param index the index, as the report names it
   * @param file the listed file
   * @param part {@code file} or {@code provenance}
   * @param failure why it could not be read
   * @return an {@code index.file-missing} error
   */
  public static Finding missing(String index, DistributionFile file, String part, IndexException failure) {
    return Finding.error(Codes.INDEX_FILE_MISSING, failure.uri(),
            "The index " + q(index) + " lists " + (part.equals("file") ? "" : "the " + part + " of ")
                + q(file.filename()) + ", but it cannot be read: " + q(failure.getMessage())
                + ".")
        .withFact("index", index).withFact("url", failure.uri()).withFact("part", part)
        .withFact("reason", failure.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
  }

  /**
   * A file that is listed and hash-checked but not audited: an sdist or another non-wheel file.
   *
   * @param index the index, as the report names it
   * @param file the listed file
   * @return an {@code index.not-audited} note
   */
  public static Finding notAudited(String index, DistributionFile file) {
    String kind = file.kind() == DistributionFile.Kind.SDIST ? "sdist" : "file";
    return Finding.note(Codes.INDEX_NOT_AUDITED, file.url().toString(),
            q(file.filename()) + " is " + (kind.equals("sdist") ? "a source distribution" : "not a wheel")
                + ": listed and hash-checked, not audited.")
        .withFact("index", index).withFact("kind", kind);
  }

  /**
   * A project page that cannot be read.
   *
   * @param index the index, as the report names it
   * @param project the project's name
   * @param failure why
   * @return an {@code index.page-invalid} error
   */
  public static Finding pageUnreadable(String index, String project, IndexException failure) {
    return Finding.error(Codes.INDEX_PAGE_INVALID, failure.uri(),
            "The page of project " + q(project) + " on " + q(index)
                + " cannot be read: " + q(failure.getMessage()) + ".")
        .withFact("index", index).withFact("project", project)
        .withFact("reason", failure.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
  }

  /**
   * A link of a readable page that cannot be taken.
   *
   * @param index the index, as the report names it
   * @param pageUrl the page
   * @param defect the page's defect sentence
   * @return an {@code index.page-invalid} warning
   */
  public static Finding linkDefect(String index, String pageUrl, String defect) {
    return Finding.warning(Codes.INDEX_PAGE_INVALID, pageUrl,
            "A link on " + q(pageUrl) + " cannot be taken: " + q(defect) + ".")
        .withFact("index", index);
  }

  /** Index text in a message: quoted, escaped, cut at 300 characters. */
  private static String q(String s) {
    return Untrusted.quote(s, 300);
  }

  private static String hex(HashAlgorithm a, byte[] bytes) {
    return HexFormat.of().formatHex(a.newDigest().digest(bytes));
  }
}
