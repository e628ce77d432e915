/**
 * PEP 740 attestations verified offline: {@link dev.wheeltapper.provenance.pep740.Pep740Verifier}, the Sigstore
 * {@link dev.wheeltapper.provenance.trust.SigstoreTrustedRoot} and the signer's
 * {@link dev.wheeltapper.provenance.pep740.FulcioIdentity}. The verification stages are package-private classes named
 * after them: {@code AttestationContainers}, {@code DsseEnvelope}, {@code InTotoStatement}, {@code
 * TransparencyLogEntry} (with {@code RekorEntryBody} and {@code Merkle}), {@code Checkpoint}, {@code
 * FulcioCertificate} (with {@code EmbeddedScts}) and {@code PublisherIdentity}.
 */
package dev.wheeltapper.provenance.pep740;
