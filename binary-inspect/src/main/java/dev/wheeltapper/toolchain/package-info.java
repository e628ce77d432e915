/**
 * Compilers, languages, bindings and the memory-safety verdict of a native binary.
 */
package dev.wheeltapper.toolchain;
