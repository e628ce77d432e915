/**
 * A strict, bounded JSON reader (RFC 8259) for signature and attestation objects, on jackson-core's streaming parser:
 * it limits input size, nesting depth and value counts (and sets jackson's {@code StreamReadConstraints} behind
 * them), rejects duplicate member names, a byte order mark, trailing data and invalid UTF-8, and builds the small
 * immutable {@code JsonValue} tree without recursion. Internal to wheel-core; not exported.
 */
package dev.wheeltapper.provenance.json;
