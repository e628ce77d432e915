/**
 * Provenance: who vouches for a wheel (PEP 740 attestations, RECORD.p7s, RECORD.jws, detached OpenPGP) under a trust policy.
 */
package dev.wheeltapper.provenance;
