/**
 * Trust material, as loaded from files: OpenPGP keyrings ({@link dev.wheeltapper.provenance.trust.OpenPgpKeyring}) and
 * the Sigstore trusted root ({@link dev.wheeltapper.provenance.trust.SigstoreTrustedRoot}). It sits below
 * {@code provenance.TrustPolicy}, which holds it, and below the signature forms, which read it.
 */
package dev.wheeltapper.provenance.trust;
