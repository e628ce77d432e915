/**
 * The checks of a simple repository's promises against the bytes it serves: {@link
 * dev.wheeltapper.index.check.IndexFileCheck} turns a listed file, the digests of its bytes, its metadata sidecar and
 * the wheel's own METADATA into {@code index.*} findings. It reads nothing itself: the caller fetches (through
 * {@code SimpleIndex}) and hashes, so a Spark job and the command line share the verdicts.
 */
package dev.wheeltapper.index.check;
