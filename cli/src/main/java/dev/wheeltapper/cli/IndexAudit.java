package dev.wheeltapper.cli;

import dev.wheeltapper.digest.HashAlgorithm;
import dev.wheeltapper.index.DistributionFile;
import dev.wheeltapper.index.IndexException;
import dev.wheeltapper.index.SimpleIndex;
import dev.wheeltapper.index.check.IndexFileCheck;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.wheel.DistInfoDirectory;
import dev.wheeltapper.wheel.Wheel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One file of an index, audited: the bytes fetched (a local file read in place; an HTTP file downloaded to a
 * temporary folder, hashed as it arrives), the wheel audited as {@code audit PATH} audits it (its PEP 740 provenance,
 * when the index links one, placed beside it as {@code NAME.whl.provenance} so that the same verifier reads it), and
 * the index's promises checked by {@link IndexFileCheck}: hashes, metadata sidecar, yanking. Non-wheel files are
 * hashed and listed, not audited. Whatever cannot be read is a finding on that file. Thread-safe.
 */
final class IndexAudit implements AutoCloseable {
  /** The largest METADATA read from a wheel for the comparison with its sidecar (the sidecar's own cap). */
  private final int maxMetadata;
  private final SimpleIndex index;
  private final String name;
  private final Path runDir;

  IndexAudit(SimpleIndex index, String name) throws IOException {
    this.index = index;
    this.name = name;
    this.maxMetadata = index.limits().maxSidecarBytes();
    this.runDir = Files.createTempDirectory("wheeltapper-index-");
    runDir.toFile().deleteOnExit();
  }

  ArtifactReport process(DistributionFile f, String display, Checks checks) throws IOException {
    List<Finding> indexFindings = new ArrayList<>();
    IndexFileCheck.yanked(name, f).ifPresent(indexFindings::add);
    if (f.kind() != DistributionFile.Kind.WHEEL) {
      return notAudited(f, display, indexFindings);
    }
    Path dir = null;
    try {
      Optional<Path> local;
      try {
        local = index.localFile(f);
      } catch (IndexException e) {
        return missing(f, display, "wheel", indexFindings, e);
      }
      Map<HashAlgorithm, String> actual = new EnumMap<>(HashAlgorithm.class);
      Path wheel;
      boolean stage = local.isEmpty() || f.provenance().isPresent()
          || !String.valueOf(local.get().getFileName()).equals(f.filename());
      if (stage) {
        // its own folder: the verifier looks for NAME.whl.* signature files beside the wheel
        dir = Files.createTempDirectory(runDir, "f");
        wheel = dir.resolve(f.filename());
        if (local.isPresent()) {
          Files.createSymbolicLink(wheel, local.get());
        } else {
          try {
            actual.putAll(download(f, wheel));
          } catch (IndexException e) {
            return missing(f, display, "wheel", indexFindings, e);
          }
        }
        if (f.provenance().isPresent()) {
          try {
            Files.write(dir.resolve(f.filename() + ".provenance"), index.readSidecar(f.provenance().get()));
          } catch (IndexException e) {
            indexFindings.add(IndexFileCheck.missing(name, f, "provenance", e));
          }
        }
      } else {
        wheel = local.get();
      }
      ArtifactReport a = checks.audit(new Targets.Target(wheel, display));
      actual.putIfAbsent(HashAlgorithm.SHA256, a.sha256());
      Set<HashAlgorithm> more = IndexFileCheck.algorithms(f);
      more.removeAll(actual.keySet());
      if (!more.isEmpty()) {
        actual.putAll(digest(wheel, more));
      }
      indexFindings.addAll(IndexFileCheck.hashes(name, f, actual));
      if (f.coreMetadata().isPresent()) {
        try {
          byte[] sidecar = index.readSidecar(f.coreMetadata().get().url());
          indexFindings.addAll(IndexFileCheck.metadata(name, f, sidecar, wheelMetadata(wheel)));
        } catch (IndexException e) {
          indexFindings.add(IndexFileCheck.metadataUnavailable(name, f, e));
        }
      }
      List<Finding> all = new ArrayList<>(a.findings());
      all.addAll(indexFindings);
      return new ArtifactReport(display, a.kind(), a.sha256(), a.wheel(), all, a.signatures(), a.binaries(),
          a.policy(), a.overview(), a.failAt(), a.inventory());
    } finally {
      if (dir != null) {
        deleteTree(dir);
      }
    }
  }

  /** An sdist or other file: hashed from its stream, listed, not audited. */
  private ArtifactReport notAudited(DistributionFile f, String display, List<Finding> indexFindings)
      throws IOException {
    Set<HashAlgorithm> algs = IndexFileCheck.algorithms(f);
    algs.add(HashAlgorithm.SHA256);
    Map<HashAlgorithm, String> actual;
    try (InputStream in = index.openFile(f)) {
      actual = digest(in, algs, OutputStream.nullOutputStream());
    } catch (IndexException e) {
      return missing(f, display, kind(f), indexFindings, e);
    }
    List<Finding> all = new ArrayList<>();
    all.add(IndexFileCheck.notAudited(name, f));
    all.addAll(indexFindings);
    all.addAll(IndexFileCheck.hashes(name, f, actual));
    return new ArtifactReport(display, kind(f), actual.get(HashAlgorithm.SHA256), Optional.empty(), all, List.of(),
        ArtifactReport.Binaries.NONE, Optional.empty());
  }

  private ArtifactReport missing(DistributionFile f, String display, String kind, List<Finding> indexFindings,
      IndexException e) {
    List<Finding> all = new ArrayList<>();
    all.add(IndexFileCheck.missing(name, f, "file", e));
    all.addAll(indexFindings);
    return new ArtifactReport(display, kind, "", Optional.empty(), all, List.of(), ArtifactReport.Binaries.NONE,
        Optional.empty());
  }

  private static String kind(DistributionFile f) {
    return switch (f.kind()) {
      case WHEEL -> "wheel";
      case SDIST -> "sdist";
      case OTHER -> "file";
    };
  }

  /** Downloads a file, hashing it as it arrives with every algorithm its link names. */
  private Map<HashAlgorithm, String> download(DistributionFile f, Path to) throws IOException {
    try (InputStream in = index.openFile(f); OutputStream out = Files.newOutputStream(to)) {
      return digest(in, IndexFileCheck.algorithms(f), out);
    }
  }

  private static Map<HashAlgorithm, String> digest(Path file, Set<HashAlgorithm> algs) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return digest(in, algs, OutputStream.nullOutputStream());
    }
  }

  private static Map<HashAlgorithm, String> digest(InputStream in, Set<HashAlgorithm> algs, OutputStream copy)
      throws IOException {
    Map<HashAlgorithm, MessageDigest> mds = new EnumMap<>(HashAlgorithm.class);
    for (HashAlgorithm a : algs) {
      mds.put(a, a.newDigest());
    }
    byte[] buf = new byte[1 << 16];
    // ends: the stream is capped at the index's maxFileBytes and its deadline
    for (int n; (n = in.read(buf)) > 0; ) {
      for (MessageDigest md : mds.values()) {
        md.update(buf, 0, n);
      }
      copy.write(buf, 0, n);
    }
    Map<HashAlgorithm, String> out = new EnumMap<>(HashAlgorithm.class);
    mds.forEach((a, md) -> out.put(a, HexFormat.of().formatHex(md.digest())));
    return out;
  }

  /** The wheel's own {@code .dist-info/METADATA}, when the wheel can be read (its findings say why not). */
  private Optional<byte[]> wheelMetadata(Path wheel) {
    try (Wheel w = Wheel.open(wheel)) {
      DistInfoDirectory d = w.distInfo();
      return Optional.of(w.readEntry(d.resolve("METADATA"), maxMetadata));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temporary file left behind is not worth failing the run
    }
  }

  @Override
  public void close() {
    deleteTree(runDir);
  }
}
