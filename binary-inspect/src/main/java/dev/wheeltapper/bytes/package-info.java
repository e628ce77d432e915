/**
 * The raw layer under the ELF, PE and Mach-O readers: bounded random-access byte sources over files, memory and ZIP
 * entries ({@link dev.wheeltapper.bytes.ByteSource}), and format detection by magic number
 * ({@link dev.wheeltapper.bytes.NativeFormat}). It imports no other wheeltapper package but {@code report}.
 */
package dev.wheeltapper.bytes;
