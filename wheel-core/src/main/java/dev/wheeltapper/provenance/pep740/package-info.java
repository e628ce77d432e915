/**
 * PEP 740 attestations verified offline: {@link dev.wheeltapper.provenance.pep740.Pep740Verifier}, the Sigstore
 * {@link dev.wheeltapper.provenance.trust.SigstoreTrustedRoot} and the signer's
 * {@link dev.wheeltapper.provenance.pep740.FulcioIdentity}.
 */
package dev.wheeltapper.provenance.pep740;

import dev.wheeltapper.provenance.trust.SigstoreTrustedRoot;
