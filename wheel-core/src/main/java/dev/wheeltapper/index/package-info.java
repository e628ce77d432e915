/**
 * A Python package index as input: the simple repository API (PEP 503 HTML, PEP 691 JSON) read into a typed model
 * ({@link dev.wheeltapper.index.SimpleIndex} ─► {@link dev.wheeltapper.index.ProjectRef} ─► {@link
 * dev.wheeltapper.index.ProjectPage} ─► {@link dev.wheeltapper.index.DistributionFile}, with the hashes, PEP 592
 * yanking, PEP 658/714 metadata sidecars and PEP 740 provenance links the index gives), and the bounded reading of
 * the bytes it points to, locally or over HTTP. Everything in the model is the index's claim;
 * {@code dev.wheeltapper.index.check} holds the claims against the bytes.
 */
package dev.wheeltapper.index;
