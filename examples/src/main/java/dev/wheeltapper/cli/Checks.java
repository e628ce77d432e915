package dev.wheeltapper.cli;

import dev.wheeltapper.provenance.ExpectedIdentity;
import dev.wheeltapper.provenance.InvalidTrustMaterialException;
import dev.wheeltapper.provenance.SignatureResult;
import dev.wheeltapper.provenance.TrustPolicy;
import dev.wheeltapper.provenance.openpgp.OpenPgpKeyring;
import dev.wheeltapper.provenance.pep740.SigstoreTrustedRoot;
import dev.wheeltapper.verify.VerificationReport;
import dev.wheeltapper.verify.WheelVerifier;
import dev.wheeltapper.wheel.Tag;
import dev.wheeltapper.wheel.metadata.WheelInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The library calls behind the commands, configured once from the options: turns library results into {@link
 * ArtifactReport}s. Thread-safe: artifacts are processed concurrently.
 */
final class Checks {
  private final WheelVerifier verifier;

  private Checks(WheelVerifier verifier) {
    this.verifier = verifier;
  }

  /**
   * Configures the checks from the command line.
   *
   * @param o the options
   * @param artifacts how many artifacts will be processed (to split {@code --jobs} between and within them)
   */
  static Checks from(CommonOptions o, int artifacts) throws UsageException {
    TrustPolicy trust = trustPolicy(o);
    // --jobs threads in all: across artifacts first, the rest within each wheel.
    int within = Math.max(1, o.jobs / Math.max(1, Math.min(o.jobs, artifacts)));
    return new Checks(WheelVerifier.builder().parallelism(within).trustPolicy(trust).build());
  }

  private static TrustPolicy trustPolicy(CommonOptions o) throws UsageException {
    TrustPolicy.Builder b = TrustPolicy.builder().requireSignature(o.requireSignature);
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
        r.signatures().stream().map(Checks::signature).toList(), List.of(), Optional.empty());
  }

  /** {@code audit}: verification plus the native-binary and policy checks available in this version. */
  ArtifactReport audit(Targets.Target target) throws IOException {
    return verify(target);
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
    return new ArtifactReport.SignatureReport(s.kind().label(), s.status().label(), s.signer(), s.detail());
  }
}
