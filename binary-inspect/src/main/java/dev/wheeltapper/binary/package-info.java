/**
 * Format-neutral native binaries: detection by magic number, bounded byte sources, and the inspection facade
 * ({@link dev.wheeltapper.binary.BinaryInspector}, {@link dev.wheeltapper.binary.BinaryInspection}) that joins
 * hardening, toolchain, needed libraries and symbol versions of one binary.
 */
package dev.wheeltapper.binary;
