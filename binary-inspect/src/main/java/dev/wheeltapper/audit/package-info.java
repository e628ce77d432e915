/**
 * Joins a wheel and its native binaries into one audit: {@link dev.wheeltapper.audit.WheelAudit} verifies the wheel,
 * finds its native binaries by magic number in the same pass over the archive, inspects them, and judges them against
 * the wheel's tags, the manylinux/musllinux platform policy and the abi3 Stable ABI ({@code dev.wheeltapper.policy}).
 * {@link dev.wheeltapper.audit.NativeBinaries} inspects the binaries of a wheel or a bare file on their own.
 */
package dev.wheeltapper.audit;
