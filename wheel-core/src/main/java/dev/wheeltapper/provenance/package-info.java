/**
 * Provenance: who vouches for a distribution, verified offline under a caller-given {@link
 * dev.wheeltapper.provenance.TrustPolicy}.
 *
 * <ul>
 *   <li>{@link dev.wheeltapper.provenance.pep740.Pep740Verifier}: PEP 740 attestations, provenance objects and
 *       Sigstore bundles (Sigstore trusted root, Rekor log, Fulcio identity);
 *   <li>{@link dev.wheeltapper.provenance.jws.RecordJwsVerifier}: {@code RECORD.jws} (Ed25519, deprecated by PEP 815);
 *   <li>{@link dev.wheeltapper.provenance.cms.RecordP7sVerifier}: {@code RECORD.p7s} (CMS, deprecated by PEP 815);
 *   <li>{@link dev.wheeltapper.provenance.openpgp.OpenPgpVerifier}: detached {@code NAME.whl.asc}.
 * </ul>
 *
 * <p>Every verifier answers a {@link dev.wheeltapper.provenance.SignatureResult} (kind, status, signer, detail,
 * findings) and never throws on hostile input. A signature vouches for RECORD (the signed-RECORD forms) or for the
 * exact bytes the caller hashed (PEP 740, OpenPGP): a wheel is validly signed only when RECORD also verifies against
 * the archive content, which the caller checks separately. All types are immutable and thread-safe; nothing touches
 * the network.
 */
package dev.wheeltapper.provenance;
