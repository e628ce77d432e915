/**
 * A small, strict, bounded JSON reader (RFC 8259) for signature and attestation objects: it limits input size,
 * nesting depth and member counts, rejects duplicate member names and invalid UTF-8, and never recurses without a
 * bound. Internal to wheel-core; not exported.
 */
package dev.wheeltapper.provenance.json;
