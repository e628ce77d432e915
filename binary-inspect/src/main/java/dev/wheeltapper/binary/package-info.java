/**
 * Format-neutral native binaries: detection by magic number and bounded byte sources.
 */
package dev.wheeltapper.binary;
