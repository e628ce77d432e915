/** Shared helpers of the signature verifiers (encodings, keys, hashing). Internal to wheel-core; not exported. */
package dev.wheeltapper.provenance.internal;
