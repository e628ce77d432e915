/**
 * The raw ZIP structure scan: local file headers against the central directory, and the reading limits.
 */
package dev.wheeltapper.zip;
