/**
 * Raw reading of simple-repository pages: {@link dev.wheeltapper.index.internal.AnchorScanner}, a bounded scanner of
 * the {@code <a>} elements of a PEP 503 HTML page. It knows nothing of projects, hashes or yanking; {@code
 * dev.wheeltapper.index} turns its anchors into the typed model. Internal to wheel-core; not exported.
 */
package dev.wheeltapper.index.internal;
