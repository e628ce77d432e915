/**
 * The SBOMs a wheel carries under {@code .dist-info/sboms/} (PEP 770, as auditwheel 6.5+ and other build tools write
 * them): each file's name, size and SHA-256, and the few top-level fields that identify the document (CycloneDX
 * {@code bomFormat}, {@code specVersion}, {@code serialNumber}, {@code version}; SPDX {@code spdxVersion},
 * {@code SPDXID}, {@code documentNamespace}), read within fixed bounds so that a consumer can reference them. Start
 * with {@link dev.wheeltapper.wheel.sbom.DistInfoSboms}.
 */
package dev.wheeltapper.wheel.sbom;
