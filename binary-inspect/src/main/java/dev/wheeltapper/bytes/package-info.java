/**
 * The raw layer under the ELF, PE and Mach-O readers: bounded random-access byte sources over files, memory and ZIP
 * entries ({@link dev.wheeltapper.bytes.ByteSource}), the one bounds-checked little/big-endian reader the three share
 * ({@link dev.wheeltapper.bytes.BoundedReader}), the base of their format exceptions
 * ({@link dev.wheeltapper.bytes.BinaryFormatException}), format detection by magic number
 * ({@link dev.wheeltapper.bytes.NativeFormat}), and the printable strings in a run of bytes
 * ({@link dev.wheeltapper.bytes.PrintableRuns}, which the toolchain's marker rules read as strings). It imports no
 * other wheeltapper package but {@code report}.
 */
package dev.wheeltapper.bytes;
