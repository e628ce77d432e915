// Verifies the signatures of a wheel under a trust policy (Sigstore root, publisher identity).
//   groovy -cp cli/target/wheeltapper.jar examples/groovy/signatures.groovy [WHEEL [TRUSTED_ROOT_JSON [IDENTITY]]]
// With no argument it uses the project's test corpus (corpus/ of the checkout): rfc8785, attested on Sigstore staging.
import dev.wheeltapper.samples.BundledSamples
import dev.wheeltapper.provenance.ExpectedIdentity
import dev.wheeltapper.provenance.TrustPolicy
import dev.wheeltapper.provenance.trust.SigstoreTrustedRoot
import dev.wheeltapper.verify.WheelVerifier
import java.nio.file.Files
import java.nio.file.Path

boolean defaults = !args
Path wheel = defaults
    ? BundledSamples.corpus('attest/rfc8785-0.1.2-py3-none-any.whl').orElseThrow { new AssertionError('test corpus not found: run inside a checkout or give a wheel') }
    : Path.of(args[0])
String root = defaults ? BundledSamples.corpus('attest/sigstore-staging-trusted_root.json').orElseThrow().toString()
    : (args.length > 1 ? args[1] : null)
String identity = defaults ? 'william@yossarian.net' : (args.length > 2 ? args[2] : null)

def policy = TrustPolicy.builder()
if (root) policy.sigstoreRoot(SigstoreTrustedRoot.parse(Files.readAllBytes(Path.of(root))))
if (identity) policy.identity(ExpectedIdentity.parse(identity))
def report = WheelVerifier.builder().trustPolicy(policy.build()).build().verify(wheel)

report.signatures().each { s -> println "${s.kind().label()} ${s.status().label()} by ${s.signer().orElse('?')}: ${s.detail()}" }
report.findings().each { f -> println "${f.severity().label()} ${f.code()}: ${f.message()}" }
println "${report.fileName()} ${report.validlySigned() ? 'is intact and validly signed' : 'is NOT validly signed'}"

if (defaults) {
  assert report.validlySigned() && report.signatures().size() == 3
  // The same wheel under the default policy (the production root): untrusted, a warning, still passing.
  def production = WheelVerifier.defaults().verify(wheel)
  println "against the production root: ${production.findings('signature.untrusted').size()} untrusted"
  assert production.passed() && !production.validlySigned() && production.has('signature.untrusted')
}
