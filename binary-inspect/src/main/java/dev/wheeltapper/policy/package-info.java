/**
 * Platform policy: the manylinux and musllinux policies (auditwheel's policy JSON, bundled as
 * published, {@code manylinux-policy.json} and {@code musllinux-policy.json}) and their check ({@link dev.wheeltapper.policy.PlatformCheck}), and the CPython Stable
 * ABI (bundled as {@code stable-abi.txt}) with the abi3 check ({@link dev.wheeltapper.policy.Abi3Check}). The checks
 * read {@link dev.wheeltapper.policy.BinaryLinkage} facts taken from each ELF binary, kept apart from the ELF reader.
 */
package dev.wheeltapper.policy;
