/**
 * Platform policy: the manylinux and musllinux policies (auditwheel's policy JSON, bundled as
 * published, {@code manylinux-policy.json} and {@code musllinux-policy.json}) and their check ({@link dev.wheeltapper.policy.PlatformCheck}), and the CPython Stable
 * ABI (bundled as {@code stable-abi.txt}) with the abi3 check ({@link dev.wheeltapper.policy.Abi3Check}), and the
 * contradictions between a wheel's tags and its binaries ({@link dev.wheeltapper.policy.TagContradictions}, with
 * {@code MacOsSlices} for Mach-O slices against macOS tags). The checks read typed facts, never bytes:
 * {@link dev.wheeltapper.policy.BinaryLinkage} taken from each ELF binary, PE image or Mach-O slice, kept apart from
 * the readers.
 */
package dev.wheeltapper.policy;
