/** RECORD.jws: the historical JWS JSON serialization over the SHA-256 of RECORD, signed with Ed25519. */
package dev.wheeltapper.provenance.jws;
