package dev.wheeltapper.examples;

import dev.wheeltapper.samples.BundledSamples;
import dev.wheeltapper.provenance.ExpectedIdentity;
import dev.wheeltapper.provenance.SignatureResult;
import dev.wheeltapper.provenance.TrustPolicy;
import dev.wheeltapper.provenance.trust.SigstoreTrustedRoot;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.verify.VerificationReport;
import dev.wheeltapper.verify.WheelVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Verifies the signatures beside and inside a wheel (PEP 740 attestations, RECORD.jws, RECORD.p7s, OpenPGP {@code
 * .asc}) under a trust policy: which Sigstore root, which publisher identity, whether a signature is required.
 *
 * <pre>{@code
 * java -cp cli/target/wheeltapper.jar:examples/target/wheeltapper-examples.jar dev.wheeltapper.examples.VerifySignatures \
 *     [WHEEL [SIGSTORE_TRUSTED_ROOT_JSON [IDENTITY]]]
 * }</pre>
 *
 * <p>With no argument it takes {@code rfc8785-0.1.2-py3-none-any.whl} from the project's test corpus ({@code corpus/attest/}), whose attestations were
 * logged on Sigstore <em>staging</em>, and verifies it twice: against the staging root (valid) and against the
 * bundled production root (untrusted). Without the corpus it shows a required signature missing from a bundled
 * sample.
 */
public final class VerifySignatures {
  private VerifySignatures() {}

  /**
   * Runs the example.
   *
   * @param args optional wheel, trusted root and identity ({@code REPO[@WORKFLOW]} or an e-mail)
   * @throws Exception when a file cannot be read or the trusted root is not valid trust material
   */
  public static void main(String[] args) throws Exception {
    Optional<Path> corpusWheel = BundledSamples.corpus("attest/rfc8785-0.1.2-py3-none-any.whl");
    if (args.length == 0 && corpusWheel.isEmpty()) {
      // No signed wheel at hand: a policy that requires a signature fails an unsigned wheel with signature.missing.
      TrustPolicy required = TrustPolicy.builder().requireSignature(true).build();
      print("required signature", WheelVerifier.builder().trustPolicy(required).build()
          .verify(BundledSamples.wheel("wt_hardened")));
      return;
    }
    Path wheel = args.length > 0 ? Path.of(args[0]) : corpusWheel.orElseThrow();
    Optional<Path> root = args.length > 1 ? Optional.of(Path.of(args[1]))
        : args.length == 0 ? BundledSamples.corpus("attest/sigstore-staging-trusted_root.json") : Optional.empty();
    Optional<String> identity = args.length > 2 ? Optional.of(args[2])
        : args.length == 0 ? Optional.of("william@yossarian.net") : Optional.empty();

    // The policy: trust this Sigstore root (instead of the bundled public-good one) and require this publisher.
    TrustPolicy.Builder policy = TrustPolicy.builder();
    if (root.isPresent()) {
      policy.sigstoreRoot(SigstoreTrustedRoot.parse(Files.readAllBytes(root.get())));
    }
    identity.ifPresent(id -> policy.identity(ExpectedIdentity.parse(id)));
    VerificationReport report = WheelVerifier.builder().trustPolicy(policy.build()).build().verify(wheel);
    print("with " + root.map(p -> p.getFileName().toString()).orElse("the Sigstore public-good root")
        + identity.map(id -> " and identity " + id).orElse(""), report);

    if (root.isPresent()) {
      // The same files under the default policy: intact and consistent, but not from a log this policy trusts.
      print("with the default policy", WheelVerifier.defaults().verify(wheel));
    }
  }

  private static void print(String title, VerificationReport report) {
    System.out.println(report.fileName() + " " + title);
    for (SignatureResult s : report.signatures()) {
      System.out.println("  " + s.kind().label() + " " + s.status().label() + " by " + s.signer().orElse("?"));
      System.out.println("    " + s.detail());
    }
    for (Finding f : report.findings()) {
      System.out.println("  " + f.severity().label() + " " + f.code() + ": " + f.message());
    }
    // validlySigned(): the wheel is intact AND a signature is valid. A signature alone vouches for RECORD or the
    // file's bytes, never for a wheel whose content disagrees with its RECORD.
    System.out.println("  passed " + report.passed() + ", validly signed " + report.validlySigned());
  }
}
