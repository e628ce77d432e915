// Verifies the signatures of a wheel under a trust policy (Sigstore root, publisher identity).
//   jshell --class-path cli/target/wheeltapper.jar examples/jshell/signatures.jsh
//   jshell -R-Dwheel=W.whl -R-Droot=trusted_root.json -R-Didentity=owner/repo@release.yml \
//          --class-path cli/target/wheeltapper.jar examples/jshell/signatures.jsh
// With no property it uses the project's test corpus (corpus/ of the checkout): rfc8785, attested on Sigstore staging.
import dev.wheeltapper.samples.BundledSamples;
import dev.wheeltapper.provenance.ExpectedIdentity;
import dev.wheeltapper.provenance.TrustPolicy;
import dev.wheeltapper.provenance.trust.SigstoreTrustedRoot;
import dev.wheeltapper.verify.VerificationReport;
import dev.wheeltapper.verify.WheelVerifier;
import java.nio.file.Files;
import java.nio.file.Path;

boolean defaults = System.getProperty("wheel") == null;
Path wheel = defaults ? BundledSamples.corpus("attest/rfc8785-0.1.2-py3-none-any.whl").orElseThrow(
    () -> new AssertionError("test corpus not found: run inside a checkout or give -R-Dwheel=...")) : Path.of(System.getProperty("wheel"));
String root = defaults ? BundledSamples.corpus("attest/sigstore-staging-trusted_root.json").orElseThrow().toString() : System.getProperty("root");
String identity = defaults ? "william@yossarian.net" : System.getProperty("identity");

TrustPolicy.Builder policy = TrustPolicy.builder();
if (root != null) policy.sigstoreRoot(SigstoreTrustedRoot.parse(Files.readAllBytes(Path.of(root))));
if (identity != null) policy.identity(ExpectedIdentity.parse(identity));
VerificationReport report = WheelVerifier.builder().trustPolicy(policy.build()).build().verify(wheel);

report.signatures().forEach(s -> System.out.println(s.kind().label() + " " + s.status().label() + " by " + s.signer().orElse("?") + ": " + s.detail()));
report.findings().forEach(f -> System.out.println(f.severity().label() + " " + f.code() + ": " + f.message()));
System.out.println(report.fileName() + (report.validlySigned() ? " is intact and validly signed" : " is NOT validly signed"));

if (defaults && !(report.validlySigned() && report.signatures().size() == 3)) throw new AssertionError("rfc8785 should verify against the staging root");
// The same wheel under the default policy (the production root): untrusted, a warning, still passing.
if (defaults) {
  VerificationReport production = WheelVerifier.defaults().verify(wheel);
  System.out.println("against the production root: " + production.findings("signature.untrusted").size() + " untrusted");
  if (production.validlySigned() || !production.passed() || !production.has("signature.untrusted")) throw new AssertionError("expected untrusted");
}
/exit
