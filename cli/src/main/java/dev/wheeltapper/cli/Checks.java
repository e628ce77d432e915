package dev.wheeltapper.cli;

import dev.wheeltapper.audit.InstalledTogether;
import dev.wheeltapper.audit.NativeBinaries;
import dev.wheeltapper.audit.WheelAudit;
import dev.wheeltapper.audit.WheelAuditReport;
import dev.wheeltapper.pep508.InvalidRequirementException;
import dev.wheeltapper.pep508.Requirement;
import dev.wheeltapper.provenance.ExpectedIdentity;
import dev.wheeltapper.provenance.trust.InvalidTrustMaterialException;
import dev.wheeltapper.provenance.SignatureResult;
import dev.wheeltapper.provenance.SignatureStatus;
import dev.wheeltapper.provenance.TrustPolicy;
import dev.wheeltapper.provenance.trust.OpenPgpKeyring;
import dev.wheeltapper.provenance.trust.SigstoreTrustedRoot;
import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Severity;
import dev.wheeltapper.verify.VerificationReport;
import dev.wheeltapper.verify.WheelVerifier;
import dev.wheeltapper.wheel.Tag;
import dev.wheeltapper.wheel.Wheel;
import dev.wheeltapper.wheel.WheelFilename;
import dev.wheeltapper.wheel.metadata.WheelInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The library calls behind the commands, configured once from the options: turns library results into {@link
 * ArtifactReport}s. Thread-safe: artifacts are processed concurrently.
 */
final class Checks {
  private final WheelVerifier verifier;
  private final WheelAudit wheelAudit;
  /** The wheels of this run, for the platform policy of wheels installed together. */
  private final InstalledTogether run = new InstalledTogether();
  /**
   * The wheels whose policy names external libraries and that require other projects, by artifact path: their file
   * name and the projects they require, all the end-of-run pass needs besides what {@link #run} keeps (never the
   * audit itself, so a wheel's binaries are released as soon as its report is written).
   */
  private final Map<String, Pending> withExternal = new ConcurrentHashMap<>();

  /** What the end-of-run pass keeps of a wheel with external libraries. */
  private record Pending(String fileName, Set<String> requires) {}

  /**
   * The run's one pool of {@code --jobs} threads: artifacts and the work within each wheel (its entries, its whole-file
   * digest) are tasks on it, so both kinds keep every thread busy whatever the mix of wheel sizes.
   */
  private final ExecutorService pool;

  /** The cache of {@code audit --cache}, or null. */
  private volatile CachedAudit cache;

  private Checks(WheelVerifier verifier, ExecutorService pool) {
    this.verifier = verifier;
    this.wheelAudit = WheelAudit.of(verifier);
    this.pool = pool;
  }

  /**
   * Configures the checks from the command line.
   *
   * @param o the options
   * @param artifacts how many artifacts will be processed (every one shares the one pool of {@code --jobs} threads)
   */
  static Checks from(CommonOptions o, Optional<TrustOptions> t, int artifacts) throws UsageException {
    TrustPolicy trust = t.isPresent() ? trustPolicy(t.get()) : TrustPolicy.defaults();
    // --jobs threads in all, one pool: artifacts are started on it up to --jobs at a time (OrderedRun), and each
    // wheel offers its entries to the same threads (the wheel's own thread takes them too), so a thread that has no
    // artifact to start helps a big wheel instead of idling. Threads start on first use.
    int jobs = Math.max(1, o.jobs);
    ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
      Thread th = new Thread(r, "wheeltapper-worker");
      th.setDaemon(true);
      return th;
    });
    WheelVerifier.Builder b = WheelVerifier.builder().parallelism(jobs).limits(o.limits()).trustPolicy(trust);
    if (jobs > 1) {
      b.executor(pool);
    }
    return new Checks(b.build(), pool);
  }

  /**
   * The run's pool, for {@link OrderedRun}, which shuts it down when the run ends.
   *
   * @return the pool of {@code --jobs} threads
   */
  ExecutorService pool() {
    return pool;
  }

  private static TrustPolicy trustPolicy(TrustOptions o) throws UsageException {
    TrustPolicy.Builder b = TrustPolicy.builder().requireSignature(o.requireSignature).anyIdentity(o.anyIdentity);
    try {
      for (Path p : o.trustCerts) {
        b.x509AnchorsPem(new String(read(p, "--trust-cert"), StandardCharsets.UTF_8));
      }
      for (Path p : o.trustKeys) {
        b.ed25519Key(read(p, "--trust-key"));
      }
      for (Path p : o.keyrings) {
        b.openPgpKeyring(OpenPgpKeyring.parse(read(p, "--keyring")));
      }
      if (o.sigstoreRoot().isPresent()) {
        b.sigstoreRoot(SigstoreTrustedRoot.parse(read(o.sigstoreRoot().get(), "--sigstore-root")));
      }
    } catch (InvalidTrustMaterialException e) {
      throw new UsageException("unusable trust material: " + e.getMessage());
    }
    for (String id : o.identities) {
      try {
        b.identity(ExpectedIdentity.parse(id));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--identity " + id + ": " + e.getMessage());
      }
    }
    return b.build();
  }

  private static byte[] read(Path p, String option) throws UsageException {
    try {
      if (Files.size(p) > 16L << 20) {
        throw new UsageException(option + " " + p + " is larger than 16 MiB");
      }
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UsageException("cannot read " + option + " " + p + ": " + e.getMessage());
    }
  }

  /** {@code verify}: integrity and signatures of one wheel. */
  ArtifactReport verify(Targets.Target target) throws IOException {
    VerificationReport r = verifier.verify(target.file());
    return new ArtifactReport(target.display(), "wheel", r.sha256(), summary(r), r.findings(),
        r.signatures().stream().map(Checks::signature).toList(), ArtifactReport.Binaries.NONE, Optional.empty(),
        Optional.of(new ArtifactReport.Overview(Optional.empty(), Optional.of(signed(r)))), Severity.ERROR,
        ArtifactInventory.ofVerified(r, target.file()));
  }

  /** {@code inspect}: every native binary of a wheel, or a bare file that is one. */
  ArtifactReport inspect(Targets.Target target) throws IOException {
    if (isWheel(target)) {
      // The same strict one-pass read as verify and audit: an archive they refuse (not a ZIP, truncated, tampered)
      // is refused here too. Signatures and platform policy are verify's and audit's to judge.
      WheelAuditReport a = wheelAudit.audit(target.file());
      List<Finding> findings = a.findings().stream()
          .filter(f -> !f.code().startsWith("policy.") && !f.code().startsWith("signature.")).toList();
      return new ArtifactReport(target.display(), "wheel", a.verification().sha256(), summary(a.verification()),
          findings, List.of(), ArtifactReport.Binaries.of(a.binaries()), Optional.empty(),
          Optional.of(new ArtifactReport.Overview(Optional.of(natives(a)), Optional.empty())), Severity.ERROR,
          ArtifactInventory.ofAudited(a, Optional.of(() -> Wheel.open(target.file()))));
    }
    NativeBinaries.Result b = NativeBinaries.inspectFile(target.file(), target.display());
    List<Finding> findings = new ArrayList<>(b.findings());
    if (b.inspected().isEmpty() && b.recognised().isEmpty() && findings.isEmpty()) {
      findings.add(Finding.note(Codes.BINARY_NOT_NATIVE, target.display(),
          "Not a native binary: no ELF, PE, Mach-O or WebAssembly magic number."));
    }
    String sha256 = sha256(target.file());
    return new ArtifactReport(target.display(), "binary", sha256, Optional.empty(), findings,
        List.of(), ArtifactReport.Binaries.of(b), Optional.empty(), Optional.empty(), Severity.ERROR,
        ArtifactInventory.ofBinary(b, target.display(), sha256));
  }

  /**
   * {@code audit}: verification, every native binary, contradictions between binaries and tags, and the platform
   * policy (manylinux/musllinux, abi3) of a wheel, through {@link WheelAudit}; a bare binary is inspected.
   */
  ArtifactReport audit(Targets.Target target) throws IOException {
    if (!isWheel(target)) {
      return inspect(target);
    }
    return cache == null ? auditWheel(target).report() : cache.audit(target, this);
  }

  /**
   * A wheel's audit report, the library entries it offers the wheels installed with it, and what it needs of them
   * ({@link #offer}).
   */
  record Audited(ArtifactReport report, List<String> offers, Optional<InstalledTogether.Need> need) {}

  /** The audit of one wheel, without the cache. */
  Audited auditWheel(Targets.Target target) throws IOException {
    WheelAuditReport a = wheelAudit.audit(target.file());
    run.add(a);
    boolean external = a.policy().manylinux().map(p -> !p.externalLibraries().isEmpty()).orElse(false)
        || a.policy().musllinux().map(p -> !p.externalLibraries().isEmpty()).orElse(false);
    if (external) {
      Set<String> requires = requires(a);
      if (!requires.isEmpty()) {
        withExternal.put(target.display(), new Pending(a.verification().fileName(), requires));
      }
    }
    return new Audited(ArtifactReports.audited(target.display(), a, target.file()),
        InstalledTogether.libraryEntries(a.entryNames()), run.need(a.verification().fileName()));
  }

  /**
   * A wheel replayed from the cache takes part in the run's end-of-run pass as an audited one would: it offers its
   * libraries, and one that names external libraries is judged again with the wheels it requires.
   */
  void offer(String display, String fileName, List<String> libraryEntries, Optional<InstalledTogether.Need> need) {
    String name;
    try {
      name = WheelFilename.parse(fileName).normalizedName();
    } catch (dev.wheeltapper.wheel.InvalidWheelFilenameException e) {
      return; // InstalledTogether ignores a wheel whose file name does not parse
    }
    if (need.isEmpty()) {
      run.offer(fileName, name, libraryEntries);
      return;
    }
    run.restore(fileName, name, libraryEntries, need.get());
    if (!need.get().requires().isEmpty()) {
      withExternal.put(display, new Pending(fileName, new TreeSet<>(need.get().requires())));
    }
  }

  /** Audits wheels through the cache of {@code audit --cache} from now on. */
  void useCache(CachedAudit c) {
    this.cache = c;
  }

  static ArtifactReport.Natives natives(WheelAuditReport a) {
    return new ArtifactReport.Natives(a.languages(), a.memorySafe());
  }

  /** Signed: at least one signature verified under the trust given (untrusted, invalid, unsupported do not count). */
  static boolean signed(VerificationReport r) {
    return r.signatures().stream().anyMatch(s -> s.status() == SignatureStatus.VALID);
  }

  /** The normalized names of the projects a wheel requires ({@code Requires-Dist}); unreadable ones provide nothing. */
  private static Set<String> requires(WheelAuditReport a) {
    Set<String> out = new TreeSet<>();
    for (String req : a.verification().metadata().map(m -> m.requiresDist()).orElse(List.of())) {
      try {
        out.add(WheelFilename.normalizeName(Requirement.parse(req).name()));
      } catch (InvalidRequirementException e) {
        // metadata.invalid reports it
      }
    }
    return out;
  }

  /**
   * The projects whose wheels in this run must be processed before {@link #withDependencies} can judge this report.
   *
   * @param r an audited report
   * @return their normalized names; empty unless the wheel names external libraries
   */
  Set<String> waitsFor(ArtifactReport r) {
    Pending p = withExternal.get(r.path());
    return p == null ? Set.of() : p.requires();
  }

  /**
   * Adds, to a wheel whose policy names external libraries, the verdict with the wheels it requires from the same run
   * installed beside it ({@code policy.<family>.withDependencies}), and names the providing wheel in its violations.
   * The wheel's own verdict and exit code stay auditwheel's. Call once every wheel {@link #waitsFor} names is done.
   */
  ArtifactReport withDependencies(ArtifactReport ar) {
    Pending p = withExternal.get(ar.path());
    List<InstalledTogether.Result> together = p == null ? List.of() : run.resolve(p.fileName());
    if (together.isEmpty() || ar.policy().isEmpty()) {
      return ar;
    }
    Map<String, String> provided = new TreeMap<>();
    for (InstalledTogether.Result t : together) {
      provided.putAll(t.providedBy());
    }
    List<Finding> findings = new ArrayList<>();
    for (Finding f : ar.findings()) {
      if (f.code().equals(Codes.POLICY_MANYLINUX_VIOLATION)) {
        StringBuilder msg = new StringBuilder(f.message());
        provided.forEach((lib, where) -> {
          if (f.message().contains(lib)) {
            msg.append(" With its dependencies installed, ").append(lib).append(" is provided by ")
                .append(where.replace("!", " (")).append(").");
          }
        });
        findings.add(f.withMessage(msg.toString()));
      } else {
        findings.add(f);
      }
    }
    return new ArtifactReport(ar.path(), ar.kind(), ar.sha256(), ar.wheel(), findings, ar.signatures(),
        ar.binaries(), Optional.of(new ArtifactReport.Policy(ar.policy().get().report(), together)), ar.overview(),
        ar.failAt(), ar.inventory());
  }

  /**
   * The report of an artifact that could not be read at all: no hash, one finding.
   *
   * @param target the artifact
   * @param code {@code input.missing} or {@code input.unreadable}
   * @param message the finding's sentence
   * @return a failing report
   */
  static ArtifactReport unreadable(Targets.Target target, String code, String message) {
    return new ArtifactReport(target.display(), isWheel(target) ? "wheel" : "binary", "", Optional.empty(),
        List.of(Finding.error(code, target.display(), message)), List.of(), ArtifactReport.Binaries.NONE,
        Optional.empty());
  }

  private static boolean isWheel(Targets.Target target) {
    return String.valueOf(target.file().getFileName()).endsWith(".whl");
  }

  static String sha256(Path file) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  static Optional<ArtifactReport.WheelSummary> summary(VerificationReport r) {
    return r.filename().map(f -> {
      Optional<WheelInfo> info = r.wheelInfo();
      return new ArtifactReport.WheelSummary(
          f.distribution(),
          f.version(),
          f.build().map(b -> b.value()),
          f.tags().stream().map(Tag::toString).toList(),
          info.flatMap(WheelInfo::rootIsPurelib),
          info.flatMap(WheelInfo::wheelVersion),
          r.metadata().flatMap(m -> m.metadataVersion()),
          info.flatMap(WheelInfo::generator));
    });
  }

  static ArtifactReport.SignatureReport signature(SignatureResult s) {
    // the verifier names the file each signature was read from; older callers only in its findings
    Optional<String> source = s.source().or(() -> s.findings().stream().map(Finding::path)
        .filter(p -> !p.isEmpty()).findFirst());
    return new ArtifactReport.SignatureReport(s.kind().label(), s.status().label(), s.signer(), s.detail(), source);
  }
}
