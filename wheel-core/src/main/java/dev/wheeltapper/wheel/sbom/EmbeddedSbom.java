package dev.wheeltapper.wheel.sbom;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One file under a wheel's {@code .dist-info/sboms/} directory (PEP 770): where it is, how large, its SHA-256, and
 * what kind of SBOM document its top-level fields say it is. The document is identified, not trusted or validated:
 * its contents are the wheel's claims.
 *
 * <pre>{@code
 * for (EmbeddedSbom s : DistInfoSboms.read(wheel)) {
 *   s.path();           // "auditwheel.cdx.json"
 *   s.format();         // CYCLONEDX
 *   s.serialNumber();   // Optional[urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79]
 *   s.sha256();         // Optional[64 lower-case hex digits], empty when the file could not be read whole
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param path the path below {@code .dist-info/sboms/}, for example {@code auditwheel.cdx.json}
 * @param entryName the full entry name inside the wheel
 * @param size the bytes read (the whole file when {@link #sha256()} is present), or the declared size when the
 *     file was not read
 * @param sha256 lower-case hex SHA-256 of the file, when it was read whole
 * @param format the document kind, from its top-level fields
 * @param specVersion CycloneDX {@code specVersion} or SPDX {@code spdxVersion}, when present
 * @param serialNumber CycloneDX {@code serialNumber}, or SPDX {@code documentNamespace}, when present
 * @param bomVersion CycloneDX {@code version} (the BOM's revision), when present
 * @param problem why the file was not read whole or not understood, when that is so
 */
public record EmbeddedSbom(
    String path,
    String entryName,
    long size,
    Optional<String> sha256,
    Format format,
    Optional<String> specVersion,
    Optional<String> serialNumber,
    OptionalInt bomVersion,
    Optional<String> problem) {

  /** The kind of an SBOM document, as its top-level fields say. */
  public enum Format {
    /** A CycloneDX JSON document ({@code "bomFormat": "CycloneDX"}). */
    CYCLONEDX,
    /** An SPDX JSON document ({@code spdxVersion}). */
    SPDX,
    /** Anything else: another format or serialisation, or JSON that is not one of the above. */
    UNKNOWN
  }

  /** Rejects nulls. */
  public EmbeddedSbom {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(entryName, "entryName");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(specVersion, "specVersion");
    Objects.requireNonNull(serialNumber, "serialNumber");
    Objects.requireNonNull(bomVersion, "bomVersion");
    Objects.requireNonNull(problem, "problem");
  }
}
